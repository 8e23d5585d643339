/**
 * Follows the page as it changes. The MutationObserver callback only keeps
 * the records (uBlock's domWatcher rule: never work inside the callback): it
 * runs inside the page's own task, so whatever it does makes each of the
 * page's edits slower. An idle step later sorts them into the places to scan
 * again, a bounded number per step. A burst that touches more distinct places
 * than `hugeAt()` (a framework re-rendering the page) turns into a single
 * rescan instead (after Dark Reader's rule). The one thing done at once is
 * for the few text nodes our badges split, through a second observer on
 * those nodes alone (`watchText`).
 */
import { isCopyOfOurs, isOurs } from './ours.ts';

/**
 * Distinct changed places past which one full rescan is cheaper than many
 * small ones, at the least; the caller raises it with the page's size (a
 * full rescan of a 20 MB page costs about 500 ms, npm run bench:page).
 */
export const HUGE_MUTATION = 2000;
/**
 * Records past which even sorting them is not worth it: in one delivery, or
 * waiting to be sorted (which also bounds the removed nodes they keep alive).
 */
const FLOOD = 20_000;
/** Records sorted per idle step: about 2 ms of work (a record costs a few hundred ns, and more when it adds nodes). */
const RECORDS_PER_STEP = 2000;

export interface ChangeBatch {
	/** Subtrees whose text must be scanned again (added content, edited text). */
	roots: Set<Node>;
	/** Some content left the page: hits may point at detached nodes. */
	removed: boolean;
	/** Too much changed at once: rescan everything. */
	full: boolean;
	/**
	 * Elements the page made editable, or no longer editable (an "Edit"
	 * button setting `contenteditable`): what is under them must be read
	 * again as it now is, and nothing of ours may stay inside an editor.
	 */
	editable: Set<Element>;
	/** Elements added to the page, or moved within it: what was known about their place is stale. */
	arrived: Set<Element>;
	/** Copies of our hosts the page put in (ours.ts): to be taken out. Those inside `arrived` are not listed. */
	copies: Set<Element>;
}

const emptyBatch = (): ChangeBatch => ({ roots: new Set(), removed: false, full: false, editable: new Set(), arrived: new Set(), copies: new Set() });

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

/** What the page did to a watched text node. */
export type TextChange =
	/** `before`: the node's text before the page's first rewrite in this batch. */
	| { rewritten: true; before?: string }
	/**
	 * Taken out of its parent. `replacement`: the one text node the page put
	 * in its place, in the same change (`textContent =`, jQuery's `.text()`,
	 * `replaceChildren(text)`). `mergedInto`: the text node before it, which
	 * now ends with its text (`normalize()`).
	 */
	| { rewritten: false; replacement?: Text; mergedInto?: Text };

export interface WatcherDeps {
	/** Queues an idle step; the step returns true while it has more to do. */
	schedule: (step: () => boolean) => void;
	onChanges: (batch: ChangeBatch) => void;
	/**
	 * The one thing done at once, for text nodes given to `watchText`: when
	 * the page rewrites, moves or removes a text node that a badge had split,
	 * the page believes that node holds the whole text, so our split-off half
	 * must go at once, or the old words would show twice, or apart from the
	 * node, until the next idle step. `rewritten`: the page changed the
	 * node's text (otherwise it moved or removed the node).
	 */
	onTextTouched?: (node: Text, change: TextChange) => void;
	/**
	 * Also at once: the page put nodes right before one of our badge hosts
	 * (`text.after(x)`, `insertBefore(x, text.nextSibling)`, as Preact places
	 * new siblings). It meant them after its whole text node, which our badge
	 * had split.
	 */
	onInsertedBeforeHost?: (host: Element) => void;
	hugeAt?: () => number;
}

export class DomWatcher {
	private readonly observer: MutationObserver;
	/**
	 * A second observer, on the split text nodes and their parents only: the
	 * page's other edits then cost no work at once. Checking every record of
	 * the main observer in its callback had cost 5 ms of the page's own task
	 * per 6,000 records (npm run bench:page, 1 MB).
	 */
	private readonly textObserver: MutationObserver | undefined;
	private readonly textWatched = new WeakSet<Node>();
	private batch: ChangeBatch = emptyBatch();
	/** Record lists as the observer delivered them, not yet sorted; `next` indexes into the first. */
	private pending: MutationRecord[][] = [];
	/** Records in `pending` not sorted yet. */
	private pendingCount = 0;
	private next = 0;
	private scheduled = false;

	constructor(private readonly signal: AbortSignal, private readonly deps: WatcherDeps) {
		this.observer = new MutationObserver((records) => this.queue(records));
		const touched = deps.onTextTouched;
		if (touched) this.textObserver = new MutationObserver((records) => this.textTouched(records, touched));
		signal.addEventListener('abort', () => {
			this.observer.disconnect();
			this.textObserver?.disconnect();
			this.pending = [];
		}, { once: true });
	}

	/**
	 * Reports the page's rewrites of `node`, and its removal from its parent,
	 * to `onTextTouched` at once. A node that stops being split need not be
	 * let go: `onTextTouched` then finds nothing to do. The observer's
	 * registrations live on the nodes, and go with them.
	 */
	watchText(node: Text): void {
		if (!this.textObserver || this.signal.aborted) return;
		// Once per node: each registration costs a scan of the observer's registrations in Firefox.
		if (!this.textWatched.has(node)) {
			this.textWatched.add(node);
			this.textObserver.observe(node, { characterData: true, characterDataOldValue: true });
		}
		const parent = node.parentNode;
		if (parent && !this.textWatched.has(parent)) {
			this.textWatched.add(parent);
			this.textObserver.observe(parent, { childList: true });
		}
	}

	observe(root: Node): void {
		if (this.signal.aborted) return;
		this.observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['contenteditable'] });
	}

	/** Runs a change of ours; the records it produces are dropped, the page's pending records are kept. */
	quietly(change: () => void): void {
		const text = this.textObserver?.takeRecords();
		if (text && text.length > 0 && this.deps.onTextTouched) this.textTouched(text, this.deps.onTextTouched);
		this.queue(this.observer.takeRecords());
		change();
		this.observer.takeRecords();
		this.textObserver?.takeRecords();
	}

	private queue(records: MutationRecord[]): void {
		if (records.length === 0 || this.signal.aborted) return;
		if (!this.batch.full) {
			this.pendingCount += records.length;
			if (records.length > FLOOD || this.pendingCount > FLOOD) this.flood();
			else this.pending.push(records);
		}
		if (!this.scheduled) {
			this.scheduled = true;
			this.deps.schedule(() => this.step());
		}
	}

	/** Too many records to sort: one full rescan instead, and the records are let go. */
	private flood(): void {
		this.batch.full = true;
		this.pending = [];
		this.pendingCount = 0;
		this.next = 0;
	}

	/**
	 * Rewrites first: a node the page both moved and rewrote in one task is
	 * rewritten, and its old words must not come back into it. Indexed loops
	 * and nodeType checks: this runs in the page's task, and each iterator or
	 * instanceof across worlds costs more than the check itself.
	 */
	private textTouched(records: MutationRecord[], touched: NonNullable<WatcherDeps['onTextTouched']>): void {
		if (this.signal.aborted) return;
		const rewritten = new Set<Node>();
		for (let index = 0; index < records.length; index++) {
			const record = records[index]!;
			if (record.type === 'characterData' && !rewritten.has(record.target)) {
				rewritten.add(record.target);
				touched(record.target as Text, { rewritten: true, ...(record.oldValue === null ? {} : { before: record.oldValue }) });
			}
		}
		const inserted = this.deps.onInsertedBeforeHost;
		if (inserted) {
			for (let index = 0; index < records.length; index++) {
				const { addedNodes: added, nextSibling } = records[index]!;
				if (added.length > 0 && nextSibling?.nodeType === ELEMENT && isOurs(nextSibling as Element) && nextSibling.isConnected) inserted(nextSibling as Element);
			}
		}
		// What each parent was given: one text node, or null for anything more. Browsers report
		// `textContent =` as one record; a record per removal and addition reads the same here.
		const given = new Map<Node, Text | null>();
		for (let index = 0; index < records.length; index++) {
			const { target, addedNodes: added } = records[index]!;
			for (let at = 0; at < added.length; at++) {
				const node = added[at]!;
				given.set(target, node.nodeType === TEXT && !given.has(target) ? node as Text : null);
			}
		}
		// A node moved around in one batch (wrapped in an element and back, say) is told of once, by its
		// last removal: that is where its text went.
		const lastRemoval = new Map<Text, { target: Node; previous: Node | null; alone: boolean; first: boolean }>();
		for (let index = 0; index < records.length; index++) {
			const { target, removedNodes: removed, previousSibling } = records[index]!;
			for (let at = 0; at < removed.length; at++) {
				const node = removed[at]!;
				if (node.nodeType === TEXT && !rewritten.has(node)) lastRemoval.set(node as Text, { target, previous: previousSibling, alone: removed.length === 1, first: at === 0 });
			}
		}
		for (const [node, { target, previous, alone, first }] of lastRemoval) {
			const replacement = given.get(target) ?? undefined;
			// normalize() appends a node's text to the text node before it, then takes the node out.
			const mergedInto = !node.isConnected && alone && first && previous?.nodeType === TEXT && previous.parentNode === target && (previous as Text).data.endsWith(node.data) ? previous as Text : undefined;
			touched(node, { rewritten: false, ...(replacement ? { replacement } : {}), ...(mergedInto ? { mergedInto } : {}) });
		}
	}

	/** One idle step: sorts up to RECORDS_PER_STEP records; once all are sorted, hands the batch on. */
	private step(): boolean {
		if (this.signal.aborted) return false;
		const batch = this.batch;
		try {
			const huge = this.deps.hugeAt?.() ?? HUGE_MUTATION;
			let budget = RECORDS_PER_STEP;
			while (this.pending.length > 0 && !batch.full && budget > 0) {
				const records = this.pending[0]!;
				const end = Math.min(records.length, this.next + budget);
				budget -= end - this.next;
				this.pendingCount -= end - this.next;
				this.sort(records, this.next, end, batch);
				this.next = end;
				if (end === records.length) {
					this.pending.shift();
					this.next = 0;
				}
				if (batch.roots.size > huge) this.flood();
			}
		} catch (error) {
			// A change we could not sort is still a change: rescan everything rather than stall.
			console.error('Whose Cloud?: sorting the page\'s changes failed; rescanning the page', error);
			this.flood();
		}
		if (this.pending.length > 0 && !batch.full) return true;
		this.scheduled = false;
		this.pending = [];
		this.pendingCount = 0;
		this.next = 0;
		this.batch = emptyBatch();
		if (batch.full || batch.removed || batch.roots.size > 0 || batch.editable.size > 0) this.deps.onChanges(batch);
		return false;
	}

	/**
	 * Sorts records [from, to) into the batch. Many records often touch few
	 * places (a page splitting and re-appending in one paragraph): the batch
	 * counts distinct places, not records.
	 */
	private sort(records: MutationRecord[], from: number, to: number, batch: ChangeBatch): void {
		for (let index = from; index < to; index++) {
			const record = records[index]!;
			const target = record.target;
			if (record.type === 'characterData') {
				batch.roots.add(target.parentNode ?? target);
				continue;
			}
			if (record.type === 'attributes') {
				if (!aboutOurs(target)) batch.editable.add(target as Element);
				continue;
			}
			if (aboutOurs(target)) continue;
			const added = record.addedNodes;
			for (let at = 0; at < added.length; at++) {
				const node = added[at]!;
				if (node.nodeType === TEXT) batch.roots.add(node.parentNode ?? node);
				else if (node.nodeType !== ELEMENT) batch.roots.add(node);
				else if (!isOurs(node as Element)) {
					batch.roots.add(node);
					batch.arrived.add(node as Element);
				} else if (isCopyOfOurs(node as Element)) {
					batch.copies.add(node as Element);
					batch.roots.add(node.parentNode ?? node);
				}
			}
			if (batch.removed) continue;
			const removed = record.removedNodes;
			for (let at = 0; at < removed.length; at++) {
				const node = removed[at]!;
				if (node.nodeType !== ELEMENT || !isOurs(node as Element)) batch.removed = true;
			}
		}
	}
}
