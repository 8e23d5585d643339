/**
 * Browser plumbing for the page bench: two Chromium instances with the same
 * flags, one with the built extension and one without (the baselines), plus
 * the CDP helpers the bench needs: metrics, garbage collection, tracing, and
 * waiting for the extension to start and then to go quiet.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { findChromium } from '../tools/find-chromium.ts';
import { CHROMIUM_FLAGS } from '../tools/chromium-flags.ts';
import type { TraceEvent } from './page-trace.ts';

export const VIEWPORT = { width: 1280, height: 900 };

/** Trace categories: tasks, script, callbacks, rendering, GC, and performance.mark for clock alignment. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'].join(',');

export interface BenchBrowser {
	context: BrowserContext;
	/** Set when the extension is loaded. */
	extensionId: string | undefined;
	close(): Promise<void>;
}

/** Same flags as test/e2e/harness.ts, so the two browsers differ only by the extension. */
export async function launch(extensionDir?: string): Promise<BenchBrowser> {
	const { path, branded } = findChromium();
	if (branded) throw new Error(`${path} is branded Google Chrome, which ignores --load-extension; use Chromium (apt-get install chromium).`);
	const userDataDir = mkdtempSync(join(tmpdir(), 'whose-cloud-bench-'));
	const extensionArgs = extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [];
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: path,
		headless: true,
		viewport: VIEWPORT,
		locale: 'en-US',
		args: [...CHROMIUM_FLAGS, ...extensionArgs],
	});
	let extensionId: string | undefined;
	if (extensionDir) {
		const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 20_000 });
		extensionId = new URL(worker.url()).host;
	}
	return {
		context,
		extensionId,
		async close() {
			await context.close();
			rmSync(userDataDir, { recursive: true, force: true });
		},
	};
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A page with a CDP session on it, and the metrics the bench reads from it. */
export class Probe {
	private constructor(readonly page: Page, readonly cdp: CDPSession, private readonly contexts: string[]) {}

	static async open(context: BrowserContext): Promise<Probe> {
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		const contexts: string[] = [];
		// Execution contexts tell us when the content script's isolated world appears, with no code in the page.
		cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context.origin));
		await cdp.send('Runtime.enable');
		await cdp.send('Performance.enable');
		return new Probe(page, cdp, contexts);
	}

	async metrics(): Promise<Record<string, number>> {
		const { metrics } = await this.cdp.send('Performance.getMetrics');
		return Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]));
	}

	/** Heap and DOM size after a full GC, so garbage does not count as memory. */
	async settledMemory(): Promise<{ heapBytes: number; nodes: number }> {
		await this.cdp.send('HeapProfiler.collectGarbage');
		const metrics = await this.metrics();
		return { heapBytes: metrics.JSHeapUsedSize ?? 0, nodes: metrics.Nodes ?? 0 };
	}

	/**
	 * Evaluates `expression` in a new isolated world of the page's main frame:
	 * the situation of a content script's first pass, with no DOM wrapper and
	 * no compiled code of its own yet.
	 */
	async evaluateInFreshWorld<T>(expression: string): Promise<T> {
		const { frameTree } = await this.cdp.send('Page.getFrameTree');
		const { executionContextId } = await this.cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: `bench-${Date.now()}` });
		const { result, exceptionDetails } = await this.cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true });
		if (exceptionDetails) throw new Error(`in the isolated world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
		return result.value as T;
	}

	async waitForWorld(origin: string, timeoutMs = 20_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (!this.contexts.includes(origin)) {
			if (Date.now() > deadline) throw new Error(`no execution context for ${origin} after ${timeoutMs} ms`);
			await sleep(50);
		}
	}

	/**
	 * Waits until the main thread has run no script for `quietMs`, after first
	 * seeing script run at all (`mustStart`): the extension reads its settings
	 * before its first slice, and that wait must not pass for "done".
	 * Polls Performance.getMetrics, which runs no JavaScript in the page.
	 * Resolves true when quiet, false when `timeoutMs` passed first.
	 */
	async waitQuiet({ quietMs = 1000, mustStart = true, timeoutMs = 180_000 } = {}): Promise<boolean> {
		const started = Date.now();
		let last = (await this.metrics()).ScriptDuration ?? 0;
		const initial = last;
		let quietSince = Date.now();
		for (;;) {
			await sleep(250);
			const now = (await this.metrics()).ScriptDuration ?? 0;
			// ScriptDuration is in seconds; under 1 ms of script per poll counts as quiet.
			if (now - last > 0.001) quietSince = Date.now();
			last = now;
			const begun = !mustStart || now - initial > 0.001;
			if (begun && Date.now() - quietSince >= quietMs) return true;
			if (Date.now() - started > timeoutMs) return false;
		}
	}

	async startTrace(): Promise<() => Promise<TraceEvent[]>> {
		const events: TraceEvent[] = [];
		const collect = (data: { value: object[] }): void => {
			for (const event of data.value) events.push(event as TraceEvent);
		};
		this.cdp.on('Tracing.dataCollected', collect);
		await this.cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
		return async () => {
			const complete = new Promise<void>((resolve) => this.cdp.once('Tracing.tracingComplete', () => resolve()));
			await this.cdp.send('Tracing.end');
			await complete;
			this.cdp.off('Tracing.dataCollected', collect);
			return events;
		};
	}

	async close(): Promise<void> {
		await this.cdp.detach().catch(() => undefined);
		await this.page.close();
	}
}
