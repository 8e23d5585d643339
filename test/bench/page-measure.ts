/**
 * One page, measured three ways in the same run:
 * - with the extension, traced: its script time, longest task, first badge,
 *   memory, then the page's own DOM edits with our marks and badges present,
 *   each run next to the same edits on the page loaded without us;
 * - without the extension: the charCodeAt floor, memory;
 * - without the extension, fresh load: mark.js markRegExp on the same DOM.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BenchBrowser } from './page-browser.ts';
import { Probe } from './page-browser.ts';
import { FLOOR_FUNCTION, type BenchWindow, type EditResult, type FloorResult, type LongFrame, type LongTask, type OneEditResult, type PageState } from './page-probe.ts';
import { startProfile, type ProfileSummary } from './page-profile.ts';
import { clockOffset, renderingTotals, summarise, type TraceEvent, type TraceSummary } from './page-trace.ts';

const MARK_JS = createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js');
const CONTENT_SCRIPT = 'src/content/index.js';
const SYNC_MARK = 'bench:sync';

export interface Memory {
	heapBytes: number;
	nodes: number;
}

export interface ExtensionRun {
	trace: TraceSummary;
	state: PageState;
	memory: Memory;
	/** Longest task the page's own PerformanceObserver saw after our script started. */
	longestObserved: LongTask | undefined;
	/** Longest animation frame it saw in that time (Long Animation Frames: rendering included). */
	longestFrame: LongFrame | undefined;
	profile?: ProfileSummary;
}

export interface EditsRun {
	runs: EditResult[];
	/** The same edits on the page without us, each run right after one of ours: both sides share the machine's moments. */
	without: EditResult[];
	/** False when the extension was still reacting to the edits when the bench stopped waiting. */
	settled: boolean;
	/** The extension's work in reaction to the edits (its observer, then its rescans), when traced. */
	followUp: TraceSummary | undefined;
	longestObserved: LongTask | undefined;
	/** With --profile: where our script's time went while the page edited and we reacted. */
	profile?: ProfileSummary;
}

/** The page scrolled down, SCROLL_STEPS frames of most of a screen each, after annotation. */
export interface ScrollRun {
	/** Intervals between animation frames, ms. */
	frames: number[];
	/** Rendering during the scroll, ms by kind (trace). */
	rendering: Record<string, number>;
}

export const SCROLL_STEPS = 40;

/** Scrolls the page from the top, traced, after letting the browser and the extension settle. */
async function scrollRun(probe: Probe): Promise<ScrollRun> {
	await probe.waitQuiet({ mustStart: false, quietMs: 500, timeoutMs: 40_000 });
	const stopTrace = await probe.startTrace();
	const frames = await probe.page.evaluate((steps) => (window as unknown as BenchWindow).__bench.scroll(steps), SCROLL_STEPS);
	const rendering = renderingTotals(await stopTrace());
	await probe.page.evaluate(() => window.scrollTo(0, 0));
	return { frames, rendering };
}

export interface BaselineRun {
	/** First pass after a fresh load, in a fresh isolated world, as the content script's own pass is: the floor the ratios use. */
	floor: FloorResult[];
	/** Further passes in the page's main world (strings, wrappers and code warm), as perf-ecosystem.md measured. */
	floorWarm: FloorResult[];
	memory: Memory;
	scroll: ScrollRun;
	/** One word added near the top, a few times: what a single change of the page's own costs it to render. */
	oneEdits: OneEditResult[];
	/** Longest task and animation frame after load on the page without us: what the page does on its own then. */
	longestAfterLoad: LongTask | undefined;
	longestFrameAfterLoad: LongFrame | undefined;
}

export interface MeasureOptions {
	url: string;
	edits: number;
	repeats: number;
	profileFile?: string;
	/** Where to write the raw traces (open them in DevTools' Performance panel), if anywhere. */
	tracePrefix?: string;
}

function keepTrace(options: MeasureOptions, phase: string, events: readonly TraceEvent[]): void {
	if (options.tracePrefix) writeFileSync(`${options.tracePrefix}-${phase}.json`, JSON.stringify({ traceEvents: events }));
}

const bench = (probe: Probe): Promise<PageState> => probe.page.evaluate(() => (window as unknown as BenchWindow).__bench.state());
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const longestAfter = <T extends LongTask>(tasks: readonly T[], from: number, to = Infinity): T | undefined =>
	tasks.filter((task) => task.start >= from && task.start < to).reduce<T | undefined>((best, task) => (!best || task.duration > best.duration ? task : best), undefined);

async function load(probe: Probe, url: string): Promise<void> {
	await probe.page.goto(url, { waitUntil: 'load', timeout: 120_000 });
}

/** Loads the page with the extension and waits until it has annotated everything it will. */
async function annotate(probe: Probe, browser: BenchBrowser, options: MeasureOptions): Promise<ExtensionRun> {
	const scriptUrl = `chrome-extension://${browser.extensionId}/${CONTENT_SCRIPT}`;
	const stopTrace = await probe.startTrace();
	const stopProfile = options.profileFile ? await startProfile(probe.cdp) : undefined;
	await load(probe, options.url);
	await probe.waitForWorld(`chrome-extension://${browser.extensionId}`);
	if (!await probe.waitQuiet()) throw new Error(`the extension was still working on ${options.url} after 3 minutes`);
	const state = await bench(probe);
	const profile = stopProfile ? await stopProfile(options.profileFile!, scriptUrl) : undefined;
	const events = await stopTrace();
	keepTrace(options, 'load', events);
	const trace = summarise(events, scriptUrl, clockOffset(events, SYNC_MARK), state.syncMark);
	if (!trace) throw new Error(`the trace shows no script from ${scriptUrl}: did the extension run on ${options.url}?`);
	const memory = await probe.settledMemory();
	const longestObserved = longestAfter(state.longTasks, trace.scriptStart, state.syncMark);
	const longestFrame = longestAfter(state.longFrames, trace.scriptStart, state.syncMark);
	return { trace, state, memory, longestObserved, longestFrame, ...(profile ? { profile } : {}) };
}

/**
 * How long the bench waits for the extension to settle after each edit run,
 * so that the next run, ours or the page's without us, starts with the
 * extension quiet: first the shorter wait, then the longer one if it was not
 * enough. If even that is not, the report says so.
 */
const BETWEEN_RUNS_WAIT_MS = 15_000;
const FOLLOW_UP_WAIT_MS = 40_000;

const editOnce = (probe: Probe, options: MeasureOptions): Promise<EditResult> =>
	probe.page.evaluate((count) => (window as unknown as BenchWindow).__bench.edits(count), options.edits);

/** `run`, `count` times, a moment apart: the page's own edits, without us. */
async function spaced<T>(count: number, run: () => Promise<T>): Promise<T[]> {
	const results: T[] = [];
	for (let index = 0; index < count; index++) {
		results.push(await run());
		await sleep(300);
	}
	return results;
}

/**
 * The page without us, loaded and quiet, for edits run between ours: run
 * minutes apart, as they were, the two sides saw different moments of a
 * shared machine, and at 20 MB, where a frame takes about a second, the
 * ratio moved from 1.03× to 1.55× between runs.
 */
export interface EditPartner {
	edit(): Promise<EditResult>;
	close(): Promise<void>;
}

export async function openEditPartner(browser: BenchBrowser, options: MeasureOptions): Promise<EditPartner> {
	const probe = await Probe.open(browser.context);
	try {
		await load(probe, options.url);
		await probe.waitQuiet({ mustStart: false, quietMs: 500 });
	} catch (error) {
		await probe.close().catch(() => undefined);
		throw error;
	}
	return {
		// Traced, as our side is while it edits: tracing slows every frame, and only one side paying for it made the
		// 20 MB edits look 1.3× slower with us when they were 1.03–1.15× (traced on both sides, test/bench runs).
		async edit() {
			const stopTrace = await probe.startTrace();
			try {
				return await editOnce(probe, options);
			} finally {
				await stopTrace();
			}
		},
		close: () => probe.close().catch(() => undefined),
	};
}

/**
 * The page edits its DOM with our marks present; after each run we let the
 * extension finish reacting, up to a limit, and the page without us makes
 * the same edits, before ours on every other run (so neither side always
 * comes first), and only once we are quiet (so it never shares the machine
 * with our follow-up work).
 */
async function editWithExtension(probe: Probe, browser: BenchBrowser, options: MeasureOptions, since: number, partner: EditPartner): Promise<EditsRun> {
	const scriptUrl = `chrome-extension://${browser.extensionId}/${CONTENT_SCRIPT}`;
	const stopTrace = await probe.startTrace();
	const stopProfile = options.profileFile ? await startProfile(probe.cdp) : undefined;
	const runs: EditResult[] = [];
	const without: EditResult[] = [];
	let settled = true;
	const partnerRun = async (): Promise<void> => {
		without.push(await partner.edit());
		await sleep(300);
	};
	for (let run = 0; run < options.repeats; run++) {
		const partnerFirst = run % 2 === 1;
		if (partnerFirst) await partnerRun();
		runs.push(await editOnce(probe, options));
		settled = await probe.waitQuiet({ mustStart: false, timeoutMs: BETWEEN_RUNS_WAIT_MS });
		if (!settled) settled = await probe.waitQuiet({ mustStart: false, timeoutMs: FOLLOW_UP_WAIT_MS });
		if (!partnerFirst) await partnerRun();
	}
	const state = await bench(probe);
	const profile = stopProfile ? await stopProfile(options.profileFile!.replace(/\.cpuprofile$/, '-edits.cpuprofile'), scriptUrl) : undefined;
	const events = await stopTrace();
	keepTrace(options, 'edits', events);
	const followUp = summarise(events, scriptUrl, clockOffset(events, SYNC_MARK), state.syncMark);
	return { runs, without, settled, followUp, longestObserved: longestAfter(state.longTasks, since, state.syncMark), ...(profile ? { profile } : {}) };
}

/**
 * `repeats` fresh loads with the extension, as the floor gets: the run whose
 * work is the median stands for the page, and `allMs` keeps the spread. The
 * page's edits, then its scrolling, are measured on the last load.
 */
export async function measureWithExtension(browser: BenchBrowser, options: MeasureOptions, openPartner: () => Promise<EditPartner>): Promise<{ annotation: ExtensionRun; allMs: number[]; edits: EditsRun; scroll: ScrollRun }> {
	const runs: ExtensionRun[] = [];
	for (let run = 0; run < options.repeats; run++) {
		const probe = await Probe.open(browser.context);
		try {
			const last = run === options.repeats - 1;
			// Profile one load only, the last, so the profile and the edits' profile come from the same page.
			const annotation = await annotate(probe, browser, last ? options : { ...options, profileFile: undefined });
			runs.push(annotation);
			if (last) {
				// The page without us is open only for the edits: a 20 MB page in a second renderer costs the machine.
				const partner = await openPartner();
				let edits: EditsRun;
				try {
					edits = await editWithExtension(probe, browser, options, annotation.state.syncMark, partner);
				} finally {
					await partner.close();
				}
				const scroll = await scrollRun(probe);
				const byWork = [...runs].sort((a, b) => a.trace.extensionMs - b.trace.extensionMs);
				const median = byWork[(byWork.length - 1) >> 1]!;
				// Only the last load was profiled: its profile goes with the median, which is often another load.
				const annotated = annotation.profile && !median.profile ? { ...median, profile: annotation.profile } : median;
				return { annotation: annotated, allMs: runs.map((one) => one.trace.extensionMs), edits, scroll };
			}
		} finally {
			await probe.close();
		}
	}
	throw new Error('repeats must be 1 or more');
}

/**
 * The first page after the browser starts. Measured apart, and first, so the
 * pages after it see the extension in its steady state.
 */
export async function measureColdStart(browser: BenchBrowser, url: string): Promise<ExtensionRun> {
	const probe = await Probe.open(browser.context);
	try {
		return await annotate(probe, browser, { url, edits: 0, repeats: 0 });
	} finally {
		await probe.close();
	}
}

export async function measureBaselines(browser: BenchBrowser, options: MeasureOptions): Promise<BaselineRun> {
	const probe = await Probe.open(browser.context);
	try {
		const floor: FloorResult[] = [];
		let quiet: PageState | undefined;
		for (let run = 0; run < Math.max(1, options.repeats); run++) {
			// A fresh load each time: the first pass pays for turning every text node's data into a JavaScript
			// string, which Blink then caches for all worlds. Our content script is that first pass on real pages.
			await load(probe, options.url);
			// Let the layout and paint after load finish, as they have when our first slice runs.
			await probe.waitQuiet({ mustStart: false, quietMs: 500 });
			quiet = await bench(probe);
			floor.push(await probe.evaluateInFreshWorld<FloorResult>(`(${FLOOR_FUNCTION})()`));
		}
		const floorWarm: FloorResult[] = [];
		for (let run = 0; run < options.repeats; run++) floorWarm.push(await probe.page.evaluate(() => (window as unknown as BenchWindow).__bench.floor()));
		const memory = await probe.settledMemory();
		const scroll = await scrollRun(probe);
		const oneEdits = await spaced<OneEditResult>(options.repeats, () => probe.page.evaluate(() => (window as unknown as BenchWindow).__bench.oneEdit()));
		return {
			floor,
			floorWarm,
			memory,
			scroll,
			oneEdits,
			longestAfterLoad: longestAfter(quiet!.longTasks, quiet!.load, quiet!.syncMark),
			longestFrameAfterLoad: longestAfter(quiet!.longFrames, quiet!.load, quiet!.syncMark),
		};
	} finally {
		await probe.close();
	}
}

/** mark.js mutates the DOM, so it gets a fresh load of the page. */
export async function measureMarkJs(browser: BenchBrowser, options: MeasureOptions, regex: RegExp): Promise<{ ms: number; layoutMs: number; marks: number }> {
	const probe = await Probe.open(browser.context);
	try {
		await load(probe, options.url);
		await probe.page.addScriptTag({ path: MARK_JS });
		await probe.waitQuiet({ mustStart: false, quietMs: 1000 });
		return await probe.page.evaluate(([source, flags]) => (window as unknown as BenchWindow).__bench.markjs(source, flags), [regex.source, regex.flags] as const);
	} finally {
		await probe.close();
	}
}
