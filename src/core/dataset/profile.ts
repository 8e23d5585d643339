/**
 * A "profile" is what the UI and the verdict rules look at: a provider, or one
 * of its offerings with the provider's facts filled in where the offering says
 * nothing different. Offerings only list what differs (see schema.ts), so the
 * merge is field by field, and an empty list on an offering means "inherit".
 */
import type { Dataset, OfferingT, ProviderT } from './types.ts';

export interface Profile {
	/** The provider id, always. */
	vendor: string;
	/** The offering id, when the profile is an offering. */
	offering?: string;
	provider: ProviderT;
	names: ProviderT['names'];
	description: ProviderT['description'];
	domains: string[];
	operator: ProviderT['operator'];
	control: ProviderT['control'];
	licensor: ProviderT['licensor'];
	regions: ProviderT['regions'];
	certifications: ProviderT['certifications'];
	regimes: ProviderT['regimes'];
	disputes: ProviderT['disputes'];
	notable: ProviderT['notable'];
}

const inherit = <T>(own: T[] | undefined, parent: T[]): T[] => (own && own.length > 0 ? own : parent);

export function providerProfile(provider: ProviderT): Profile {
	return {
		vendor: provider.id,
		provider,
		names: provider.names,
		description: provider.description,
		domains: provider.domains,
		operator: provider.operator,
		control: provider.control,
		licensor: provider.licensor,
		regions: provider.regions,
		certifications: provider.certifications,
		regimes: provider.regimes,
		disputes: provider.disputes,
		notable: provider.notable,
	};
}

/**
 * An offering with its own operator or control is a different arrangement
 * (S3NS's "France Data Boundary" is run by Google, not by S3NS): it does not
 * inherit the provider's licence, disputes or regime claims, which describe
 * the provider's own set-up. Otherwise those carry over.
 */
export function offeringProfile(provider: ProviderT, offering: OfferingT): Profile {
	const ownSetup = offering.operator !== undefined || offering.control !== undefined;
	return {
		vendor: provider.id,
		offering: offering.id,
		provider,
		names: offering.names,
		description: offering.description,
		domains: inherit(offering.domains, []),
		operator: offering.operator ?? provider.operator,
		control: offering.control ?? provider.control,
		licensor: offering.licensor ?? (ownSetup ? undefined : provider.licensor),
		regions: offering.regions ?? provider.regions,
		certifications: inherit(offering.certifications, provider.certifications),
		regimes: ownSetup ? offering.regimes : [...provider.regimes, ...offering.regimes],
		disputes: ownSetup ? offering.disputes : [...provider.disputes, ...offering.disputes],
		notable: offering.notable,
	};
}

/** Finds a provider or offering profile by ids; undefined when the dataset has no such entry. */
export function findProfile(dataset: Dataset, vendor: string, offering?: string): Profile | undefined {
	const provider = dataset.providers.find((candidate) => candidate.id === vendor);
	if (!provider) return undefined;
	if (!offering) return providerProfile(provider);
	const found = provider.offerings.find((candidate) => candidate.id === offering);
	return found ? offeringProfile(provider, found) : providerProfile(provider);
}
