import { describe, expect, it } from 'vitest';
import { FOUGHT_WITHIN_MS, Fights } from './fights.ts';

/** Just what Fights reads of an element: whether it is still in the page, and its parent. */
function element(parent: Element | null = null, connected = true): Element {
	return { isConnected: connected, parentElement: parent } as unknown as Element;
}

describe('Fights', () => {
	it.each([
		['taken out at once', 10, true],
		['taken out within the window', FOUGHT_WITHIN_MS, true],
		['taken out after the window (a page that changed, not one that fights)', FOUGHT_WITHIN_MS + 1, false],
	])('a badge %s, twice: resting %s', (_case, after, rests) => {
		const fights = new Fights();
		const block = element();
		fights.removed(block, null, 0, after);
		fights.removed(block, null, 1000, 1000 + after);
		expect(fights.restingUntil(block, 1000 + after) > 0).toBe(rests);
	});

	it.each([
		[50, true],
		[150, false],
	])('a removal seen as it happened, %i ms after: a fight %s (a live counter is not one)', (after, rests) => {
		const fights = new Fights();
		const block = element();
		fights.removed(block, null, 0, after, true);
		fights.removed(block, null, 1000, 1000 + after, true);
		expect(fights.restingUntil(block, 1000 + after) > 0).toBe(rests);
	});

	it('lets a first fight pass: a page may change just as a badge comes', () => {
		const fights = new Fights();
		const block = element();
		fights.removed(block, null, 0, 5);
		expect(fights.restingUntil(block, 5)).toBe(0);
	});

	it('counts badges placed by one flush and taken out together as one fight', () => {
		const fights = new Fights();
		const block = element();
		fights.removed(block, null, 100, 110);
		fights.removed(block, null, 100, 110);
		fights.removed(block, null, 100, 111);
		expect(fights.restingUntil(block, 111)).toBe(0);
	});

	it('rests 2 s, then twice as long after each further fight, up to a minute', () => {
		const fights = new Fights();
		const block = element();
		const rests: number[] = [];
		let now = 0;
		for (let round = 0; round < 9; round++) {
			fights.removed(block, null, now, now + 5);
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

	it('is over once the rest is', () => {
		const fights = new Fights();
		const block = element();
		fights.removed(block, null, 0, 5);
		fights.removed(block, null, 10, 15);
		expect(fights.restingUntil(block, 2014)).toBe(2015);
		expect(fights.restingUntil(block, 2015)).toBe(0);
	});

	it('counts against the parent when the page threw the block itself away, and rests the blocks it puts there', () => {
		const fights = new Fights();
		const view = element();
		fights.removed(element(view, false), view, 0, 5);
		fights.removed(element(view, false), view, 10, 15);
		const rendered = element(view);
		expect(fights.restingUntil(rendered, 15)).toBe(2015);
		// A block elsewhere is not concerned.
		expect(fights.restingUntil(element(element()), 15)).toBe(0);
	});

	it('keeps each block\'s fights apart', () => {
		const fights = new Fights();
		const parent = element();
		const fighting = element(parent);
		const quiet = element(parent);
		fights.removed(fighting, parent, 0, 5);
		fights.removed(fighting, parent, 10, 15);
		expect(fights.restingUntil(fighting, 15)).toBeGreaterThan(0);
		expect(fights.restingUntil(quiet, 15)).toBe(0);
	});
});
