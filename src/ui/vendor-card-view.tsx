/**
 * The vendor card's content, shared by the hover card on pages and the popup.
 * It only renders a VendorCard (core/card.ts); every fact shows its
 * confidence when it is not fully verified, and "unknown" stays neutral.
 */
import type { JSX } from 'preact';
import type { CardCertification, CardSource, VendorCard } from '../core/card.ts';
import type { ConfidenceT } from '../core/dataset/types.ts';
import { t, type MessageKey } from '../shared/i18n.ts';

export const CERT_STATUS: Record<CardCertification['status'], MessageKey> = {
	'qualified': 'certQualified',
	'in-process': 'certInProcess',
	'withdrawn': 'certWithdrawn',
	'expired': 'certExpired',
	'none-known': 'certNoneKnown',
};

/** A source's date as the source gives it: exact, approximate, or the day we consulted an undated page. */
function sourceDate(source: CardSource): string {
	if (source.dateKind === 'retrieved') return t('dateRetrieved', source.date);
	if (source.dateKind === 'circa') return t('dateCirca', source.date);
	return source.date;
}

/** Sources folded under a summary line with their count: the vendor card and the legal pages list them alike. */
export function SourceList({ sources, label, className }: { sources: readonly CardSource[]; label: string; className: string }): JSX.Element {
	return (
		<details class={className}>
			<summary>{label} ({sources.length})</summary>
			<ol>
				{sources.map((source) => (
					<li key={source.key}>
						<a href={source.url} target="_blank" rel="noopener noreferrer">{source.title}</a>
						{source.publisher ? `, ${source.publisher}` : ''}
						{', '}{sourceDate(source)}
					</li>
				))}
			</ol>
		</details>
	);
}

export function ConfidenceTag({ confidence }: { confidence: ConfidenceT }): JSX.Element | null {
	if (confidence === 'verified') return null;
	return <span class={`tag tag-${confidence}`}>{t(confidence === 'unverified' ? 'confidenceUnverified' : 'confidenceSingle')}</span>;
}

export interface VendorCardViewProps {
	card: VendorCard;
	headingId: string;
	/** Heading level: the hover card is its own document (h2), the popup nests it (h3). */
	level?: 2 | 3;
	onLegal?: (regime: string) => void;
	/** Compact: fewer sections (the popup list); full: everything (hover card, profile). */
	full?: boolean;
}

export function VendorCardView({ card, headingId, level = 2, onLegal, full = true }: VendorCardViewProps): JSX.Element {
	const Heading = level === 2 ? 'h2' : 'h3';
	const Sub = level === 2 ? 'h3' : 'h4';
	return (
		<div class="vc">
			<div class="vc-head">
				<span class={`vc-glyph lv-${card.level}`} aria-hidden="true">{card.glyph}</span>
				<div>
					<Heading id={headingId} class="vc-name">{card.name}</Heading>
					{card.providerName ? <p class="vc-sub">{t('cardOfferingOf', card.providerName)}</p> : null}
					<p class="vc-level">{card.levelLabel} <ConfidenceTag confidence={card.confidence} /></p>
				</div>
			</div>
			<p class="vc-desc">{card.description}</p>

			<Sub class="vc-h">{t('cardWhy')}</Sub>
			<ul class="vc-reasons">
				{card.reasons.filter((reason) => reason.kind !== 'dispute').map((reason) => (
					<li key={reason.text}>{reason.text} <ConfidenceTag confidence={reason.confidence} /></li>
				))}
			</ul>

			<dl class="vc-facts">
				<dt>{t('cardOperator')}</dt>
				<dd>{card.operator.entity} ({card.operator.countryName}) <ConfidenceTag confidence={card.operator.confidence} /></dd>
				{card.owners.length > 0 ? (
					<>
						<dt>{t('cardOwners')}</dt>
						<dd>
							{card.owners.map((owner, index) => (
								<span key={owner.entity}>{index > 0 ? ' → ' : ''}{owner.entity} ({owner.countryName}{owner.stake ? `, ${owner.stake}` : ''})</span>
							))}
						</dd>
					</>
				) : null}
				<dt>{t('cardController')}</dt>
				<dd>{card.controller.entity} ({card.controller.countryName}) <ConfidenceTag confidence={card.controller.confidence} /></dd>
				{card.licensor ? (
					<>
						<dt>{t('cardLicensor')}</dt>
						<dd>{card.licensor.entity} ({card.licensor.countryName}): {card.licensor.what} <ConfidenceTag confidence={card.licensor.confidence} /></dd>
					</>
				) : null}
				{full && card.regions.length > 0 ? (
					<>
						<dt>{t('cardRegions')}</dt>
						<dd>{card.regions.map((region) => `${region.name}${region.code ? ` (${region.code})` : ''}`).join(', ')}</dd>
					</>
				) : null}
			</dl>

			<Sub class="vc-h">{t('cardLaws')}</Sub>
			{card.regimes.length === 0 ? <p class="vc-empty">{t('cardNoLaws')}</p> : (
				<ul class="vc-laws">
					{card.regimes.map((regime) => (
						<li key={regime.id}>
							{onLegal ? (
								<button type="button" class="vc-link" aria-label={t('cardLegalLink', regime.short)} onClick={() => onLegal(regime.id)}>{regime.short}</button>
							) : <strong>{regime.short}</strong>}
							{' — '}{regime.test}
							{regime.contested ? <span class="tag tag-contested">{t('cardContested')}</span> : null}
							{regime.timeSensitive ? <span class="tag tag-asof">{t('cardAsOf', regime.asOf)}</span> : null}
						</li>
					))}
				</ul>
			)}

			<Sub class="vc-h">{t('cardCerts')}</Sub>
			{card.certifications.length === 0 ? <p class="vc-empty">{t('cardNoCerts')}</p> : (
				<ul class="vc-certs">
					{card.certifications.map((cert) => (
						<li key={`${cert.label}-${cert.scope}`}>
							<strong>{cert.label}{cert.level ? ` ${cert.level}` : ''}</strong>: {t(CERT_STATUS[cert.status])}
							{cert.milestone ? ` (${cert.milestone})` : ''}{cert.date ? `, ${cert.date}` : ''}
							<span class="vc-scope"> — {cert.scope}</span>
							{cert.registry ? <> · <a href={cert.registry} target="_blank" rel="noopener noreferrer">{t('cardRegistry')}</a></> : null}
							<ConfidenceTag confidence={cert.confidence} />
						</li>
					))}
				</ul>
			)}

			{card.disputes.length > 0 ? (
				<>
					<Sub class="vc-h">{t('cardDisputed')}</Sub>
					{card.disputes.map((dispute) => (
						<div class="vc-dispute" key={dispute.claim}>
							<p><strong>{t('cardClaims', dispute.claimedBy)}</strong> {dispute.claim}</p>
							<p><strong>{t('cardClaims', dispute.counteredBy)}</strong> {dispute.counter}</p>
						</div>
					))}
				</>
			) : null}

			{full && card.notable.length > 0 ? (
				<>
					<Sub class="vc-h">{t('cardNotable')}</Sub>
					<ul class="vc-notable">
						{card.notable.map((item) => (
							<li key={item.text}>{item.date ? <time>{item.date}</time> : null}{item.date ? ' — ' : ''}{item.text} <ConfidenceTag confidence={item.confidence} /></li>
						))}
					</ul>
				</>
			) : null}

			<SourceList sources={card.sources} label={t('cardSources')} className="vc-sources" />
			<p class="vc-foot">{t('cardDataAsOf', card.dataAsOf, card.lastVerified)}</p>
		</div>
	);
}
