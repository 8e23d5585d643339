import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../test/eval/score.ts';
import { dataset } from '../../data/index.ts';
import { matcherAliases } from '../compact.ts';
import { createMatcher } from './matcher.ts';
import { patternSources } from './pattern.ts';

const aliases = matcherAliases(dataset);
const matcher = createMatcher(aliases);
const passages = loadCorpus().map((passage) => passage.text);
const finds = (text: string): boolean => {
	const { mentions, pending } = matcher.findCandidates(text);
	return mentions.length > 0 || pending.length > 0;
};

/**
 * The content script skips a subtree when `mayMention(subtree.textContent)` is
 * false. textContent glues blocks together and drops the line breaks the
 * scanner puts between non-adjacent nodes; the probe must still say "maybe"
 * wherever the block-by-block scan would find something.
 */
describe('mayMention never misses what the scan finds', () => {
	it.each(passages.map((text, index) => [index, text] as const))('passage %i, as is, glued and without line breaks', (_, text) => {
		if (!finds(text)) return;
		expect(matcher.mayMention(text)).toBe(true);
		expect(matcher.mayMention(`xx${text}yy`)).toBe(true);
		// A line break inside a name that spans a <br> disappears in textContent.
		expect(matcher.mayMention(text.replace(/\n+/g, ''))).toBe(true);
		// Two blocks, one right after the other.
		for (const cut of [Math.floor(text.length / 3), Math.floor(text.length / 2)]) {
			if (finds(text.slice(0, cut)) || finds(text.slice(cut))) expect(matcher.mayMention(text.slice(0, cut) + text.slice(cut))).toBe(true);
		}
	});

	it.each([
		['a name split over a <br>', 'Amazon\nWeb Services', 'AmazonWeb Services'],
		['a name glued to the block before', 'AWS', 'introductionAWS'],
		['a dataset name with a lower-case head', 'eu-west-3', 'Regioneu-west-3'],
	])('%s', (_, block, glued) => {
		expect(finds(block)).toBe(true);
		expect(matcher.mayMention(glued)).toBe(true);
	});
});

describe('mayMention is useful', () => {
	it.each([
		'Le cloud souverain est hébergé en France par des entreprises européennes, selon le rapport publié mardi.',
		'The agency moved its workloads to a sovereign cloud hosted in Europe, according to the report released on Tuesday.',
		'',
	])('says no to prose without any vendor name: %s', (text) => {
		expect(matcher.mayMention(text)).toBe(false);
	});
});

describe('pattern sources built ahead of time', () => {
	it('find the same mentions after a trip through JSON, as the extension ships them', () => {
		const shipped = JSON.parse(JSON.stringify(patternSources(aliases))) as ReturnType<typeof patternSources>;
		const prebuilt = createMatcher(aliases, shipped);
		for (const text of passages) expect(prebuilt.findMentions(text)).toEqual(matcher.findMentions(text));
		expect(prebuilt.mayMention('AmazonWeb Services')).toBe(true);
	});
});
