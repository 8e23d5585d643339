// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCompactIndex } from '../core/compact.ts';
import { createMatcher, type Matcher } from '../core/match/matcher.ts';
import { dataset } from '../data/index.ts';
import { FlowCollector } from './collect.ts';
import { PageScan, type Hit } from './page-scan.ts';
import type { Scheduler, Step } from './scheduler.ts';

const index = buildCompactIndex(dataset);
const realMatcher = createMatcher(index.aliases);

/** Runs queued steps one at a time, as idle slices would. */
function stepScheduler(): Scheduler & { runAll(): void; runOne(): void } {
	const queue: Step[] = [];
	return {
		add: (step, options) => void (options?.first ? queue.unshift(step) : queue.push(step)),
		idle: () => Promise.resolve(),
		get pending() {
			return queue.length;
		},
		runAll() {
			for (let guard = 0; queue.length > 0 && guard < 10_000; guard++) if (!queue[0]!()) queue.shift();
		},
		runOne() {
			if (queue.length > 0 && !queue[0]!()) queue.shift();
		},
	};
}

describe('PageScan', () => {
	let decideSizes: number[];
	let delivered: Hit[][];
	let scheduler: ReturnType<typeof stepScheduler>;
	let scan: PageScan;

	beforeEach(() => {
		decideSizes = [];
		delivered = [];
		scheduler = stepScheduler();
		const matcher: Matcher = { ...realMatcher, decide: (text, pending, anchors, options) => {
			decideSizes.push(pending.length);
			return realMatcher.decide(text, pending, anchors, options);
		} };
		scan = new PageScan({ matcher, index, collector: new FlowCollector({ skipCode: true, isOurs: () => false }), scheduler, onHits: (hits) => delivered.push(hits) });
		// 200 rows naming Bleu, an ambiguous name, in one block: the cloud words around it make it the vendor.
		document.body.innerHTML = `<p id="rows">${Array.from({ length: 200 }, (_, row) => `Row ${row}: Bleu cloud hosting, SecNumCloud.`).join(' ')}</p><p>AWS</p>`;
	});

	it('decides a block\'s many ambiguous names a few dozen at a time, and hands their hits on together', () => {
		scan.scan(document.body, () => scan.finishFirstPass());
		scheduler.runAll();
		expect(Math.max(...decideSizes)).toBeLessThanOrEqual(64);
		expect(decideSizes.reduce((sum, size) => sum + size, 0)).toBe(200);
		const bleu = delivered.filter((hits) => hits.some((hit) => hit.mention.vendor === 'bleu'));
		expect(bleu.map((hits) => hits.filter((hit) => hit.mention.vendor === 'bleu').length)).toEqual([200]);
	});

	it('finishes a rescan, for its caller, only once such a block is decided', () => {
		scan.scan(document.body, () => scan.finishFirstPass());
		scheduler.runAll();
		decideSizes = [];
		const seen: Hit[] = [];
		let doneWith = -1;
		scan.scan(document.getElementById('rows')!, () => (doneWith = seen.length), (hits) => seen.push(...hits));
		scheduler.runAll();
		expect(Math.max(...decideSizes)).toBeLessThanOrEqual(64);
		// The rescan's caller drops what it did not see again: it must have seen the 200 names before it is told.
		expect(doneWith).toBe(200);
	});

	it('reads such a block again when its text changed meanwhile, and tells the rescan\'s caller only once that reading is seen', () => {
		scan.scan(document.body, () => scan.finishFirstPass());
		scheduler.runAll();
		const seen: Hit[] = [];
		let doneWith = -1;
		const rows = document.getElementById('rows')!;
		scan.scan(rows, () => (doneWith = seen.length), (hits) => seen.push(...hits));
		// The rescan reads the block and defers its names; then the page edits the block's text.
		scheduler.runOne();
		(rows.firstChild as Text).appendData(' ');
		scheduler.runAll();
		expect(doneWith).toBe(200);
	});

	describe('step length', () => {
		afterEach(() => vi.restoreAllMocks());

		/** A scan whose reading of each block "takes" `ms` of a clock the test moves. */
		function timedScan(ms: number): PageScan {
			let now = 0;
			vi.spyOn(performance, 'now').mockImplementation(() => now);
			const matcher: Matcher = { ...realMatcher, findCandidates: (text) => {
				now += ms;
				return realMatcher.findCandidates(text);
			} };
			return new PageScan({ matcher, index, collector: new FlowCollector({ skipCode: true, isOurs: () => false }), scheduler, onHits: (hits) => delivered.push(hits) });
		}

		it('takes no further block in a step once the step has run its time, however few blocks it read', () => {
			// 3 ms a block: two blocks fill a 4 ms step.
			const timed = timedScan(3);
			document.body.innerHTML = Array.from({ length: 10 }, (_, row) => `<p>Row ${row} runs on AWS.</p>`).join('');
			timed.scan(document.body);
			const perStep: number[] = [];
			while (scheduler.pending > 0) {
				const before = delivered.flat().length;
				scheduler.runOne();
				perStep.push(delivered.flat().length - before);
			}
			expect(perStep).toEqual([2, 2, 2, 2, 2, 0]);
		});

		it('still reads one block per step when a single block runs past the time', () => {
			const timed = timedScan(50);
			document.body.innerHTML = '<p>One on AWS.</p><p>Two on OVHcloud.</p>';
			timed.scan(document.body);
			scheduler.runAll();
			expect(delivered.map((hits) => hits.length)).toEqual([1, 1]);
		});
	});
});
