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
	return flow.nodes.every((node, index) => node.isConnected && node.data.length === flow.lengths[index]);
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
			else verdict = { skip: false, block: parentVerdict.block };
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
		const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		let current: Flow | undefined;
		let previous: Text | undefined;
		// Consecutive text nodes usually share a parent: skip the WeakMap for them.
		let lastParent: Element | null = null;
		let lastVerdict: Verdict | undefined;
		for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
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
