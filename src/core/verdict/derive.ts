/**
 * Derives a verdict from facts. Nothing here is typed in by hand per vendor:
 * the level, the reasons and the list of regimes all follow from the
 * profile's control, licensor, certifications and disputes, and from each
 * regime's own `applies` rules. Each reason is a sentence in fr and en that a
 * reader can check against the cited facts.
 */
import { countryName, isEuEea } from '../dataset/countries.ts';
import type { Profile } from '../dataset/profile.ts';
import type {
	ApplicabilityRuleT,
	CertificationT,
	ConfidenceT,
	DisputeT,
	LocalTextT,
	NamedT,
	RegimeT,
} from '../dataset/schema.ts';
import { inLanguage } from '../dataset/named.ts';
import type { VerdictLevel } from './levels.ts';

export type ReasonKind = 'control' | 'licensor' | 'certification' | 'law' | 'dispute' | 'data';

export interface Reason {
	kind: ReasonKind;
	text: LocalTextT;
	confidence: ConfidenceT;
}

export interface RegimeReach {
	regime: string;
	/** Why it applies, as a sentence. */
	test: LocalTextT;
	/** `rule`: derived from the regime's applies rules; `claim`: a sourced statement in the provider file. */
	basis: 'rule' | 'claim';
	/** True when the reach is disputed (reach through a technology licence). */
	contested: boolean;
	confidence: ConfidenceT;
}

export interface Verdict {
	level: VerdictLevel;
	reasons: Reason[];
	regimes: RegimeReach[];
	disputes: DisputeT[];
	/** The weakest confidence among the facts the level rests on. */
	confidence: ConfidenceT;
}

const CONFIDENCE_ORDER: ConfidenceT[] = ['verified', 'single-source', 'unverified'];
const weakest = (...levels: ConfidenceT[]): ConfidenceT =>
	levels.reduce((worst, level) => (CONFIDENCE_ORDER.indexOf(level) > CONFIDENCE_ORDER.indexOf(worst) ? level : worst), 'verified');

const both = (make: (lang: 'en' | 'fr') => string): LocalTextT => ({ en: make('en'), fr: make('fr') });

const party = (entity: NamedT, country: string, lang: 'en' | 'fr'): string => `${inLanguage(entity, lang)} (${countryName(country, lang)})`;

function qualifiedSecNumCloud(certifications: CertificationT[]): CertificationT | undefined {
	return certifications.find(
		(cert) => cert.scheme === 'secnumcloud' && cert.status === 'qualified' && cert.confidence !== 'unverified',
	);
}

/** Evaluates one applicability rule against a profile; returns the reason sentence when it holds. */
function evaluateRule(rule: ApplicabilityRuleT, profile: Profile): { test: LocalTextT; contested: boolean; confidence: ConfidenceT } | undefined {
	const { control, operator, licensor } = profile;
	switch (rule.test) {
		case 'controlled-from': {
			if (control.confidence === 'unverified' || !rule.countries.includes(control.controller.country)) return undefined;
			const who = control.controller;
			return {
				test: both((lang) => (lang === 'en' ? `Controlled by ${party(who.entity, who.country, lang)}` : `Contrôlé par ${party(who.entity, who.country, lang)}`)),
				contested: false,
				confidence: control.confidence,
			};
		}
		case 'owned-through': {
			if (control.confidence === 'unverified') return undefined;
			const holder = control.chain.find((link) => rule.countries.includes(link.country));
			if (!holder) return undefined;
			return {
				test: both((lang) => (lang === 'en' ? `Owned through ${party(holder.entity, holder.country, lang)}` : `Détenu via ${party(holder.entity, holder.country, lang)}`)),
				contested: false,
				confidence: control.confidence,
			};
		}
		case 'operated-from': {
			if (operator.confidence === 'unverified' || !rule.countries.includes(operator.country)) return undefined;
			return {
				test: both((lang) => (lang === 'en' ? `Operated by ${party(operator.entity, operator.country, lang)}` : `Exploité par ${party(operator.entity, operator.country, lang)}`)),
				contested: false,
				confidence: operator.confidence,
			};
		}
		case 'technology-from': {
			if (!licensor || licensor.confidence === 'unverified' || !rule.countries.includes(licensor.country)) return undefined;
			return {
				test: both((lang) =>
					lang === 'en'
						? `Runs technology licensed from ${party(licensor.entity, licensor.country, lang)}; whether this law reaches it is disputed`
						: `Repose sur une technologie sous licence de ${party(licensor.entity, licensor.country, lang)} ; l’application de ce texte est contestée`,
				),
				contested: true,
				confidence: weakest(licensor.confidence, 'single-source'),
			};
		}
		case 'certified': {
			const cert = profile.certifications.find((item) => item.scheme === rule.scheme && item.status === 'qualified' && item.confidence !== 'unverified');
			if (!cert) return undefined;
			return {
				test: both((lang) => (lang === 'en' ? `Holds ${inLanguage(cert.label, lang)}` : `Détient ${inLanguage(cert.label, lang)}`)),
				contested: false,
				confidence: cert.confidence,
			};
		}
	}
}

/** Which regimes reach a profile, by rule and by explicit claim, each once (a rule beats a contested rule). */
export function regimesFor(profile: Profile, regimes: readonly RegimeT[]): RegimeReach[] {
	const reaches = new Map<string, RegimeReach>();
	for (const regime of regimes) {
		for (const rule of regime.applies) {
			const hit = evaluateRule(rule, profile);
			if (!hit) continue;
			const previous = reaches.get(regime.id);
			// An uncontested reach outranks a contested one for the same regime.
			if (previous && (!previous.contested || hit.contested)) continue;
			reaches.set(regime.id, { regime: regime.id, basis: 'rule', ...hit });
		}
	}
	for (const claim of profile.regimes) {
		if (reaches.has(claim.regime)) continue;
		reaches.set(claim.regime, { regime: claim.regime, test: claim.test, basis: 'claim', contested: false, confidence: claim.confidence });
	}
	// Foreign laws first (what a reader came for), then EU and national rules; uncontested before contested.
	const byId = new Map(regimes.map((regime) => [regime.id, regime]));
	const rank = (reach: RegimeReach): number => (byId.get(reach.regime)?.jurisdiction === 'EU' ? 2 : ['FR', 'DE', 'ES'].includes(byId.get(reach.regime)?.jurisdiction ?? '') ? 1 : 0) * 2 + (reach.contested ? 1 : 0);
	return [...reaches.values()].sort((a, b) => rank(a) - rank(b));
}

function levelFor(profile: Profile): { level: VerdictLevel; confidence: ConfidenceT } {
	const { control, licensor } = profile;
	if (control.confidence === 'unverified') return { level: 'unknown', confidence: 'unverified' };
	const snc = qualifiedSecNumCloud(profile.certifications);
	if (snc) return { level: 'secnumcloud', confidence: weakest(snc.confidence, control.confidence) };
	const country = control.controller.country;
	if (isEuEea(country)) {
		if (licensor && licensor.confidence !== 'unverified' && !isEuEea(licensor.country)) {
			return { level: 'eu-operated-non-eu-tech', confidence: weakest(control.confidence, licensor.confidence) };
		}
		return { level: 'eu-controlled', confidence: control.confidence };
	}
	if (country === 'US') return { level: 'non-eu-us', confidence: control.confidence };
	if (country === 'CN') return { level: 'non-eu-cn', confidence: control.confidence };
	return { level: 'non-eu-other', confidence: control.confidence };
}

function controlReasons(profile: Profile): Reason[] {
	const { control } = profile;
	if (control.confidence === 'unverified') {
		return [{
			kind: 'data',
			text: {
				en: 'Who controls this provider could not be verified from dated sources',
				fr: 'Le contrôle de ce fournisseur n’a pas pu être vérifié à partir de sources datées',
			},
			confidence: 'unverified',
		}];
	}
	const who = control.controller;
	const reasons: Reason[] = [{
		kind: 'control',
		text: both((lang) => (lang === 'en' ? `Controlled by ${party(who.entity, who.country, lang)}` : `Contrôlé par ${party(who.entity, who.country, lang)}`)),
		confidence: control.confidence,
	}];
	// Name non-EU holders below the controller: a minority stake is a fact buyers weigh.
	for (const link of control.chain) {
		if (inLanguage(link.entity, 'en') === inLanguage(who.entity, 'en') || isEuEea(link.country) === isEuEea(who.country)) continue;
		reasons.push({
			kind: 'control',
			text: both((lang) =>
				lang === 'en'
					? `Also held by ${party(link.entity, link.country, lang)}${link.stake ? `: ${link.stake.en}` : ''}`
					: `Également détenu par ${party(link.entity, link.country, lang)}${link.stake ? ` : ${link.stake.fr}` : ''}`,
			),
			confidence: control.confidence,
		});
	}
	return reasons;
}

function certificationReasons(profile: Profile): Reason[] {
	const reasons: Reason[] = [];
	for (const cert of profile.certifications) {
		if (cert.scheme !== 'secnumcloud' || cert.status === 'none-known') continue;
		const when = cert.date ? ` (${cert.date})` : '';
		const label = { en: inLanguage(cert.label, 'en'), fr: inLanguage(cert.label, 'fr') };
		const text: Record<Exclude<CertificationT['status'], 'none-known'>, LocalTextT> = {
			'qualified': { en: `${label.en} qualified by ANSSI${when}`, fr: `Qualifié ${label.fr} par l’ANSSI${when}` },
			'in-process': {
				en: `${label.en} qualification in process${cert.milestone ? `: ${cert.milestone.en}` : ''}${when}`,
				fr: `Qualification ${label.fr} en cours${cert.milestone ? ` : ${cert.milestone.fr}` : ''}${when}`,
			},
			'withdrawn': { en: `${label.en} qualification withdrawn${when}`, fr: `Qualification ${label.fr} retirée${when}` },
			'expired': { en: `${label.en} qualification expired${when}`, fr: `Qualification ${label.fr} expirée${when}` },
		};
		reasons.push({ kind: 'certification', text: text[cert.status], confidence: cert.confidence });
	}
	return reasons;
}

export function deriveVerdict(profile: Profile, regimes: readonly RegimeT[]): Verdict {
	const { level, confidence } = levelFor(profile);
	const reaches = regimesFor(profile, regimes);
	const byId = new Map(regimes.map((regime) => [regime.id, regime]));
	const reasons: Reason[] = [...controlReasons(profile)];

	const { licensor } = profile;
	if (licensor && licensor.confidence !== 'unverified') {
		reasons.push({
			kind: 'licensor',
			text: both((lang) =>
				lang === 'en'
					? `Runs technology from ${party(licensor.entity, licensor.country, lang)} under licence`
					: `Exploite sous licence une technologie de ${party(licensor.entity, licensor.country, lang)}`,
			),
			confidence: licensor.confidence,
		});
	}
	reasons.push(...certificationReasons(profile));

	for (const reach of reaches) {
		const regime = byId.get(reach.regime);
		if (!regime || regime.applies.some((rule) => rule.test === 'certified')) continue;
		reasons.push({
			kind: 'law',
			text: reach.contested
				? { en: `${reach.test.en} (${regime.short.en})`, fr: `${reach.test.fr} (${regime.short.fr})` }
				: { en: `${reach.test.en} → ${regime.short.en} applies`, fr: `${reach.test.fr} → ${regime.short.fr} s’applique` },
			confidence: reach.confidence,
		});
	}

	for (const dispute of profile.disputes) {
		reasons.push({
			kind: 'dispute',
			text: {
				en: `Disputed: ${inLanguage(dispute.claimed_by, 'en')} says “${dispute.claim.en}”; ${inLanguage(dispute.countered_by, 'en')} says “${dispute.counter.en}”`,
				fr: `Contesté : selon ${inLanguage(dispute.claimed_by, 'fr')}, « ${dispute.claim.fr} » ; selon ${inLanguage(dispute.countered_by, 'fr')}, « ${dispute.counter.fr} »`,
			},
			confidence: dispute.confidence,
		});
	}

	return { level, reasons, regimes: reaches, disputes: profile.disputes, confidence };
}
