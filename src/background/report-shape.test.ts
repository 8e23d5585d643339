import { describe, expect, it } from 'vitest';
import { isPageReport, reportProblem } from './report-shape.ts';

const good = { site: 'example.org', url: 'https://example.org/a', active: true, vendors: [{ vendor: 'aws', count: 2, level: 'non-eu-us' }] };

describe('reportProblem', () => {
	it('accepts a report as the content script sends it', () => {
		expect(reportProblem(good)).toBeUndefined();
		expect(isPageReport({ ...good, marksOnly: true, vendors: [{ vendor: 'aws', offering: 'aws-esc', count: 1, level: 'non-eu-us' }] })).toBe(true);
		expect(isPageReport({ ...good, vendors: [] })).toBe(true);
	});

	it.each([
		['nothing', undefined, 'not an object'],
		['a string', 'report', 'not an object'],
		['no site', { ...good, site: 3 }, 'site'],
		['no address', { ...good, url: null }, 'address'],
		['active missing', { ...good, active: 'yes' }, 'active'],
		['marksOnly not a boolean', { ...good, marksOnly: 1 }, 'marksOnly'],
		['vendors not a list', { ...good, vendors: { aws: 1 } }, 'not a list'],
		['a vendor that is null', { ...good, vendors: [null] }, 'not an object'],
		['an empty vendor id', { ...good, vendors: [{ vendor: '', count: 1, level: 'non-eu-us' }] }, 'id is missing'],
		['a fractional count', { ...good, vendors: [{ vendor: 'aws', count: 1.5, level: 'non-eu-us' }] }, 'count'],
		['a zero count', { ...good, vendors: [{ vendor: 'aws', count: 0, level: 'non-eu-us' }] }, 'count'],
		['an unknown level', { ...good, vendors: [{ vendor: 'aws', count: 1, level: 'evil' }] }, 'unknown level'],
		['an offering that is not a string', { ...good, vendors: [{ vendor: 'aws', offering: 7, count: 1, level: 'non-eu-us' }] }, 'offering'],
		['thousands of vendors', { ...good, vendors: Array.from({ length: 501 }, () => good.vendors[0]) }, 'more than 500'],
	])('refuses %s', (_name, value, reason) => {
		expect(reportProblem(value)).toContain(reason);
		expect(isPageReport(value)).toBe(false);
	});
});
