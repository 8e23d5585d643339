/**
 * "Badges": the per-site switch (kept for good), the pause for this browser
 * session, and the global switch. Each writes storage; every open tab's
 * content script watches storage and applies the change at once, no reload.
 * Settings fixed by an administrator show as disabled, with the reason.
 */
import type { JSX } from 'preact';
import { isActiveOn, siteKey } from '../core/settings.ts';
import { t } from '../shared/i18n.ts';
import { setPaused, setSite, writeSettings, type SettingsState } from '../shared/storage.ts';
import { Switch } from '../ui/switch.tsx';

export function SiteControl({ state, site }: { state: SettingsState; site: string | undefined }): JSX.Element {
	const { settings, locked, lockedSites, paused } = state;
	const lockedNote = (key: 'enabled'): string | undefined => (locked.includes(key) ? t('optionsLocked') : undefined);
	// A site the policy names keeps the policy's choice: neither switched nor paused here.
	const siteLocked = site !== undefined && lockedSites.includes(siteKey(site));
	return (
		<section class="section" aria-labelledby="site-control">
			<h2 id="site-control">{t('popupSiteControl')}</h2>
			{site ? (
				<>
					<Switch
						testId="site-switch"
						label={t('popupSiteSwitch', site)}
						// The site's own choice, whatever the global switch says: turning it back on must mean "on here".
						checked={isActiveOn({ ...settings, enabled: true }, site)}
						disabled={siteLocked}
						note={siteLocked ? t('optionsLocked') : settings.enabled ? undefined : t('popupSiteSwitchOverridden')}
						onChange={(on) => void setSite(site, on)}
					/>
					<Switch
						testId="pause-switch"
						label={t('popupPause')}
						checked={paused.includes(site)}
						disabled={siteLocked}
						onChange={(pause) => void setPaused(site, pause)}
					/>
				</>
			) : null}
			<Switch
				testId="global-switch"
				label={t('popupGlobalSwitch')}
				checked={settings.enabled}
				disabled={locked.includes('enabled')}
				note={lockedNote('enabled')}
				onChange={(enabled) => void writeSettings({ enabled })}
			/>
		</section>
	);
}
