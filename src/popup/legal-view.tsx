/**
 * The legal view (popup page with ?view=legal#<regime>): every law and rule
 * in the dataset, each with its summary, reach, why it matters, status and
 * date, official text and sources, and the one asked for in focus. The hover
 * card's law links open it through the background ('open-legal').
 */
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { allLegalEntries, type LegalEntry } from '../core/legal.ts';
import type { RegimeT } from '../core/dataset/types.ts';
import { dataset } from '../data/index.ts';
import { currentLang, t, type MessageKey } from '../shared/i18n.ts';
import type { SettingsState } from '../shared/storage.ts';
import { useSettings } from '../ui/use-settings.ts';
import { ConfidenceTag, SourceList } from '../ui/vendor-card-view.tsx';
import { TimeSensitive } from './legal-context.tsx';
import { safeDecode } from './route.ts';

const KIND_LABELS: Record<RegimeT['kind'], MessageKey> = {
	'statute': 'kindStatute',
	'executive-order': 'kindExecutiveOrder',
	'case-law': 'kindCaseLaw',
	'adequacy-decision': 'kindAdequacyDecision',
	'regulation': 'kindRegulation',
	'directive': 'kindDirective',
	'certification': 'kindCertification',
	'policy': 'kindPolicy',
	'framework': 'kindFramework',
	'event': 'kindEvent',
};

const currentHash = (): string => safeDecode(location.hash.slice(1)).slice(0, 80);

/**
 * The regime named in the URL's hash, kept current as links inside the page
 * change it. Each time, that regime is scrolled to and given focus, so
 * keyboard and screen reader users land there too.
 */
function useHashTarget(): string {
	const [hash, setHash] = useState(currentHash);
	useEffect(() => {
		const onChange = (): void => setHash(currentHash());
		window.addEventListener('hashchange', onChange);
		return () => window.removeEventListener('hashchange', onChange);
	}, []);
	useEffect(() => {
		const target = hash ? document.getElementById(hash) : null;
		if (!target) return;
		target.scrollIntoView({ block: 'start' });
		target.focus({ preventScroll: true });
	}, [hash]);
	return hash;
}

function Entry({ entry, names }: { entry: LegalEntry; names: ReadonlyMap<string, string> }): JSX.Element {
	return (
		<article class="regime" id={entry.id} tabIndex={-1} aria-labelledby={`${entry.id}-title`}>
			<h2 id={`${entry.id}-title`}>{entry.short}</h2>
			<p class="regime-name">{entry.name}</p>
			<p class="regime-meta">{t('legalKindJurisdiction', t(KIND_LABELS[entry.kind]), entry.jurisdictionName)}</p>
			<h3>{t('legalSummary')}</h3>
			<p>{entry.summary}</p>
			<h3>{t('legalReaches')}</h3>
			<p>{entry.reaches}</p>
			<h3>{t('legalWhy')}</h3>
			<p>{entry.whyItMatters}</p>
			<p class="law-status"><strong>{t('legalStatus', entry.status.asOf)}</strong> {entry.status.text} <ConfidenceTag confidence={entry.status.confidence} /></p>
			{entry.status.timeSensitive ? <TimeSensitive asOf={entry.status.asOf} /> : null}
			<h3>{t('legalDates')}</h3>
			<ul class="regime-dates">
				{entry.dates.map((item) => <li key={`${item.date}-${item.label}`}><time>{item.date}</time> — {item.label}</li>)}
			</ul>
			<p>
				<strong>{t('legalOfficialRef')}:</strong>{' '}
				<a href={entry.officialRef.url} target="_blank" rel="noopener noreferrer">{entry.officialRef.title}</a>
			</p>
			<SourceList sources={entry.sources} label={t('legalSources')} className="regime-sources" />
			{entry.related.length > 0 ? (
				<p class="regime-related">
					<strong>{t('legalRelated')}:</strong>{' '}
					{entry.related.filter((id) => names.has(id)).map((id, index) => (
						<span key={id}>{index > 0 ? ', ' : ''}<a href={`#${id}`}>{names.get(id)}</a></span>
					))}
				</p>
			) : null}
			<p><a href="#contents">{t('legalBackToList')}</a></p>
		</article>
	);
}

export function LegalView({ initialSettings }: { initialSettings: SettingsState }): JSX.Element {
	useSettings(initialSettings);
	const lang = currentLang();
	const entries = useMemo(() => allLegalEntries(dataset, lang), [lang]);
	const names = useMemo(() => new Map(entries.map((entry) => [entry.id, entry.short])), [entries]);
	const asked = useHashTarget();
	// A link may name a regime a newer dataset has and this one lacks: say so, then show the list.
	const unknown = asked && asked !== 'contents' && !names.has(asked) ? asked : undefined;
	useEffect(() => {
		document.title = t('legalViewTitle');
	}, [lang]);

	return (
		<>
			<header class="legal-header">
				<h1>{t('legalViewTitle')}</h1>
				<p class="section-note">{t('legalViewIntro')}</p>
				<p class="note">{t('popupDataVersion', dataset.meta.version, dataset.meta.data_as_of)}</p>
				{unknown ? <p class="warning" role="alert" data-testid="legal-not-found">{t('legalNotFound', unknown)}</p> : null}
			</header>
			<nav class="legal-toc-nav" id="contents" aria-labelledby="contents-heading" tabIndex={-1}>
				<h2 id="contents-heading">{t('legalContents')}</h2>
				<ul class="legal-toc">
					{entries.map((entry) => <li key={entry.id}><a href={`#${entry.id}`}>{entry.short}</a> <span class="note-inline">· {entry.jurisdictionName}</span></li>)}
				</ul>
			</nav>
			<main class="legal-main">
				{entries.map((entry) => <Entry key={entry.id} entry={entry} names={names} />)}
			</main>
		</>
	);
}
