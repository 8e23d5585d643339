import { describe, expect, it } from 'vitest';
import { BURST_MS, BURST_PUT_BACKS, FOUGHT_WITHIN_MS, Fights, PUT_BACKS_PER_TASK } from './fights.ts';

/** Just what Fights reads of an element: whether it is still in the page, and its parent. */
function element(parent: Element | null = null, connected = true): Element {
	return { isConnected: connected, parentElement: parent } as unknown as Element;
}

const text = (data: string): Text => ({ data }) as Text;

/** Two fights against `block`, the second at `at`: the block then rests. */
function fightTwice(fights: Fights, block: Element, at = 10): void {
	fights.sameTextBack(block, null, 0, 5);
	fights.sameTextBack(block, null, at - 5, at);
}

describe('Fights: the same text put back', () => {
	it.each([
		['at once', 10, true],
		['within the window', FOUGHT_WITHIN_MS, true],
		['after the window (a page that changed, not one that fights)', FOUGHT_WITHIN_MS + 1, false],
	])('twice, %s: the block rests: %s', (_case, after, rests) => {
		const fights = new Fights();
		const block = element();
		fights.sameTextBack(block, null, 0, after);
		fights.sameTextBack(block, null, 1000, 1000 + after);
		expect(fights.restingUntil(block, 1000 + after) > 0).toBe(rests);
	});

	it('lets a first fight pass: a page may put its text back just as a badge comes', () => {
		const fights = new Fights();
		const block = element();
		fights.sameTextBack(block, null, 0, 5);
		expect(fights.restingUntil(block, 5)).toBe(0);
	});

	it('counts badges taken out by one change as one fight', () => {
		const fights = new Fights();
		const block = element();
		fights.sameTextBack(block, null, 0, 7);
		fights.sameTextBack(block, null, 3, 7);
		expect(fights.restingUntil(block, 7)).toBe(0);
	});

	it('rests 2 s, then twice as long after each further fight, up to a minute', () => {
		const fights = new Fights();
		const block = element();
		const rests: number[] = [];
		let now = 0;
		for (let round = 0; round < 9; round++) {
			fights.sameTextBack(block, null, now, now + 5);
			now += 5;
			const until = fights.restingUntil(block, now);
			if (until) {
				rests.push(until - now);
				now = until;
			}
			now += 1;
		}
		expect(rests).toEqual([2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
	});

	it('is over once the rest is, and forgotten after 30 s without a fight', () => {
		const fights = new Fights();
		const block = element();
		fightTwice(fights, block);
		expect(fights.restingUntil(block, 2009)).toBe(2010);
		expect(fights.restingUntil(block, 2010)).toBe(0);
		// A fight long after starts from none: no rest yet.
		fights.sameTextBack(block, null, 40_000, 40_005);
		expect(fights.restingUntil(block, 40_005)).toBe(0);
	});

	it('counts against the parent when the page threw the block away, and rests the blocks it puts there', () => {
		const fights = new Fights();
		const view = element();
		fights.sameTextBack(element(view, false), view, 0, 5);
		fights.sameTextBack(element(view, false), view, 10, 15);
		expect(fights.restingUntil(element(view), 15)).toBe(2015);
		expect(fights.restingUntil(element(element()), 15)).toBe(0);
	});

	it('is no fight where the page was seen writing on its own (a status rewritten unchanged, every 200 ms)', () => {
		const fights = new Fights();
		const block = element();
		fights.sawLive(block, 0);
		fightTwice(fights, block, 1000);
		expect(fights.restingUntil(block, 1000)).toBe(0);
		// Seen long ago: a fight again.
		fights.sameTextBack(block, null, 40_000, 40_005);
		fights.sameTextBack(block, null, 40_010, 40_015);
		expect(fights.restingUntil(block, 40_015)).toBeGreaterThan(0);
	});

	it('keeps each block\'s fights apart', () => {
		const fights = new Fights();
		const parent = element();
		const fighting = element(parent);
		fightTwice(fights, fighting);
		expect(fights.restingUntil(fighting, 10)).toBeGreaterThan(0);
		expect(fights.restingUntil(element(parent), 10)).toBe(0);
	});
});

describe('Fights: badges taken out, then the page\'s next text there', () => {
	it.each([
		['its text back', 'The tender went to Outscale.', true],
		['new text (search results, a new view)', 'Results for az: Azure.', false],
	])('%s: a fight %s', (_case, next, fought) => {
		const fights = new Fights();
		const view = element();
		for (const at of [0, 100]) {
			fights.takenOut(element(view, false), view, 'The tender went to Outscale', at, at + 5);
			fights.confirm(element(view), () => [text(next)], at + 50);
		}
		expect(fights.restingUntil(element(view), 150) > 0).toBe(fought);
	});

	it('lets the suspicion go when the text comes back late, or when the badge had stood a while', () => {
		const fights = new Fights();
		const block = element();
		fights.takenOut(block, null, 'AWS', 0, 5);
		fights.confirm(block, () => [text('AWS here')], 5000);
		fights.takenOut(block, null, 'AWS', 6000, 7000);
		fights.confirm(block, () => [text('AWS here')], 7010);
		fights.takenOut(block, null, 'AWS', 8000, 8005);
		fights.confirm(block, () => [text('AWS here')], 8010);
		// Only the last was a fight: no rest yet.
		expect(fights.restingUntil(block, 8010)).toBe(0);
	});
});

describe('Fights: badges put back at once', () => {
	/** The next task: what a page's timer or frame callback runs in. */
	const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

	it(`allows ${BURST_PUT_BACKS} in ${BURST_MS} ms, one per task (a counter rewritten every frame), not one more`, async () => {
		const fights = new Fights();
		const block = element();
		const answers: boolean[] = [];
		for (let index = 0; index <= BURST_PUT_BACKS; index++) {
			answers.push(fights.putBack(block, index * 0.01));
			await nextTask();
		}
		expect(answers.slice(0, BURST_PUT_BACKS).every(Boolean)).toBe(true);
		expect(answers[BURST_PUT_BACKS]).toBe(false);
		// A loop rests the block at once.
		expect(fights.restingUntil(block, 1)).toBeGreaterThan(0);
	});

	it(`allows ${PUT_BACKS_PER_TASK} in one task, however slowly, not one more: a loop of microtasks never reaches another task`, () => {
		const fights = new Fights();
		const block = element();
		const answers = Array.from({ length: PUT_BACKS_PER_TASK + 1 }, (_, index) => fights.putBack(block, index * 1000));
		expect(answers.slice(0, PUT_BACKS_PER_TASK).every(Boolean)).toBe(true);
		expect(answers[PUT_BACKS_PER_TASK]).toBe(false);
		expect(fights.restingUntil(block, PUT_BACKS_PER_TASK * 1000)).toBeGreaterThan(0);
		// Another block in the same task has its own count.
		expect(fights.putBack(element(), PUT_BACKS_PER_TASK * 1000)).toBe(true);
	});

	it('starts the count again in the next task', async () => {
		const fights = new Fights();
		const block = element();
		for (let index = 0; index < PUT_BACKS_PER_TASK; index++) fights.putBack(block, index * 1000);
		await nextTask();
		expect(fights.putBack(block, 50_000)).toBe(true);
	});

	it('never stops a steady counter', async () => {
		const fights = new Fights();
		const block = element();
		for (let frame = 0; frame < 120; frame++) {
			expect(fights.putBack(block, frame * 16.7)).toBe(true);
			await nextTask();
		}
		expect(fights.restingUntil(block, 120 * 16.7)).toBe(0);
	});
});
