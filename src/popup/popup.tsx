/**
 * The toolbar popup: this site's vendor (when the page is on a vendor's own
 * domain), what this page names, the legal context, the switches, export,
 * "report a wrong fact", and the dataset version.
 */
import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import browser from '../shared/browser-api.ts';
import { buildCard } from '../core/card.ts';
import { summarisePage, type SummaryVendor } from '../core/page-summary.ts';
import { vendorForSite } from '../core/site.ts';
import { dataset } from '../data/index.ts';
import { currentLang, t } from '../shared/i18n.ts';
import { sendToTab } from '../shared/messages.ts';
import type { SettingsState } from '../shared/storage.ts';
import { useSettings } from '../ui/use-settings.ts';
import { ExportReport } from './export-report.tsx';
import { LegalContext } from './legal-context.tsx';
import { legalUrl } from './open-legal.ts';
import type { PageData } from './page-data.ts';
import { ReportFact } from './report-fact.tsx';
import { SiteControl } from './site-control.tsx';
import { ThisPage, type OffReason } from './this-page.tsx';
import { ThisSite } from './this-site.tsx';
import { useEscape } from './use-escape.ts';
import { usePageData } from './use-page-data.ts';

export interface PopupProps {
	tabId: number | undefined;
	siteOverride: string | undefined;
	inTab: boolean;
	initialSettings: SettingsState;
	initialPage: PageData | undefined;
}

/** Why the page was not read, as the switches above it say: checked in the order the content script applies them. */
function offReason({ settings, paused }: SettingsState, site: string | undefined): OffReason {
	if (!settings.enabled) return 'everywhere';
	// As the pause switch reads it (site-control.tsx).
	if (site !== undefined && paused.includes(site)) return 'paused';
	return 'site';
}

export function Popup({ tabId, siteOverride, inTab, initialSettings, initialPage }: PopupProps): JSX.Element {
	const settingsState = useSettings(initialSettings) ?? initialSettings;
	const page = usePageData(tabId, initialPage);
	const [status, setStatus] = useState('');
	useEscape(!inTab);
	const lang = currentLang();
	const report = page?.report ?? null;

	const summary = useMemo(() => (report?.active ? summarisePage(dataset, report.vendors, lang) : undefined), [report, lang]);
	const siteVendor = useMemo(() => {
		const where = siteOverride ?? report?.url;
		return where ? vendorForSite(dataset, where) : undefined;
	}, [siteOverride, report?.url]);
	const siteCard = siteVendor ? buildCard(dataset, siteVendor.vendor, siteVendor.offering, lang) : undefined;

	const reveal = (item: SummaryVendor): void => {
		const target = page?.tabId;
		if (target === undefined) return;
		const request: { vendor: string; offering?: string } = { vendor: item.card.vendor };
		if (item.card.offering) request.offering = item.card.offering;
		sendToTab(target, 'reveal-mention', request)
			.then((found) => setStatus(found ? t('popupRevealed', item.card.name) : t('popupRevealFailed', item.card.name)))
			.catch(() => setStatus(t('popupRevealFailed', item.card.name)));
	};

	return (
		<>
			<header class="popup-header">
				<img src="/icons/icon-32.png" alt="" width="24" height="24" />
				<h1>{t('popupTitle')}</h1>
				{report ? <span class="popup-site" data-testid="popup-site">{report.site}</span> : null}
			</header>
			<main class="popup-main" aria-busy={!page}>
				<p class="status" role="status" data-testid="popup-status">{status}</p>
				{siteVendor && siteCard ? <ThisSite site={siteVendor} card={siteCard} /> : null}
				{/* The switches come before the list: turning badges off is what people most often open the popup for. */}
				<SiteControl state={settingsState} site={report?.site} />
				<ThisPage report={report} offReason={offReason(settingsState, report?.site)} loading={!page || page.loading} summary={summary} lang={lang} onReveal={reveal} />
				{summary && summary.vendors.length > 0 ? <LegalContext legal={summary.legal} /> : null}
				{report?.active ? <ExportReport report={report} /> : null}
				<ReportFact cards={[...(siteCard ? [siteCard] : []), ...(summary?.vendors.map((item) => item.card) ?? [])]} />
			</main>

			<footer class="popup-footer">
				<p data-testid="data-version">{t('popupDataVersion', dataset.meta.version, dataset.meta.data_as_of)}</p>
				<p class="footer-links">
					<a href={dataset.meta.method_url} target="_blank" rel="noopener noreferrer" data-testid="method-link">
						{t('popupMethod')}<span class="visually-hidden"> {t('newTabHint')}</span>
					</a>
					<a href={legalUrl()} target="_blank" rel="noopener" data-testid="all-laws-link">
						{t('popupAllLaws')}<span class="visually-hidden"> {t('newTabHint')}</span>
					</a>
					<button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>{t('popupOptions')}</button>
				</p>
				<p class="note">{t('popupPrivacy')}</p>
			</footer>
		</>
	);
}
