/**
 * Turns the dataset's aliases into one combined RegExp. One alternation beats
 * every Aho-Corasick package on npm here (see shared/research/perf-ecosystem.md
 * §2.2): V8's regex engine runs the alternation in native code.
 *
 * Choices that keep it fast and correct:
 * - No `i` flag. Case rules are per alias, so each alias expands to exactly the
 *   spellings it allows. A global `i` would let "AWS" fire inside "laws".
 * - No look-behind at the start of the pattern: it would be evaluated at every
 *   position of the text. The left boundary is checked in JS on the rare hit.
 * - The right boundary stays in the pattern as a look-ahead, so that when the
 *   longest alternative fails it, the engine backtracks to a shorter alias at
 *   the same position ("Microsoft Azurex" still yields "Microsoft").
 * - Alternatives are sorted longest first: at one position the longest alias
 *   wins ("Amazon Web Services" over "Amazon").
 */

export type CaseRule = 'exact' | 'insensitive' | 'title';

export interface PatternAlias {
	text: string;
	case: CaseRule;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** Any run of whitespace in the page (newlines, NBSP, thin spaces) matches a space in an alias. */
const SPACE = '\\s+';
/** Hyphen, non-breaking hyphen and hyphen-minus are interchangeable in brand names ("T‑Systems"). */
const HYPHEN = '[\\-\\u2010\\u2011]';

function literal(text: string): string {
	return text
		.split(/(\s+|-)/)
		.filter((part) => part.length > 0)
		.map((part) => (/^\s+$/.test(part) ? SPACE : part === '-' ? HYPHEN : escapeRegExp(part)))
		.join('');
}

/** Every letter becomes a two-case class; other characters stay literal. */
function caseless(text: string): string {
	let out = '';
	for (const part of text.split(/(\s+|-)/)) {
		if (part.length === 0) continue;
		if (/^\s+$/.test(part)) {
			out += SPACE;
			continue;
		}
		if (part === '-') {
			out += HYPHEN;
			continue;
		}
		for (const char of part) {
			const lower = char.toLowerCase();
			const upper = char.toUpperCase();
			out += lower !== upper && lower.length === 1 && upper.length === 1 ? `[${lower}${upper}]` : escapeRegExp(char);
		}
	}
	return out;
}

/** The regex source for one alias, covering exactly the spellings its case rule allows. */
export function aliasSource(alias: PatternAlias): string {
	switch (alias.case) {
		case 'exact':
			return literal(alias.text);
		case 'title': {
			const upper = alias.text.toUpperCase();
			return upper === alias.text ? literal(alias.text) : `${literal(alias.text)}|${literal(upper)}`;
		}
		case 'insensitive':
			return caseless(alias.text);
	}
}

/** Characters that continue a word: a match must not be glued to one on either side. */
export const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;

/**
 * Builds the combined pattern. Flags: `g` to scan, `u` for \p classes and
 * code-point-correct look-ahead.
 */
export function buildPattern(aliases: readonly PatternAlias[]): RegExp {
	// No alias at all (an empty or broken dataset) must match nothing, not the empty string everywhere.
	if (aliases.length === 0) return /(?!)/gu;
	const sorted = [...aliases].sort((a, b) => b.text.length - a.text.length || (a.text < b.text ? -1 : 1));
	const alternation = sorted.map((alias) => aliasSource(alias)).join('|');
	return new RegExp(`(?:${alternation})(?![\\p{L}\\p{M}\\p{N}_])`, 'gu');
}

/** The key under which a surface is looked up: case folded, whitespace and hyphens collapsed. */
export function surfaceKey(surface: string): string {
	return surface.replace(/\s+/g, ' ').replace(/[\u2010\u2011]/g, '-').toLowerCase();
}
