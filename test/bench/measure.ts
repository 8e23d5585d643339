/**
 * Timing and memory helpers for the benchmark. Times are medians over
 * interleaved rounds, so that a burst of load from a neighbour on this shared
 * machine hits every method alike and the ratios stay meaningful.
 */
import { GCProfiler, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';

export const median = (values: readonly number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export function timeOnce(run: () => void): number {
	const start = performance.now();
	run();
	return performance.now() - start;
}

/**
 * Runs every method `warmups` times, then `runs` rounds of one run each, in
 * the same order every round, each timed run after a full GC. Returns each
 * method's run times in ms.
 */
export function timeInterleaved(methods: Record<string, () => void>, warmups: number, runs: number): Record<string, number[]> {
	const times: Record<string, number[]> = {};
	for (const name of Object.keys(methods)) times[name] = [];
	for (let round = 0; round < warmups; round++) for (const run of Object.values(methods)) run();
	for (let round = 0; round < runs; round++) {
		for (const [name, run] of Object.entries(methods)) {
			// Each method starts on a clean heap: the garbage the previous one left is not collected on its time.
			collectGarbage();
			times[name]!.push(timeOnce(run));
		}
	}
	return times;
}

/** `gc()` without asking for --expose-gc on the command line (`npm run bench` is plain tsx). */
export const collectGarbage: () => void = (() => {
	setFlagsFromString('--expose-gc');
	return runInNewContext('gc') as () => void;
})();

export interface MemoryPeak {
	/** Heap in use before the run, after a full GC (bytes). */
	heapBefore: number;
	/** Highest heap in use during the run: before each GC the run triggered, and at its end (bytes). */
	heapPeak: number;
	/** Resident set size before the run (bytes). */
	rssBefore: number;
	/** Highest resident set size seen while the run was going, sampled every millisecond (bytes). */
	rssPeak: number;
}

/**
 * Samples the process's RSS from a worker thread while the main thread is
 * busy: a synchronous run leaves the main thread no chance to look itself.
 */
const RSS_SAMPLER = `
const { workerData, parentPort } = require('node:worker_threads');
const control = new Int32Array(workerData.control);
const peak = new Float64Array(workerData.peak);
parentPort.postMessage('ready');
while (Atomics.load(control, 0) === 0) {
	peak[0] = Math.max(peak[0], process.memoryUsage.rss());
	Atomics.wait(control, 0, 0, 1);
}
peak[0] = Math.max(peak[0], process.memoryUsage.rss());
`;

async function startRssSampler(): Promise<() => Promise<number>> {
	const control = new Int32Array(new SharedArrayBuffer(4));
	const peak = new Float64Array(new SharedArrayBuffer(8));
	const worker = new Worker(RSS_SAMPLER, { eval: true, workerData: { control: control.buffer, peak: peak.buffer } });
	await new Promise<void>((resolve, reject) => {
		worker.once('message', () => resolve());
		worker.once('error', reject);
	});
	return async () => {
		Atomics.store(control, 0, 1);
		Atomics.notify(control, 0);
		await new Promise((resolve) => worker.once('exit', resolve));
		return peak[0]!;
	};
}

/** Runs `run` once and reports the heap and RSS high-water marks around it. */
export async function measureMemory(run: () => void): Promise<MemoryPeak> {
	collectGarbage();
	// V8 hands freed pages back to the system over the next few milliseconds: let RSS settle first.
	await new Promise((resolve) => setTimeout(resolve, 200));
	const stopSampler = await startRssSampler();
	const heapBefore = process.memoryUsage().heapUsed;
	const rssBefore = process.memoryUsage.rss();
	const profiler = new GCProfiler();
	profiler.start();
	run();
	const heapAtEnd = process.memoryUsage().heapUsed;
	const gcs = profiler.stop().statistics;
	const rssPeak = await stopSampler();
	const heapBeforeGcs = gcs.map((event) => event.beforeGC.heapStatistics.usedHeapSize);
	return { heapBefore, heapPeak: Math.max(heapAtEnd, ...heapBeforeGcs), rssBefore, rssPeak };
}
