/**
 * The matcher: compiled once from the aliases, then `findMentions(text)`
 * returns every vendor mention with UTF-16 offsets. Unambiguous aliases are
 * accepted on sight; ambiguous ones are decided from context afterwards, so
 * the evidence from every unambiguous mention in the text is available.
 */
import { expandAcronyms } from './acronyms.ts';
import { decide } from './disambiguate.ts';
import { compilePatterns, needsExactCheck, patternSources, plainSpacing, surfaceKey, WORD_CHAR, type CaseRule, type PatternSources } from './pattern.ts';

export interface MatcherAlias {
	text: string;
	case: CaseRule;
	ambiguous: boolean;
	vendor: string;
	offering?: string;
}

export interface Mention {
	start: number;
	end: number;
	surface: string;
	vendor: string;
	offering?: string;
	/** The dataset alias that matched. */
	alias: string;
	/** 1 for unambiguous names; for ambiguous ones, grows with the evidence (0.55–0.95). */
	confidence: number;
	ambiguous: boolean;
}

export interface RejectedCandidate {
	start: number;
	end: number;
	surface: string;
	vendor: string;
	score: number;
	trace: string[];
}

export interface ScanOptions {
	/** Evidence from outside this text (the page the block sits in). Added to every ambiguous score. */
	pageEvidence?: number;
	/** Text around a short block (its table row, its list), read for context words only. */
	surroundings?: string;
	/** Collect rejected ambiguous candidates, for the eval report. */
	onReject?: (candidate: RejectedCandidate) => void;
}

/** An ambiguous name found but not yet decided (see `Matcher.findCandidates`). */
export interface Candidate {
	start: number;
	end: number;
	surface: string;
	alias: MatcherAlias;
}

export interface Matcher {
	/** Every mention in `text`, ambiguous names decided with the evidence inside `text` plus `pageEvidence`. */
	findMentions(text: string, options?: ScanOptions): Mention[];
	/**
	 * The two halves of findMentions, for callers that see a page block by block
	 * and want to decide ambiguous names once the whole page is known.
	 */
	findCandidates(text: string): { mentions: Mention[]; pending: Candidate[] };
	decide(text: string, pending: readonly Candidate[], anchors: readonly Mention[], options?: ScanOptions): Mention[];
	/** How many aliases the pattern holds. */
	readonly size: number;
}

/** Is the code point before `index` a word character (letters, digits, marks, underscore)? */
function wordCharBefore(text: string, index: number): boolean {
	if (index === 0) return false;
	const code = text.charCodeAt(index - 1);
	if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
	// U+02BC, a letter to Unicode, is the apostrophe some French keyboards and editors type ("dʼOVHcloud").
	if (code === 0x2bc) return false;
	const from = index >= 2 && code >= 0xdc00 && code <= 0xdfff ? index - 2 : index - 1;
	return WORD_CHAR.test(text.slice(from, index));
}

/** How far to look for the ends of the run of text a name sits in: a URL longer than this is rare. */
const TOKEN_REACH = 256;

/**
 * Ends a run of text: a space, or what encloses a URL in prose or markup ("(…)", "<…>", "[text](…)", quotes).
 * In scripts written without spaces, their punctuation and their letters do too: otherwise the run went on
 * up to TOKEN_REACH, and an address anywhere in it ("お問い合わせはinfo@example.jpまで。…のAWSは") took the name.
 */
function endsToken(code: number): boolean {
	return code <= 0x20 || code === 0xa0 || code === 0x202f || (code >= 0x2000 && code <= 0x200b)
		|| code === 0x28 || code === 0x29 || code === 0x5b || code === 0x5d || code === 0x3c || code === 0x3e || code === 0x22 || code === 0x27
		|| code === 0xab || code === 0xbb || code === 0x201c || code === 0x201d
		|| (code >= 0x0e00 && code <= 0x0eff) // Thai, Lao
		|| (code >= 0x3000 && code <= 0x30ff) // CJK punctuation, Hiragana, Katakana
		|| (code >= 0x3400 && code <= 0x9fff) // CJK ideographs
		|| (code >= 0xac00 && code <= 0xd7af) // Hangul
		|| (code >= 0xff01 && code <= 0xff0f) || (code >= 0xff1a && code <= 0xff1f); // fullwidth punctuation
}

/**
 * Is the name part of a URL or an e-mail address written out in the text
 * ("https://…/OVHcloud-et-Scaleway-visent-AWS", "…?a=AWS&b=Azure",
 * "AWS-billing@example.com")? The run of text around it, up to spaces and
 * brackets, holds "://", starts with "www." or holds an "@".
 */
function inAddressToken(text: string, start: number, end: number): boolean {
	let from = start;
	const floor = Math.max(0, start - TOKEN_REACH);
	while (from > floor && !endsToken(text.charCodeAt(from - 1))) from--;
	let to = end;
	const ceiling = Math.min(text.length, end + TOKEN_REACH);
	while (to < ceiling && !endsToken(text.charCodeAt(to))) to++;
	if (from === start && to === end) return false;
	const token = text.slice(from, to);
	return token.includes('://') || token.includes('@') || /^www\./i.test(token);
}

/**
 * "ovhcloud.com", "docs.aws", "/aws/", "contact@ovhcloud.com": a name glued
 * into a domain, path or address is not prose. A slash alone is not enough:
 * "Azure/AWS" and "Capgemini/Orange" are prose; a path has a dot or starts
 * with a slash.
 */
function insideAddress(text: string, start: number, end: number): boolean {
	// An "@" next to the name is in its run of text: `inAddressToken` has it.
	if (inAddressToken(text, start, end)) return true;
	const before = text.charCodeAt(start - 1);
	if (before === 0x2e /* . */) return true;
	if (before === 0x2f /* / */) {
		let from = start - 1;
		while (from > 0 && !/\s/.test(text[from - 1]!)) from--;
		const token = text.slice(from, start);
		if (token.startsWith('/') || token.includes('.') || token.includes(':')) return true;
	}
	if (text.charCodeAt(end) === 0x2e) {
		const next = text.charCodeAt(end + 1);
		return (next >= 0x30 && next <= 0x39) || (next >= 0x61 && next <= 0x7a) || (next >= 0x41 && next <= 0x5a);
	}
	return false;
}

/**
 * "Amazon AWS", "Google GCP", "Microsoft Teams": a company name followed by
 * its own product, with only spaces between, is one mention, as a reader
 * (and our corpus) counts it.
 */
export function mergeAdjacent(text: string, mentions: readonly Mention[]): Mention[] {
	const out: Mention[] = [];
	for (const mention of mentions) {
		const previous = out[out.length - 1];
		if (previous && previous.vendor === mention.vendor && /^[^\S\n]+$/.test(text.slice(previous.end, mention.start))) {
			// A new object: the caller's mentions stay as they were.
			const merged: Mention = {
				...previous,
				end: mention.end,
				surface: text.slice(previous.start, mention.end),
				confidence: Math.max(previous.confidence, mention.confidence),
				ambiguous: previous.ambiguous && mention.ambiguous,
			};
			if (mention.offering) merged.offering = mention.offering;
			out[out.length - 1] = merged;
			continue;
		}
		out.push(mention);
	}
	return out;
}

/** Two lists sorted by start, as one sorted list (stable: `first` wins ties). */
export function mergeByStart(first: readonly Mention[], second: readonly Mention[]): Mention[] {
	const out = new Array<Mention>(first.length + second.length);
	let a = 0;
	let b = 0;
	let at = 0;
	while (a < first.length && b < second.length) out[at++] = second[b]!.start < first[a]!.start ? second[b++]! : first[a++]!;
	while (a < first.length) out[at++] = first[a++]!;
	while (b < second.length) out[at++] = second[b++]!;
	return out;
}

/**
 * A company name that is part of a place's name ("Salesforce Tower", "Oracle
 * Park") names the place, not the vendor.
 */
const VENUE = /^\s+(?:Tower|Park|Arena|Stadium|Field|Plaza|Theater|Theatre)(?![\p{L}\p{N}])/u;
/** Is a place word right after `end`? */
const atVenue = (text: string, end: number): boolean => {
	// Nearly every name is followed by one plain space and a lower-case word: answered without a string.
	const after = text.charCodeAt(end + 1);
	if (text.charCodeAt(end) === 0x20 && after >= 0x61 && after <= 0x7a) return false;
	return VENUE.test(text.slice(end, end + 12));
};

const CONFIDENCE_FLOOR = 0.55;

/**
 * Compiles the matcher. `sources`, when given, must come from
 * `patternSources(aliases)` (the extension's build does this ahead of time).
 */
export function createMatcher(aliases: readonly MatcherAlias[], sources?: PatternSources): Matcher {
	const { regexes, exact: twinOf, heads, headed } = compilePatterns(sources ?? patternSources(aliases));
	// Exact spellings first; case-folded keys for `insensitive` and `title` aliases.
	const exact = new Map<string, MatcherAlias>();
	const folded = new Map<string, MatcherAlias>();
	for (const alias of aliases) {
		if (!exact.has(alias.text)) exact.set(alias.text, alias);
		if (alias.case !== 'exact' && !folded.has(surfaceKey(alias.text))) folded.set(surfaceKey(alias.text), alias);
	}
	const resolve = (surface: string): MatcherAlias | undefined => {
		const found = exact.get(surface);
		if (found) return found;
		// Spaces and hyphens in the page may be any of those the pattern accepts (pattern.ts): normalised once, for both lookups.
		const plain = plainSpacing(surface);
		return exact.get(plain) ?? folded.get(plain.toLowerCase());
	};

	/** Where a match really starts: before its lower-case head, when a look-behind checked one (see pattern.ts). */
	function startOf(text: string, index: number, surface: string): number {
		// A head is lower-case letters, so a match with none right before it has none.
		const before = text.charCodeAt(index - 1);
		if ((before < 0x61 || before > 0x7a) && !(before >= 0x80)) return index;
		if (!headed.has(surface[0]!)) return index;
		for (const head of heads.get(surfaceKey(surface)) ?? []) {
			if (text.startsWith(head, index - head.length)) return index - head.length;
		}
		return index;
	}

	// The next match of each RegExp and where it starts; reused, since findCandidates never re-enters itself.
	const next: Array<RegExpExecArray | null> = regexes.map(() => null);
	const nextStart: number[] = regexes.map(() => 0);

	/** Moves RegExp `which` to its first match starting at `from` or later. */
	function advance(which: number, text: string, from: number): void {
		const regex = regexes[which]!;
		regex.lastIndex = from;
		let match: RegExpExecArray | null;
		while ((match = regex.exec(text)) !== null) {
			const index = match.index;
			// A word character the fast look-ahead does not know follows: ask the exact twin what matches here.
			if (needsExactCheck(text, index + match[0].length)) {
				const twin = twinOf(which);
				twin.lastIndex = index;
				match = twin.exec(text);
				if (!match) {
					regex.lastIndex = index + 1;
					continue;
				}
			}
			// Defensive: an empty match would never advance the scan.
			if (match[0].length > 0) {
				const start = startOf(text, match.index, match[0]);
				if (start >= from) {
					next[which] = match;
					nextStart[which] = start;
					return;
				}
			}
			regex.lastIndex = match.index + 1;
		}
		next[which] = null;
	}

	/**
	 * Runs the RegExps side by side and takes their matches in text order, as
	 * one RegExp would: after a match, the scan goes on from its end; after a
	 * name glued to a word on its left, from the next character.
	 */
	function findCandidates(text: string): { mentions: Mention[]; pending: Candidate[] } {
		const found: Mention[] = [];
		const pending: Candidate[] = [];
		for (let which = 0; which < regexes.length; which++) advance(which, text, 0);
		for (;;) {
			let which = -1;
			for (let other = 0; other < regexes.length; other++) {
				if (next[other] && (which < 0 || nextStart[other]! < nextStart[which]!)) which = other;
			}
			if (which < 0) break;
			const match = next[which]!;
			const start = nextStart[which]!;
			const end = match.index + match[0].length;
			const surface = start === match.index ? match[0] : text.slice(start, end);
			let resume = end;
			// The left boundary is checked here rather than in the pattern (see pattern.ts).
			if (wordCharBefore(text, start) || insideAddress(text, start, end)) resume = start + 1;
			else if (!atVenue(text, end)) {
				const alias = resolve(surface);
				if (alias) {
					// The dataset's own spelling, when the page uses it: the match's fresh copy can then die young.
					const kept = surface === alias.text ? alias.text : surface;
					if (alias.ambiguous) pending.push({ start, end, surface: kept, alias });
					else found.push(mention(start, end, kept, alias, 1));
				}
			}
			for (let other = 0; other < regexes.length; other++) {
				if (next[other] && nextStart[other]! < resume) advance(other, text, resume);
			}
		}
		return { mentions: found, pending };
	}

	function decidePending(text: string, pending: readonly Candidate[], anchors: readonly Mention[], options: ScanOptions = {}): Mention[] {
		const kept: Mention[] = [];
		const evidence = {
			anchors,
			pageEvidence: options.pageEvidence ?? 0,
			...(options.surroundings ? { surroundings: options.surroundings } : {}),
		};
		for (const candidate of pending) {
			const decision = decide(text, candidate.start, candidate.end, candidate.alias.vendor, candidate.alias.text, evidence, options.onReject !== undefined);
			if (decision.keep) {
				const confidence = Math.min(0.95, CONFIDENCE_FLOOR + decision.score * 0.08);
				kept.push(mention(candidate.start, candidate.end, candidate.surface, candidate.alias, Math.round(confidence * 100) / 100));
			} else {
				options.onReject?.({ start: candidate.start, end: candidate.end, surface: candidate.surface, vendor: candidate.alias.vendor, score: decision.score, trace: decision.trace });
			}
		}
		return kept;
	}

	function findMentions(text: string, options: ScanOptions = {}): Mention[] {
		const { mentions, pending } = findCandidates(text);
		const all = pending.length === 0 ? mentions : mergeByStart(mentions, decidePending(text, pending, mentions, options));
		return mergeAdjacent(text, expandAcronyms(text, all));
	}

	return { findMentions, findCandidates, decide: decidePending, size: aliases.length };
}

function mention(start: number, end: number, surface: string, alias: MatcherAlias, confidence: number): Mention {
	const result: Mention = { start, end, surface, vendor: alias.vendor, alias: alias.text, confidence, ambiguous: alias.ambiguous };
	if (alias.offering) result.offering = alias.offering;
	return result;
}
