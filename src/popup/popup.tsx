/**
 * The toolbar popup: what this page names, and the switches for this site.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { buildCard } from '../core/card.ts';
import { isActiveOn } from '../core/settings.ts';
import { dataset } from '../data/index.ts';
import { currentLang, t } from '../shared/i18n.ts';
import { send } from '../shared/messages.ts';
import type { PageReport } from '../shared/protocol.ts';
import { setPaused, setSite, writeSettings } from '../shared/storage.ts';
import { LevelChip } from '../ui/level-badge.tsx';
import { Switch } from '../ui/switch.tsx';
import { useSettings } from '../ui/use-settings.ts';

/** The tab the popup is about. `?tab=<id>` lets tests open the popup as a page. */
async function targetTabId(): Promise<number | undefined> {
	const param = new URLSearchParams(location.search).get('tab');
	if (param && /^\d+$/.test(param)) return Number(param);
	const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
	return tab?.id;
}

type Loaded = { state: 'loading' } | { state: 'ready'; tabId: number | undefined; report: PageReport | null };

export function Popup(): JSX.Element {
	const settingsState = useSettings();
	const [page, setPage] = useState<Loaded>({ state: 'loading' });

	useEffect(() => {
		let stopped = false;
		const load = async (): Promise<void> => {
			const tabId = await targetTabId();
			const report = tabId === undefined ? null : await send('tab-report', { tabId });
			if (!stopped) setPage({ state: 'ready', tabId, report });
		};
		void load();
		// Counts change while the popup is open (live pages): refresh gently.
		const timer = setInterval(() => void load(), 1500);
		return () => {
			stopped = true;
			clearInterval(timer);
		};
	}, []);

	const lang = currentLang();
	const report = page.state === 'ready' ? page.report : null;
	const site = report?.site;
	const settings = settingsState?.settings;
	const locked = settingsState?.locked ?? [];

	return (
		<div class="popup-body" aria-busy={page.state === 'loading' || !settingsState}>
			<header class="popup-header">
				<img src="/icons/icon-32.png" alt="" width="24" height="24" />
				<h1>{t('popupTitle')}</h1>
			</header>

			<section aria-labelledby="this-page">
				<h2 id="this-page">{t('popupThisPage')}</h2>
				{page.state === 'loading' ? null : !report ? (
					<p class="empty">{t('popupNotAvailable')}</p>
				) : report.vendors.length === 0 ? (
					<p class="empty">{t('popupNoVendors')}</p>
				) : (
					<ul class="vendor-list" data-testid="vendor-list">
						{report.vendors.map((item) => {
							const card = buildCard(dataset, item.vendor, item.offering, lang);
							return (
								<li key={`${item.vendor}/${item.offering ?? ''}`} data-vendor={item.vendor}>
									<span class="vendor-name">{card?.name ?? item.vendor}</span>
									<span class="vendor-count">{t('popupMentions', String(item.count))}</span>
									<LevelChip level={item.level} lang={lang} />
								</li>
							);
						})}
					</ul>
				)}
			</section>

			{settings ? (
				<section aria-labelledby="site-control">
					<h2 id="site-control">{t('popupSiteControl')}</h2>
					{site ? (
						<Switch
							testId="site-switch"
							label={t('popupSiteSwitch', site)}
							checked={isActiveOn({ ...settings, enabled: true }, site)}
							disabled={locked.includes('sites')}
							onChange={(on) => void setSite(site, on)}
						/>
					) : null}
					{site ? (
						<Switch
							testId="pause-switch"
							label={t('popupPause')}
							checked={settingsState.paused.includes(site)}
							onChange={(paused) => void setPaused(site, paused)}
						/>
					) : null}
					<Switch
						testId="global-switch"
						label={t('popupGlobalSwitch')}
						checked={settings.enabled}
						disabled={locked.includes('enabled')}
						note={locked.includes('enabled') ? t('optionsLocked') : undefined}
						onChange={(enabled) => void writeSettings({ enabled })}
					/>
				</section>
			) : null}

			<footer class="popup-footer">
				<span data-testid="data-version">{t('popupDataVersion', dataset.meta.version, dataset.meta.data_as_of)}</span>
				<a href="#" onClick={(event) => { event.preventDefault(); void browser.runtime.openOptionsPage(); }}>{t('popupOptions')}</a>
			</footer>
		</div>
	);
}
