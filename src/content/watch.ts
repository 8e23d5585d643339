/**
 * Follows the page as it changes. The MutationObserver callback only sorts
 * records into a queue (uBlock's domWatcher rule: never work inside the
 * callback); one idle flush does the scanning. A burst that touches more
 * distinct places than `hugeAt()` (a framework re-rendering the page) turns
 * into a single rescan instead (after Dark Reader's rule).
 */
import { isOurs } from './ours.ts';

/**
 * Distinct changed places past which one full rescan is cheaper than many
 * small ones, at the least; the caller raises it with the page's size (a
 * full rescan of a 20 MB page costs about 500 ms, npm run bench:page).
 */
export const HUGE_MUTATION = 2000;
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

const ELEMENT = 1;
const TEXT = 3;

/**
 * A record about one of our hosts. Our UI lives in shadow roots, which the
 * observer never sees into, and our own insertions are made `quietly`; so
 * only the page can touch a host (say, by appending to it). Checking the
 * record's target alone is enough: anything deeper is skipped by the
 * collector, and walking every record's ancestors here cost the page's own
 * task time on each of its edits.
 */
const aboutOurs = (node: Node): boolean => node.nodeType === ELEMENT && isOurs(node as Element);

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
		private readonly hugeAt: () => number = () => HUGE_MUTATION,
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
		const huge = this.hugeAt();
		// This runs inside the page's own task, once per record (a splitText makes two): indexed loops and
		// nodeType checks, since each iterator or instanceof across worlds costs more than the check itself.
		for (let index = 0; index < records.length && !batch.full; index++) {
			const record = records[index]!;
			const target = record.target;
			if (record.type === 'characterData') {
				this.onTextTouched(target as Text);
				batch.roots.add(target.parentNode ?? target);
				continue;
			}
			if (aboutOurs(target)) continue;
			const added = record.addedNodes;
			for (let at = 0; at < added.length; at++) {
				const node = added[at]!;
				if (node.nodeType === TEXT) batch.roots.add(node.parentNode ?? node);
				else if (node.nodeType !== ELEMENT || !isOurs(node as Element)) batch.roots.add(node);
			}
			const removed = record.removedNodes;
			for (let at = 0; at < removed.length; at++) {
				const node = removed[at]!;
				if (node.nodeType === ELEMENT && isOurs(node as Element)) continue;
				batch.removed = true;
				if (node.nodeType === TEXT) this.onTextTouched(node as Text);
			}
			if (batch.roots.size > huge) batch.full = true;
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
