import { describe, expect, it } from 'vitest';
import { sameOccurrence } from './occurrence.ts';

describe('sameOccurrence', () => {
	it.each([
		['the same place', 'AWS uptime: 5 s', 'AWS uptime: 6 s', 0, 'AWS', 0],
		['moved by a longer number before it', '7 alerts from AWS', '113 alerts from AWS', 14, 'AWS', 16],
		['moved back by a shorter one', '113 alerts from AWS', '7 alerts from AWS', 16, 'AWS', 14],
		['the second of two, both moved', '1 AWS and 2 AWS', '10 AWS and 20 AWS', 12, 'AWS', 14],
		['the first of two', '1 AWS and 2 AWS', '10 AWS and 20 AWS', 2, 'AWS', 3],
		['gone from the text', '7 alerts from AWS', '7 alerts from Azure', 14, 'AWS', undefined],
		['a second one after it: the first stays', 'AWS down', 'AWS and AWS down', 0, 'AWS', 0],
		['one more after it, the prefix unchanged', 'AWS down', 'AWS down, AWS up', 0, 'AWS', 0],
		['one more, and the text before it changed', '1: AWS', '22: AWS, AWS', 3, 'AWS', undefined],
		['not where the caller said', 'AWS down', 'AWS down', 1, 'AWS', undefined],
	])('%s', (_case, before, after, start, surface, expected) => {
		expect(sameOccurrence(before, after, start, surface)).toBe(expected);
	});
});
