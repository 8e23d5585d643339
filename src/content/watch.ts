/**
 * Follows the page as it changes. The MutationObserver callback only sorts
 * records into a queue (uBlock's domWatcher rule: never work inside the
 * callback); one idle flush does the scanning. A burst that touches more
 * than HUGE_MUTATION distinct places (a framework re-rendering the page)
 * turns into a single rescan instead (after Dark Reader's rule).
 */
import { isOurs } from './ours.ts';

/** Distinct changed places past which one full rescan is cheaper than many small ones. */
const HUGE_MUTATION = 2000;
/** Records past which even sorting them is not worth it. */
const FLOOD = 20_000;

export interface ChangeBatch {
	/** Subtrees whose text must be scanned again (added content, edited text). */
	roots: Set<Node>;
	/** Some content left the page: hits may point at detached nodes. */
	removed: boolean;
	/** Too much changed at once: rescan everything. */
	full: boolean;
}

const insideOurs = (node: Node): boolean => {
	for (let element: Element | null = node instanceof Element ? node : node.parentElement; element; element = element.parentElement) {
		if (isOurs(element)) return true;
	}
	return false;
};

export class DomWatcher {
	private readonly observer: MutationObserver;
	private batch: ChangeBatch = { roots: new Set(), removed: false, full: false };
	private scheduled = false;

	/**
	 * `onTextTouched` is the one thing done inside the observer callback: when
	 * the page rewrites or removes a text node that a badge had split, the
	 * page believes that node holds the whole text, so our split-off half must
	 * go at once, or the old words would show twice until the next idle flush.
	 */
	constructor(
		private readonly signal: AbortSignal,
		private readonly schedule: (flush: () => void) => void,
		private readonly onChanges: (batch: ChangeBatch) => void,
		private readonly onTextTouched: (node: Text) => void = () => undefined,
	) {
		this.observer = new MutationObserver((records) => this.queue(records));
		signal.addEventListener('abort', () => this.observer.disconnect(), { once: true });
	}

	observe(root: Node): void {
		if (this.signal.aborted) return;
		this.observer.observe(root, { childList: true, subtree: true, characterData: true });
	}

	/** Runs a change of ours; the records it produces are dropped, the page's pending records are kept. */
	quietly(change: () => void): void {
		this.queue(this.observer.takeRecords());
		change();
		this.observer.takeRecords();
	}

	private queue(records: MutationRecord[]): void {
		if (records.length === 0) return;
		const batch = this.batch;
		// Many records often touch few places (a page splitting and re-appending in one paragraph):
		// count the distinct places, not the records, before giving up on a targeted rescan.
		if (records.length > FLOOD) batch.full = true;
		for (const record of records) {
			if (batch.full) break;
			if (record.type === 'characterData') {
				if (insideOurs(record.target)) continue;
				this.onTextTouched(record.target as Text);
				batch.roots.add(record.target.parentNode ?? record.target);
				continue;
			}
			if (isOurs(record.target as Element) || insideOurs(record.target)) continue;
			for (const node of record.addedNodes) {
				if (node instanceof Element && isOurs(node)) continue;
				batch.roots.add(node.nodeType === Node.TEXT_NODE ? (node.parentNode ?? node) : node);
			}
			for (const node of record.removedNodes) {
				if (node instanceof Element && isOurs(node)) continue;
				batch.removed = true;
				if (node.nodeType === Node.TEXT_NODE) this.onTextTouched(node as Text);
			}
			if (batch.roots.size > HUGE_MUTATION) batch.full = true;
		}
		if (!this.scheduled && (batch.full || batch.removed || batch.roots.size > 0)) {
			this.scheduled = true;
			this.schedule(() => this.flush());
		}
	}

	private flush(): void {
		this.scheduled = false;
		const batch = this.batch;
		this.batch = { roots: new Set(), removed: false, full: false };
		if (!this.signal.aborted) this.onChanges(batch);
	}
}
