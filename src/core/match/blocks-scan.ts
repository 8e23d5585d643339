/**
 * Scanning a document block by block, the way the content script sees a page:
 * unambiguous names first, then ambiguous ones decided with the evidence of
 * their own block plus the page (any unambiguous vendor anywhere on it).
 */
import { expandAcronyms } from './acronyms.ts';
import { mergeAdjacent, mergeByStart, type Matcher, type Mention, type ScanOptions } from './matcher.ts';

/** Extra evidence for ambiguous names when the page names any vendor unambiguously. */
export const PAGE_EVIDENCE = 1;

export function scanBlocks(matcher: Matcher, blocks: readonly string[], options: Omit<ScanOptions, 'pageEvidence'> = {}): Mention[][] {
	const first = blocks.map((text) => matcher.findCandidates(text));
	const pageEvidence = first.some((block) => block.mentions.length > 0) ? PAGE_EVIDENCE : 0;
	return first.map(({ mentions, pending }, index) => {
		const text = blocks[index]!;
		const decided = pending.length === 0 ? [] : matcher.decide(text, pending, mentions, { ...options, pageEvidence });
		return mergeAdjacent(text, expandAcronyms(text, mergeByStart(mentions, decided)));
	});
}
