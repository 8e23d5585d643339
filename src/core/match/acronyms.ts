/**
 * Acronyms a text defines for itself: "Open Telekom Cloud (OTC)", "Orange
 * Business Services (OBS)". The parenthesis right after a vendor's name makes
 * the acronym that vendor's name in this text, so it and its later uses are
 * mentions too. No dictionary can know every such short form; the text does.
 */
import type { Mention } from './matcher.ts';

/** Words between the name and the parenthesis, then the acronym: "Oracle[ Sovereign Cloud] (OSC)". */
const DEFINITION = /^([\p{L}\p{N}’'\- ]{0,60}?)\s*\(\s*([A-Z][A-Z0-9&]{1,5})\s*\)/u;
/** How far after the name a definition is looked for. */
const DEFINITION_REACH = 80;

/**
 * An acronym defines the name only when its letters are the initials of the
 * words it follows ("Open Telekom Cloud (OTC)", "Oracle Sovereign Cloud
 * (OSC)"); "serveur virtuel Kimsufi (VKS)" abbreviates a longer phrase, not
 * the vendor.
 */
function initialsMatch(words: string, acronym: string): boolean {
	const initials = words.split(/[\s’'-]+/).filter(Boolean).map((word) => word[0]!.toUpperCase()).join('');
	return initials === acronym.replace(/&/g, '');
}
const WORD = /[\p{L}\p{N}_]/u;

const isBoundary = (text: string, index: number): boolean => index < 0 || index >= text.length || !WORD.test(text[index]!);

export function expandAcronyms(text: string, mentions: readonly Mention[]): readonly Mention[] {
	const added: Mention[] = [];
	const taken = (start: number, end: number): boolean =>
		mentions.some((m) => m.start < end && start < m.end) || added.some((m) => m.start < end && start < m.end);
	// A definition needs a parenthesis close after the name. Finding the next one once for all
	// mentions (they come in text order) spares the RegExp on nearly every mention.
	let paren = -1;
	for (const mention of mentions) {
		if (paren < mention.end) {
			const index = text.indexOf('(', mention.end);
			paren = index < 0 ? Infinity : index;
		}
		if (paren >= mention.end + DEFINITION_REACH) continue;
		const match = DEFINITION.exec(text.slice(mention.end, mention.end + DEFINITION_REACH));
		if (!match) continue;
		const acronym = match[2]!;
		if (acronym === mention.surface || !initialsMatch(`${mention.surface} ${match[1]!}`, acronym)) continue;
		let from = mention.end;
		for (;;) {
			const index = text.indexOf(acronym, from);
			if (index < 0) break;
			from = index + acronym.length;
			if (!isBoundary(text, index - 1) || !isBoundary(text, index + acronym.length) || taken(index, index + acronym.length)) continue;
			const found: Mention = { start: index, end: index + acronym.length, surface: acronym, vendor: mention.vendor, alias: acronym, confidence: 0.8, ambiguous: false };
			if (mention.offering) found.offering = mention.offering;
			added.push(found);
		}
	}
	return added.length === 0 ? mentions : [...mentions, ...added].sort((a, b) => a.start - b.start);
}
