/**
 * "Report a wrong fact": pick a vendor and a fact, see what the dataset says
 * now, and open a prefilled issue (or email draft) in a new tab. The link is
 * plain: the extension sends nothing, the user reviews and submits.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { buildCard, type VendorCard } from '../core/card.ts';
import { currentValue, FACT_FIELDS, feedbackUrl, type FactField } from '../core/feedback.ts';
import { dataset } from '../data/index.ts';
import { currentLang, t } from '../shared/i18n.ts';
import { feedbackText, FIELD_LABELS } from './report-text.ts';

/** The page's vendors first; with none, every provider, so a fact can be reported from any page. */
function choices(cards: readonly VendorCard[]): VendorCard[] {
	if (cards.length > 0) return [...cards];
	const lang = currentLang();
	return dataset.providers
		.map((provider) => buildCard(dataset, provider.id, undefined, lang))
		.filter((card): card is VendorCard => card !== undefined)
		.sort((a, b) => a.name.localeCompare(b.name, lang));
}

const keyOf = (card: VendorCard): string => card.offering ?? card.vendor;

export function ReportFact({ cards }: { cards: readonly VendorCard[] }): JSX.Element {
	const options = choices(cards);
	const [vendorKey, setVendorKey] = useState(keyOf(options[0]!));
	const [field, setField] = useState<FactField>('controller');
	const card = options.find((item) => keyOf(item) === vendorKey) ?? options[0]!;
	const value = currentValue(card, field);
	const email = /^mailto:/i.test(dataset.meta.report_url);
	const href = feedbackUrl(dataset.meta.report_url, { card, field, fieldLabel: t(FIELD_LABELS[field]) }, feedbackText());
	return (
		<details class="section report-fact" data-testid="report-fact">
			<summary class="section-summary">{t('popupReportFact')}</summary>
			<p class="section-note">{email ? t('popupReportIntroEmail') : t('popupReportIntroIssue')}</p>
			<div class="field">
				<label for="fact-vendor">{t('popupReportVendor')}</label>
				<select id="fact-vendor" value={keyOf(card)} onChange={(event) => setVendorKey(event.currentTarget.value)}>
					{options.map((item) => <option key={keyOf(item)} value={keyOf(item)}>{item.name}</option>)}
				</select>
			</div>
			<div class="field">
				<label for="fact-field">{t('popupReportField')}</label>
				<select id="fact-field" value={field} onChange={(event) => setField(event.currentTarget.value as FactField)}>
					{FACT_FIELDS.map((item) => <option key={item} value={item}>{t(FIELD_LABELS[item])}</option>)}
				</select>
			</div>
			<div class="field">
				<span id="fact-current-label">{t('popupReportCurrent')}</span>
				<output class="fact-current" aria-labelledby="fact-current-label" data-testid="fact-current">{value || t('popupReportNone')}</output>
			</div>
			<a class="button-link" href={href} target="_blank" rel="noopener noreferrer" data-testid="fact-link">
				{email ? t('popupReportOpenEmail') : t('popupReportOpenIssue')}<span class="visually-hidden"> {t('newTabHint')}</span>
			</a>
		</details>
	);
}
