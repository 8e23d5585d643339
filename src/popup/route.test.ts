import { describe, expect, it } from 'vitest';
import { readRoute, safeDecode } from './route.ts';

const base = 'chrome-extension://abc/src/popup/index.html';

describe('readRoute', () => {
	it('opens the summary of the active tab by default', () => {
		expect(readRoute(base)).toEqual({ view: 'main', tabId: undefined, site: undefined, inTab: false });
	});

	it('takes a tab id and a site override', () => {
		expect(readRoute(`${base}?tab=42&site=azure.microsoft.com`)).toEqual({ view: 'main', tabId: 42, site: 'azure.microsoft.com', inTab: true });
	});

	it('ignores a malformed tab id, but still knows it was opened as a tab', () => {
		expect(readRoute(`${base}?tab=4x2`)).toEqual({ view: 'main', tabId: undefined, site: undefined, inTab: true });
		expect(readRoute(`${base}?tab=-1&site=%20`)).toEqual({ view: 'main', tabId: undefined, site: undefined, inTab: true });
	});

	it('opens the legal view', () => {
		expect(readRoute(`${base}?view=legal#us-cloud-act`)).toEqual({ view: 'legal' });
		expect(readRoute(`${base}?view=legal`)).toEqual({ view: 'legal' });
	});
});

describe('safeDecode', () => {
	it('decodes, and returns a malformed escape as it is instead of throwing', () => {
		expect(safeDecode('eu-us-dpf%20x')).toBe('eu-us-dpf x');
		expect(safeDecode('%E0%A4%A')).toBe('%E0%A4%A');
	});
});
