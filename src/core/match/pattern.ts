/**
 * Turns the dataset's aliases into a few combined RegExps. One alternation
 * beats every Aho-Corasick package on npm here (see
 * shared/research/perf-ecosystem.md §2.2): the regex engine runs it in
 * native code.
 *
 * Choices that keep it fast and correct:
 * - No `i` flag. Case rules are per alias, so each alias expands to exactly the
 *   spellings it allows. A global `i` would let "AWS" fire inside "laws".
 * - Every spelling starts with a character that is rare in prose: a capital,
 *   a digit or a sign. A name "in any case" must still start with a capital
 *   ("OVHcloud", "OvhCloud", "OVHCLOUD", not "ovhcloud"), and a name the
 *   dataset spells with a lower-case start ("eu-west-3", "kDrive") is entered
 *   at its first other character, its lower-case head checked by a
 *   look-behind. Why: the engine (irregexp, in both V8 and SpiderMonkey)
 *   skips ahead Boyer-Moore style only over characters that cannot start a
 *   match; lower-case starts are in every word, and with them the scan was
 *   three times slower (npm run bench). All-lower-case brand names in pages
 *   are mostly handles, tags, paths and code, which we would not badge anyway.
 * - That skip only works when at most 16 characters (counted modulo 128) can
 *   start a match, so the alternatives are split into a few RegExps of at most
 *   16 first characters each, run side by side (`buildPatterns`); the matcher
 *   merges their matches in text order.
 * - No Unicode look-behind in front: it would be evaluated at every position.
 *   The exact left boundary is checked in JS on the rare hit; a plain `\b`
 *   goes in front as a cheap prefilter.
 * - Alternatives are grouped by the characters they can start with, so that at
 *   a candidate position the engine tries one group, not every spelling.
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
/**
 * A hyphen with spaces around it separates parts of a name ("Managed Dedicated
 * Cloud - SecNumCloud"), and French typography writes that separator as an en
 * dash, English often as an em dash.
 */
const SPACED_DASH = '[\\-\\u2010\\u2011\\u2013\\u2014]';
const spacedDashes = (pattern: string): string => pattern.split(`${SPACE}${HYPHEN}${SPACE}`).join(`${SPACE}${SPACED_DASH}${SPACE}`);

function literal(text: string): string {
	return spacedDashes(text
		.split(/(\s+|-)/)
		.filter((part) => part.length > 0)
		.map((part) => (/^\s+$/.test(part) ? SPACE : part === '-' ? HYPHEN : escapeRegExp(part)))
		.join(''));
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
	return spacedDashes(out);
}

/** The spellings one alias may take in the page, each matched by one alternative of the pattern. */
interface Alternative {
	source: string;
	/** Every character a match can start with; undefined when it cannot be listed (a leading space). */
	first: ReadonlySet<string> | undefined;
	/** A lower-case head left out of the match and checked by look-behind ("k" of "kDrive"). */
	head?: string;
	/** What the match itself covers when there is a head ("Drive"). */
	rest?: string;
}

/** The characters the regex made by `literal` accepts first. */
function firstChars(text: string): ReadonlySet<string> | undefined {
	// An empty alias would match anywhere: no list of characters describes it.
	if (text.length === 0) return undefined;
	const char = String.fromCodePoint(text.codePointAt(0)!);
	if (/^\s$/.test(char)) return undefined;
	if (char === '-') return new Set(['-', '\u2010', '\u2011']);
	return new Set([char]);
}

const LOWER_LETTER = /^\p{Ll}$/u;

/**
 * One spelling exactly as written. When it starts in lower case, the match
 * is entered at its first other character, which is matched first and then
 * looked behind together with the head: a look-behind in front would stop
 * the engine's skip, one after the first character does not (npm run bench).
 * A spelling with no other character, or whitespace there, stays as it is
 * (correct, only slower to scan for).
 */
function spelling(text: string): Alternative {
	const chars = [...text];
	const split = chars.findIndex((char) => !LOWER_LETTER.test(char));
	if (split <= 0 || /^\s$/.test(chars[split]!)) return { source: literal(text), first: firstChars(text) };
	const head = chars.slice(0, split).join('');
	const entry = chars[split] === '-' ? HYPHEN : escapeRegExp(chars[split]!);
	const bound = /^[a-z]/.test(head) ? '\\b' : '';
	const rest = chars.slice(split).join('');
	const after = chars.slice(split + 1).join('');
	const source = `${entry}(?<=${bound}${escapeRegExp(head)}${entry})${literal(after)}`;
	return { source, first: firstChars(rest), head, rest };
}

/** Any case after a capital first letter; a first character without case stays as it is. */
function capitalThenAnyCase(text: string): Alternative {
	const [first = '', ...rest] = [...text];
	const upper = first.toUpperCase();
	if (upper === first.toLowerCase() || upper.length !== 1) return { source: caseless(text), first: firstChars(text) };
	const tail = rest.join('');
	return { source: escapeRegExp(upper) + caseless(tail), first: new Set([upper]) };
}

/**
 * The alias's spellings, and the same in decomposed form when it has accents
 * ("De\u0301dibox"): some pages (text from macOS, some PDF conversions) keep
 * a letter and its accent apart, and the engine compares code units.
 */
function alternatives(alias: PatternAlias): Alternative[] {
	const decomposed = alias.text.normalize('NFD');
	const own = spellingsOf(alias);
	return decomposed === alias.text ? own : [...own, ...spellingsOf({ ...alias, text: decomposed })];
}

function spellingsOf(alias: PatternAlias): Alternative[] {
	switch (alias.case) {
		case 'exact':
			return [spelling(alias.text)];
		case 'title': {
			const upper = alias.text.toUpperCase();
			return upper === alias.text ? [spelling(alias.text)] : [spelling(alias.text), spelling(upper)];
		}
		case 'insensitive': {
			const capital = capitalThenAnyCase(alias.text);
			// The dataset's own spelling always matches, even when it starts in lower case.
			return LOWER_LETTER.test([...alias.text][0] ?? '') ? [spelling(alias.text), capital] : [capital];
		}
	}
}

/**
 * Scripts written without spaces between words (Chinese, Japanese, Thai…) and
 * Korean, whose particles attach to the word before them: a Latin name
 * touching one of their characters stands as a word of its own
 * ("東京リージョンのAWSは", "AWS는", "ใช้AWSสำหรับ").
 */
const SPACELESS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}\\u30FC';
/** A letter, mark, digit or underscore that is not of a spaceless script. */
const WORD_CLASS = `(?![${SPACELESS}])[\\p{L}\\p{M}\\p{N}_]`;
/** Characters that continue a word: a match must not be glued to one on either side. */
export const WORD_CHAR = new RegExp(WORD_CLASS, 'u');

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
	const source = (members: readonly Alternative[]): string => `(?:${members.map((member) => member.source).join('|')})`;
	const boundable = (group: Group): boolean => [...group.first].every((char) => ASCII_WORD.test(char));
	// A spelling entered after its lower-case head has a letter right before it, so no \b can stand in front of it;
	// it goes in its own branch. A \b and a head exclude each other, so the two branches never compete.
	const headed = groups.flatMap((group) => group.members.filter((member) => member.head));
	const branches: string[] = [];
	const bounded: string[] = [];
	for (const group of groups) {
		const plain = group.members.filter((member) => !member.head);
		if (plain.length === 0) continue;
		if (boundable(group)) bounded.push(source(plain));
		else branches.push(source(plain));
	}
	// A \b fails where an ASCII word character precedes, which the exact check in
	// JS would reject anyway; the engine then skips mid-word positions cheaply.
	if (bounded.length > 0) branches.unshift(`\\b(?:${bounded.join('|')})`);
	if (headed.length > 0) branches.unshift(source(headed));
	return branches.join('|');
}

/** irregexp's Boyer-Moore skip gives up on a position where more than this many characters (modulo 128) may occur. */
const SKIP_LIMIT = 16;

/** Packs groups into as few bins as possible with at most SKIP_LIMIT first characters (modulo 128) each. */
function binsOf(groups: readonly Group[]): Group[][] {
	const codes = (group: Group): Set<number> => new Set([...group.first].map((char) => char.codePointAt(0)! & 0x7f));
	const bins: Array<{ groups: Group[]; codes: Set<number> }> = [];
	for (const group of [...groups].sort((a, b) => codes(b).size - codes(a).size)) {
		const own = codes(group);
		const bin = bins.find((candidate) => new Set([...candidate.codes, ...own]).size <= SKIP_LIMIT);
		if (bin) {
			bin.groups.push(group);
			for (const code of own) bin.codes.add(code);
		} else bins.push({ groups: [group], codes: own });
	}
	return bins.map((bin) => bin.groups);
}

/**
 * Characters that surely continue a word: ASCII word characters, Latin
 * letters and combining accents. The scanning RegExps look ahead for these
 * only, without the `u` flag, because the `u` flag made the same scan five
 * times slower in Chromium 156 (not in Node 20). A match followed by any
 * other non-ASCII character is checked again exactly (`ScanPatterns.exact`).
 */
const SURELY_WORD = 'A-Za-z0-9_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F';
const compile = (alternation: string): RegExp => new RegExp(`(?:${alternation})(?![${SURELY_WORD}])`, 'g');
/** The exact twin: Unicode word characters, sticky, run only at a position the fast RegExp found. */
const compileExact = (alternation: string): RegExp => new RegExp(`(?:${alternation})(?!${WORD_CLASS})`, 'uy');

/**
 * Does the fast RegExp's look-ahead need an exact second opinion at `end`?
 * Only when a non-ASCII character it does not know follows: a Greek or CJK
 * letter ends no name, but "’", a no-break space or "»" does.
 */
export function needsExactCheck(text: string, end: number): boolean {
	// The fast look-ahead already refused everything in SURELY_WORD.
	return text.charCodeAt(end) >= 0x80 && WORD_CHAR.test(String.fromCodePoint(text.codePointAt(end)!));
}

export interface ScanPatterns {
	/** Global RegExps to run side by side over the same text; no two can match at the same position. */
	regexes: RegExp[];
	/**
	 * The exact twin (sticky) of `regexes[index]`: where a match is followed
	 * by a word character the fast look-ahead does not know, this one says
	 * what really matches there, a shorter name or nothing. Compiled on first
	 * use: few pages ever need one, and every page's content script would
	 * otherwise parse these Unicode patterns at load.
	 */
	exact: (index: number) => RegExp;
	/**
	 * Lower-case heads checked by look-behind, by the surface key of what the
	 * RegExp matched after them ("drive" → ["k"]): the mention starts that
	 * much earlier. Longest first.
	 */
	heads: ReadonlyMap<string, readonly string[]>;
	/** The first characters of matches that may have a head: other matches need no lookup. */
	headed: ReadonlySet<string>;
}

/**
 * The patterns as plain data: what `buildPatterns` compiles. The extension
 * computes these at build time and ships them with the dataset index, so a
 * page pays for compiling the RegExps only, not for writing their sources
 * (about 5 ms of every page's start, measured in Node).
 */
export interface PatternSources {
	/** One alternation per RegExp. Empty for no alias at all. */
	bins: string[];
	heads: Array<[string, string[]]>;
	headed: string[];
}

export function patternSources(aliases: readonly PatternAlias[]): PatternSources {
	const heads = new Map<string, string[]>();
	const headed = new Set<string>();
	if (aliases.length === 0) return { bins: [], heads: [], headed: [] };
	const sorted = [...aliases].sort((a, b) => b.text.length - a.text.length || (a.text < b.text ? -1 : 1));
	const ordered = sorted.flatMap(alternatives);
	for (const alternative of ordered) {
		if (!alternative.head) continue;
		const key = surfaceKey(alternative.rest!);
		const list = heads.get(key) ?? [];
		if (!list.includes(alternative.head)) list.push(alternative.head);
		list.sort((a, b) => b.length - a.length);
		heads.set(key, list);
		// Looked up by the match's first UTF-16 unit.
		for (const char of alternative.first ?? []) headed.add(char.charAt(0));
	}
	const groups = disjointGroups(ordered);
	const bins = groups
		? binsOf(groups).map(groupedSource)
		: [ordered.map((alternative) => alternative.source).join('|')];
	return { bins, heads: [...heads], headed: [...headed] };
}

/** Compiles pattern sources: `g` RegExps to scan, `uy` twins for exact checks. */
export function compilePatterns(sources: PatternSources): ScanPatterns {
	const heads = new Map(sources.heads);
	const headed = new Set(sources.headed);
	// No alias at all (an empty or broken dataset) must match nothing, not the empty string everywhere.
	if (sources.bins.length === 0) return { regexes: [/(?!)/g], exact: () => /(?!)/uy, heads, headed };
	const twins: Array<RegExp | undefined> = [];
	return {
		regexes: sources.bins.map(compile),
		exact: (index) => (twins[index] ??= compileExact(sources.bins[index]!)),
		heads,
		headed,
	};
}

export function buildPatterns(aliases: readonly PatternAlias[]): ScanPatterns {
	return compilePatterns(patternSources(aliases));
}

/** A surface with any whitespace run as one space and any hyphen as "-": the forms the pattern accepts for each. */
export function plainSpacing(surface: string): string {
	const plain = surface.replace(/\s+/g, ' ').replace(/[\u2010\u2011]/g, '-').replace(/ [\u2013\u2014] /g, ' - ');
	// A decomposed spelling (see `alternatives`) is looked up as the dataset writes it, composed.
	return /[\u0300-\u036f]/.test(plain) ? plain.normalize('NFC') : plain;
}

/** The key under which a surface is looked up: case folded, whitespace and hyphens collapsed. */
export function surfaceKey(surface: string): string {
	return plainSpacing(surface).toLowerCase();
}
