import { describe, expect, it } from 'vitest';
import { dataset } from '../data/index.ts';
import type { Dataset } from './dataset/types.ts';
import { vendorForSite } from './site.ts';

const idOf = (input: string): string | undefined => {
	const found = vendorForSite(dataset, input);
	return found ? (found.offering ?? found.vendor) : undefined;
};

describe('vendorForSite on the real dataset', () => {
	it.each([
		['https://www.ovhcloud.com/fr/', 'ovhcloud'],
		['https://azure.microsoft.com/en-us/products/', 'microsoft'],
		['https://learn.microsoft.com/azure/', 'microsoft'],
		['https://aws.amazon.com/', 'aws'],
		['https://docs.aws.amazon.com/ec2/', 'aws'],
		['https://s3.eu-west-3.amazonaws.com/bucket', 'aws'],
		['https://aws.eu/', 'aws-european-sovereign-cloud'],
		['https://cloud.google.com/security', 'google-cloud'],
		['https://www.scaleway.com/en/', 'scaleway'],
		['https://www.s3ns.fr/', 's3ns'],
		['ovh.com', 'ovhcloud'],
		['console.hetzner.cloud', 'hetzner'],
	])('%s is %s’s own site', (url, id) => {
		expect(idOf(url)).toBe(id);
	});

	it.each([
		'https://www.amazon.com/',
		'https://www.google.com/search?q=aws.amazon.com',
		'https://notovhcloud.com/',
		'https://ovhcloud.com.evil.example/',
		'https://example.org/aws.amazon.com',
		'http://127.0.0.1:8080/article.html',
		'chrome://extensions/',
		'about:blank',
		'mailto:someone@ovhcloud.com',
		'',
		'not a url at all',
	])('%s is no vendor’s own site', (url) => {
		expect(idOf(url)).toBeUndefined();
	});

	it('says which domain matched', () => {
		expect(vendorForSite(dataset, 'https://portal.azure.microsoft.com/')).toEqual({ vendor: 'microsoft', domain: 'azure.microsoft.com' });
	});
});

describe('vendorForSite rules', () => {
	const provider = (id: string, domains: string[], offerings: Array<{ id: string; domains: string[] }> = []) => ({ id, domains, offerings });
	const tiny = {
		meta: {},
		regimes: [],
		providers: [
			provider('big', ['big.example', 'example.org/big'], [{ id: 'big-sovereign', domains: ['sovereign.big.example'] }]),
			provider('other', ['example.org']),
		],
	} as unknown as Dataset;

	it('prefers the most specific domain, offering or provider', () => {
		expect(vendorForSite(tiny, 'https://eu.sovereign.big.example/')).toEqual({ vendor: 'big', offering: 'big-sovereign', domain: 'sovereign.big.example' });
		expect(vendorForSite(tiny, 'https://www.big.example/')).toEqual({ vendor: 'big', domain: 'big.example' });
	});

	it('matches a domain with a path only under that path', () => {
		expect(vendorForSite(tiny, 'https://example.org/big/pricing')?.vendor).toBe('big');
		expect(vendorForSite(tiny, 'https://example.org/big')?.vendor).toBe('big');
		expect(vendorForSite(tiny, 'https://example.org/bigger')?.vendor).toBe('other');
		expect(vendorForSite(tiny, 'https://example.org/')?.vendor).toBe('other');
	});

	it('reads hosts with ports, credentials and upper case', () => {
		expect(vendorForSite(tiny, 'HTTPS://user:pw@WWW.BIG.EXAMPLE:8443/x')?.vendor).toBe('big');
		expect(vendorForSite(tiny, 'big.example:443')?.vendor).toBe('big');
	});
});
