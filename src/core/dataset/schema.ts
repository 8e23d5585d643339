/**
 * The dataset's schema: the single source of truth for what a provider or a
 * legal regime file may contain. Tests and the build validate every JSON file
 * in `src/data/` against it; nothing here ships in the content script (only
 * types are imported at runtime, and they are erased).
 *
 * Design rules, so reviewers can check the data:
 * - every fact is a `Sourced` object: it names its sources (by key into the
 *   file's own `sources` table) and a confidence level;
 * - text shown to users is bilingual (`{ en, fr }`) and written by us;
 * - verdicts are never stored: `src/core/verdict/` derives them from facts.
 */
import { z } from 'zod';

/** ISO 3166-1 alpha-2, upper case ("US", "FR"). */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as "FR"');

/** A calendar date at the precision the source gives: "2025", "2025-04" or "2025-04-17". */
export const PartialDate = z
	.string()
	.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');

/** A full calendar date, for "last verified" and "as of" stamps. */
export const FullDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD');

export const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id');

export const LocalText = z.strictObject({
	en: z.string().trim().min(1),
	fr: z.string().trim().min(1),
});

/**
 * A name: the same in every language ("OVH Groupe"), or, where words come
 * with it ("the Klaba family", "founders"), written in each language.
 */
export const Named = z.union([z.string().trim().min(2), LocalText]);

export const Confidence = z.enum(['verified', 'single-source', 'unverified']);

/**
 * A source document. `date_kind` says what the date is: the publication date,
 * an approximate publication date ("c. 2025-12"), or, for undated pages, the
 * date we consulted it. Only the first two count as a dated source for
 * certifications and legal claims.
 */
export const Source = z.strictObject({
	url: z.url({ protocol: /^https?$/ }),
	title: z.string().trim().min(3),
	date: PartialDate,
	date_kind: z.enum(['published', 'circa', 'retrieved']).default('published'),
	/** Who published it: "ANSSI", "Le Monde Informatique", "vendor press release". */
	publisher: z.string().trim().min(1).optional(),
	/** Primary = the regulator, the law text, a court, or the vendor itself. */
	primary: z.boolean().default(false),
});

const SourceKey = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a source key such as "anssi-2025-12"');

/** Fields every fact carries. */
const sourcedFields = {
	confidence: Confidence,
	sources: z.array(SourceKey).min(1),
	/** Optional caveat shown next to the fact ("stake size not disclosed"). */
	note: LocalText.optional(),
};

export const Party = z.strictObject({
	entity: Named,
	country: CountryCode,
	/** How this party relates to the one below it: "100 % owner", "50 % JV partner", "listed on NYSE". */
	stake: LocalText.optional(),
});

export const Alias = z.strictObject({
	/** The text as written on pages, NFC. */
	text: z.string().trim().min(2),
	/**
	 * How case is matched.
	 * - `exact`: only this spelling ("AWS", "Bleu", "S3NS");
	 * - `insensitive`: any case after a capital ("OVHcloud", "OVHCloud", "OvhCloud"); all lower case
	 *   ("ovhcloud") is a handle, tag or path more often than prose, and is left out (see match/pattern.ts);
	 * - `title`: this spelling or all capitals ("Outscale", "OUTSCALE").
	 */
	case: z.enum(['exact', 'insensitive', 'title']),
	/** True when the string is also an ordinary word, place, person or other company and needs context. */
	ambiguous: z.boolean().default(false),
	/** Why it is ambiguous (or why a short alias is safe). Required when ambiguous. */
	why: z.string().trim().min(3).optional(),
	/** Ids of other providers that also claim this exact alias, declared on purpose. */
	shared_with: z.array(Id).optional(),
	/** A product name (EC2, PREMI3NS) rather than the company's own name. */
	product: z.boolean().default(false),
});

export const CertificationScheme = z.enum([
	'secnumcloud',
	'hds',
	'c5',
	'ens',
	'iso-27001',
	'eu-csf-seal',
	'eucs',
	'other',
]);

export const CertificationStatus = z.enum(['qualified', 'in-process', 'withdrawn', 'expired', 'none-known']);

export const Certification = z.strictObject({
	scheme: CertificationScheme,
	/** Free name for `other` schemes, and the version for known ones ("SecNumCloud 3.2", "C5:2020"). */
	label: Named,
	/** What is covered: an offer, a service catalogue, a set of data centres. */
	scope: LocalText,
	status: CertificationStatus,
	/** For `in-process`: the milestone reached ("J0 accepted by ANSSI"). */
	milestone: LocalText.optional(),
	/** The date of the status (qualification date, milestone date, withdrawal date). */
	date: PartialDate.optional(),
	/** For eu-csf-seal: "SEAL-2". */
	level: z.string().regex(/^SEAL-[0-4]$/).optional(),
	/** The public registry or certificate page, where one exists. */
	registry: z.url({ protocol: /^https?$/ }).optional(),
	...sourcedFields,
});

export const Region = z.strictObject({
	/** A provider's own region name stays as the provider writes it ("France Central (Paris)"); a country or a description is translated. */
	name: Named,
	country: CountryCode,
	/** Provider's own code for it ("eu-west-3", "fr-par"). */
	code: z.string().trim().min(1).optional(),
});

/** An explicit, sourced statement that a regime reaches this provider, beyond what the rules derive. */
export const RegimeClaim = z.strictObject({
	regime: Id,
	/** The test that makes it apply, in plain words. */
	test: LocalText,
	...sourcedFields,
});

/**
 * A contested claim, shown with both sides. Used for "trusted cloud" ventures
 * whose immunity from non-EU law is claimed by the operator and disputed by others.
 */
export const Dispute = z.strictObject({
	topic: z.enum(['immunity', 'control', 'certification', 'other']),
	claim: LocalText,
	claimed_by: Named,
	counter: LocalText,
	countered_by: Named,
	...sourcedFields,
});

export const Notable = z.strictObject({
	date: PartialDate.optional(),
	text: LocalText,
	...sourcedFields,
});

/** Fields shared by a provider and its offerings. On an offering, each one overrides the provider's. */
const profileFields = {
	names: LocalText,
	/** One neutral line: what it is. */
	description: LocalText,
	aliases: z.array(Alias),
	/** Official web domains, without scheme or "www." ("ovhcloud.com", "aws.amazon.com"). */
	domains: z.array(z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,}(\/[a-z0-9-]+)*$/, 'expected a bare domain')).default([]),
	/** The legal entity that runs the service and signs the contract. */
	operator: z.strictObject({ ...Party.shape, ...sourcedFields }),
	/**
	 * Ownership, from the operator up. `chain[0]` owns the operator, `chain[1]`
	 * owns `chain[0]`, and so on. `controller` is the party with ultimate control,
	 * whose nationality the verdict rules read.
	 */
	control: z.strictObject({
		chain: z.array(Party),
		controller: Party,
		...sourcedFields,
	}),
	/** The company whose technology runs the service under licence (Bleu → Microsoft). */
	licensor: z
		.strictObject({
			entity: Named,
			country: CountryCode,
			/** Dataset id of the licensor, when it is itself a provider. */
			provider: Id.optional(),
			what: LocalText,
			...sourcedFields,
		})
		.optional(),
	regions: z.strictObject({ items: z.array(Region).min(1), ...sourcedFields }).optional(),
	certifications: z.array(Certification).default([]),
	regimes: z.array(RegimeClaim).default([]),
	disputes: z.array(Dispute).default([]),
	notable: z.array(Notable).default([]),
};

export const Offering = z.strictObject({
	/** Globally unique, prefixed with the provider id: "aws-european-sovereign-cloud". */
	id: Id,
	names: LocalText,
	description: LocalText,
	aliases: z.array(Alias).min(1),
	domains: profileFields.domains,
	operator: profileFields.operator.optional(),
	control: profileFields.control.optional(),
	licensor: profileFields.licensor,
	regions: profileFields.regions,
	certifications: profileFields.certifications,
	regimes: profileFields.regimes,
	disputes: profileFields.disputes,
	notable: profileFields.notable,
});

export const Provider = z.strictObject({
	id: Id,
	...profileFields,
	offerings: z.array(Offering).default([]),
	last_verified: FullDate,
	sources: z.record(SourceKey, Source),
});

/**
 * A rule saying when a regime reaches a provider, evaluated by
 * `src/core/verdict/`. Kept as data so the legal file, not code, says who a
 * law reaches.
 * - `controlled-from`: the ultimate controller's country is listed;
 * - `owned-through`: any party in the ownership chain is in a listed country;
 * - `operated-from`: the operating entity is established in a listed country;
 * - `technology-from`: the licensor is in a listed country (a contested reach);
 * - `certified`: the provider or offering holds this scheme with status qualified.
 */
export const ApplicabilityRule = z.discriminatedUnion('test', [
	z.strictObject({ test: z.literal('controlled-from'), countries: z.array(CountryCode).min(1) }),
	z.strictObject({ test: z.literal('owned-through'), countries: z.array(CountryCode).min(1) }),
	z.strictObject({ test: z.literal('operated-from'), countries: z.array(CountryCode).min(1) }),
	z.strictObject({ test: z.literal('technology-from'), countries: z.array(CountryCode).min(1) }),
	z.strictObject({ test: z.literal('certified'), scheme: CertificationScheme }),
]);

export const RegimeKind = z.enum([
	'statute',
	'executive-order',
	'case-law',
	'adequacy-decision',
	'regulation',
	'directive',
	'certification',
	'policy',
	'framework',
	'event',
]);

export const Regime = z.strictObject({
	id: Id,
	kind: RegimeKind,
	names: LocalText,
	/** A short name for badges and lists: "CLOUD Act", "FISA 702". */
	short: LocalText,
	/** "US", "CN", "FR", "DE", "ES", "GB", or "EU" for Union law. */
	jurisdiction: z.union([CountryCode, z.literal('EU')]),
	dates: z
		.array(z.strictObject({ label: LocalText, date: PartialDate }))
		.min(1),
	/** 2–4 sentences in plain words, written by us. */
	summary: LocalText,
	/** Who it reaches and by what test. */
	reaches: LocalText,
	why_it_matters: LocalText,
	official_ref: z.strictObject({
		title: z.string().trim().min(3),
		url: z.url({ protocol: /^https?$/ }),
	}),
	/** What supports the summary, reach and why-it-matters texts. */
	basis: z.strictObject(sourcedFields),
	status: z.strictObject({
		as_of: FullDate,
		text: LocalText,
		/** Flag items whose status may change soon (sunsets, pending appeals, drafts). */
		time_sensitive: z.boolean(),
		...sourcedFields,
	}),
	/** When the verdict rules should list this regime for a provider. Absent: listed only by explicit claims. */
	applies: z.array(ApplicabilityRule).default([]),
	/** Related regimes, for "see also". */
	related: z.array(Id).default([]),
	sources: z.record(SourceKey, Source),
});

export const DatasetMeta = z.strictObject({
	version: z.string().regex(/^\d+\.\d+\.\d+$/),
	data_as_of: FullDate,
	/** Where to report an error. */
	report_url: z.url(),
	method_url: z.url(),
});

export type LocalTextT = z.infer<typeof LocalText>;
export type NamedT = z.infer<typeof Named>;
export type ConfidenceT = z.infer<typeof Confidence>;
export type SourceT = z.infer<typeof Source>;
export type PartyT = z.infer<typeof Party>;
export type AliasT = z.infer<typeof Alias>;
export type CertificationT = z.infer<typeof Certification>;
export type CertificationSchemeT = z.infer<typeof CertificationScheme>;
export type RegimeClaimT = z.infer<typeof RegimeClaim>;
export type DisputeT = z.infer<typeof Dispute>;
export type NotableT = z.infer<typeof Notable>;
export type OfferingT = z.infer<typeof Offering>;
export type ProviderT = z.infer<typeof Provider>;
export type RegimeT = z.infer<typeof Regime>;
export type ApplicabilityRuleT = z.infer<typeof ApplicabilityRule>;
export type DatasetMetaT = z.infer<typeof DatasetMeta>;
