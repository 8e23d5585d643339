/**
 * Validates the raw dataset: the zod schema first, then the cross-file checks a
 * schema cannot express (unique ids, resolvable references, declared alias
 * collisions, dated sources for legal claims). Every error names the file and
 * the path of the bad field, so a malformed entry is fixed in one look.
 *
 * Runs in tests and in the build, never in the extension at runtime.
 */
import type { z } from 'zod';
import { DatasetMeta, Provider, Regime, type ProviderT, type RegimeT, type SourceT } from './schema.ts';
import type { RawDataset } from './types.ts';

export interface ValidationResult {
	ok: boolean;
	errors: string[];
	providers: ProviderT[];
	regimes: RegimeT[];
}

function formatIssues(file: string, error: z.ZodError): string[] {
	return error.issues.map((issue) => {
		const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
		return `${file}: ${path || '(root)'}: ${issue.message}`;
	});
}

/** Lower-cased alias text, the key under which collisions are detected. */
const aliasKey = (text: string): string => text.normalize('NFC').toLowerCase();

export function validateDataset(raw: RawDataset): ValidationResult {
	const errors: string[] = [];
	const providers: ProviderT[] = [];
	const regimes: RegimeT[] = [];

	const meta = DatasetMeta.safeParse(raw.meta);
	if (!meta.success) errors.push(...formatIssues('meta.json', meta.error));

	for (const [file, value] of Object.entries(raw.providers)) {
		const parsed = Provider.safeParse(value);
		if (parsed.success) providers.push(parsed.data);
		else errors.push(...formatIssues(file, parsed.error));
	}
	for (const [file, value] of Object.entries(raw.regimes)) {
		const parsed = Regime.safeParse(value);
		if (parsed.success) regimes.push(parsed.data);
		else errors.push(...formatIssues(file, parsed.error));
	}

	errors.push(...checkIds(providers, regimes, raw));
	errors.push(...checkReferences(providers, regimes));
	errors.push(...checkAliases(providers));
	return { ok: errors.length === 0, errors, providers, regimes };
}

function checkIds(providers: ProviderT[], regimes: RegimeT[], raw: RawDataset): string[] {
	const errors: string[] = [];
	const seen = new Map<string, string>();
	const claim = (id: string, where: string): void => {
		const previous = seen.get(id);
		if (previous) errors.push(`${where}: id "${id}" is already used by ${previous}`);
		else seen.set(id, where);
	};
	for (const provider of providers) {
		claim(provider.id, `providers/${provider.id}.json`);
		provider.offerings.forEach((offering, index) => {
			const where = `providers/${provider.id}.json: .offerings[${index}]`;
			if (!offering.id.startsWith(`${provider.id}-`)) {
				errors.push(`${where}.id: offering id "${offering.id}" must start with "${provider.id}-"`);
			}
			claim(offering.id, where);
		});
	}
	for (const regime of regimes) claim(regime.id, `regimes/${regime.id}.json`);
	// A file's name must be its id, so a reviewer finds an entry by its id.
	for (const [file, value] of Object.entries({ ...raw.providers, ...raw.regimes })) {
		const id = (value as { id?: unknown }).id;
		if (typeof id === 'string' && !file.endsWith(`/${id}.json`)) errors.push(`${file}: .id: file name must be ${id}.json`);
	}
	return errors;
}

interface SourcedLike {
	sources: string[];
	confidence: string;
}

/** Every fact in a provider, with its path, so references can be checked uniformly. */
function* factsOf(provider: ProviderT): Generator<[string, SourcedLike, 'claim' | 'fact']> {
	const profiles: Array<[string, Partial<ProviderT>]> = [['', provider]];
	provider.offerings.forEach((offering, index) => profiles.push([`.offerings[${index}]`, offering]));
	for (const [prefix, profile] of profiles) {
		if (profile.operator) yield [`${prefix}.operator`, profile.operator, 'fact'];
		if (profile.control) yield [`${prefix}.control`, profile.control, 'fact'];
		if (profile.licensor) yield [`${prefix}.licensor`, profile.licensor, 'fact'];
		if (profile.regions) yield [`${prefix}.regions`, profile.regions, 'fact'];
		for (const [index, item] of (profile.certifications ?? []).entries()) yield [`${prefix}.certifications[${index}]`, item, 'claim'];
		for (const [index, item] of (profile.regimes ?? []).entries()) yield [`${prefix}.regimes[${index}]`, item, 'claim'];
		for (const [index, item] of (profile.disputes ?? []).entries()) yield [`${prefix}.disputes[${index}]`, item, 'claim'];
		for (const [index, item] of (profile.notable ?? []).entries()) yield [`${prefix}.notable[${index}]`, item, 'fact'];
	}
}

const isDated = (source: SourceT | undefined): boolean => source !== undefined && source.date_kind !== 'retrieved';

function checkReferences(providers: ProviderT[], regimes: RegimeT[]): string[] {
	const errors: string[] = [];
	const providerIds = new Set(providers.map((provider) => provider.id));
	const regimeIds = new Set(regimes.map((regime) => regime.id));

	for (const provider of providers) {
		const file = `providers/${provider.id}.json`;
		const used = new Set<string>();
		for (const [path, fact, kind] of factsOf(provider)) {
			for (const [index, key] of fact.sources.entries()) {
				used.add(key);
				if (!provider.sources[key]) errors.push(`${file}: ${path}.sources[${index}]: unknown source key "${key}"`);
			}
			// Certifications and legal claims must rest on a source with a publication date.
			if (kind === 'claim' && !fact.sources.some((key) => isDated(provider.sources[key]))) {
				errors.push(`${file}: ${path}.sources: needs at least one source with a publication date`);
			}
		}
		for (const key of Object.keys(provider.sources)) {
			if (!used.has(key)) errors.push(`${file}: .sources.${key}: source is never cited`);
		}
		const profiles = [provider, ...provider.offerings];
		profiles.forEach((profile, index) => {
			const prefix = index === 0 ? '' : `.offerings[${index - 1}]`;
			if (profile.licensor?.provider && !providerIds.has(profile.licensor.provider)) {
				errors.push(`${file}: ${prefix}.licensor.provider: unknown provider "${profile.licensor.provider}"`);
			}
			for (const [claimIndex, claim] of profile.regimes.entries()) {
				if (!regimeIds.has(claim.regime)) errors.push(`${file}: ${prefix}.regimes[${claimIndex}].regime: unknown regime "${claim.regime}"`);
			}
		});
	}

	for (const regime of regimes) {
		const file = `regimes/${regime.id}.json`;
		const cited = new Set<string>();
		for (const [path, fact] of [['.basis', regime.basis], ['.status', regime.status]] as const) {
			for (const [index, key] of fact.sources.entries()) {
				cited.add(key);
				if (!regime.sources[key]) errors.push(`${file}: ${path}.sources[${index}]: unknown source key "${key}"`);
			}
			if (!fact.sources.some((key) => isDated(regime.sources[key]))) {
				errors.push(`${file}: ${path}.sources: needs at least one source with a publication date`);
			}
		}
		for (const key of Object.keys(regime.sources)) {
			if (!cited.has(key)) errors.push(`${file}: .sources.${key}: source is never cited`);
		}
		for (const [index, related] of regime.related.entries()) {
			if (!regimeIds.has(related)) errors.push(`${file}: .related[${index}]: unknown regime "${related}"`);
		}
	}
	return errors;
}

/**
 * Two providers may not claim the same alias unless both declare it in
 * `shared_with`: an undeclared collision would make the matcher pick a vendor
 * by file order.
 */
function checkAliases(providers: ProviderT[]): string[] {
	const errors: string[] = [];
	const owners = new Map<string, Array<{ provider: string; where: string; shared: string[] }>>();
	for (const provider of providers) {
		const profiles = [provider, ...provider.offerings];
		profiles.forEach((profile, profileIndex) => {
			const prefix = profileIndex === 0 ? '' : `.offerings[${profileIndex - 1}]`;
			profile.aliases.forEach((alias, index) => {
				const where = `providers/${provider.id}.json: ${prefix}.aliases[${index}]`;
				if (alias.ambiguous && !alias.why) errors.push(`${where}.why: an ambiguous alias must say why`);
				if (alias.text !== alias.text.normalize('NFC')) errors.push(`${where}.text: must be NFC-normalised`);
				const key = aliasKey(alias.text);
				const list = owners.get(key) ?? [];
				list.push({ provider: provider.id, where, shared: alias.shared_with ?? [] });
				owners.set(key, list);
			});
		});
	}
	for (const [key, list] of owners) {
		const distinct = new Set(list.map((entry) => entry.provider));
		if (distinct.size === 1) {
			if (list.length > 1) errors.push(`${list[1]!.where}: alias "${key}" is listed twice for ${list[0]!.provider}`);
			continue;
		}
		for (const entry of list) {
			const others = [...distinct].filter((id) => id !== entry.provider);
			const undeclared = others.filter((id) => !entry.shared.includes(id));
			if (undeclared.length > 0) {
				errors.push(`${entry.where}: alias "${key}" collides with ${undeclared.join(', ')}; declare it in shared_with on both sides`);
			}
		}
	}
	return errors;
}
