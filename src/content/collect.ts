/**
 * Collects the page's prose as "flows": the text of consecutive text nodes in
 * one block, joined across inline tags, so "Amazon <b>Web Services</b>" is
 * one mention. Each flow keeps where each node starts, to map a match back
 * to DOM positions.
 *
 * It reads `.data` only and classifies each parent element once (a WeakMap),
 * so the walk costs little more than visiting every text node.
 */

import { CODE_TAGS as CODE, INLINE_TAGS as INLINE, SKIPPED_TAGS as ALWAYS_SKIP } from '../core/text/blocks.ts';

export interface Flow {
	block: Element;
	nodes: Text[];
	/** Offset of each node's first character in `text`. */
	starts: number[];
	/** Each node's length when collected: a node split or edited since makes the offsets stale. */
	lengths: number[];
	text: string;
}

/** True while the flow's offsets still describe the DOM (no node split, edited or removed since). */
export function flowIntact(flow: Flow): boolean {
	return flow.nodes.every((node, index) => node.isConnected && node.length === flow.lengths[index]);
}

export interface CollectOptions {
	skipCode: boolean;
	/** Recognises our own UI, which must never be scanned. */
	isOurs: (element: Element) => boolean;
}

type Verdict = { skip: true } | { skip: false; block: Element };

export class FlowCollector {
	private readonly cache = new WeakMap<Element, Verdict>();

	constructor(private readonly options: CollectOptions) {}

	private isEditable(element: Element): boolean {
		const value = element.getAttribute('contenteditable');
		return value !== null && value.toLowerCase() !== 'false';
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
	 * Walks `root` and yields flows, a few at a time: the caller decides how
	 * many to take per idle slice. Text in open shadow roots is walked too.
	 */
	*flows(root: Node): Generator<Flow> {
		const doc = root.ownerDocument ?? (root as Document);
		if (doc.designMode === 'on') return;
		yield* this.walk(root);
	}

	/**
	 * Like `flows`, but reads the text a chunk at a time first and walks only
	 * the chunks `mayMention` keeps. Most pages name no cloud vendor at all,
	 * and visiting their text nodes one by one cost more than reading every
	 * character (npm run bench:page, the page with no mentions): here a chunk
	 * costs a walk that asks each text node its length only, one native
	 * Range.toString() and a few RegExp tests. Chunks end where a new flow
	 * surely starts, so no flow straddles two. Yields `null` after each chunk:
	 * a step for the caller's scheduler. Once DENSE_AFTER chunks in a row have
	 * been kept, the page is dense with names and the rest is walked plainly.
	 */
	*probedFlows(root: Node, mayMention: (text: string) => boolean): Generator<Flow | null> {
		const doc = root.ownerDocument ?? (root as Document);
		if (doc.designMode === 'on') return;
		const lengths = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		const range = this.rangeFor(doc);
		let node = lengths.nextNode() as Text | null;
		let keptInARow = 0;
		while (node) {
			if (keptInARow >= DENSE_AFTER) {
				yield* this.walk(root, node);
				return;
			}
			const first = node;
			let last = node;
			for (let size = 0; node && size < CHUNK_CHARS; node = lengths.nextNode() as Text | null) {
				size += node.length;
				last = node;
			}
			// On to the first text node that starts a flow of its own: a new block after the last one.
			let block = this.blockOf(last);
			for (; node; node = lengths.nextNode() as Text | null) {
				const own = this.blockOf(node);
				if (own && block && own !== block) break;
				block = own ?? block;
				last = node;
			}
			range.setStartBefore(first);
			range.setEndAfter(last);
			const text = range.toString();
			park(range, doc);
			if (mayMention(text)) {
				keptInARow++;
				yield* this.walk(root, first, last);
			} else {
				keptInARow = 0;
			}
			yield null;
		}
	}

	/**
	 * One Range per document, reused by every probe. A Range is live: the
	 * browser updates each one on every DOM change until it is garbage
	 * collected, and one per rescan made the page's own edits 15 times slower
	 * (npm run bench:page, the page with no mentions).
	 */
	private readonly ranges = new WeakMap<Document, Range>();
	private rangeFor(doc: Document): Range {
		let range = this.ranges.get(doc);
		if (!range) {
			range = doc.createRange();
			this.ranges.set(doc, range);
		}
		return range;
	}

	/** The block a text node's flow belongs to; undefined for a node no flow takes (skipped, or too short). */
	private blockOf(node: Text): Element | undefined {
		if (node.length < 2 || !node.parentElement) return undefined;
		const verdict = this.classify(node.parentElement);
		return verdict.skip ? undefined : verdict.block;
	}

	/** Flows from `first` (or the start of `root`) to `last` (or its end), both included. */
	private *walk(root: Node, first?: Text, last?: Text): Generator<Flow> {
		const doc = root.ownerDocument ?? (root as Document);
		const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		let current: Flow | undefined;
		let previous: Text | undefined;
		// Consecutive text nodes usually share a parent: skip the WeakMap for them.
		let lastParent: Element | null = null;
		let lastVerdict: Verdict | undefined;
		if (first) walker.currentNode = first;
		const start = first ?? (walker.nextNode() as Text | null);
		for (let node = start; node; node = node === last ? null : (walker.nextNode() as Text | null)) {
			const data = node.data;
			if (data.length < 2) continue;
			const parent = node.parentElement;
			if (!parent) continue;
			const verdict = parent === lastParent && lastVerdict ? lastVerdict : this.classify(parent);
			lastParent = parent;
			lastVerdict = verdict;
			if (verdict.skip) continue;
			if (current && current.block === verdict.block) {
				// Nodes not touching in the inline flow (a <br>, an image between) are kept apart by a newline.
				const gap = previous && adjacent(previous, node) ? '' : '\n';
				current.starts.push(current.text.length + gap.length);
				current.lengths.push(data.length);
				current.text += gap + data;
				current.nodes.push(node);
			} else {
				if (current) yield current;
				current = { block: verdict.block, nodes: [node], starts: [0], lengths: [data.length], text: data };
			}
			previous = node;
		}
		if (current) yield current;
	}
}

/** Parks a Range at the very start of the document, where the page's edits never move it. */
function park(range: Range, doc: Document): void {
	range.setStart(doc, 0);
	range.collapse(true);
}

/** Characters per probed chunk: small enough that reading one is a sliver of an idle slice. */
const CHUNK_CHARS = 32_000;
/** Kept chunks in a row after which probing stops paying for itself. */
const DENSE_AFTER = 3;

/** True when `b` follows `a` directly in the inline flow: no block edge, <br> or replaced element between. */
function adjacent(a: Node, b: Node): boolean {
	if (a.nextSibling === b) return true;
	let node: Node | null = a;
	while (node && !node.nextSibling) {
		node = node.parentNode;
		if (!node || (node instanceof Element && !INLINE.has(node.localName))) return false;
	}
	let next: Node | null = node?.nextSibling ?? null;
	// Our own badges sit between the halves of a split node: look through them.
	while (next instanceof Element && next.localName.startsWith('whose-cloud-')) next = next.nextSibling;
	while (next instanceof Element && INLINE.has(next.localName) && next.localName !== 'wbr') next = next.firstChild;
	return next === b;
}

/** Finds open shadow roots under `root`, lazily, so the caller can spread the walk over idle slices. */
export function* openShadowRoots(root: Node): Generator<ShadowRoot | undefined> {
	const doc = root.ownerDocument ?? (root as Document);
	const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
	let seen = 0;
	for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
		if (node.shadowRoot) yield node.shadowRoot;
		// Every 500 elements, hand control back even when nothing was found.
		else if (++seen % 500 === 0) yield undefined;
	}
}

/** Maps a flow offset back to a DOM position. */
export function positionAt(flow: Flow, offset: number, preferEnd = false): { node: Text; offset: number } {
	// Binary search for the last node starting at or before `offset`.
	let low = 0;
	let high = flow.starts.length - 1;
	while (low < high) {
		const mid = (low + high + 1) >> 1;
		if (flow.starts[mid]! <= offset && !(preferEnd && flow.starts[mid] === offset && mid > 0)) low = mid;
		else high = mid - 1;
	}
	const node = flow.nodes[low]!;
	return { node, offset: Math.min(Math.max(0, offset - flow.starts[low]!), node.data.length) };
}
