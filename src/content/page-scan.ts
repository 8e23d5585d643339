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

export class PageScan {
	private unambiguousOnPage = 0;
	private firstPassDone = false;
	/** Blocks of text read until the first pass ended (rescans meanwhile included): the page's size, in the unit a rescan works in. */
	blocksSeen = 0;
	private deferred: Array<{ flow: Flow; pending: Candidate[]; anchors: readonly Mention[]; until: number }> = [];

	constructor(private readonly options: PageScanOptions) {}

	private toHits(flow: Flow, mentions: Mention[]): Hit[] {
		return mentions.map((mention) => {
			const start = positionAt(flow, mention.start);
			const end = positionAt(flow, mention.end, true);
			const level = this.options.index.entries[mention.offering ?? mention.vendor]?.level ?? this.options.index.entries[mention.vendor]?.level ?? 'unknown';
			return { mention, level, block: flow.block, startNode: start.node, startOffset: start.offset, endNode: end.node, endOffset: end.offset };
		});
	}

	private scanFlow(flow: Flow): Hit[] {
		if (!this.firstPassDone) this.blocksSeen++;
		const found = this.options.matcher.findCandidates(flow.text);
		// Acronyms the text defines ("Open Telekom Cloud (OTC)") count from the unambiguous names right away.
		const mentions = expandAcronyms(flow.text, found.mentions);
		const { pending } = found;
		this.unambiguousOnPage += mentions.length;
		let decided: Mention[] = [];
		if (pending.length > 0) {
			if (this.firstPassDone) {
				decided = this.options.matcher.decide(flow.text, pending, mentions, this.decideOptions(flow));
			} else {
				// Decided later, against the DOM as it is now: a badge may split its nodes meanwhile.
				// Candidates come in text order: the last one ends furthest.
				const until = pending[pending.length - 1]!.end;
				pinPositions(flow, until);
				this.deferred.push({ flow, pending, anchors: mentions, until });
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
		this.options.scheduler.add(() => {
			const hits: Hit[] = [];
			for (let count = 0; count < perStep; count++) {
				const next = flows.next();
				if (next.done) {
					if (hits.length > 0) this.deliver(hits, tap);
					onDone?.();
					return false;
				}
				const flowHits = this.scanFlow(next.value);
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
		const deferred = this.deferred;
		this.deferred = [];
		this.options.scheduler.add(() => {
			const hits: Hit[] = [];
			const started = performance.now();
			while (deferred.length > 0 && performance.now() - started < 4) {
				const item = deferred.shift()!;
				// A badge may have split this block's text since it was read: its offsets are stale, so read it again.
				if (!flowIntact(item.flow, item.until)) {
					if (item.flow.block.isConnected) this.scan(item.flow.block);
					continue;
				}
				const kept = this.options.matcher.decide(item.flow.text, item.pending, item.anchors, this.decideOptions(item.flow));
				hits.push(...this.toHits(item.flow, kept));
			}
			if (hits.length > 0) this.options.onHits(hits);
			return deferred.length > 0;
		});
	}
}
