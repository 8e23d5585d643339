/**
 * The bench page's own script, inlined in <head> of every generated page.
 * Everything here is what any page could do: it records long tasks and badge
 * insertions with its own observers, and it runs the baselines (the floor,
 * mark.js, its own DOM edits) on request.
 *
 * It is plain JavaScript in a string on purpose: tsx wraps compiled functions
 * in `__name(…)` helpers, which do not exist in the page, so functions passed
 * to page.evaluate must stay trivial one-liners that call into this.
 */

export interface LongTask {
	start: number;
	duration: number;
}

export interface FloorResult {
	ms: number;
	nodes: number;
	chars: number;
	/** Returned so the engine cannot drop the loop as dead code. */
	checksum: number;
}

/** The page changes one word near its top, once: what any change costs this page to render. */
export interface OneEditResult {
	/** From the change until the next frame is rendered. */
	frame: number;
	/** The longest task the page's observers saw meanwhile (longtask or Long Animation Frame), 0 if none over 50 ms. */
	longest: number;
}

export interface EditResult {
	/** The edit loop itself. */
	sync: number;
	/** Until the end of the task's microtask checkpoint, where mutation observers (ours too) run. */
	task: number;
	/** Until the next frame is rendered: style, layout and paint of the edited page, highlights included. */
	frame: number;
}

/** A Long Animation Frame entry: unlike 'longtask', it also sees frames that run no script (style, layout, paint). */
export interface LongFrame extends LongTask {
	blocking: number;
	/** Scripts in the frame, by source URL: content scripts show up with their chrome-extension:// URL. */
	scripts: Array<{ source: string; duration: number }>;
}

export interface PageState {
	longTasks: LongTask[];
	longFrames: LongFrame[];
	/** Page time at which each badge host was seen inserted, in insertion order. */
	badgeTimes: number[];
	/** Page time of the first insertion of a badge that is inside the viewport now, if any. */
	firstViewportBadge: number | undefined;
	viewportBadges: number;
	/** Ranges in CSS.highlights: the registry is shared with the page, so it sees our marks. */
	highlightRanges: number;
	domContentLoaded: number;
	load: number;
	/** performance.now() of the `bench:sync` mark, to align the trace clock with the page clock. */
	syncMark: number;
}

/** Typed view of `window.__bench`, for the one-line page.evaluate calls. */
export interface BenchApi {
	floor(): FloorResult;
	edits(count: number): Promise<EditResult>;
	oneEdit(): Promise<OneEditResult>;
	scroll(steps: number): Promise<number[]>;
	/** mark.js's script, then the style and layout its new elements cost, forced at once (what the issue's own figures for it include). */
	markjs(source: string, flags: string): { ms: number; layoutMs: number; marks: number };
	state(): PageState;
}

export type BenchWindow = Window & { __bench: BenchApi };

/**
 * The floor: a bare TreeWalker pass reading every character of every text
 * node with charCodeAt. Shared source, so the bench can run it in the page's
 * main world and in a fresh isolated world (where a content script runs).
 */
export const FLOOR_FUNCTION = String.raw`function floor() {
	const start = performance.now();
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	let nodes = 0, chars = 0, checksum = 0;
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const data = node.data;
		nodes++;
		chars += data.length;
		for (let i = 0; i < data.length; i++) checksum = (checksum + data.charCodeAt(i)) | 0;
	}
	return { ms: performance.now() - start, nodes, chars, checksum };
}`;

export const PROBE_SCRIPT = String.raw`
(() => {
	const longTasks = [];
	const longFrames = [];
	const badges = [];
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
	}).observe({ type: 'longtask', buffered: true });
	if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) longFrames.push({
			start: entry.startTime,
			duration: entry.duration,
			blocking: entry.blockingDuration,
			scripts: entry.scripts.map((script) => ({ source: script.sourceURL, duration: script.duration })),
		});
	}).observe({ type: 'long-animation-frame', buffered: true });
	// Registered at DOMContentLoaded, not now: observing the parser's 400k insertions would slow the load itself.
	document.addEventListener('DOMContentLoaded', () => {
		new MutationObserver((records) => {
			const at = performance.now();
			for (const record of records) for (const node of record.addedNodes) {
				if (node.nodeType === 1 && node.localName.startsWith('whose-cloud-')) badges.push({ node, at });
			}
		}).observe(document.body, { childList: true, subtree: true });
	});

	const textNodes = (minLength) => {
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		const out = [];
		for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.data.length >= minLength) out.push(node);
		return out;
	};

	const inViewport = (node) => {
		const rect = node.getBoundingClientRect();
		return rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth;
	};

	window.__bench = {
		// The floor: see FLOOR_FUNCTION.
		floor: ${FLOOR_FUNCTION},
		// The page's own DOM work (perf-ecosystem.md §2.3): count splitText, then count appendChild, spread over the page.
		edits(count) {
			const texts = textNodes(20);
			const paragraphs = document.querySelectorAll('p');
			const start = performance.now();
			for (let i = 0; i < count; i++) {
				const text = texts[Math.floor((i * texts.length) / count)];
				text.splitText(text.data.length >> 1);
			}
			for (let i = 0; i < count; i++) {
				const span = document.createElement('span');
				span.textContent = ' edited ';
				paragraphs[Math.floor((i * paragraphs.length) / count)].appendChild(span);
			}
			const sync = performance.now() - start;
			// Mutation observers were queued by the first edit, so this microtask runs after all of them.
			return new Promise((resolve) => queueMicrotask(() => {
				const task = performance.now() - start;
				// A timer queued from requestAnimationFrame runs once that frame's rendering is done.
				requestAnimationFrame(() => setTimeout(() => resolve({ sync, task, frame: performance.now() - start }), 0));
			}));
		},
		oneEdit() {
			const paragraph = document.querySelector('p');
			const span = document.createElement('span');
			span.textContent = ' edited';
			const start = performance.now();
			paragraph.append(span);
			return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => {
				const frame = performance.now() - start;
				// The observers report a moment later: give them one more task.
				setTimeout(() => {
					const longest = [...longTasks, ...longFrames].filter((task) => task.start >= start - 1).reduce((most, task) => Math.max(most, task.duration), 0);
					span.remove();
					resolve({ frame, longest });
				}, 50);
			}, 0)));
		},
		// Scrolls down by most of a screen per animation frame; returns the intervals between frames.
		scroll(steps) {
			window.scrollTo(0, 0);
			return new Promise((resolve) => {
				const times = [];
				const step = (now) => {
					times.push(now);
					if (times.length > steps) {
						resolve(times.slice(1).map((time, index) => time - times[index]));
						return;
					}
					window.scrollBy(0, Math.round(innerHeight * 0.8));
					requestAnimationFrame(step);
				};
				requestAnimationFrame(step);
			});
		},
		markjs(source, flags) {
			let marks = 0;
			const start = performance.now();
			new Mark(document.body).markRegExp(new RegExp(source, flags), { done: (count) => { marks = count; } });
			const scripted = performance.now();
			void document.documentElement.offsetHeight;
			return { ms: scripted - start, layoutMs: performance.now() - scripted, marks };
		},
		state() {
			performance.mark('bench:sync');
			const syncMark = performance.getEntriesByName('bench:sync').pop().startTime;
			const visible = badges.filter((badge) => badge.node.isConnected && inViewport(badge.node));
			let highlightRanges = 0;
			if (typeof CSS !== 'undefined' && CSS.highlights) for (const highlight of CSS.highlights.values()) highlightRanges += highlight.size;
			const timing = performance.getEntriesByType('navigation')[0];
			return {
				longTasks: longTasks.slice(),
				longFrames: longFrames.slice(),
				badgeTimes: badges.map((badge) => badge.at),
				firstViewportBadge: visible.length > 0 ? Math.min(...visible.map((badge) => badge.at)) : undefined,
				viewportBadges: visible.length,
				highlightRanges,
				domContentLoaded: timing ? timing.domContentLoadedEventEnd : 0,
				load: timing ? timing.loadEventEnd : 0,
				syncMark,
			};
		},
	};
})();
`;
