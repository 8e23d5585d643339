/**
 * Custom elements that had no shadow root when the search passed them. A
 * component library loaded late upgrades its elements, and a component may
 * render its shadow tree only once its data arrives. Neither changes the
 * page's DOM, so the MutationObserver never hears of it; and nothing else
 * can tell an isolated world (`attachShadow` and `customElements` are the
 * page's). So those elements are looked at again a few times, ever less
 * often, and a shadow root found is handed on.
 */

/** When each element is looked at again, in ms after it was noted: most components render within a second or two. */
export const LOOK_AGAIN_AFTER_MS: readonly number[] = [500, 1500, 4000, 10_000, 30_000];
/**
 * Elements waiting at most: each look is an `isConnected` and a `shadowRoot`
 * read. A page of thousands of light-DOM components (icons, say) would make
 * every look cost that much for nothing; past this, new ones are not noted.
 */
export const WAITING_MAX = 300;

interface Waiting {
	element: Element;
	notedAt: number;
	/** Index in LOOK_AGAIN_AFTER_MS of the next look. */
	step: number;
}

export class LateHosts {
	private waiting: Waiting[] = [];
	/** Noted once each: a rescan passing the same element again must not restart its looks forever. */
	private readonly noted = new WeakSet<Element>();
	private timer: ReturnType<typeof setTimeout> | undefined;
	/** When the pending timer fires, in `now()` time. */
	private timerDue = Infinity;

	constructor(private readonly signal: AbortSignal, private readonly onHost: (root: ShadowRoot) => void, private readonly now: () => number = () => performance.now()) {
		signal.addEventListener('abort', () => {
			clearTimeout(this.timer);
			this.timer = undefined;
			this.waiting = [];
		}, { once: true });
	}

	/** Is this element worth waiting for? Only custom elements: built-in ones rarely get a shadow root late. */
	static isCandidate(element: Element): boolean {
		return element.localName.includes('-');
	}

	note(element: Element): void {
		if (this.signal.aborted || this.noted.has(element) || this.waiting.length >= WAITING_MAX) return;
		this.noted.add(element);
		const notedAt = this.now();
		this.waiting.push({ element, notedAt, step: 0 });
		// A walk notes elements by the hundred: the timer moves only for one due sooner than it.
		this.lookAt(notedAt + LOOK_AGAIN_AFTER_MS[0]!);
	}

	get size(): number {
		return this.waiting.length;
	}

	/** Makes the next look happen at `due` at the latest. */
	private lookAt(due: number): void {
		if (this.signal.aborted || (this.timer !== undefined && this.timerDue <= due)) return;
		clearTimeout(this.timer);
		this.timerDue = due;
		this.timer = setTimeout(() => this.look(), Math.max(0, due - this.now()));
	}

	private look(): void {
		this.timer = undefined;
		const now = this.now();
		const still: Waiting[] = [];
		const found: ShadowRoot[] = [];
		for (const item of this.waiting) {
			if (now < item.notedAt + LOOK_AGAIN_AFTER_MS[item.step]!) {
				still.push(item);
				continue;
			}
			if (!item.element.isConnected) continue;
			const root = item.element.shadowRoot;
			if (root) found.push(root);
			else if (++item.step < LOOK_AGAIN_AFTER_MS.length) still.push(item);
		}
		this.waiting = still;
		for (const root of found) this.onHost(root);
		if (still.length > 0) this.lookAt(Math.min(...still.map((item) => item.notedAt + LOOK_AGAIN_AFTER_MS[item.step]!)));
	}
}
