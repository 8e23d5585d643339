/**
 * `npm run bench`: the speed of the pure detection engine (src/core/match/)
 * on deterministic French and English text of 1, 5 and 20 MB, side by side
 * with a bare `charCodeAt` loop (the floor) and a naive per-alias RegExp loop,
 * plus the matcher's compile time, memory and bundle size.
 *
 * It fails (exit code 1) only when the engine misses a vendor name the text
 * generator inserted: timings on a shared machine are reported, never gated.
 * Writes artifacts/bench-matcher.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { buildCompactIndex, matcherAliases } from '../../src/core/compact.ts';
import { scanBlocks } from '../../src/core/match/blocks-scan.ts';
import { createMatcher, type Matcher, type MatcherAlias, type Mention } from '../../src/core/match/matcher.ts';
import { buildPatterns } from '../../src/core/match/pattern.ts';
import { dataset } from '../../src/data/index.ts';
import { charCodeFloor, lastFloorSum, naiveRegExps, naiveScan } from './baselines.ts';
import { measureBundle, type BundleSizes, type Size } from './bundle-size.ts';
import { measureMemory, median, timeInterleaved, timeOnce, type MemoryPeak } from './measure.ts';
import { fixed, kilobytes, mbPerSecond, megabytes, ratio, table, type Row } from './report.ts';
import { generateText, type GeneratedText } from './text.ts';

const SEED = 42;
const CHARS_PER_MB = 1_000_000;
/** Medians of 7 / 5 / 3 runs, as the issue asks; bigger texts need fewer runs to be stable. */
const SIZES = [
	{ mb: 1, warmups: 2, runs: 7 },
	{ mb: 5, warmups: 1, runs: 5 },
	{ mb: 20, warmups: 1, runs: 3 },
] as const;
/** The per-alias loop takes seconds on big texts; above this size it is timed on a slice and scaled up. */
const NAIVE_MAX_MB = 5;
/** From the issue: the full engine within 2.5× of the floor at 20 MB. */
const TARGET = { ratio: 2.5, mb: 20 } as const;
const ARTIFACT = new URL('../../artifacts/bench-matcher.json', import.meta.url);

type Method = 'floor' | 'engine' | 'scan' | 'blocks' | 'naive';

interface Check {
	found: number;
	unambiguousFound: number;
	/** Inserted unambiguous mentions that no found mention of the right vendor covers. */
	missing: number;
	/** Every timed run returned as many mentions as the checked run. */
	stable: boolean;
	ok: boolean;
}

interface SizeResult {
	mb: number;
	chars: number;
	warmups: number;
	runs: number;
	text: { expected: number; ambiguousInserted: number; traps: number; blocks: number; checksum: number };
	/** Ambiguous candidates the disambiguator had to decide in the whole text. */
	pendingAmbiguous: number;
	check: Check;
	timesMs: Record<Method, number[]>;
	medianMs: Record<Method, number>;
	/** The per-alias loop ran on this many characters; its median is scaled to the full text. */
	naiveChars: number;
	naiveHits: number;
	mbPerSecond: Record<Method, number>;
	ratioToFloor: Record<Exclude<Method, 'floor'>, number>;
	memory: MemoryPeak;
}

/** Is every inserted unambiguous name covered by a found mention of the same vendor? Both lists are in text order. */
function countMissing(found: readonly Mention[], generated: GeneratedText): number {
	let missing = 0;
	let from = 0;
	for (const inserted of generated.inserted) {
		while (from < found.length && found[from]!.end <= inserted.start) from++;
		let covered = false;
		for (let index = from; index < found.length && found[index]!.start < inserted.end; index++) {
			if (found[index]!.vendor === inserted.vendor) covered = true;
		}
		if (!covered) missing++;
	}
	return missing;
}

function check(found: readonly Mention[], generated: GeneratedText, stable: boolean): Check {
	const unambiguousFound = found.filter((mention) => !mention.ambiguous).length;
	const missing = countMissing(found, generated);
	return { found: found.length, unambiguousFound, missing, stable, ok: stable && missing === 0 && unambiguousFound >= generated.expected };
}

const mapValues = <K extends string, A, B>(record: Record<K, A>, map: (value: A) => B): Record<K, B> =>
	Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value as A)])) as Record<K, B>;

interface Engines {
	matcher: Matcher;
	naive: RegExp[];
}

async function benchSize(size: (typeof SIZES)[number], engines: Engines, aliases: readonly MatcherAlias[]): Promise<SizeResult> {
	const { matcher, naive } = engines;
	const chars = size.mb * CHARS_PER_MB;
	const generated = generateText(chars, aliases, SEED);
	const { text } = generated;
	// Paragraphs stand for the blocks the content script hands to scanBlocks.
	const blocks = text.split('\n\n');
	const naiveText = size.mb > NAIVE_MAX_MB ? text.slice(0, NAIVE_MAX_MB * CHARS_PER_MB) : text;

	const found = matcher.findMentions(text);
	const pendingAmbiguous = matcher.findCandidates(text).pending.length;
	// Every timed run must return what the checked run returned.
	let stable = true;
	let naiveHits = 0;
	const timesMs = timeInterleaved(
		{
			floor: () => charCodeFloor(text),
			engine: () => {
				if (matcher.findMentions(text).length !== found.length) stable = false;
			},
			scan: () => void matcher.findCandidates(text),
			blocks: () => void scanBlocks(matcher, blocks),
			naive: () => {
				naiveHits = naiveScan(naive, naiveText);
			},
		},
		size.warmups,
		size.runs,
	) as Record<Method, number[]>;
	const checked = check(found, generated, stable);
	const memory = await measureMemory(() => void matcher.findMentions(text));

	const medianMs = mapValues(timesMs, median);
	medianMs.naive *= text.length / naiveText.length;
	const speed = mapValues(medianMs, (ms) => mbPerSecond(chars, ms));
	const { floor, ...others } = medianMs;
	return {
		mb: size.mb,
		chars,
		warmups: size.warmups,
		runs: size.runs,
		text: { expected: generated.expected, ambiguousInserted: generated.ambiguous, traps: generated.traps, blocks: blocks.length, checksum: lastFloorSum() },
		pendingAmbiguous,
		check: checked,
		timesMs,
		medianMs,
		naiveChars: naiveText.length,
		naiveHits,
		mbPerSecond: speed,
		ratioToFloor: mapValues(others, (ms) => ms / floor),
		memory,
	};
}

interface CompileResult {
	/** The first createMatcher in this process plus its first match, which compiles the RegExp to machine code. */
	coldMs: number;
	/** createMatcher again (V8 caches the compiled RegExp by source, so this is our own setup work). */
	warmMedianMs: number;
	patternChars: number;
}

function measureCompile(aliases: readonly MatcherAlias[]): CompileResult {
	const sample = 'Le ministère quitte AWS pour OVHcloud et Microsoft Azure.';
	const coldMs = timeOnce(() => void createMatcher(aliases).findMentions(sample));
	const warm = Array.from({ length: 21 }, () => timeOnce(() => void createMatcher(aliases)));
	return { coldMs, warmMedianMs: median(warm), patternChars: buildPatterns(aliases).regexes.reduce((sum, regex) => sum + regex.source.length, 0) };
}

function sizeCells(results: readonly SizeResult[], cell: (result: SizeResult) => string): string[] {
	return results.map(cell);
}

function speedRows(results: readonly SizeResult[]): Row[] {
	const naiveNote = (result: SizeResult): string => (result.naiveChars < result.chars ? ' *' : '');
	return [
		['floor: charCodeAt loop (MB/s)', ...sizeCells(results, (r) => fixed(r.mbPerSecond.floor))],
		['full engine: findMentions (MB/s)', ...sizeCells(results, (r) => fixed(r.mbPerSecond.engine))],
		['  ratio to floor', ...sizeCells(results, (r) => ratio(r.ratioToFloor.engine))],
		['  of which scan only: findCandidates', ...sizeCells(results, (r) => ratio(r.ratioToFloor.scan))],
		['per paragraph: scanBlocks, ratio to floor', ...sizeCells(results, (r) => ratio(r.ratioToFloor.blocks))],
		['naive per-alias RegExp loop (MB/s)', ...sizeCells(results, (r) => `${fixed(r.mbPerSecond.naive)}${naiveNote(r)}`)],
		['  ratio to floor', ...sizeCells(results, (r) => `${ratio(r.ratioToFloor.naive)}${naiveNote(r)}`)],
		['  full engine speed-up over naive', ...sizeCells(results, (r) => ratio(r.medianMs.naive / r.medianMs.engine))],
	];
}

const signed = (bytes: number): string => `${bytes < 0 ? '−' : '+'}${megabytes(Math.abs(bytes))}`;

function memoryAndCheckRows(results: readonly SizeResult[]): Row[] {
	return [
		['heap peak in one findMentions', ...sizeCells(results, (r) => megabytes(r.memory.heapPeak))],
		['  growth over heap before the run', ...sizeCells(results, (r) => signed(r.memory.heapPeak - r.memory.heapBefore))],
		['RSS high-water in one findMentions', ...sizeCells(results, (r) => megabytes(r.memory.rssPeak))],
		['  growth over RSS before the run', ...sizeCells(results, (r) => signed(r.memory.rssPeak - r.memory.rssBefore))],
		['ambiguous candidates decided', ...sizeCells(results, (r) => String(r.pendingAmbiguous))],
		['unambiguous inserted (expected)', ...sizeCells(results, (r) => String(r.text.expected))],
		['unambiguous found / mentions found', ...sizeCells(results, (r) => `${r.check.unambiguousFound} / ${r.check.found}`)],
		['correctness gate', ...sizeCells(results, (r) => (r.check.ok ? 'ok' : `FAIL (${r.check.missing} missing)`))],
	];
}

const sizeLine = (label: string, size: Size): string => `  ${label.padEnd(46)} ${kilobytes(size.minified).padStart(10)} min  ${kilobytes(size.gzip).padStart(9)} gzip`;

function printReport(results: readonly SizeResult[], compile: CompileResult, bundle: BundleSizes, aliasCount: number): void {
	const runs = results.map((r) => r.runs).join(' / ');
	console.log(`Matcher benchmark: ${aliasCount} aliases from the dataset, seed ${SEED}, 1 MB = 1,000,000 characters (UTF-16 units)`);
	console.log(`Node ${process.version}, ${cpus().length} CPUs. Medians of ${runs} interleaved runs after warm-up, each after a full GC.\n`);
	const header: Row = ['', ...results.map((r) => `${r.mb} MB`)];
	console.log(table(header, [...speedRows(results), ['', ...results.map(() => '')], ...memoryAndCheckRows(results)]));
	const sliced = results.filter((r) => r.naiveChars < r.chars);
	if (sliced.length > 0) {
		console.log(`\n* the per-alias loop was timed on the first ${NAIVE_MAX_MB} MB of the ${sliced.map((r) => `${r.mb} MB`).join(', ')} text and scaled linearly.`);
	}
	console.log(`\nCompile: createMatcher, first build with its first match ${fixed(compile.coldMs, 2)} ms; later builds ${fixed(compile.warmMedianMs, 2)} ms (median of 21). Pattern: ${compile.patternChars} characters.`);
	console.log('Bundle (Vite, minified, one IIFE each; gzip -9):');
	console.log(sizeLine('matcher code (createMatcher and imports)', bundle.matcherCode));
	console.log(sizeLine('matcher + the aliases it is built from', bundle.matcherWithAliases));
	console.log(sizeLine('matcher + the whole compact index', bundle.matcherWithIndex));
	if (bundle.contentScript) console.log(sizeLine(`whole content script (${bundle.contentScript.path}, as last built)`, bundle.contentScript));
	console.log('\nNote: ratios measured in the same run are the portable numbers. Absolute times (ms, MB/s) mislead on this shared');
	console.log(`${cpus().length}-core machine: a neighbour's load moves them from run to run.`);
}

function targetVerdict(results: readonly SizeResult[]): { measured: number | undefined; met: boolean } {
	const measured = results.find((r) => r.mb === TARGET.mb)?.ratioToFloor.engine;
	return { measured, met: measured !== undefined && measured <= TARGET.ratio };
}

async function main(): Promise<void> {
	const aliases = matcherAliases(dataset);
	const compile = measureCompile(aliases);
	const engines: Engines = { matcher: createMatcher(aliases), naive: naiveRegExps(aliases) };
	const results: SizeResult[] = [];
	for (const size of SIZES) results.push(await benchSize(size, engines, aliases));
	const bundle = await measureBundle(buildCompactIndex(dataset));

	printReport(results, compile, bundle, aliases.length);
	const target = targetVerdict(results);
	const measured = target.measured === undefined ? 'not measured' : ratio(target.measured);
	console.log(`\nTarget (issue): full engine ≤ ${TARGET.ratio}× the floor at ${TARGET.mb} MB: ${target.met ? 'met' : 'MISSED'} (${measured}).`);

	const correct = results.every((r) => r.check.ok);
	mkdirSync(new URL('.', ARTIFACT), { recursive: true });
	const artifact = { generatedAt: new Date().toISOString(), node: process.version, cpus: cpus().length, seed: SEED, charsPerMB: CHARS_PER_MB, aliases: aliases.length, compile, bundle, sizes: results, target: { ...TARGET, ...target }, correct };
	writeFileSync(ARTIFACT, `${JSON.stringify(artifact, null, '\t')}\n`);
	console.log('Wrote artifacts/bench-matcher.json.');
	if (!correct) {
		console.error('FAIL: the engine missed vendor names the generator inserted (see "correctness gate").');
		process.exitCode = 1;
	}
}

await main();
