/**
 * Reads a Chromium trace (devtools.timeline categories) and answers: how much
 * main-thread time did the content script take, in which tasks, and what
 * else ran on the main thread meanwhile.
 *
 * Attribution, so the numbers can be checked:
 * - Script: every EvaluateScript / FunctionCall / v8.compile event on the
 *   page's main thread whose `args.data.url` is the content script's URL.
 *   Blink emits FunctionCall for every callback it invokes (idle callbacks,
 *   animation frames, observers, timers, listeners), with the URL of the
 *   function called. Nested events are merged as intervals, never summed twice.
 * - Microtasks: promise continuations (`await` in the content script) run in
 *   RunMicrotasks without a FunctionCall of their own. A RunMicrotasks that
 *   contains no script of another URL is counted as ours: the bench page's
 *   only script is its observers, which show up as FunctionCall with the page
 *   URL. This part is reported separately.
 * - Not attributed: style, layout, paint and IntersectionObserver geometry
 *   that our DOM changes cause later in the frame; they are reported as
 *   "rendering during annotation" next to the script time.
 */

export interface TraceEvent {
	name: string;
	cat: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	args?: { data?: { url?: string; functionName?: string; startTime?: number } };
}

interface Span {
	start: number;
	end: number;
}

export interface TaskInfo {
	/** Page time (ms) the task started. */
	start: number;
	duration: number;
	/** Of which content-script work. */
	extension: number;
	/** Rendering and GC inside the task, ms by kind (see RENDER_EVENTS). */
	parts?: Record<string, number>;
}

export interface TraceSummary {
	/** Page time (ms since navigation start) when the content script first ran. */
	scriptStart: number;
	/** Page time of the first idle slice that ran our code: when scanning really began. */
	firstSlice: number | undefined;
	lastEnd: number;
	/** Total main-thread time of content-script work, in ms. */
	extensionMs: number;
	/** Of which: evaluating (compiling and running) the script file once. */
	evaluateMs: number;
	/** Of which: promise continuations attributed by the RunMicrotasks rule. */
	microtaskMs: number;
	/** Callback time by kind: idle, animation frame, observers, timers. */
	byKind: Record<string, number>;
	slices: number;
	/** Longest main-thread task that ran any of our code (it may be long for rendering, not for our script). */
	longestOurs: TaskInfo | undefined;
	/** The task with the most of our script in it: how well the work is chunked. */
	longestScript: TaskInfo | undefined;
	/** Longest main-thread task we caused (see causedByUs) between our start and the end of the window. */
	longestCaused: TaskInfo | undefined;
	/** Tasks over 50 ms that ran our code. */
	longOurs: number;
	/** Sum of all main-thread tasks between our first and last event. */
	busyMs: number;
	/** Style, layout, paint, IntersectionObserver geometry and GC in that span, ms. */
	rendering: Record<string, number>;
}

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile']);
const RENDER_EVENTS: Record<string, string> = {
	'UpdateLayoutTree': 'style',
	'Layout': 'layout',
	'PrePaint': 'paint',
	'Paint': 'paint',
	'Layerize': 'paint',
	'IntersectionObserverController::computeIntersections': 'intersection',
	'MinorGC': 'gc',
	'MajorGC': 'gc',
};

const urlOf = (event: TraceEvent): string | undefined => event.args?.data?.url;
const endOf = (event: TraceEvent): number => event.ts + (event.dur ?? 0);

/** Merges overlapping spans; the result is sorted and disjoint. */
function union(spans: Span[]): Span[] {
	const sorted = [...spans].sort((a, b) => a.start - b.start);
	const out: Span[] = [];
	for (const span of sorted) {
		const last = out[out.length - 1];
		if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
		else out.push({ ...span });
	}
	return out;
}

const total = (spans: readonly Span[]): number => spans.reduce((sum, span) => sum + span.end - span.start, 0);

/** Time of `spans` (sorted, disjoint) inside [start, end). */
function overlap(spans: readonly Span[], start: number, end: number): number {
	let sum = 0;
	let low = 0;
	let high = spans.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (spans[mid]!.end <= start) low = mid + 1;
		else high = mid;
	}
	for (let index = low; index < spans.length && spans[index]!.start < end; index++) {
		const span = spans[index]!;
		sum += Math.min(end, span.end) - Math.max(start, span.start);
	}
	return sum;
}

/** The renderer main thread that ran the content script (the trace covers every process). */
function mainThreadOf(events: readonly TraceEvent[], url: string): { pid: number; tid: number } | undefined {
	const first = events.find((event) => event.name === 'EvaluateScript' && urlOf(event) === url)
		?? events.find((event) => SCRIPT_EVENTS.has(event.name) && urlOf(event) === url);
	return first ? { pid: first.pid, tid: first.tid } : undefined;
}

/** Trace microseconds to page milliseconds, from a performance.mark the page made (its args carry startTime). */
export function clockOffset(events: readonly TraceEvent[], markName: string): number {
	const mark = events.filter((event) => event.name === markName && event.args?.data?.startTime !== undefined).pop();
	if (!mark) throw new Error(`trace has no ${markName} mark: cannot align clocks`);
	return mark.ts / 1000 - mark.args!.data!.startTime!;
}

/** Visits events in nesting order with their enclosing events (same-thread complete events nest strictly). */
function walkNesting(thread: readonly TraceEvent[], visit: (event: TraceEvent, ancestors: readonly TraceEvent[]) => void): void {
	const sorted = [...thread].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
	const stack: TraceEvent[] = [];
	for (const event of sorted) {
		while (stack.length > 0 && endOf(stack[stack.length - 1]!) <= event.ts) stack.pop();
		visit(event, stack);
		stack.push(event);
	}
}

interface Nesting {
	/** Promise jobs with no foreign script inside: continuations of our async code. */
	microtasks: Span[];
	/** What invoked each of our calls: idle, frame, timer, observer, microtask. */
	kinds: Map<TraceEvent, string>;
	/** Idle callbacks that ran our code: the scan's slices. */
	slices: TraceEvent[];
}

function kindOf(call: TraceEvent, ancestors: readonly TraceEvent[]): string {
	const parent = [...ancestors].reverse().find((event) => event.name !== 'RunTask' && !SCRIPT_EVENTS.has(event.name));
	if (parent?.name === 'FireIdleCallback') return 'idle';
	if (parent?.name === 'FireAnimationFrame') return 'frame';
	if (parent?.name === 'TimerFire') return 'timer';
	if ((call.args?.data?.functionName ?? '').includes('IntersectionObserver')) return 'intersection';
	if (parent?.name === 'RunMicrotasks') return 'mutation/microtask';
	return 'other';
}

function nesting(thread: readonly TraceEvent[], url: string, from: number): Nesting {
	const tainted = new Set<TraceEvent>();
	const kinds = new Map<TraceEvent, string>();
	const slices = new Set<TraceEvent>();
	walkNesting(thread, (event, ancestors) => {
		if (!SCRIPT_EVENTS.has(event.name) || urlOf(event) === undefined) return;
		if (urlOf(event) !== url) {
			for (const ancestor of ancestors) if (ancestor.name === 'RunMicrotasks') tainted.add(ancestor);
			return;
		}
		if (event.name !== 'FunctionCall') return;
		kinds.set(event, kindOf(event, ancestors));
		const idle = ancestors.find((ancestor) => ancestor.name === 'FireIdleCallback');
		if (idle) slices.add(idle);
	});
	const microtasks = thread
		.filter((event) => event.name === 'RunMicrotasks' && event.ts >= from && !tainted.has(event))
		.map((job) => ({ start: job.ts, end: endOf(job) }));
	return { microtasks, kinds, slices: [...slices].sort((a, b) => a.ts - b.ts) };
}

/** Rendering and GC events not inside another of them, in time order: each is counted once. */
function topRenderEvents(thread: readonly TraceEvent[], kinds: Readonly<Record<string, string>> = RENDER_EVENTS): TraceEvent[] {
	const out: TraceEvent[] = [];
	walkNesting(thread.filter((event) => kinds[event.name] !== undefined), (event, ancestors) => {
		if (ancestors.length === 0) out.push(event);
	});
	return out;
}

/** Rendering and GC time in [from, to), ms by kind. */
function partsIn(render: readonly TraceEvent[], from: number, to: number, kinds: Readonly<Record<string, string>> = RENDER_EVENTS): Record<string, number> {
	const out: Record<string, number> = {};
	let low = 0;
	let high = render.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (render[mid]!.ts < from) low = mid + 1;
		else high = mid;
	}
	for (let index = low; index < render.length && render[index]!.ts < to; index++) {
		const kind = kinds[render[index]!.name]!;
		out[kind] = (out[kind] ?? 0) + (render[index]!.dur ?? 0) / 1000;
	}
	return out;
}

function tasksBetween(thread: readonly TraceEvent[], from: number, to: number, ours: readonly Span[], offset: number, render: readonly TraceEvent[]): TaskInfo[] {
	return thread
		.filter((event) => event.name === 'RunTask' && endOf(event) > from && event.ts < to)
		.map((task) => ({
			start: task.ts / 1000 - offset,
			duration: (task.dur ?? 0) / 1000,
			extension: overlap(ours, task.ts, endOf(task)) / 1000,
			parts: partsIn(render, task.ts, endOf(task)),
		}));
}

/**
 * A task we caused: mostly our script, or the style, layout, paint and GC that
 * follow our changes (the page is idle without us). Tasks made of something
 * else (browser housekeeping right after load) are left out.
 */
const causedByUs = (task: TaskInfo): boolean =>
	task.extension + Object.values(task.parts ?? {}).reduce((sum, value) => sum + value, 0) >= task.duration / 2;

const longest = (tasks: readonly TaskInfo[], by: (task: TaskInfo) => number = (task) => task.duration): TaskInfo | undefined =>
	tasks.reduce<TaskInfo | undefined>((best, task) => (!best || by(task) > by(best) ? task : best), undefined);

/**
 * Summarises our work in a trace. `windowEnd` (page ms) stops the window
 * before the bench's own page.evaluate calls, which would otherwise look
 * like foreign-free microtasks.
 */
export function summarise(events: readonly TraceEvent[], url: string, offset: number, windowEnd: number): TraceSummary | undefined {
	const main = mainThreadOf(events, url);
	if (!main) return undefined;
	const endTs = (windowEnd + offset) * 1000;
	const thread = events.filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.ts < endTs)
		.sort((a, b) => a.ts - b.ts);
	const script = thread.filter((event) => SCRIPT_EVENTS.has(event.name) && urlOf(event) === url);
	const spansOf = (list: readonly TraceEvent[]): Span[] => union(list.map((event) => ({ start: event.ts, end: endOf(event) })));
	const from = script[0]!.ts;
	const nested = nesting(thread, url, from);
	const scriptSpans = spansOf(script);
	const ours = union([...scriptSpans, ...nested.microtasks]);
	const to = ours[ours.length - 1]!.end;
	const byKind: Record<string, number> = {};
	for (const [call, kind] of nested.kinds) byKind[kind] = (byKind[kind] ?? 0) + (call.dur ?? 0) / 1000;
	// Long tasks are looked for up to the end of the window: the last marks' rendering comes after our last script.
	const render = topRenderEvents(thread);
	const tasks = tasksBetween(thread, from, endTs, ours, offset, render);
	const working = tasks.filter((task) => task.start <= to / 1000 - offset);
	const oursTasks = tasks.filter((task) => task.extension > 0);
	return {
		scriptStart: from / 1000 - offset,
		firstSlice: nested.slices[0] ? nested.slices[0].ts / 1000 - offset : undefined,
		lastEnd: to / 1000 - offset,
		extensionMs: total(ours) / 1000,
		evaluateMs: total(spansOf(script.filter((event) => event.name === 'EvaluateScript'))) / 1000,
		microtaskMs: (total(ours) - total(scriptSpans)) / 1000,
		byKind,
		slices: nested.slices.length,
		longestOurs: longest(oursTasks),
		longestScript: longest(oursTasks, (task) => task.extension),
		longestCaused: longest(tasks.filter(causedByUs)),
		longOurs: oursTasks.filter((task) => task.duration > 50).length,
		busyMs: working.reduce((sum, task) => sum + task.duration, 0),
		rendering: partsIn(render, from, to),
	};
}

/**
 * Rendering time by kind (style, layout, paint, intersection, gc) on the
 * page's main thread over a whole trace, with or without our script in it:
 * the thread with the most such events. (It was the thread that laid out the
 * most, and a trace with no layout in it, a scroll that only repaints, then
 * reported nothing.) `kinds` groups trace events otherwise (event name →
 * kind); an event inside another one counted is not counted.
 */
export function renderingTotals(events: readonly TraceEvent[], kinds: Readonly<Record<string, string>> = RENDER_EVENTS): Record<string, number> {
	const counts = new Map<string, number>();
	for (const event of events) if (kinds[event.name] !== undefined) counts.set(`${event.pid}:${event.tid}`, (counts.get(`${event.pid}:${event.tid}`) ?? 0) + 1);
	const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
	if (!busiest) return {};
	const thread = events.filter((event) => `${event.pid}:${event.tid}` === busiest && event.ph === 'X').sort((a, b) => a.ts - b.ts);
	return partsIn(topRenderEvents(thread, kinds), -Infinity, Infinity, kinds);
}
