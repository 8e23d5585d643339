/**
 * "This site": which vendor, if any, owns the site the user is on. The
 * dataset lists each provider's and offering's official domains
 * ("aws.amazon.com", "ovhcloud.com", sometimes with a path); a page matches a
 * domain when its host is that domain or a subdomain of it, and its path
 * starts with the domain's path. The most specific match wins, so aws.eu
 * gives the AWS European Sovereign Cloud offering and docs.aws.amazon.com
 * gives AWS.
 */
import type { Dataset } from './dataset/types.ts';

export interface SiteVendor {
	vendor: string;
	offering?: string;
	/** The dataset domain that matched, for "why this profile". */
	domain: string;
}

interface Target {
	host: string;
	path: string;
}

/**
 * Reads an http(s) URL, or a bare host with an optional path; undefined for
 * anything else. Parsed by hand because core has no URL global (no DOM, no
 * Node), and the extension only ever hands it URLs the browser already parsed.
 */
function parseTarget(input: string): Target | undefined {
	const match = /^(?:(https?):\/\/)?(?:[^@/?#]*@)?(\[[^\]]+\]|[^/?#:]+)(?::\d*)?([^?#]*)/i.exec(input.trim());
	const scheme = /^([a-z][a-z0-9+.-]*):(?!\d)/i.exec(input.trim())?.[1]?.toLowerCase();
	if (!match || (scheme && scheme !== 'http' && scheme !== 'https' && !match[1])) return undefined;
	const host = match[2]!.toLowerCase().replace(/\.$/, '');
	if (!/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/.test(host)) return undefined;
	return { host, path: match[3] || '/' };
}

/** How well `domain` ("aws.amazon.com" or "example.com/cloud") covers the target: its length, or -1. */
function matchLength(domain: string, target: Target): number {
	const slash = domain.indexOf('/');
	const host = slash < 0 ? domain : domain.slice(0, slash);
	const path = slash < 0 ? '' : domain.slice(slash);
	const hostMatches = target.host === host || target.host.endsWith(`.${host}`);
	if (!hostMatches) return -1;
	if (path && target.path !== path && !target.path.startsWith(`${path}/`)) return -1;
	return domain.length;
}

export function vendorForSite(dataset: Dataset, urlOrHost: string): SiteVendor | undefined {
	const target = parseTarget(urlOrHost);
	if (!target) return undefined;
	let best: SiteVendor | undefined;
	let bestLength = -1;
	const consider = (domains: readonly string[], found: Omit<SiteVendor, 'domain'>): void => {
		for (const domain of domains) {
			const length = matchLength(domain, target);
			// Ties go to the first seen, which is the provider before its offerings.
			if (length > bestLength) {
				bestLength = length;
				best = { ...found, domain };
			}
		}
	};
	for (const provider of dataset.providers) {
		consider(provider.domains, { vendor: provider.id });
		for (const offering of provider.offerings) consider(offering.domains, { vendor: provider.id, offering: offering.id });
	}
	return best;
}
