import { describe, expect, it } from 'vitest';
import { commonSuffix, readEdit } from './page-edit.ts';

describe('readEdit', () => {
	it.each([
		// [case, the head before, what the page wrote, our halves' text, reading]
		['the whole text written back', 'We moved from OVHcloud', 'We moved from OVHcloud hosting to Scaleway.', ' hosting to Scaleway.', 'restored'],
		['a word replaced before the name', 'We moved from OVHcloud', 'We shifted from OVHcloud', ' hosting to Scaleway.', 'head'],
		['the first word deleted', 'We moved from OVHcloud', ' moved from OVHcloud', ' hosting to Scaleway.', 'head'],
		['a counter after the name', 'AWS', 'AWS uptime: 6 s', ' uptime: 5 s', 'whole'],
		['a count before the name, text after it', '7 alerts from Hetzner', '91 alerts from Hetzner, checked', ', checked', 'whole'],
		['a name with nothing after it, rewritten', 'Status: AWS', 'Status: Azure', '', 'whole'],
		['an append: read as a new whole text', 'We deploy on AWS', 'We deploy on AWS done.', ' and Azure', 'whole'],
		['the name itself deleted: no telling, a new whole text', 'We moved from OVHcloud', 'We moved from ', ' hosting.', 'whole'],
	])('%s', (_case, before, written, tails, reading) => {
		expect(readEdit(before, written, tails)).toBe(reading);
	});
});

describe('commonSuffix', () => {
	it.each([
		['abc', 'xbc', 2],
		['abc', 'abc', 3],
		['', 'abc', 0],
		['abc', 'abd', 0],
	])('%s and %s share %i', (a, b, count) => {
		expect(commonSuffix(a, b)).toBe(count);
	});
});
