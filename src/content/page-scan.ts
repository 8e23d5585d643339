/**
 * Scans the page's flows with the core matcher, in idle slices, and hands the
 * hits to whoever marks them. Ambiguous names seen during the first pass are
 * decided at its end, when the page-level evidence (is this page about cloud
 * at all?) is known; later changes are decided on sight with that evidence.
 */
import type { CompactIndex } from '../core/compact.ts';
import type { Candidate, Matcher, Mention } from '../core/match/matcher.ts';
import { PAGE_EVIDENCE } from '../core/match/blocks-scan.ts';
import { expandAcronyms } from '../core/match/acronyms.ts';
import type { VerdictLevel } from '../core/verdict/levels.ts';
import { type Flow, type FlowCollector, flowIntact, pinPositions, positionAt } from './collect.ts';
import type { Scheduler } from './scheduler.ts';

/**
 * One mention on the page. It keeps its block and its DOM positions, not the
 * flow it was found in: holding every flow would keep the page's text twice.
 */
export interface Hit {
	mention: Mention;
	level: VerdictLevel;
	block: Element;
	startNode: Text;
	startOffset: number;
	endNode: Text;
	endOffset: number;
}

export interface PageScanOptions {
	matcher: Matcher;
	index: CompactIndex;
	collector: FlowCollector;
	scheduler: Scheduler;
	onHits: (hits: Hit[]) => void;
	/** Flows per idle step: small enough that one step stays far below the slice budget. */
	flowsPerStep?: number;
}

/**
 * Ambiguous names kept to be decided in idle steps, a few dozen at a time:
 * a block naming 1,000 of them ("Bleu" in every row of a long list) took
 * 75 ms in one task. Their hits go out together once the whole block is
 * decided, so that no badge of theirs splits the block's text meanwhile.
 */
interface Deferred {
	flow: Flow;
	pending: Candidate[];
	anchors: readonly Mention[];
	/** Where the last candidate ends: the DOM positions needed reach that far. */
	until: number;
	/** Candidates decided so far, and the ones kept. */
	next: number;
	kept: Mention[];
	/** For a rescan: who sees its hits, and what runs once its last deferred block is decided. */
	tap?: (hits: Hit[]) => void;
	done?: () => void;
}

/** Candidates decided in one go; a rescan with more defers them. */
const DECIDE_CHUNK = 64;
/**
 * A scan step takes no further block once it has run this long. Blocks are
 * usually small, and the flow count alone kept steps short; but 40 long
 * paragraphs dense with names made one step of hundreds of milliseconds.
 */
const SCAN_STEP_MS = 4;

export class PageScan {
	private unambiguousOnPage = 0;
	private firstPassDone = false;
	/** Blocks of text read until the first pass ended (rescans meanwhile included): the page's size, in the unit a rescan works in. */
	blocksSeen = 0;
	private deferred: Deferred[] = [];
	/** An idle step is deciding `deferred`. */
	private draining = false;

	constructor(private readonly options: PageScanOptions) {}

	private toHits(flow: Flow, mentions: Mention[]): Hit[] {
		return mentions.map((mention) => {
			const start = positionAt(flow, mention.start);
			const end = positionAt(flow, mention.end, true);
			const level = this.options.index.entries[mention.offering ?? mention.vendor]?.level ?? this.options.index.entries[mention.vendor]?.level ?? 'unknown';
			return { mention, level, block: flow.block, startNode: start.node, startOffset: start.offset, endNode: end.node, endOffset: end.offset };
		});
	}

	private scanFlow(flow: Flow, here: { deferred: Deferred[]; tap?: ((hits: Hit[]) => void) | undefined }): Hit[] {
		if (!this.firstPassDone) this.blocksSeen++;
		const found = this.options.matcher.findCandidates(flow.text);
		// Acronyms the text defines ("Open Telekom Cloud (OTC)") count from the unambiguous names right away.
		const mentions = expandAcronyms(flow.text, found.mentions);
		const { pending } = found;
		this.unambiguousOnPage += mentions.length;
		let decided: Mention[] = [];
		if (pending.length > 0) {
			if (this.firstPassDone && pending.length <= DECIDE_CHUNK) {
				decided = this.options.matcher.decide(flow.text, pending, mentions, this.decideOptions(flow));
			} else {
				// Decided later, against the DOM as it is now: a badge may split its nodes meanwhile.
				// Candidates come in text order: the last one ends furthest.
				const until = pending[pending.length - 1]!.end;
				pinPositions(flow, until);
				const item: Deferred = { flow, pending, anchors: mentions, until, next: 0, kept: [] };
				// A rescan's taker of hits sees these too (the first pass has none).
				if (this.firstPassDone && here.tap) item.tap = here.tap;
				this.deferred.push(item);
				here.deferred.push(item);
				if (this.firstPassDone) this.drain();
			}
		}
		return this.toHits(flow, [...mentions, ...decided]);
	}

	/**
	 * A table cell or list item is too short to carry its own context ("Bleu"
	 * alone in a cell): its row or list is read for context words too.
	 */
	private surroundings(flow: Flow): string | undefined {
		if (flow.text.length > 80 || !/^(td|th|li|dd|dt|figcaption|caption)$/.test(flow.block.localName)) return undefined;
		return flow.block.parentElement?.textContent?.slice(0, 400);
	}

	private decideOptions(flow: Flow): { pageEvidence: number; surroundings?: string } {
		const surroundings = this.surroundings(flow);
		return surroundings ? { pageEvidence: this.pageEvidence(), surroundings } : { pageEvidence: this.pageEvidence() };
	}

	private pageEvidence(): number {
		return this.unambiguousOnPage > 0 ? PAGE_EVIDENCE : 0;
	}

	/**
	 * Queues a scan of `root` (the document, a changed block, a shadow root).
	 * `tap` sees every hit found, including ones the annotator already had.
	 */
	scan(root: Node, onDone?: () => void, tap?: (hits: Hit[]) => void): void {
		const flows = this.options.collector.flows(root);
		const perStep = this.options.flowsPerStep ?? 40;
		// A rescan's blocks deferred to idle steps: it is done, and its hits all seen, once they are decided.
		const here = { deferred: [] as Deferred[], tap };
		this.options.scheduler.add(() => {
			const hits: Hit[] = [];
			const started = performance.now();
			for (let count = 0; count < perStep && (count === 0 || performance.now() - started < SCAN_STEP_MS); count++) {
				const next = flows.next();
				if (next.done) {
					if (hits.length > 0) this.deliver(hits, tap);
					// The first pass's deferred names wait for its end (finishFirstPass), which onDone calls.
					const last = this.firstPassDone ? here.deferred[here.deferred.length - 1] : undefined;
					if (last && onDone && this.deferred.includes(last)) last.done = onDone;
					else onDone?.();
					return false;
				}
				const flowHits = this.scanFlow(next.value, here);
				for (const hit of flowHits) hits.push(hit);
			}
			if (hits.length > 0) this.deliver(hits, tap);
			return true;
		});
	}

	private deliver(hits: Hit[], tap?: (hits: Hit[]) => void): void {
		tap?.(hits);
		this.options.onHits(hits);
	}

	/** Ends the first pass: decides the ambiguous names it deferred, now that the page is known. */
	finishFirstPass(): void {
		this.firstPassDone = true;
		this.drain();
	}

	/** Decides the deferred names in idle steps of about 4 ms. */
	private drain(): void {
		if (this.draining || this.deferred.length === 0) return;
		this.draining = true;
		this.options.scheduler.add(() => {
			try {
				return this.drainStep();
			} catch (error) {
				// The block being decided was already taken off the queue, and is let go; the others are still decided.
				this.draining = false;
				this.drain();
				throw error;
			}
		});
	}

	/** One idle step of `drain`: true while blocks remain. */
	private drainStep(): boolean {
		const hits: Hit[] = [];
		const finished: Array<() => void> = [];
		const started = performance.now();
		while (this.deferred.length > 0 && performance.now() - started < 4) {
			const item = this.deferred.shift()!;
			const chunk = item.pending.slice(item.next, item.next + DECIDE_CHUNK);
			item.next += chunk.length;
			item.kept.push(...this.options.matcher.decide(item.flow.text, chunk, item.anchors, this.decideOptions(item.flow)));
			if (item.next < item.pending.length) {
				this.deferred.unshift(item);
				continue;
			}
			// A badge may have split this block's text since it was read: its offsets are stale, so read it
			// again. A rescan's caller hears of this block once that reading is done, and sees its hits.
			if (!flowIntact(item.flow, item.until)) {
				if (item.flow.block.isConnected) this.scan(item.flow.block, item.done, item.tap);
				else if (item.done) finished.push(item.done);
				continue;
			}
			if (item.done) finished.push(item.done);
			const found = this.toHits(item.flow, item.kept);
			item.tap?.(found);
			hits.push(...found);
		}
		if (hits.length > 0) this.options.onHits(hits);
		for (const done of finished) done();
		if (this.deferred.length > 0) return true;
		this.draining = false;
		return false;
	}
}
