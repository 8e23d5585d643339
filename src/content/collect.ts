/**
 * Collects the page's prose as "flows": the text of consecutive text nodes in
 * one block, joined across inline tags, so "Amazon <b>Web Services</b>" is
 * one mention. Each flow keeps where each node starts, to map a match back
 * to DOM positions.
 *
 * Most blocks are plain: text and inline tags only. Such a block is read
 * whole with one native `textContent` and its nodes are listed only when a
 * name is found in it. Reading `.data` node by node cost far more: our work
 * on the 20 MB bench page fell from 885 to 627 ms with this, and from 192 to
 * 138 ms on the page with no mentions (npm run bench:page). Other blocks (a
 * <br>, an image, a skipped or editable part, a nested block) are walked node
 * by node, classifying each parent element once (a WeakMap).
 */

import { CODE_TAGS as CODE, INLINE_TAGS as INLINE, SKIPPED_TAGS as ALWAYS_SKIP } from '../core/text/blocks.ts';

export interface Flow {
	readonly block: Element;
	readonly nodes: readonly Text[];
	/** Offset of each node's first character in `text`. */
	readonly starts: readonly number[];
	/** Each node's length when collected: a node split or edited since makes the offsets stale. */
	readonly lengths: readonly number[];
	readonly text: string;
}

/**
 * A plain block read whole: its text is `textContent`, which is every text
 * node under it joined as is, so its nodes and their offsets can be listed
 * later, from lengths alone, only for the blocks that name a vendor and only
 * as far as the last name in them.
 */
class WholeBlockFlow implements Flow {
	private readonly listed = { nodes: [] as Text[], starts: [] as number[], lengths: [] as number[] };
	private walker: TreeWalker | undefined;
	/** Characters covered by the nodes listed so far. */
	private covered = 0;
	private complete = false;

	constructor(readonly block: Element, readonly text: string) {}

	get nodes(): readonly Text[] {
		return this.upTo(Infinity).nodes;
	}

	get starts(): readonly number[] {
		return this.upTo(Infinity).starts;
	}

	get lengths(): readonly number[] {
		return this.upTo(Infinity).lengths;
	}

	/** The nodes listed until one reaches past `offset`: every node starting at or before it is there. */
	upTo(offset: number): { nodes: readonly Text[]; starts: readonly number[]; lengths: readonly number[] } {
		if (this.complete || this.covered > offset) return this.listed;
		// CDATA sections too: `textContent` includes them (XHTML pages), and the offsets must line up with it.
		const walker = (this.walker ??= this.block.ownerDocument.createTreeWalker(this.block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION));
		const { nodes, starts, lengths } = this.listed;
		for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
			nodes.push(node);
			starts.push(this.covered);
			lengths.push(node.length);
			this.covered += node.length;
			if (this.covered > offset) return this.listed;
		}
		this.complete = true;
		return this.listed;
	}
}

/**
 * Fixes a flow's DOM positions now, as far as `until` (a flow offset). A flow
 * read whole lists its nodes on first use; one kept for later (an ambiguous
 * name decided at the end of the first pass) must list them while they still
 * match its text, but only as far as its last name: on the 5 MB bench page,
 * listing whole blocks and checking them again cost 10 ms.
 */
export function pinPositions(flow: Flow, until = Infinity): void {
	if (flow instanceof WholeBlockFlow) flow.upTo(until);
	else void flow.nodes;
}

/**
 * True while the flow's offsets up to `until` still describe the DOM: no
 * node starting at or before it split, edited or removed since.
 */
export function flowIntact(flow: Flow, until = Infinity): boolean {
	const { nodes, starts, lengths } = flow instanceof WholeBlockFlow ? flow.upTo(until) : flow;
	for (let index = 0; index < nodes.length && starts[index]! <= until; index++) {
		const node = nodes[index]!;
		if (!node.isConnected || node.length !== lengths[index]) return false;
	}
	return true;
}

export interface CollectOptions {
	skipCode: boolean;
	/** Recognises our own UI, which must never be scanned. */
	isOurs: (element: Element) => boolean;
}

type Verdict = { skip: true } | { skip: false; block: Element };

export class FlowCollector {
	private cache = new WeakMap<Element, Verdict>();
	/** Matches any element that keeps a block from being read whole (see `isPlain`). */
	private readonly notPlain: string;

	constructor(private readonly options: CollectOptions) {
		const inline = [...INLINE].filter((tag) => !(options.skipCode && CODE.has(tag)));
		this.notPlain = `:not(${inline.join(',')}),[contenteditable]`;
	}

	/**
	 * True when a block holds only text and inline tags the walk would join
	 * anyway: then its `textContent` is exactly its flow. One native selector
	 * query, no wrapper per element. Our badges are not inline tags, so a block
	 * holding one is walked node by node (its split nodes must stay apart).
	 */
	private isPlain(block: Element): boolean {
		return block.querySelector(this.notPlain) === null;
	}

	private isEditable(element: Element): boolean {
		const value = element.getAttribute('contenteditable');
		return value !== null && value.toLowerCase() !== 'false';
	}

	/**
	 * Forgets every element's verdict: an element became editable or stopped
	 * being so, and each verdict below it was inherited from its ancestors.
	 */
	forget(): void {
		this.cache = new WeakMap();
	}

	/**
	 * Forgets the verdicts of an element and everything under it: it was
	 * moved, and they were inherited from its old place (a span moved from
	 * one paragraph to another still named the first as its block).
	 */
	forgetSubtree(element: Element): void {
		this.cache.delete(element);
		const below = element.getElementsByTagName('*');
		for (let index = 0; index < below.length; index++) this.cache.delete(below[index]!);
	}

	/** Whether an element's subtree is skipped, and which block it belongs to. Memoised per element. */
	classify(element: Element): Verdict {
		const cached = this.cache.get(element);
		if (cached) return cached;
		const tag = element.localName;
		let verdict: Verdict;
		if (ALWAYS_SKIP.has(tag) || (this.options.skipCode && CODE.has(tag)) || this.isEditable(element) || this.options.isOurs(element)) {
			verdict = { skip: true };
		} else {
			const parent = element.parentElement;
			const parentVerdict: Verdict | undefined = parent ? this.classify(parent) : undefined;
			if (parentVerdict?.skip) verdict = parentVerdict;
			else if (!INLINE.has(tag) || !parentVerdict) verdict = { skip: false, block: element };
			// An inline element belongs to its parent's block: the parent's verdict object serves as is.
			else verdict = parentVerdict;
		}
		this.cache.set(element, verdict);
		return verdict;
	}

	/**
	 * Walks `root` and yields its flows in document order, a few at a time:
	 * the caller decides how many to take per idle slice. Open shadow roots
	 * are walked by their own calls.
	 */
	*flows(root: Node): Generator<Flow> {
		const doc = root.ownerDocument ?? (root as Document);
		if (doc.designMode === 'on') return;
		// CDATA sections (XHTML pages only) are text to a reader, and part of a block's `textContent`.
		const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION);
		// Under a document or shadow root every block is inside `root`; under an element, check.
		const within = root.nodeType === Node.ELEMENT_NODE ? (block: Element) => root.contains(block) : () => true;
		let current: { block: Element; nodes: Text[]; starts: number[]; lengths: number[]; text: string } | undefined;
		let previous: Text | undefined;
		// Consecutive text nodes usually share a parent: skip the WeakMap for them.
		let lastParent: Element | null = null;
		let lastVerdict: Verdict | undefined;
		// Whether each block met in this walk is plain; asked once per block and walk, since the DOM changes between walks.
		const plain = new Map<Element, boolean>();
		for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
			// A lone space or line break (mostly the one between two blocks) is passed over before its parent
			// is looked up. A one-letter node that is not a space stays: a drop cap ("<span>M</span>icrosoft").
			if (node.length < 2 && !node.data.trim()) continue;
			const parent = node.parentElement;
			if (!parent) continue;
			const verdict = parent === lastParent && lastVerdict ? lastVerdict : this.classify(parent);
			lastParent = parent;
			lastVerdict = verdict;
			if (verdict.skip) continue;
			const { block } = verdict;
			let whole = plain.get(block);
			if (whole === undefined) {
				whole = within(block) && this.isPlain(block);
				plain.set(block, whole);
				if (whole) {
					if (current) yield current;
					current = undefined;
					previous = undefined;
					const text = block.textContent ?? '';
					// The walker moves on to the block's last text node, so its next step leaves the block.
					walker.currentNode = block;
					walker.lastChild();
					if (text.length >= 2) yield new WholeBlockFlow(block, text);
					continue;
				}
			}
			const data = node.data;
			if (current && current.block === block) {
				// Nodes not touching in the inline flow (a <br>, an image between) are kept apart by a newline.
				const gap = previous && adjacent(previous, node, this.options.isOurs) ? '' : '\n';
				current.starts.push(current.text.length + gap.length);
				current.lengths.push(data.length);
				current.text += gap + data;
				current.nodes.push(node);
			} else {
				if (current) yield current;
				current = { block, nodes: [node], starts: [0], lengths: [data.length], text: data };
			}
			previous = node;
		}
		if (current) yield current;
	}
}

/** True when `b` follows `a` directly in the inline flow: no block edge, <br> or replaced element between. */
function adjacent(a: Node, b: Node, isOurs: (element: Element) => boolean): boolean {
	if (a.nextSibling === b) return true;
	let node: Node | null = a;
	while (node && !node.nextSibling) {
		node = node.parentNode;
		if (!node || (node instanceof Element && !INLINE.has(node.localName))) return false;
	}
	let next: Node | null = node?.nextSibling ?? null;
	// Our own badges sit between the halves of a split node: look through them.
	while (next instanceof Element && isOurs(next)) next = next.nextSibling;
	while (next instanceof Element && INLINE.has(next.localName) && next.localName !== 'wbr') next = next.firstChild;
	return next === b;
}

/**
 * Finds open shadow roots under `root`, itself included, lazily, so the caller
 * can spread the walk over idle slices. `onBare` sees each element passed
 * that has none (yet). Passing over paragraphs of inline tags (where only a
 * <span> may host one) was tried: asking each paragraph for its spans cost
 * more than visiting them, 26.5 against 15.5 ms on the 5 MB bench page, whose
 * paragraphs hold spans as real articles do.
 */
export function* openShadowRoots(root: Node, onBare?: (element: Element) => void): Generator<ShadowRoot | undefined> {
	// A rescan's root may itself be a host: a web component the page has just added.
	if (root instanceof Element && root.shadowRoot) yield root.shadowRoot;
	const doc = root.ownerDocument ?? (root as Document);
	const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
	let seen = 0;
	for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
		const own = node.shadowRoot;
		if (own) {
			yield own;
			continue;
		}
		onBare?.(node);
		// Every 500 elements, hand control back even when nothing was found.
		if (++seen % 500 === 0) yield undefined;
	}
}

/** Maps a flow offset back to a DOM position. */
export function positionAt(flow: Flow, offset: number, preferEnd = false): { node: Text; offset: number } {
	const { nodes, starts } = flow instanceof WholeBlockFlow ? flow.upTo(offset) : flow;
	// Binary search for the last node starting at or before `offset`.
	let low = 0;
	let high = starts.length - 1;
	while (low < high) {
		const mid = (low + high + 1) >> 1;
		if (starts[mid]! <= offset && !(preferEnd && starts[mid] === offset && mid > 0)) low = mid;
		else high = mid - 1;
	}
	const node = nodes[low]!;
	return { node, offset: Math.min(Math.max(0, offset - starts[low]!), node.length) };
}
