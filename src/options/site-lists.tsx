/**
 * The sites with a choice of their own: where badges are off, where they are
 * on, and where they are paused until the browser restarts. Removing a site
 * lets it follow the default again; resuming ends its pause.
 */
import type { JSX } from 'preact';
import { t, type MessageKey } from '../shared/i18n.ts';
import { forgetSite, setPaused, type SettingsState } from '../shared/storage.ts';

interface ListProps {
	id: string;
	heading: MessageKey;
	sites: string[];
	action: MessageKey;
	actionFor: MessageKey;
	/** Sites an administrator policy fixes: listed, with the reason, but not removable. */
	locked: (site: string) => boolean;
	onAction: (site: string) => void;
}

function SiteList({ id, heading, sites, action, actionFor, locked, onAction }: ListProps): JSX.Element | null {
	if (sites.length === 0) return null;
	return (
		<section class="site-group" aria-labelledby={`${id}-heading`}>
			<h3 id={`${id}-heading`}>{t(heading)} <span class="count">({sites.length})</span></h3>
			<ul class="site-list" data-testid={id}>
				{sites.map((site, index) => (
					<li key={site} data-site={site}>
						<span class="site-name">{site}</span>
						{/* The visible word starts the accessible name, so voice control users can say what they see. */}
						<button type="button" disabled={locked(site)} aria-label={t(actionFor, site)} aria-describedby={locked(site) ? `${id}-locked-${index}` : undefined}
							onClick={() => onAction(site)}>{t(action)}</button>
						{locked(site) ? <small id={`${id}-locked-${index}`} class="note locked-note">{t('optionsLocked')}</small> : null}
					</li>
				))}
			</ul>
		</section>
	);
}

export function SiteLists({ state, onChanged }: { state: SettingsState; onChanged: () => void }): JSX.Element {
	const entries = Object.entries(state.settings.sites).sort(([a], [b]) => a.localeCompare(b));
	const off = entries.filter(([, on]) => !on).map(([site]) => site);
	const on = entries.filter(([, value]) => value).map(([site]) => site);
	const paused = [...state.paused].sort((a, b) => a.localeCompare(b));
	const byPolicy = (site: string): boolean => state.lockedSites.includes(site);
	return (
		<section aria-labelledby="sites-heading">
			<h2 id="sites-heading">{t('optionsSites')}</h2>
			{off.length + on.length + paused.length === 0 ? <p class="empty">{t('optionsSitesEmpty')}</p> : null}
			<SiteList id="sites-off" heading="optionsSitesOff" sites={off} action="optionsRemove" actionFor="optionsRemoveSite" locked={byPolicy}
				onAction={(site) => void forgetSite(site).then(onChanged)} />
			<SiteList id="sites-on" heading="optionsSitesOn" sites={on} action="optionsRemove" actionFor="optionsRemoveSite" locked={byPolicy}
				onAction={(site) => void forgetSite(site).then(onChanged)} />
			<SiteList id="sites-paused" heading="optionsSitesPaused" sites={paused} action="optionsResume" actionFor="optionsResumeSite" locked={() => false}
				onAction={(site) => void setPaused(site, false).then(onChanged)} />
		</section>
	);
}
