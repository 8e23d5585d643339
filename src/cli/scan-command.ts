/**
 * The scanner command (`npm run scan -- [--json | --jsonl] [--lang fr|en] <file…|->`)`
 *
 * Audits documents offline with the same core the extension runs.
 * - default: a table per input of vendor, verdict, count and first context;
 * - --json: the full report;
 * - --jsonl: reads lines {"id", "text"} and writes one line per input,
 *   {"id", "mentions": [{"start", "end", "surface", "vendor", …}]}, offsets
 *   into `text` (UTF-16, as JavaScript counts).
 * Bad input stops everything with a message naming the file or line and a
 * non-zero exit; nothing is printed for the inputs that were fine.
 */
import { buildCard } from '../core/card.ts';
import { matcherAliases } from '../core/compact.ts';
import { scanBlocks } from '../core/match/blocks-scan.ts';
import { createMatcher, type Mention } from '../core/match/matcher.ts';
import { dataset } from '../data/index.ts';
import { blocksOf, kindOf, type InputKind } from './extract.ts';

class InputError extends Error {}

/** What the command reads and writes; the real process in scan.ts, fakes in tests. */
export interface ScanIO {
	/** Bytes of a file, or of stdin for "-". Throws a Node error (with .code) when unreadable. */
	read(name: string): Uint8Array;
	out(text: string): void;
	err(text: string): void;
}

interface Options {
	mode: 'table' | 'json' | 'jsonl';
	lang: 'en' | 'fr';
	inputs: string[];
}

const USAGE = `usage: npm run scan -- [--json | --jsonl] [--lang en|fr] <file…|->
  Scans HTML, Markdown or plain text files (or stdin with "-") for cloud vendor mentions.
  --json    full report as JSON
  --jsonl   input lines {"id": "...", "text": "..."}; output one line per input with mentions
  --lang    language of verdict labels and reasons (default en)`;

function parseArgs(argv: string[], io: ScanIO): Options | undefined {
	const options: Options = { mode: 'table', lang: 'en', inputs: [] };
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index]!;
		if (arg === '--json') options.mode = 'json';
		else if (arg === '--jsonl') options.mode = 'jsonl';
		else if (arg === '--lang') {
			const lang = argv[++index];
			if (lang !== 'en' && lang !== 'fr') throw new InputError(`--lang expects "en" or "fr", got ${JSON.stringify(lang)}`);
			options.lang = lang;
		} else if (arg === '--help' || arg === '-h') {
			io.out(`${USAGE}\n`);
			return undefined;
		} else if (arg.startsWith('--')) throw new InputError(`unknown option ${arg}\n${USAGE}`);
		else options.inputs.push(arg);
	}
	if (options.inputs.length === 0) throw new InputError(`no input given\n${USAGE}`);
	if (options.mode === 'jsonl' && options.inputs.length !== 1) throw new InputError('--jsonl reads exactly one input (a file or -)');
	return options;
}

/** Reads a file or stdin as strict UTF-8: a file in another encoding is an error, not mojibake. */
function readInput(name: string, io: ScanIO): string {
	let bytes: Uint8Array;
	try {
		bytes = io.read(name);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
		throw new InputError(`${name === '-' ? 'stdin' : name}: cannot read: ${reason}`);
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new InputError(`${name === '-' ? 'stdin' : name}: not valid UTF-8 text`);
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (text.trim().length === 0) throw new InputError(`${name === '-' ? 'stdin' : name}: empty input`);
	return text;
}

const matcher = createMatcher(matcherAliases(dataset));

function jsonlMentions(mention: Mention): Record<string, unknown> {
	const out: Record<string, unknown> = { start: mention.start, end: mention.end, surface: mention.surface, vendor: mention.vendor };
	if (mention.offering) out.offering = mention.offering;
	out.confidence = mention.confidence;
	return out;
}

function runJsonl(name: string, io: ScanIO): void {
	const lines = readInput(name, io).split(/\r?\n/);
	const records: Array<{ id: string; text: string }> = [];
	lines.forEach((line, index) => {
		if (line.trim().length === 0) return;
		const where = `${name === '-' ? 'stdin' : name}:${index + 1}`;
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch (error) {
			throw new InputError(`${where}: malformed JSON (${(error as Error).message})`);
		}
		const record = value as { id?: unknown; text?: unknown };
		if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(`${where}: expected an object {"id", "text"}`);
		if (typeof record.id !== 'string' && typeof record.id !== 'number') throw new InputError(`${where}: "id" must be a string`);
		if (typeof record.text !== 'string') throw new InputError(`${where}: "text" must be a string`);
		records.push({ id: String(record.id), text: record.text });
	});
	if (records.length === 0) throw new InputError(`${name === '-' ? 'stdin' : name}: no records`);
	const out = records.map((record) => JSON.stringify({ id: record.id, mentions: matcher.findMentions(record.text).map(jsonlMentions) }));
	io.out(`${out.join('\n')}\n`);
}

interface FileReport {
	input: string;
	kind: InputKind;
	characters: number;
	mentions: Array<Mention & { block: number }>;
	vendors: Array<{ vendor: string; offering?: string; name: string; level: string; verdict: string; count: number; firstContext: string; reasons: string[]; laws: string[] }>;
}

function context(text: string, mention: Mention): string {
	const before = text.slice(Math.max(0, mention.start - 40), mention.start).replace(/\s+/g, ' ');
	const after = text.slice(mention.end, mention.end + 40).replace(/\s+/g, ' ');
	return `…${before}[${mention.surface}]${after}…`;
}

function scanFile(name: string, lang: 'en' | 'fr', io: ScanIO): FileReport {
	const content = readInput(name, io);
	const kind = kindOf(name, content);
	const blocks = blocksOf(kind, content);
	const results = scanBlocks(matcher, blocks);
	const mentions = results.flatMap((list, block) => list.map((mention) => ({ ...mention, block })));
	const byKey = new Map<string, FileReport['vendors'][number]>();
	for (const mention of mentions) {
		const key = mention.offering ?? mention.vendor;
		const existing = byKey.get(key);
		if (existing) {
			existing.count++;
			continue;
		}
		const card = buildCard(dataset, mention.vendor, mention.offering, lang);
		const entry: FileReport['vendors'][number] = {
			vendor: mention.vendor,
			name: card?.name ?? mention.vendor,
			level: card?.level ?? 'unknown',
			verdict: card?.levelLabel ?? '',
			count: 1,
			firstContext: context(blocks[mention.block]!, mention),
			reasons: card?.reasons.map((reason) => reason.text) ?? [],
			laws: card?.regimes.map((regime) => regime.short) ?? [],
		};
		if (mention.offering) entry.offering = mention.offering;
		byKey.set(key, entry);
	}
	return { input: name === '-' ? 'stdin' : name, kind, characters: blocks.reduce((sum, block) => sum + block.length, 0), mentions, vendors: [...byKey.values()].sort((a, b) => b.count - a.count) };
}

function printTable(report: FileReport, io: ScanIO): void {
	const log = (line: string): void => io.out(`${line}\n`);
	log(`\n${report.input} (${report.kind}, ${report.characters} characters): ${report.mentions.length} mentions of ${report.vendors.length} vendors`);
	if (report.vendors.length === 0) return;
	const rows = report.vendors.map((vendor) => [vendor.name, vendor.verdict, String(vendor.count), vendor.firstContext]);
	const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length), ['vendor', 'verdict', 'count'][column]!.length));
	const line = (cells: string[]): string => cells.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join('  ');
	log(line(['vendor', 'verdict', 'count', 'first context']));
	log(line(widths.map((width) => '-'.repeat(width)).concat('-------------')));
	for (const row of rows) log(line(row));
}

/** Runs the command; returns the exit code (0 fine, 2 bad input). */
export function runScan(argv: string[], io: ScanIO): number {
	try {
		const options = parseArgs(argv, io);
		if (!options) return 0;
		if (options.mode === 'jsonl') {
			runJsonl(options.inputs[0]!, io);
			return 0;
		}
		// Read and scan everything before printing anything: an error never leaves a partial report.
		const reports = options.inputs.map((input) => scanFile(input, options.lang, io));
		if (options.mode === 'json') {
			io.out(`${JSON.stringify({ dataset: { version: dataset.meta.version, dataAsOf: dataset.meta.data_as_of }, reports }, null, 2)}\n`);
			return 0;
		}
		for (const report of reports) printTable(report, io);
		io.out(`\nDataset ${dataset.meta.version}, data as of ${dataset.meta.data_as_of}. Verdicts are derived from sourced facts; see README "How verdicts are made".\n`);
		return 0;
	} catch (error) {
		if (error instanceof InputError) {
			io.err(`scan: ${error.message}\n`);
			return 2;
		}
		throw error;
	}
}
