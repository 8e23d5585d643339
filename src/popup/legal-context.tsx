/**
 * "Legal context": each law or rule that reaches a vendor on the page, once,
 * in plain words (the dataset's own summary), with the vendors it reaches,
 * its status and date, and its official text. A time-sensitive status says
 * so in words and with a symbol, never by colour alone.
 */
import type { JSX } from 'preact';
import type { PageLegalEntry } from '../core/legal.ts';
import { t } from '../shared/i18n.ts';
import { ConfidenceTag } from '../ui/vendor-card-view.tsx';
import { legalUrl } from './open-legal.ts';

function reachText(item: PageLegalEntry): string {
	return item.reaches.map((reach) => (reach.contested ? `${reach.name} (${t('cardContested')})` : reach.name)).join(', ');
}

export function TimeSensitive({ asOf }: { asOf: string }): JSX.Element {
	return (
		<p class="warning" data-testid="time-sensitive">
			<span class="warning-mark" aria-hidden="true">!</span>
			<span>{t('legalTimeSensitive', asOf)}</span>
		</p>
	);
}

export function LegalContext({ legal }: { legal: readonly PageLegalEntry[] }): JSX.Element {
	return (
		<section class="section" aria-labelledby="legal-context">
			<h2 id="legal-context">{t('popupLegal')}</h2>
			{legal.length === 0 ? <p class="empty">{t('popupLegalNone')}</p> : (
				<>
					<p class="section-note">{t('popupLegalIntro')}</p>
					<ul class="law-list" data-testid="legal-list">
						{legal.map((item) => {
							const { entry } = item;
							return (
								<li class="law" key={entry.id} data-regime={entry.id}>
									<h3 class="law-title">{entry.short} <span class="law-juris">· {entry.jurisdictionName}</span></h3>
									{entry.name !== entry.short ? <p class="law-name">{entry.name}</p> : null}
									<p class="law-summary">{entry.summary}</p>
									<p class="law-reach">{t('popupLegalReaches', reachText(item))}</p>
									<p class="law-status">
										<strong>{t('legalStatus', entry.status.asOf)}</strong> {entry.status.text} <ConfidenceTag confidence={entry.status.confidence} />
									</p>
									{entry.status.timeSensitive ? <TimeSensitive asOf={entry.status.asOf} /> : null}
									<p class="law-links">
										<a href={entry.officialRef.url} target="_blank" rel="noopener noreferrer">
											{t('legalOfficialRef')}<span class="visually-hidden">: {entry.officialRef.title} {t('newTabHint')}</span>
										</a>
										<a href={legalUrl(entry.id)} target="_blank" rel="noopener">
											{t('legalMore', entry.short)}<span class="visually-hidden"> {t('newTabHint')}</span>
										</a>
									</p>
								</li>
							);
						})}
					</ul>
				</>
			)}
		</section>
	);
}
