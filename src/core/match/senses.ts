/**
 * How each ambiguous name is decided, as data. A candidate mention gets a
 * score: the rule's `prior`, plus the weight of every cue set found in its
 * context, plus the neighbour and capitalisation signals. It is kept when the
 * score is above zero.
 *
 * Reading a rule: `prior` says which sense wins with no evidence at all
 * ("Bleu" alone is a colour, -2; "Azure" alone is Microsoft, 0 plus its
 * capital letter). `cues` says what each kind of context weighs for this
 * name. `before`/`after` are the immediate neighbouring words, stronger than
 * the wider context.
 */
import type { CueSetId } from './cues.ts';

export interface SenseRule {
	why: string;
	prior: number;
	/** Weight per cue set found in the context window (positive: the vendor; negative: another sense). */
	cues: Partial<Record<CueSetId, number>>;
	/** Words right before the name: weight when one of them is the previous word. */
	before?: Record<string, number>;
	/** Words right after the name: weight when one of them is the next word. */
	after?: Record<string, number>;
	/** Weight of a capitalised occurrence that is not in a headline; half of it at the start of a sentence. */
	capitalised: number;
	/** Overrides of the neighbour weights (see NEIGHBOUR_WEIGHTS). */
	near?: { same?: number; other?: number };
}

/** Neutral business context helps every company name the same way. */
const BUSINESS = { cloud: 2, company: 1 } as const;

/**
 * A company is the subject of these verbs ("Orange a annoncé", "Akamai said"):
 * fruits, islands and colours rarely are.
 */
const COMPANY_VERBS: Record<string, number> = Object.fromEntries(
	['a', 'annonce', 'lance', 'propose', 'offre', 'soutient', 'signe', 'investit', 'rachete', 'acquiert', 'devient', 'prevoit', 'compte', 'obtient',
		'announced', 'announces', 'says', 'said', 'launches', 'launched', 'offers', 'signed', 'plans', 'reported', 'acquired', 'acquires',
		'unveiled', 'unveils', 'confirmed', 'expects', 'invests', 'invested', 'sponsors', 'obtains', 'obtained'].map((verb) => [verb, 2]),
);

export const DEFAULT_SENSE: SenseRule = {
	why: 'Any other ambiguous name: it needs some cloud or business context to count.',
	prior: -1,
	cues: { ...BUSINESS },
	after: COMPANY_VERBS,
	capitalised: 1,
};

/** Keyed by the alias text, lower case. */
export const SENSES: Record<string, SenseRule> = {
	orange: {
		why: 'Orange is a fruit, a colour, a town in Vaucluse and a telecom company; the company counts in any news.',
		prior: -1,
		cues: { ...BUSINESS, telecom: 2, food: -3, colour: -2, townOfOrange: -4, place: -1 },
		before: { jus: -5, juice: -5, agent: -5, of: -2, chez: 3, groupe: 3, operateur: 3, operator: 3, filiale: 2, directeur: 2, directrice: 2, regional: 2, partenariat: 2 },
		after: {
			...COMPANY_VERBS,
			juice: -5, county: -5, river: -5, bowl: -5, free: -4, is: -1, order: -3, caritat: -6,
			business: 4, cyberdefense: 4, bank: 3, france: 2, belgium: 3, belgique: 3, polska: 3, telecom: 3, labs: 3, sa: 3,
		},
		capitalised: 2,
	},
	bleu: {
		why: 'Bleu is the French word for blue, a cheese family, "cordon bleu" and "les Bleus"; the company needs cloud context.',
		prior: -2,
		cues: { ...BUSINESS, telecom: 1, food: -3, colour: -3, sport: -2 },
		before: { cordon: -6, ciel: -3, yeux: -3, maillot: -3, en: -1, le: -1, societe: 3, entreprise: 3, coentreprise: 3, filiale: 3 },
		// "Bleu obtient la qualification", "Bleu lance…": the company as a subject (with cloud context, or on a cloud page).
		after: { ...COMPANY_VERBS, blanc: -5, marine: -5, ciel: -5, roi: -5, nuit: -5, clair: -4, fonce: -4, horizon: -4, petrole: -4, turquoise: -4, de: -1, d: -1 },
		capitalised: 1,
	},
	amazon: {
		why: 'Amazon is a river, a rainforest, a shop and a whole group; only the cloud business counts as AWS.',
		prior: -1,
		cues: { cloud: 3, river: -3, shop: -3, parentGroup: -2.5, myth: -2 },
		after: { prime: -5, river: -5, rainforest: -5, basin: -5, kindle: -5, alexa: -5, echo: -4, music: -4, video: -3, fresh: -4, go: -2, products: -3, web: 2 },
		before: { the: -0.5, groupe: -4, group: -3 },
		// "AWS … Amazon" often contrasts the cloud arm with its parent, so a nearby AWS is weaker evidence here.
		near: { same: 1, other: 1.5 },
		capitalised: 0.5,
	},
	google: {
		why: 'Google is also the search engine and its consumer apps; only Google as a cloud or IT supplier counts.',
		prior: -1,
		cues: { cloud: 3, company: 0.5, search: -2.5, parentGroup: -2 },
		after: {
			maps: -6, search: -6, chrome: -6, play: -6, translate: -6, earth: -6, images: -6, scholar: -6, news: -6, street: -6,
			ads: -6, adsense: -6, pixel: -6, assistant: -5, home: -5, lens: -6, photos: -5, trends: -6, doodle: -6, flights: -6,
			books: -6, arts: -6, analytics: -3, shopping: -6, pay: -6, wallet: -6, tv: -6, nest: -6, fit: -6, it: -6, actualites: -6,
			traduction: -6, workspace: 5, docs: 3, drive: 3, meet: 3, sheets: 3, kubernetes: 5,
		},
		near: { other: 1.5 },
		capitalised: 0,
	},
	oracle: {
		why: 'An oracle is a prophecy or a seer (the oracle of Delphi); the capitalised name mid-sentence is nearly always the company.',
		prior: 0,
		cues: { ...BUSINESS, myth: -3 },
		before: { the: -0.5, l: -0.5 },
		after: { of: -1.5, ...COMPANY_VERBS },
		capitalised: 1.5,
	},
	azure: {
		why: 'Azure is a colour in English and an heraldic tincture; capitalised mid-sentence it is Microsoft Azure.',
		prior: 0,
		cues: { ...BUSINESS, colour: -3, island: -1 },
		after: { window: -6, coast: -6, sky: -5, skies: -5, sea: -5, waters: -5, blue: -5 },
		capitalised: 1.5,
	},
	delos: {
		why: 'Delos is a Greek island, the Delian League and the company in Westworld; the SAP subsidiary needs cloud context.',
		prior: -1,
		cues: { cloud: 3, company: 0.5, myth: -3, island: -3 },
		after: { island: -6, inc: -6, destinations: -6, living: -6 },
		capitalised: 0.5,
	},
	aruba: {
		why: 'Aruba is a Caribbean island and HPE’s networking brand; the Italian provider needs hosting context.',
		prior: -1,
		cues: { cloud: 2.5, company: 0.5, island: -3, networking: -4 },
		before: { hpe: -6 },
		after: { networks: -6, networking: -6, central: -5, instant: -5, clearpass: -6, island: -6, cloud: 4, spa: 3 },
		capitalised: 0.5,
	},
	alibaba: {
		why: 'Alibaba is also the folk tale (Ali Baba) spelt as one word; the company counts, the tale does not.',
		prior: 0,
		cues: { ...BUSINESS, folktale: -4 },
		after: COMPANY_VERBS,
		capitalised: 1,
	},
	akamai: {
		why: 'Akamai is also the Hawaiian word for smart or clever, used in slang.',
		prior: -1,
		cues: { ...BUSINESS, slang: -4 },
		after: COMPANY_VERBS,
		capitalised: 1,
	},
	outlook: {
		why: 'An outlook is a forecast; Outlook the Microsoft product comes with email and calendar words.',
		prior: -2,
		cues: { mail: 3, cloud: 1 },
		after: { for: -3, on: -2, pour: -3, sur: -2 },
		near: { same: 3, other: 1 },
		capitalised: 0.5,
	},
	teams: {
		why: 'Teams are groups of people or sports sides; Microsoft Teams comes with meetings and chat words.',
		prior: -2,
		cues: { meetings: 3, cloud: 1, sport: -3 },
		near: { same: 3, other: 1 },
		capitalised: 0.5,
	},
	lambda: {
		why: 'Lambda is a Greek letter, a symbol in physics and a kind of function in programming; AWS Lambda needs serverless context.',
		prior: -2,
		cues: { serverless: 2.5, cloud: 1 },
		before: { aws: 6, amazon: 6 },
		near: { same: 3, other: 0.5 },
		capitalised: 0,
	},
	s3: {
		why: '"S3" also names the storage protocol other providers copy ("S3-compatible"); AWS’s service needs storage context without that.',
		prior: -2,
		cues: { objectStorage: 2.5, cloud: 1, s3Protocol: -6 },
		before: { amazon: 6, aws: 6, api: -4, protocole: -4 },
		after: { compatible: -6, api: -4 },
		near: { same: 3, other: 0 },
		capitalised: 0,
	},
	obs: {
		why: 'OBS is Orange Business’s short name, but also L’Obs the magazine and OBS Studio.',
		prior: -2,
		cues: { cloud: 2, telecom: 2, company: 1, press: -4 },
		before: { l: -4 },
		after: { studio: -6 },
		near: { same: 3, other: 2 },
		capitalised: 0,
	},
	droplets: {
		why: 'Droplets of water or oil; DigitalOcean’s virtual machines need cloud context.',
		prior: -2,
		cues: { cloud: 3, water: -3 },
		near: { same: 3, other: 1 },
		capitalised: 0.5,
	},
};

/**
 * Neighbour signals that are not tied to one name.
 * - An unambiguous mention of the same vendor nearby is the best evidence
 *   ("Microsoft Teams … Teams" is the same product).
 * - Any other unambiguous vendor nearby means the passage is about cloud.
 */
export const NEIGHBOUR_WEIGHTS = {
	sameVendorNear: 3,
	otherVendorNear: 2,
	vendorsInText: 1,
	/** How far "near" reaches, in characters, on each side. */
	nearChars: 400,
} as const;

/** How wide the context window is, in characters on each side, for cue lookup. */
export const CONTEXT_CHARS = 240;
