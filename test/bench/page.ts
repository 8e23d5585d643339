/**
 * `npm run bench:page`: what the content script costs in Chromium on
 * generated pages of 1, 5 and 20 MB of text and on a 5 MB page with no
 * mentions, against two baselines measured on the same page in the same run:
 * a bare TreeWalker + charCodeAt pass (the floor) and mark.js markRegExp.
 * Writes artifacts/bench-page.json and prints tables and PASS/MISS per target.
 *
 * Options: --pages=1MB,none (a subset), --repeats=N, --dist=DIR (another
 * build, e.g. unminified for --profile), --profile (CPU profile per page),
 * --save-traces (raw traces to artifacts/, for DevTools' Performance panel).
 * Never used as a test gate: timings on a shared machine are not assertions.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { startServer, type Routes } from '../demo/server.ts';
import { DIST } from '../e2e/harness.ts';
import { launch, type BenchBrowser } from './page-browser.ts';
import type { ProfileSummary } from './page-profile.ts';
import { aliasSets, combinedRegex, generatePage, type PageSpec } from './page-gen.ts';
import { measureBaselines, measureColdStart, measureMarkJs, measureWithExtension, openEditPartner, SCROLL_STEPS, type MeasureOptions } from './page-measure.ts';
import { breakdownTable, costTable, derive, editsTable, responsivenessTable, scrollTable, table, targets, type MarkJsRun, type PageResult } from './page-report.ts';

const ARTIFACTS = new URL('../../artifacts/', import.meta.url).pathname;

const PAGES: Array<PageSpec & { id: string }> = [
	{ id: '1MB', name: '1 MB', chars: 1_000_000, mentions: true },
	{ id: '5MB', name: '5 MB', chars: 5_000_000, mentions: true },
	{ id: '20MB', name: '20 MB', chars: 20_000_000, mentions: true },
	{ id: 'none', name: '5 MB, no mentions', chars: 5_000_000, mentions: false },
];
/**
 * Run only when asked for (--pages=100kB): a page so small that our work on it
 * is nearly all fixed cost (evaluating the script, reading the settings,
 * building the matcher), which the 1 MB ratio carries too.
 */
const EXTRA_PAGES: typeof PAGES = [
	{ id: '100kB', name: '100 kB', chars: 100_000, mentions: true },
	// A hostile layout: one text node naming a vendor every 25 characters. The scan cannot
	// pause inside a node's matching, so this is where a long task would show.
	{ id: 'onenode', name: '250 kB in one text node, 10k names', chars: 250_000, mentions: true, mentionEvery: 25, oneNode: true },
];
/** mark.js grows with the page; the issue allows skipping it at 20 MB, which keeps the run within its time budget. */
const MARK_JS_MAX_CHARS = 5_000_000;
const EDITS = 2000;

interface ColdStart {
	scriptStart: number;
	firstSlice: number | undefined;
	firstViewportBadge: number | undefined;
	/** From the end of the script's first run to its first scan slice: the wait for its settings. */
	settingsWaitMs: number | undefined;
}

interface Options {
	pages: typeof PAGES;
	repeats: number;
	dist: string;
	profile: boolean;
	saveTraces: boolean;
}

function parseArgs(argv: readonly string[]): Options {
	const value = (name: string): string | undefined => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
	const wanted = value('pages')?.split(',');
	const pages = wanted ? [...PAGES, ...EXTRA_PAGES].filter((page) => wanted.includes(page.id)) : PAGES;
	if (pages.length === 0) throw new Error(`--pages: pick from ${[...PAGES, ...EXTRA_PAGES].map((page) => page.id).join(', ')}`);
	const repeats = Number(value('repeats') ?? 3);
	if (!Number.isInteger(repeats) || repeats < 1) throw new Error('--repeats: a whole number, 1 or more');
	return { pages, repeats, dist: value('dist') ?? DIST, profile: argv.includes('--profile'), saveTraces: argv.includes('--save-traces') };
}

/** A small page, loaded first: what a user sees on the first page after starting the browser. */
async function coldStart(browser: BenchBrowser, origin: string, routes: Routes): Promise<ColdStart> {
	routes['/bench-warmup.html'] = ['text/html; charset=utf-8', generatePage({ name: 'warm-up', chars: 50_000, mentions: true }).html];
	const run = await measureColdStart(browser, `${origin}/bench-warmup.html`);
	delete routes['/bench-warmup.html'];
	const { trace, state } = run;
	return {
		scriptStart: trace.scriptStart,
		firstSlice: trace.firstSlice,
		firstViewportBadge: state.firstViewportBadge,
		settingsWaitMs: trace.firstSlice === undefined ? undefined : trace.firstSlice - (trace.scriptStart + trace.evaluateMs),
	};
}

async function measurePage(spec: PageSpec & { id: string }, browsers: { withExtension: BenchBrowser; plain: BenchBrowser }, origin: string, routes: Routes, options: Options): Promise<PageResult> {
	const aliases = aliasSets();
	const { html, ...page } = generatePage(spec, aliases);
	const path = `/bench-${spec.id}.html`;
	routes[path] = ['text/html; charset=utf-8', html];
	const measure: MeasureOptions = { url: `${origin}${path}`, edits: EDITS, repeats: options.repeats, ...(options.profile ? { profileFile: `${ARTIFACTS}bench-page-${spec.id}.cpuprofile` } : {}), ...(options.saveTraces ? { tracePrefix: `${ARTIFACTS}bench-page-${spec.id}` } : {}) };
	try {
		const { annotation, allMs, edits, scroll } = await measureWithExtension(browsers.withExtension, measure, () => openEditPartner(browsers.plain, measure));
		const baseline = await measureBaselines(browsers.plain, measure);
		const markjs: MarkJsRun = spec.chars <= MARK_JS_MAX_CHARS
			? await measureMarkJs(browsers.plain, measure, combinedRegex(aliases.all))
			: { skipped: `over ${MARK_JS_MAX_CHARS / 1e6} MB, to keep the run short` };
		return { name: spec.name, mentions: spec.mentions, page: { ...page, htmlBytes: Buffer.byteLength(html) }, extension: annotation, extensionRunsMs: allMs, edits, scroll, baseline, markjs, derived: derive(annotation, edits, baseline, markjs) };
	} finally {
		delete routes[path];
	}
}

function printReport(results: readonly PageResult[], cold: ColdStart, options: Options, seconds: number): void {
	console.log(`\nWhose Cloud? page bench: ${cpus().length} cores, load average ${loadavg().map((value) => value.toFixed(1)).join(' ')}, ${seconds.toFixed(0)} s`);
	console.log('The machine is shared and noisy: absolute times mislead. Read the ratios, each measured side by side on the same page in this run.\n');
	console.log(`Cost of annotating, median of ${options.repeats} fresh loads each (range in brackets). ours = main-thread time of the content script (trace).`);
	console.log('floor = TreeWalker + charCodeAt over every text node, the first pass after a fresh load, in a fresh isolated world, as our content script\'s pass is;');
	console.log('warm = further passes in the main world, once Blink has cached the text as JavaScript strings (as perf-ecosystem.md measured).');
	console.log(costTable(results));
	console.log(`ours: the union of main-thread trace events whose URL is the content script (EvaluateScript, v8.compile, and the FunctionCall
Blink records for every callback it invokes: idle slices, frames, observers, timers), plus promise continuations (RunMicrotasks with no
other script inside). Style, layout and paint that our changes cause run outside our script: they are in the last table, not in "ours".`);
	console.log('\nResponsiveness (ms; "at" = page time since navigation start). Longest task while we annotated, from the trace and taken apart;');
	console.log('what the page\'s own observers saw (longtask misses tasks that run no script; Long Animation Frames sees them); the same page without us;');
	console.log('one page edit: without us, the page adds one word near its top; its next frame and the longest task then (what any DOM change costs this page).');
	console.log(responsivenessTable(results));
	console.log(`\nThe page's own DOM edits (${EDITS.toLocaleString('en')} splitText + ${EDITS.toLocaleString('en')} appendChild, median of ${options.repeats} runs; with us, each run waits until we`);
	console.log('are quiet, up to 15 s, then the page without us makes the same edits), through the next rendered frame and script only;');
	console.log('then what we did in reaction to all runs.');
	console.log(editsTable(results));
	console.log(`\nScrolling down ${SCROLL_STEPS} frames of 0.8 screen each, from the top, once the page is quiet (after the edits above), traced.`);
	console.log(scrollTable(results));
	const fmt = (value: number | undefined): string => (value === undefined ? '–' : value.toFixed(0));
	console.log(`\nCold start (first page after the browser starts, 50 kB): script ran at ${fmt(cold.scriptStart)} ms, first scan slice at ${fmt(cold.firstSlice)} ms, first badge at ${fmt(cold.firstViewportBadge)} ms;`);
	console.log(`${fmt(cold.settingsWaitMs)} ms of it waiting for the settings (the pages above were measured after this warm-up).`);
	console.log('\nWhere our time went (trace, ms): our script by callback, then everything the main thread did while we annotated');
	console.log(breakdownTable(results));
	console.log('\nTargets');
	for (const target of targets(results)) console.log(`${target.pass ? 'PASS' : 'MISS'}  ${target.page.padEnd(18)} ${target.name.padEnd(42)} ${target.value}`);
	for (const result of results) {
		printProfile(`${result.name}, annotating (the last load)`, result.extension.profile);
		printProfile(`${result.name}, during the page's edits`, result.edits.profile);
	}
}

function printProfile(title: string, profile: ProfileSummary | undefined): void {
	if (!profile) return;
	console.log(`\nProfile of ${title}: ${profile.scriptTotal.toFixed(0)} ms sampled under the content script, ${profile.scriptSelf.toFixed(0)} ms in its own code`);
	console.log(table(['self ms', 'function'], profile.top.map((hot) => [hot.ms.toFixed(1), hot.name.slice(0, 90)])));
	console.log(table(['inclusive ms', 'function'], profile.inclusive.map((hot) => [hot.ms.toFixed(1), hot.name.slice(0, 90)])));
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	mkdirSync(ARTIFACTS, { recursive: true });
	const started = Date.now();
	const routes: Routes = {};
	const server = await startServer(0, routes);
	const withExtension = await launch(options.dist);
	const plain = await launch();
	const results: PageResult[] = [];
	let cold: ColdStart;
	try {
		process.stdout.write('cold start… ');
		cold = await coldStart(withExtension, server.origin, routes);
		console.log(`first slice ${cold.firstSlice?.toFixed(0) ?? '–'} ms after navigation`);
		for (const spec of options.pages) {
			process.stdout.write(`measuring ${spec.name}… `);
			const pageStarted = Date.now();
			results.push(await measurePage(spec, { withExtension, plain }, server.origin, routes, options));
			console.log(`${((Date.now() - pageStarted) / 1000).toFixed(0)} s`);
		}
	} finally {
		await withExtension.close();
		await plain.close();
		await server.close();
	}
	const seconds = (Date.now() - started) / 1000;
	printReport(results, cold, options, seconds);
	const file = `${ARTIFACTS}bench-page.json`;
	writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), cores: cpus().length, loadavg: loadavg(), seconds, options: { ...options, pages: options.pages.map((page) => page.id) }, coldStart: cold, targets: targets(results), results }, null, '\t'));
	console.log(`\nwrote ${file}`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
