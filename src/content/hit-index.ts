/**
 * Where every hit is, by text node and by block, so a change to one node or
 * one paragraph finds its hits without a scan, and so splitting a text node
 * for a badge can move the hits that now live in the new node.
 */
import type { Hit } from './page-scan.ts';

export class HitIndex {
	private readonly byNode = new Map<Text, Set<Hit>>();
	private readonly byBlock = new Map<Element, Set<Hit>>();
	private total = 0;

	private link(node: Text, hit: Hit): void {
		let set = this.byNode.get(node);
		if (!set) this.byNode.set(node, (set = new Set()));
		set.add(hit);
	}

	private unlink(node: Text, hit: Hit): void {
		const set = this.byNode.get(node);
		if (!set) return;
		set.delete(hit);
		if (set.size === 0) this.byNode.delete(node);
	}

	add(hit: Hit): void {
		this.total++;
		this.link(hit.startNode, hit);
		this.link(hit.endNode, hit);
		let set = this.byBlock.get(hit.block);
		if (!set) this.byBlock.set(hit.block, (set = new Set()));
		set.add(hit);
	}

	remove(hit: Hit): void {
		this.unlink(hit.startNode, hit);
		this.unlink(hit.endNode, hit);
		const set = this.byBlock.get(hit.block);
		if (set?.delete(hit)) this.total--;
		if (set?.size === 0) this.byBlock.delete(hit.block);
	}

	/** The hits that start or end on `node`, as they are (not a copy: do not change the index while reading). */
	onNode(node: Text): Iterable<Hit> {
		return this.byNode.get(node) ?? [];
	}

	forNode(node: Text): Hit[] {
		return [...(this.byNode.get(node) ?? [])];
	}

	/** Hits of a block, in text order. */
	forBlock(block: Element): Hit[] {
		return [...(this.byBlock.get(block) ?? [])].sort((a, b) => a.mention.start - b.mention.start);
	}

	all(): Hit[] {
		const out = new Set<Hit>();
		for (const set of this.byBlock.values()) for (const hit of set) out.add(hit);
		return [...out];
	}

	get size(): number {
		return this.total;
	}

	clear(): void {
		this.byNode.clear();
		this.byBlock.clear();
		this.total = 0;
	}

	/**
	 * `head` was split at `at`, its end now in `tail`: positions past the cut
	 * move to `tail`. Returns the hits that moved, so their marks can follow.
	 */
	moveAfterSplit(head: Text, tail: Text, at: number): Hit[] {
		const moved: Hit[] = [];
		for (const hit of this.forNode(head)) {
			let changed = false;
			if (hit.startNode === head && hit.startOffset >= at && !(hit.startOffset === at && hit.endNode === head && hit.endOffset === at)) {
				hit.startNode = tail;
				hit.startOffset -= at;
				changed = true;
			}
			if (hit.endNode === head && hit.endOffset > at) {
				hit.endNode = tail;
				hit.endOffset -= at;
				changed = true;
			}
			if (changed) {
				this.unlink(head, hit);
				if (hit.startNode === head || hit.endNode === head) this.link(head, hit);
				this.link(tail, hit);
				moved.push(hit);
			}
		}
		return moved;
	}

	/** The reverse of a split: `tail` was merged back into `head`, which was `at` long. */
	moveAfterMerge(head: Text, tail: Text, at: number): Hit[] {
		const moved: Hit[] = [];
		for (const hit of this.forNode(tail)) {
			if (hit.startNode === tail) {
				hit.startNode = head;
				hit.startOffset += at;
			}
			if (hit.endNode === tail) {
				hit.endNode = head;
				hit.endOffset += at;
			}
			this.unlink(tail, hit);
			this.link(head, hit);
			moved.push(hit);
		}
		return moved;
	}
}

/**
 * Hits looked up by where they start, each text node's hits sorted by offset
 * on first need. A scan compares what it finds with what was there: looking
 * through every hit on the same text node each time was quadratic, and a
 * paragraph naming 5,000 vendors in one node made tasks of 85-276 ms (a
 * review in Chromium).
 */
export class HitPlaces {
	private readonly places = new Map<Text, Map<number, Hit[]>>();

	constructor(private readonly onNode: (node: Text) => Iterable<Hit>) {}

	find(hit: Hit, same: (a: Hit, b: Hit) => boolean): Hit | undefined {
		return this.placesOn(hit.startNode).get(hit.startOffset)?.find((known) => same(known, hit));
	}

	/** Counts `hit` among the known ones from now on. */
	note(hit: Hit): void {
		file(this.placesOn(hit.startNode), hit);
	}

	private placesOn(node: Text): Map<number, Hit[]> {
		let byOffset = this.places.get(node);
		if (!byOffset) {
			byOffset = new Map();
			for (const known of this.onNode(node)) if (known.startNode === node) file(byOffset, known);
			this.places.set(node, byOffset);
		}
		return byOffset;
	}
}

function file(byOffset: Map<number, Hit[]>, hit: Hit): void {
	const list = byOffset.get(hit.startOffset);
	if (list) list.push(hit);
	else byOffset.set(hit.startOffset, [hit]);
}
