// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { DomWatcher, type ChangeBatch } from './watch.ts';

const controller = new AbortController();
afterEach(() => {
	document.body.innerHTML = '';
});

/** Appends a paragraph to each of `count` sections, then waits for the watcher's flush. */
async function changeSections(count: number, hugeAt: number): Promise<ChangeBatch> {
	document.body.innerHTML = Array.from({ length: count }, (_, index) => `<section id="s${index}"><p>Before</p></section>`).join('');
	let flush: (() => void) | undefined;
	let seen: ChangeBatch | undefined;
	const watcher = new DomWatcher(controller.signal, (run) => (flush = run), (batch) => (seen = batch), undefined, () => hugeAt);
	watcher.observe(document.body);
	for (let index = 0; index < count; index++) {
		const paragraph = document.createElement('p');
		paragraph.textContent = 'We moved to Scaleway.';
		document.getElementById(`s${index}`)!.append(paragraph);
	}
	await new Promise((resolve) => setTimeout(resolve, 0));
	flush?.();
	return seen!;
}

describe('DomWatcher', () => {
	it.each([
		// [changed places, threshold, full rescan?]
		[5, 10, false],
		[10, 10, false],
		[11, 10, true],
		[40, 100, false],
	])('with %i changed places and a threshold of %i, asks for a full rescan: %s', async (count, hugeAt, full) => {
		const batch = await changeSections(count, hugeAt);
		expect(batch.full).toBe(full);
		if (!full) expect(batch.roots.size).toBe(count);
	});
});
