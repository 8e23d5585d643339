/**
 * `npm run bench:side-by-side`: small experiments behind choices in the
 * content script, each run side by side in one session, and what the main
 * thread did in the frame that followed, from the trace. Not a gate, and not
 * part of `npm run bench:page`: these explain its numbers.
 *
 * - `edits`: the page's own 2,000 splitText + 2,000 appendChild on a
 *   generated page, with the extension and without, alternately, each on a
 *   fresh load (`--pre=N` first makes N runs of edits and waits for us).
 * - `marks`: without the extension, one highlight of 200 ranges registered on
 *   the page, drawn as an underline, a background tint or a text colour (why
 *   marks are a tint: mark-style.ts).
 * - `badges`: without the extension, inline-block elements inserted into 1,
 *   5 or 10 paragraphs in one frame (why the frame costs the same whatever
 *   the count: badges.ts).
 *
 * Options: --experiment=edits|marks|badges (all by default), --mb=N (page
 * size, 20 by default; 5 for badges), --rounds=N (2).
 */
import { startServer, type Routes } from '../demo/server.ts';
import { DIST } from '../e2e/harness.ts';
import { launch, Probe, type BenchBrowser } from './page-browser.ts';
import { aliasSets, generatePage } from './page-gen.ts';
import type { BenchWindow, EditResult } from './page-probe.ts';
import { renderingTotals, type TraceEvent } from './page-trace.ts';

/** Each kind of main-thread work on its own, PrePaint apart from Paint: the marks experiment is about the difference. */
const RENDERING = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Commit', 'RunMicrotasks', 'MinorGC', 'MajorGC', 'V8.GC_MC_INCREMENTAL'];
const BY_EVENT = Object.fromEntries(RENDERING.map((name) => [name, name]));

const option = (name: string): string | undefined => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const experiments = option('experiment')?.split(',') ?? ['edits', 'marks', 'badges'];
const rounds = Number(option('rounds') ?? 2);

/** Milliseconds of each kind of main-thread work in the trace. */
function rendering(events: readonly TraceEvent[]): string {
	const totals = renderingTotals(events, BY_EVENT);
	return RENDERING.filter((name) => totals[name] !== undefined).map((name) => `${name} ${totals[name]!.toFixed(1)}`).join(', ');
}

async function loaded(browser: BenchBrowser, url: string, quietMs = 1500): Promise<Probe> {
	const probe = await Probe.open(browser.context);
	await probe.page.goto(url, { waitUntil: 'load', timeout: 120_000 });
	await probe.waitQuiet({ mustStart: browser.extensionId !== undefined, quietMs });
	return probe;
}

async function edits(browsers: { withExtension: BenchBrowser; plain: BenchBrowser }, url: string): Promise<void> {
	const pre = Number(option('pre') ?? 0);
	console.log(`\nedits: 2,000 splitText + 2,000 appendChild, after ${pre} earlier run(s); frame = to the next rendered frame, task = the page's task with observers`);
	for (let round = 0; round < rounds; round++) {
		for (const [label, browser] of [['with us', browsers.withExtension], ['without', browsers.plain]] as const) {
			const probe = await loaded(browser, url);
			try {
				for (let run = 0; run < pre; run++) {
					await probe.page.evaluate(() => (window as unknown as BenchWindow).__bench.edits(2000));
					await probe.waitQuiet({ mustStart: false, quietMs: 1000 });
				}
				const stopTrace = await probe.startTrace();
				const result: EditResult = await probe.page.evaluate(() => (window as unknown as BenchWindow).__bench.edits(2000));
				const events = await stopTrace();
				console.log(`${label.padEnd(8)} frame ${result.frame.toFixed(0)}, task ${result.task.toFixed(0)} | ${rendering(events)}`);
			} finally {
				await probe.close();
			}
		}
	}
}

const MARK_STYLES: Record<string, string> = {
	underline: 'text-decoration:underline 2px dotted #d9822b;text-underline-offset:3px',
	tint: 'background-color:rgb(217 130 43 / 28%)',
	colour: 'color:#d9822b',
};

async function marks(plain: BenchBrowser, url: string): Promise<void> {
	console.log('\nmarks: one highlight of 200 ranges registered in one frame, by style (no extension)');
	for (let round = 0; round < rounds; round++) {
		for (const [style, css] of Object.entries(MARK_STYLES)) {
			const probe = await loaded(plain, url, 1000);
			try {
				await probe.page.evaluate((rule) => {
					const sheet = new CSSStyleSheet();
					sheet.replaceSync(`::highlight(side-by-side){${rule}}`);
					document.adoptedStyleSheets = [sheet];
				}, css);
				await probe.waitQuiet({ mustStart: false, quietMs: 1000 });
				const stopTrace = await probe.startTrace();
				await probe.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => {
					const highlight = new Highlight();
					const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
					for (let node = walker.nextNode() as Text | null; node && highlight.size < 200; node = walker.nextNode() as Text | null) {
						if (node.length > 3) highlight.add(new StaticRange({ startContainer: node, startOffset: 0, endContainer: node, endOffset: 3 }));
					}
					CSS.highlights.set('side-by-side', highlight);
					requestAnimationFrame(() => setTimeout(resolve, 0));
				})));
				console.log(`${style.padEnd(9)} | ${rendering(await stopTrace())}`);
			} finally {
				await probe.close();
			}
		}
	}
}

async function badges(plain: BenchBrowser, url: string): Promise<void> {
	console.log('\nbadges: an inline-block element with a shadow root after the first words of N paragraphs, in one frame (no extension)');
	for (let round = 0; round < rounds; round++) {
		for (const paragraphs of [1, 5, 10]) {
			const probe = await loaded(plain, url, 1000);
			try {
				const stopTrace = await probe.startTrace();
				await probe.page.evaluate((count) => new Promise<void>((resolve) => requestAnimationFrame(() => {
					const blocks = document.querySelectorAll('main p');
					for (let index = 0; index < count; index++) {
						const text = blocks[index]?.firstChild;
						if (!(text instanceof Text) || text.length < 5) continue;
						const host = document.createElement('side-by-side-badge');
						host.style.display = 'inline-block';
						host.attachShadow({ mode: 'closed' }).innerHTML = '<span style="display:inline-flex;height:1.15em;padding:0 .28em;font:700 .68em/1 sans-serif;background:#a3470d;color:#fff">U</span>';
						text.splitText(4).before(host);
					}
					requestAnimationFrame(() => setTimeout(resolve, 0));
				})), paragraphs);
				console.log(`${String(paragraphs).padStart(2)} paragraph(s) | ${rendering(await stopTrace())}`);
			} finally {
				await probe.close();
			}
		}
	}
}

async function main(): Promise<void> {
	const routes: Routes = {};
	const server = await startServer(0, routes);
	const page = (megabytes: number): string => {
		const path = `/side-by-side-${megabytes}.html`;
		routes[path] ??= ['text/html; charset=utf-8', generatePage({ name: 'side by side', chars: megabytes * 1_000_000, mentions: true }, aliasSets()).html];
		return `${server.origin}${path}`;
	};
	const plain = await launch();
	const withExtension = experiments.includes('edits') ? await launch(option('dist') ?? DIST) : undefined;
	try {
		const megabytes = Number(option('mb') ?? 20);
		if (withExtension) await edits({ withExtension, plain }, page(megabytes));
		if (experiments.includes('marks')) await marks(plain, page(megabytes));
		if (experiments.includes('badges')) await badges(plain, page(Number(option('mb') ?? 5)));
	} finally {
		await withExtension?.close();
		await plain.close();
		await server.close();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
