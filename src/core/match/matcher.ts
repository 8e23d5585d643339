/**
 * The matcher: compiled once from the aliases, then `findMentions(text)`
 * returns every vendor mention with UTF-16 offsets. Unambiguous aliases are
 * accepted on sight; ambiguous ones are decided from context afterwards, so
 * the evidence from every unambiguous mention in the text is available.
 */
import { expandAcronyms } from './acronyms.ts';
import { decide } from './disambiguate.ts';
import { buildPattern, surfaceKey, WORD_CHAR, type CaseRule } from './pattern.ts';

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
	const from = index >= 2 && code >= 0xdc00 && code <= 0xdfff ? index - 2 : index - 1;
	return WORD_CHAR.test(text.slice(from, index));
}

/**
 * "ovhcloud.com", "docs.aws", "/aws/", "contact@ovhcloud.com": a name glued
 * into a domain, path or address is not prose. A slash alone is not enough:
 * "Azure/AWS" and "Capgemini/Orange" are prose; a path has a dot or starts
 * with a slash.
 */
function insideAddress(text: string, start: number, end: number): boolean {
	const before = text.charCodeAt(start - 1);
	if (before === 0x2e /* . */ || before === 0x40 /* @ */) return true;
	if (before === 0x2f /* / */) {
		let from = start - 1;
		while (from > 0 && !/\s/.test(text[from - 1]!)) from--;
		const token = text.slice(from, start);
		if (token.startsWith('/') || token.includes('.') || token.includes(':')) return true;
	}
	const after = text.charCodeAt(end);
	if (after === 0x2e || after === 0x40) {
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
export function mergeAdjacent(text: string, mentions: Mention[]): Mention[] {
	const out: Mention[] = [];
	for (const mention of mentions) {
		const previous = out[out.length - 1];
		if (previous && previous.vendor === mention.vendor && /^[^\S\n]+$/.test(text.slice(previous.end, mention.start))) {
			previous.end = mention.end;
			previous.surface = text.slice(previous.start, mention.end);
			previous.confidence = Math.max(previous.confidence, mention.confidence);
			previous.ambiguous = previous.ambiguous && mention.ambiguous;
			if (mention.offering) previous.offering = mention.offering;
			continue;
		}
		out.push({ ...mention });
	}
	return out;
}

/**
 * A company name that is part of a place's name ("Salesforce Tower", "Oracle
 * Park") names the place, not the vendor.
 */
const VENUE = /^\s+(?:Tower|Park|Arena|Stadium|Field|Plaza|Theater|Theatre)(?![\p{L}\p{N}])/u;

const CONFIDENCE_FLOOR = 0.55;

export function createMatcher(aliases: readonly MatcherAlias[]): Matcher {
	const pattern = buildPattern(aliases);
	// Exact spellings first; case-folded keys for `insensitive` and `title` aliases.
	const exact = new Map<string, MatcherAlias>();
	const folded = new Map<string, MatcherAlias>();
	for (const alias of aliases) {
		if (!exact.has(alias.text)) exact.set(alias.text, alias);
		if (alias.case !== 'exact' && !folded.has(surfaceKey(alias.text))) folded.set(surfaceKey(alias.text), alias);
	}
	const resolve = (surface: string): MatcherAlias | undefined =>
		exact.get(surface) ?? exact.get(surface.replace(/\s+/g, ' ')) ?? folded.get(surfaceKey(surface));

	function findCandidates(text: string): { mentions: Mention[]; pending: Candidate[] } {
		const found: Mention[] = [];
		const pending: Candidate[] = [];
		// One pattern object, reset per call: findMentions never re-enters itself.
		const regex = pattern;
		regex.lastIndex = 0;
		let match: RegExpExecArray | null;
		while ((match = regex.exec(text)) !== null) {
			const start = match.index;
			const surface = match[0];
			const end = start + surface.length;
			// Defensive: an empty match would never advance the scan.
			if (surface.length === 0) {
				regex.lastIndex = start + 1;
				continue;
			}
			// The left boundary is checked here rather than in the pattern (see pattern.ts).
			if (wordCharBefore(text, start) || insideAddress(text, start, end)) {
				regex.lastIndex = start + 1;
				continue;
			}
			if (VENUE.test(text.slice(end, end + 12))) continue;
			const alias = resolve(surface);
			if (!alias) continue;
			if (alias.ambiguous) pending.push({ start, end, surface, alias });
			else found.push(mention(start, end, surface, alias, 1));
		}
		return { mentions: found, pending };
	}

	function decidePending(text: string, pending: readonly Candidate[], anchors: readonly Mention[], options: ScanOptions = {}): Mention[] {
		const kept: Mention[] = [];
		const evidence = {
			anchors: anchors.map((item) => ({ start: item.start, vendor: item.vendor })),
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
		const all = pending.length === 0 ? mentions : [...mentions, ...decidePending(text, pending, mentions, options)].sort((a, b) => a.start - b.start);
		return mergeAdjacent(text, expandAcronyms(text, all));
	}

	return { findMentions, findCandidates, decide: decidePending, size: aliases.length };
}

function mention(start: number, end: number, surface: string, alias: MatcherAlias, confidence: number): Mention {
	const result: Mention = { start, end, surface, vendor: alias.vendor, alias: alias.text, confidence, ambiguous: alias.ambiguous };
	if (alias.offering) result.offering = alias.offering;
	return result;
}
