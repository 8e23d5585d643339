/**
 * Runs work in small slices when the page is idle, so the content script
 * never holds the main thread for long: each slice stops after `budgetMs`
 * (8 ms by default, well under the 50 ms long-task line), and the next slice
 * waits for the next idle period.
 */

/** A unit of work that does a bounded step and says whether more remains. */
export type Step = () => boolean;

export interface Scheduler {
	/**
	 * Queue a job; it runs step by step until it returns false. A `first` job
	 * runs before those already queued (a job's steps are short, so it only
	 * waits for the step that is running): the watcher's sorting of the page's
	 * changes must not wait seconds behind the scan of a huge page.
	 */
	add(step: Step, options?: { first?: boolean }): void;
	/** Resolves when the queue is empty. */
	idle(): Promise<void>;
	readonly pending: number;
}

type IdleHandle = { cancel(): void };

function requestIdle(callback: (deadline: { timeRemaining(): number }) => void, timeout: number): IdleHandle {
	if (typeof requestIdleCallback === 'function') {
		const id = requestIdleCallback(callback, { timeout });
		return { cancel: () => cancelIdleCallback(id) };
	}
	// Fallback (no requestIdleCallback): a macrotask with a fixed budget.
	const id = setTimeout(() => callback({ timeRemaining: () => 8 }), 16);
	return { cancel: () => clearTimeout(id) };
}

export function createScheduler(signal: AbortSignal, budgetMs = 8): Scheduler {
	const queue: Step[] = [];
	let handle: IdleHandle | undefined;
	let waiters: Array<() => void> = [];

	const settle = (): void => {
		const done = waiters;
		waiters = [];
		for (const resolve of done) resolve();
	};

	const run = (deadline: { timeRemaining(): number }): void => {
		handle = undefined;
		if (signal.aborted) return;
		const started = performance.now();
		// Work while the browser says it is idle, but never past our own budget.
		while (queue.length > 0 && performance.now() - started < budgetMs && (deadline.timeRemaining() > 1 || performance.now() - started < 2)) {
			const step = queue[0]!;
			let more = false;
			try {
				more = step();
			} catch (error) {
				console.error('Whose Cloud?: a scan step failed and was skipped', error);
			}
			// By identity: the step may have queued a `first` job ahead of itself.
			const at = more ? -1 : queue.indexOf(step);
			if (at >= 0) queue.splice(at, 1);
		}
		if (queue.length > 0) schedule();
		else settle();
	};

	const schedule = (): void => {
		if (!handle && !signal.aborted) handle = requestIdle(run, 500);
	};

	signal.addEventListener('abort', () => {
		handle?.cancel();
		queue.length = 0;
		settle();
	}, { once: true });

	return {
		add(step, options) {
			if (signal.aborted) return;
			if (options?.first) queue.unshift(step);
			else queue.push(step);
			schedule();
		},
		idle() {
			if (queue.length === 0) return Promise.resolve();
			return new Promise((resolve) => waiters.push(resolve));
		},
		get pending() {
			return queue.length;
		},
	};
}
