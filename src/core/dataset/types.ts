/**
 * Runtime shapes of the dataset. The JSON files are validated against
 * `schema.ts` in tests and at build time, so at runtime they are trusted and
 * typed with the schema's inferred types, without shipping a validator.
 */
import type { DatasetMetaT, ProviderT, RegimeT } from './schema.ts';

/** The files as imported, keyed by their path under `src/data/` ("providers/aws.json"). */
export interface RawDataset {
	meta: unknown;
	providers: Record<string, unknown>;
	regimes: Record<string, unknown>;
}

export interface Dataset {
	meta: DatasetMetaT;
	providers: readonly ProviderT[];
	regimes: readonly RegimeT[];
}

export type {
	AliasT,
	CertificationT,
	ConfidenceT,
	DatasetMetaT,
	DisputeT,
	LocalTextT,
	NotableT,
	OfferingT,
	PartyT,
	ProviderT,
	RegimeT,
	SourceT,
} from './schema.ts';
