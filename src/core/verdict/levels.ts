/**
 * The verdict levels: a small, neutral vocabulary. They describe who controls
 * an offer and which legal systems that exposes it to; they are not grades.
 * "unknown" is shown in the same neutral tone as the others.
 */
import type { LocalTextT } from '../dataset/types.ts';

export const VERDICT_LEVELS = [
	'secnumcloud',
	'eu-controlled',
	'eu-operated-non-eu-tech',
	'non-eu-us',
	'non-eu-cn',
	'non-eu-other',
	'unknown',
] as const;

export type VerdictLevel = (typeof VERDICT_LEVELS)[number];

export const LEVEL_LABELS: Record<VerdictLevel, LocalTextT> = {
	'secnumcloud': { en: 'Qualified SecNumCloud offer', fr: 'Offre qualifiée SecNumCloud' },
	'eu-controlled': { en: 'EU-controlled', fr: 'Sous contrôle européen' },
	'eu-operated-non-eu-tech': {
		en: 'EU-operated, non-EU technology',
		fr: 'Opéré dans l’UE, technologie non européenne',
	},
	'non-eu-us': { en: 'Non-EU control, US law', fr: 'Contrôle hors UE, droit américain' },
	'non-eu-cn': { en: 'Non-EU control, Chinese law', fr: 'Contrôle hors UE, droit chinois' },
	'non-eu-other': { en: 'Controlled outside the EU', fr: 'Contrôle hors UE' },
	'unknown': { en: 'Not enough data', fr: 'Données insuffisantes' },
};

/**
 * A one-character glyph per level, so meaning never rests on colour alone.
 * Letters rather than icons: they survive any font and read aloud sensibly
 * when the aria-label is missing.
 */
export const LEVEL_GLYPHS: Record<VerdictLevel, string> = {
	'secnumcloud': 'Q',
	'eu-controlled': 'E',
	'eu-operated-non-eu-tech': 'L',
	'non-eu-us': 'U',
	'non-eu-cn': 'C',
	'non-eu-other': 'N',
	'unknown': '?',
};
