/**
 * Which blocks with mentions are near the viewport, for badges and marks that
 * are built only there.
 *
 * An IntersectionObserver recomputes every target it observes on every
 * rendered frame that moved anything, so its cost grows with the number of
 * targets: on the 20 MB bench page, with every block with a mention
 * observed, it took 25 ms of the longest frame and 210 ms in all
 * (npm run bench:page). So at most WINDOW blocks are observed at a time:
 * all of them on a normal page; on a huge one, the WINDOW nearest the
 * viewport, moved as the page scrolls.
 *
 * Blocks are kept in page order, and the order comes from the observer
 * itself: each new block is observed for one frame, and its first report
 * gives its top, which the browser computed anyway; blocks outside the window
 * are then let go. Asking the DOM instead cost more than it saved:
 * `compareDocumentPosition` walks sibling lists, and under a parent with
 * 20,000 children it took 1.5 s of the 20 MB page; a `getBoundingClientRect`
 * per block took 155 ms there. Where the viewport is in that order is then a
 * binary search of about 15 position reads, each time the window moves.
 */

/**
 * Observed blocks at most. A page with fewer tracked blocks (nearly every
 * page) has all of them observed. A quarter of the window lies above the
 * viewport's top and the rest below, so that on a dense page (a table with
 * a name in every cell) the screen ahead is still covered.
 */
export const WINDOW = 512;
/** Build one screen ahead, so badges exist before their paragraph scrolls into view. */
const ROOT_MARGIN = '100% 0px 100% 0px';
/**
 * New blocks are handed to the observer in batches, at most one per this many
 * ms: each batch makes the browser's next frame compute the new targets,
 * which cost 2.9 s over a 20 MB page when every scan slice observed its own
 * blocks (npm run bench:page).
 */
const OBSERVE_EVERY_MS = 400;
/**
 * Blocks per batch at most. The observer reports a whole batch in one
 * callback, a record per block, and the callback's time grows with them,
 * garbage collection included: a 20 MB page's scan can find 7,000 blocks in
 * 400 ms, and their report took 100 ms in one task; 1,000 still took up to
 * 65 ms, half of it collecting (npm run bench:page -- --save-traces). A
 * backlog goes on at the pace below.
 */
const BATCH_MAX = 300;
const BACKLOG_EVERY_MS = 60;
/** While the page scrolls, the window follows at most this often. */
const FOLLOW_SCROLL_MS = 120;

/** Index of the first of `count` items for which `reached` holds, when it holds from some index on (binary search). */
function firstReached(count: number, reached: (index: number) => boolean): number {
	let low = 0;
	let high = count;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (reached(middle)) high = middle;
		else low = middle + 1;
	}
	return low;
}

/** Index of the first value not below `value` in an ascending list. */
const lowerBound = (values: readonly number[], value: number): number => firstReached(values.length, (index) => values[index]! >= value);

export class NearViewport {
	private readonly observer: IntersectionObserver;
	private readonly tracked = new Set<Element>();
	/** Observed for their first report, which places them. */
	private readonly awaiting = new Set<Element>();
	/** Tracked since the last batch, not yet observed. */
	private unplaced: Element[] = [];
	/** Placed blocks in the order of their tops in the document when placed (`tops`, ascending). */
	private placed: Element[] = [];
	private tops: number[] = [];
	private readonly observed = new Set<Element>();
	private readonly near = new Set<Element>();
	private batchTimer: ReturnType<typeof setTimeout> | undefined;
	private lastBatch = -Infinity;
	/** Blocks were left for the next batch (BATCH_MAX). */
	private backlog = false;
	private scrollTimer: ReturnType<typeof setTimeout> | undefined;
	private readonly listeners = new AbortController();
	private removals = false;
	private readonly scrollRoots = new WeakSet<Document | ShadowRoot>();
	/** Where the viewport's top was, in `tops` terms, when last read. */
	private viewportTop: number | undefined;
	/**
	 * Blocks whose first report had no box (hidden: a closed tab, a collapsed
	 * section): they have no place in the order, so they stay observed, and
	 * the observer reports them when they show.
	 */
	private readonly boxless = new Set<Element>();
	/**
	 * The window is given up, and every block observed, where positions do
	 * not follow the document's scrolling: in a frame (its parent scrolls
	 * it), and once the page scrolls an inner container.
	 */
	private everything = window !== window.top;

	/** `onNear` gets the blocks that came near the viewport, once each time they do. */
	constructor(private readonly signal: AbortSignal, onNear: (blocks: Element[]) => void) {
		this.observer = new IntersectionObserver((entries) => {
			const arrived: Element[] = [];
			let newlyPlaced = false;
			// Read once: the page does not scroll during this callback, and each read is a call into the browser
			// (which lays out first, if the page changed since the frame the observer measured).
			const scrollY = this.awaiting.size > 0 ? window.scrollY : 0;
			for (const entry of entries) {
				const block = entry.target;
				if (this.awaiting.delete(block)) {
					const box = entry.boundingClientRect;
					if (box.width === 0 && box.height === 0) this.boxless.add(block);
					else this.place(block, box.top + scrollY);
					newlyPlaced = true;
					// `display: contents` has no box of its own, so the observer never reports it near, and its
					// text never got marks or badges. Such blocks are few: they are taken as near at once.
					if (this.boxless.has(block) && getComputedStyle(block).display === 'contents') {
						this.near.add(block);
						arrived.push(block);
						continue;
					}
				}
				if (entry.isIntersecting) {
					this.near.add(block);
					arrived.push(block);
				} else {
					this.near.delete(block);
				}
			}
			if (arrived.length > 0) onNear(arrived);
			if (newlyPlaced) this.fitWindow(false);
		}, { rootMargin: ROOT_MARGIN });
		signal.addEventListener('abort', () => this.stop(), { once: true });
		this.watchScrolling(document);
		window.addEventListener('resize', () => this.followScroll(), { passive: true, signal: this.listeners.signal });
	}

	/**
	 * Follows scrolling under `root`: the document, and each open shadow root
	 * the scan enters, since scroll events do not leave a shadow tree. Capture:
	 * they do not bubble either, and a page may scroll an inner container.
	 */
	watchScrolling(root: Document | ShadowRoot): void {
		// A block rescanned finds its shadow roots again: one listener each.
		if (this.signal.aborted || this.scrollRoots.has(root)) return;
		this.scrollRoots.add(root);
		root.addEventListener('scroll', (event) => {
			const inner = event.target !== document;
			const main = !inner || this.isMainScroller(event.target);
			// A carousel or a ticker scrolling on its own is not the reader scrolling: badges need not wait for it.
			if (main) this.lastScrollAt = performance.now();
			if (!this.everything && inner && main) {
				this.everything = true;
				this.fitWindow(false);
			}
			this.followScroll();
		}, { capture: true, passive: true, signal: this.listeners.signal });
	}

	/** A container that scrolls the page's text, not a carousel or a wide code block: as tall as half the viewport, scrolling down. */
	private isMainScroller(target: EventTarget | null): boolean {
		return target instanceof Element && target.clientHeight >= window.innerHeight / 2 && target.scrollHeight > target.clientHeight;
	}

	/** When the page, or a container holding its text, last scrolled, in `performance.now()` time. */
	lastScrollAt = -Infinity;

	isNear(block: Element): boolean {
		return this.near.has(block);
	}

	/** Starts watching blocks; a block already tracked is left as it is. */
	track(blocks: Iterable<Element>): void {
		for (const block of blocks) {
			if (this.tracked.has(block)) continue;
			this.tracked.add(block);
			this.unplaced.push(block);
		}
		this.scheduleBatch();
	}

	stop(): void {
		this.listeners.abort();
		this.observer.disconnect();
		clearTimeout(this.batchTimer);
		clearTimeout(this.scrollTimer);
		this.batchTimer = undefined;
		this.scrollTimer = undefined;
		this.tracked.clear();
		this.awaiting.clear();
		this.unplaced = [];
		this.backlog = false;
		this.placed = [];
		this.tops = [];
		this.viewportTop = undefined;
		this.boxless.clear();
		this.observed.clear();
		this.near.clear();
	}

	/** The first batch goes at once (a scan finds the top of the page first); later ones wait their turn. */
	private scheduleBatch(): void {
		if (this.batchTimer !== undefined || (this.unplaced.length === 0 && !this.removals) || this.signal.aborted) return;
		const every = this.backlog ? BACKLOG_EVERY_MS : OBSERVE_EVERY_MS;
		const wait = Math.max(0, this.lastBatch + every - performance.now());
		const run = (): void => {
			this.batchTimer = undefined;
			this.lastBatch = performance.now();
			this.dropRemoved();
			// Observed until their first report places them (see the observer's callback).
			const batch = this.unplaced.length > BATCH_MAX ? this.unplaced.splice(0, BATCH_MAX) : this.unplaced;
			if (batch === this.unplaced) this.unplaced = [];
			for (const block of batch) {
				this.awaiting.add(block);
				this.observe(block);
			}
			this.backlog = this.unplaced.length > 0;
			this.scheduleBatch();
		};
		if (wait === 0) run();
		else this.batchTimer = setTimeout(run, wait);
	}

	private followScroll(): void {
		// Only a page with more placed blocks than the window has a window to move.
		if (this.scrollTimer !== undefined || this.everything || this.placed.length <= WINDOW || this.signal.aborted) return;
		this.scrollTimer = setTimeout(() => {
			this.scrollTimer = undefined;
			this.fitWindow(true);
		}, FOLLOW_SCROLL_MS);
	}

	/** Scans find blocks top to bottom, so nearly every block goes at the end. */
	private place(block: Element, top: number): void {
		const last = this.tops[this.tops.length - 1];
		const at = last === undefined || top >= last ? this.tops.length : lowerBound(this.tops, top);
		this.placed.splice(at, 0, block);
		this.tops.splice(at, 0, top);
	}

	/**
	 * Observes the placed blocks nearest the viewport, WINDOW at most, and lets
	 * the others go. `moved`: the page scrolled, so where the viewport is must
	 * be read again; otherwise (new blocks placed) the last reading stands,
	 * and nothing is read from the page (which may have changed since the
	 * frame) unless there is no reading yet.
	 */
	private fitWindow(moved: boolean): void {
		if (this.signal.aborted) return;
		if (this.everything || this.placed.length <= WINDOW) {
			for (const block of this.placed) this.observe(block);
			// A reading from before would be stale by the time the window is needed again.
			this.viewportTop = undefined;
			return;
		}
		let first: number;
		if (moved || this.viewportTop === undefined) {
			first = this.firstBelowViewportTop();
			this.viewportTop = first < this.tops.length ? this.tops[first]! : Infinity;
		} else {
			first = lowerBound(this.tops, this.viewportTop);
		}
		const start = Math.max(0, Math.min(first - (WINDOW >> 2), this.placed.length - WINDOW));
		const wanted = new Set(this.placed.slice(start, start + WINDOW));
		for (const block of this.observed) {
			if (wanted.has(block) || this.awaiting.has(block) || this.boxless.has(block)) continue;
			this.unobserve(block);
		}
		for (const block of wanted) this.observe(block);
	}

	/**
	 * Index of the first placed block whose bottom is below the viewport's top,
	 * by about 15 position reads (20,000 blocks). Read live rather than from
	 * `tops`, which go stale as content above a block grows.
	 */
	private firstBelowViewportTop(): number {
		return firstReached(this.placed.length, (index) => this.placed[index]!.getBoundingClientRect().bottom > 0);
	}

	private observe(block: Element): void {
		if (this.observed.has(block)) return;
		this.observer.observe(block);
		this.observed.add(block);
	}

	private unobserve(block: Element): void {
		if (this.observed.delete(block)) this.observer.unobserve(block);
		this.near.delete(block);
	}

	/** Some tracked blocks may have left the page: they leave the order at the next batch. */
	pruneRemoved(): void {
		this.removals = true;
		this.scheduleBatch();
	}

	/** One `isConnected` per placed block, and only after `pruneRemoved`: a 20 MB page has 20,000 of them. */
	private dropRemoved(): void {
		if (!this.removals) return;
		this.removals = false;
		const forget = (block: Element): void => {
			this.tracked.delete(block);
			this.awaiting.delete(block);
			this.boxless.delete(block);
			this.unobserve(block);
		};
		const placed: Element[] = [];
		const tops: number[] = [];
		this.placed.forEach((block, index) => {
			if (block.isConnected) {
				placed.push(block);
				tops.push(this.tops[index]!);
			} else {
				forget(block);
			}
		});
		for (const block of [...this.awaiting, ...this.boxless]) if (!block.isConnected) forget(block);
		const unplaced: Element[] = [];
		for (const block of this.unplaced) {
			if (block.isConnected) unplaced.push(block);
			else this.tracked.delete(block);
		}
		this.unplaced = unplaced;
		const dropped = placed.length < this.placed.length;
		this.placed = placed;
		this.tops = tops;
		// The window may now hold fewer blocks than it could, or all of them fit: place it again.
		if (dropped) this.fitWindow(true);
	}
}
