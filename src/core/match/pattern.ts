/**
 * Turns the dataset's aliases into one combined RegExp. One alternation beats
 * every Aho-Corasick package on npm here (see shared/research/perf-ecosystem.md
 * §2.2): V8's regex engine runs the alternation in native code.
 *
 * Choices that keep it fast and correct:
 * - No `i` flag. Case rules are per alias, so each alias expands to exactly the
 *   spellings it allows. A global `i` would let "AWS" fire inside "laws".
 * - No Unicode look-behind at the start of the pattern: it would be evaluated
 *   at every position of the text. The exact left boundary is checked in JS on
 *   the rare hit. A plain `\b` goes in front instead, as a cheap prefilter
 *   (see `buildPattern`).
 * - Alternatives are grouped by the characters they can start with, so that at
 *   each word start the engine tries a couple of dozen groups rather than every
 *   spelling of every name: this, with the `\b`, made the scan about 10 times
 *   faster (npm run bench).
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

/** The spellings one alias may take in the page, each matched by one alternative of the pattern. */
interface Alternative {
	source: string;
	/** Every character a match can start with; undefined when it cannot be listed (a leading space). */
	first: ReadonlySet<string> | undefined;
}

/** The characters the regex made by `literal` or `caseless` accepts first. */
function firstChars(text: string, isCaseless: boolean): ReadonlySet<string> | undefined {
	// An empty alias would match anywhere: no list of characters describes it.
	if (text.length === 0) return undefined;
	const char = String.fromCodePoint(text.codePointAt(0)!);
	if (/^\s$/.test(char)) return undefined;
	if (char === '-') return new Set(['-', '\u2010', '\u2011']);
	const lower = char.toLowerCase();
	const upper = char.toUpperCase();
	// Mirrors `caseless`: a two-case class only where both cases are single characters.
	if (isCaseless && lower !== upper && lower.length === 1 && upper.length === 1) return new Set([lower, upper]);
	return new Set([char]);
}

function alternatives(alias: PatternAlias): Alternative[] {
	switch (alias.case) {
		case 'exact':
			return [{ source: literal(alias.text), first: firstChars(alias.text, false) }];
		case 'title': {
			const upper = alias.text.toUpperCase();
			const own = { source: literal(alias.text), first: firstChars(alias.text, false) };
			return upper === alias.text ? [own] : [own, { source: literal(upper), first: firstChars(upper, false) }];
		}
		case 'insensitive':
			return [{ source: caseless(alias.text), first: firstChars(alias.text, true) }];
	}
}

/** Characters that continue a word: a match must not be glued to one on either side. */
export const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;

interface Group {
	members: Alternative[];
	first: Set<string>;
}

/**
 * Splits the ordered alternatives into groups that share no first character,
 * keeping their order inside each group. At any position of the text only one
 * group can match, so the order between groups is free, and inside a group the
 * first alternative that matches is the same one as in the flat alternation:
 * the grouped pattern finds exactly what the flat one finds. Returns undefined
 * when some alternative's first characters cannot be listed.
 */
function disjointGroups(ordered: readonly Alternative[]): Group[] | undefined {
	// Union-find over first characters: two alternatives sharing one end up in one group.
	const parent = new Map<string, string>();
	const root = (char: string): string => {
		let top = char;
		while (parent.get(top) !== top) top = parent.get(top)!;
		return top;
	};
	for (const { first } of ordered) {
		if (!first) return undefined;
		for (const char of first) if (!parent.has(char)) parent.set(char, char);
		const [head, ...rest] = [...first].map(root);
		for (const other of rest) parent.set(other, head!);
	}
	const groups = new Map<string, Group>();
	for (const alternative of ordered) {
		const first = alternative.first!;
		const key = root(first.values().next().value!);
		const group = groups.get(key) ?? { members: [], first: new Set<string>() };
		group.members.push(alternative);
		for (const char of first) group.first.add(char);
		groups.set(key, group);
	}
	return [...groups.values()];
}

/** `\b` is ASCII-only, so it may stand in front only of names that start with an ASCII word character. */
const ASCII_WORD = /^[A-Za-z0-9_]$/;

function groupedSource(groups: readonly Group[]): string {
	const source = (group: Group): string => `(?:${group.members.map((member) => member.source).join('|')})`;
	const bounded = groups.filter((group) => [...group.first].every((char) => ASCII_WORD.test(char)));
	const others = groups.filter((group) => !bounded.includes(group));
	const branches = others.map(source);
	// A \b fails where an ASCII word character precedes, which the exact check in
	// JS would reject anyway; the engine then skips mid-word positions cheaply.
	if (bounded.length > 0) branches.unshift(`\\b(?:${bounded.map(source).join('|')})`);
	return branches.join('|');
}

/**
 * Builds the combined pattern. Flags: `g` to scan, `u` for \p classes and
 * code-point-correct look-ahead.
 */
export function buildPattern(aliases: readonly PatternAlias[]): RegExp {
	// No alias at all (an empty or broken dataset) must match nothing, not the empty string everywhere.
	if (aliases.length === 0) return /(?!)/gu;
	const sorted = [...aliases].sort((a, b) => b.text.length - a.text.length || (a.text < b.text ? -1 : 1));
	const ordered = sorted.flatMap(alternatives);
	const groups = disjointGroups(ordered);
	const alternation = groups ? groupedSource(groups) : ordered.map((alternative) => alternative.source).join('|');
	return new RegExp(`(?:${alternation})(?![\\p{L}\\p{M}\\p{N}_])`, 'gu');
}

/** The key under which a surface is looked up: case folded, whitespace and hyphens collapsed. */
export function surfaceKey(surface: string): string {
	return surface.replace(/\s+/g, ' ').replace(/[\u2010\u2011]/g, '-').toLowerCase();
}
