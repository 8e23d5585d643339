/**
 * "This page": the vendors the page names, grouped by verdict level, each
 * with its mention count, its main reason in sight and the others one click
 * away. Activating a vendor (click, Enter or Space: it is a button) scrolls
 * the page to its first mention and flashes it.
 */
import type { JSX } from 'preact';
import type { PageSummary, SummaryVendor } from '../core/page-summary.ts';
import { t, tCount, type Lang } from '../shared/i18n.ts';
import type { PageReport } from '../shared/protocol.ts';
import { LevelChip } from '../ui/level-badge.tsx';
import { ConfidenceTag } from '../ui/vendor-card-view.tsx';

/** Why the page was not read, when it was not: the global switch, the session's pause, or the site's own switch. */
export type OffReason = 'everywhere' | 'paused' | 'site';

const OFF_MESSAGES = { everywhere: 'popupOffEverywhere', paused: 'popupOffPaused', site: 'popupOffHere' } as const;

interface ThisPageProps {
	report: PageReport | null;
	offReason: OffReason;
	loading: boolean;
	summary: PageSummary | undefined;
	lang: Lang;
	onReveal: (vendor: SummaryVendor) => void;
}

function VendorItem({ item, onReveal }: { item: SummaryVendor; onReveal: ThisPageProps['onReveal'] }): JSX.Element {
	const { card } = item;
	const reasons = card.reasons.filter((reason) => reason.kind !== 'dispute');
	const key = card.offering ?? card.vendor;
	return (
		<li class="vendor" data-vendor={key}>
			<button type="button" class="vendor-reveal" data-testid={`reveal-${key}`} onClick={() => onReveal(item)}>
				<span class="vendor-name">{card.name}</span>
				<span class="vendor-count">{tCount(item.count, 'popupMentionsOne', 'popupMentionsMany')}</span>
				<span class="visually-hidden">, {t('popupRevealHint')}</span>
			</button>
			{reasons[0] ? <p class="vendor-reason">{reasons[0].text} <ConfidenceTag confidence={reasons[0].confidence} /></p> : null}
			{reasons.length > 1 ? (
				<details class="vendor-why">
					<summary>{t('cardWhy')}</summary>
					<ul>
						{reasons.map((reason) => <li key={reason.text}>{reason.text} <ConfidenceTag confidence={reason.confidence} /></li>)}
					</ul>
				</details>
			) : null}
		</li>
	);
}

function pageBody({ report, offReason, loading, summary, lang, onReveal }: ThisPageProps): JSX.Element {
	if (!report) return <p class="empty">{loading ? t('popupLoading') : t('popupNotAvailable')}</p>;
	if (!report.active) return <p class="empty" data-testid="page-off">{t(OFF_MESSAGES[offReason])}</p>;
	if (!summary || summary.vendors.length === 0) return <p class="empty">{t('popupNoVendors')}</p>;
	return (
		<>
			{/* Providers, as the toolbar counts them: an offering listed apart (a sovereign branch) is still its provider's. */}
			<p class="section-note" data-testid="vendor-total">{tCount(new Set(summary.vendors.map((item) => item.card.vendor)).size, 'popupVendorsOne', 'popupVendorsMany')}</p>
			<div data-testid="vendor-list">
				{summary.groups.map((group) => (
					<section class="group" key={group.level} data-level={group.level} aria-labelledby={`group-${group.level}`}>
						<h3 id={`group-${group.level}`} class="group-heading">
							<LevelChip level={group.level} lang={lang} />
						</h3>
						<ul class="vendor-list">
							{group.vendors.map((item) => <VendorItem key={item.card.offering ?? item.card.vendor} item={item} onReveal={onReveal} />)}
						</ul>
					</section>
				))}
			</div>
			{summary.unknown.length > 0 ? <p class="note">{t('popupUnknownVendors', summary.unknown.join(', '))}</p> : null}
			{report.marksOnly ? <p class="note" data-testid="marks-only">{t('popupMarksOnly')}</p> : null}
		</>
	);
}

export function ThisPage(props: ThisPageProps): JSX.Element {
	return (
		<section class="section" aria-labelledby="this-page">
			<h2 id="this-page">{t('popupThisPage')}</h2>
			{pageBody(props)}
		</section>
	);
}
