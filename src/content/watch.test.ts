// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { DomWatcher, type ChangeBatch, type WatcherDeps } from './watch.ts';

// One lifetime per test: a watcher left observing would take the next test's records too.
let controller = new AbortController();
afterEach(() => {
	controller.abort();
	controller = new AbortController();
	document.body.innerHTML = '';
});

/** A watcher on the body whose idle steps run only when the test says so. */
function watch(deps: Partial<WatcherDeps> = {}) {
	const steps: Array<() => boolean> = [];
	const batches: ChangeBatch[] = [];
	const watcher = new DomWatcher(controller.signal, { schedule: (step) => steps.push(step), onChanges: (batch) => batches.push(batch), ...deps });
	watcher.observe(document.body);
	return {
		watcher,
		batches,
		/** Runs one queued step; returns whether it has more to do. */
		runStep(): boolean {
			const more = steps[0]!();
			if (!more) steps.shift();
			return more;
		},
		/** Runs queued steps until none is left; returns how many ran. */
		runSteps(): number {
			let ran = 0;
			while (steps.length > 0) {
				ran++;
				if (!steps[0]!()) steps.shift();
			}
			return ran;
		},
	};
}

/** Mutation observers report in a microtask. */
const delivered = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Appends a paragraph to each of `count` sections. */
function changeSections(count: number): void {
	for (let index = 0; index < count; index++) {
		const paragraph = document.createElement('p');
		paragraph.textContent = 'We moved to Scaleway.';
		document.getElementById(`s${index}`)!.append(paragraph);
	}
}

function sections(count: number): void {
	document.body.innerHTML = Array.from({ length: count }, (_, index) => `<section id="s${index}"><p>Before</p></section>`).join('');
}

describe('DomWatcher', () => {
	it.each([
		['set', (element: Element) => element.setAttribute('contenteditable', 'true'), true],
		['removed', (element: Element) => element.removeAttribute('contenteditable'), true],
		['any other attribute', (element: Element) => element.setAttribute('class', 'editing'), false],
	])('reports an element whose contenteditable is %s', async (_name, change, reported) => {
		document.body.innerHTML = '<article contenteditable="false"><p>Scaleway</p></article>';
		const watching = watch();
		const article = document.querySelector('article')!;
		change(article);
		await delivered();
		watching.runSteps();
		expect(watching.batches.map((batch) => [...batch.editable])).toEqual(reported ? [[article]] : []);
	});

	it.each([
		// [changed places, threshold, full rescan?]
		[5, 10, false],
		[10, 10, false],
		[11, 10, true],
		[40, 100, false],
	])('with %i changed places and a threshold of %i, asks for a full rescan: %s', async (count, hugeAt, full) => {
		sections(count);
		const watching = watch({ hugeAt: () => hugeAt });
		changeSections(count);
		await delivered();
		watching.runSteps();
		expect(watching.batches).toHaveLength(1);
		expect(watching.batches[0]!.full).toBe(full);
		if (!full) expect(watching.batches[0]!.roots.size).toBe(count);
	});

	it('only keeps the records in the observer callback, and sorts them in idle steps of bounded size', async () => {
		sections(5000);
		const watching = watch({ hugeAt: () => 10_000 });
		changeSections(5000);
		await delivered();
		// Delivered, but nothing sorted or handed on yet: that happens in the steps.
		expect(watching.batches).toHaveLength(0);
		// 5,000 records, 2,000 per step.
		expect(watching.runSteps()).toBe(3);
		expect(watching.batches).toHaveLength(1);
		expect(watching.batches[0]!.roots.size).toBe(5000);
		expect(watching.batches[0]!.full).toBe(false);
	});

	it('sorts records that arrive while a delivery is half sorted, once each', async () => {
		sections(3000);
		const watching = watch({ hugeAt: () => 10_000 });
		changeSections(2500);
		await delivered();
		expect(watching.runStep()).toBe(true);
		// More changes, some in places already counted.
		for (let index = 2000; index < 3000; index++) document.getElementById(`s${index}`)!.append(document.createElement('hr'));
		await delivered();
		watching.runSteps();
		expect(watching.batches).toHaveLength(1);
		expect(watching.batches[0]!.roots.size).toBe(2500 + 1000);
	});

	it('keeps the page\'s records and drops its own made `quietly`', async () => {
		document.body.innerHTML = '<p id="page">Page</p><p id="ours">Ours</p>';
		const watching = watch();
		const fromPage = document.createElement('em');
		document.getElementById('page')!.append(fromPage);
		watching.watcher.quietly(() => document.getElementById('ours')!.append(document.createElement('span')));
		await delivered();
		watching.runSteps();
		expect([...watching.batches[0]!.roots]).toEqual([fromPage]);
	});

	it('stops sorting when its lifetime ends', async () => {
		sections(5000);
		const watching = watch({ hugeAt: () => 10_000 });
		changeSections(5000);
		await delivered();
		expect(watching.runStep()).toBe(true);
		controller.abort();
		expect(watching.runStep()).toBe(false);
		expect(watching.batches).toHaveLength(0);
	});

	it('counts toward that limit only the records still waiting to be sorted', async () => {
		sections(1);
		const watching = watch({ hugeAt: () => 1e9 });
		const section = document.getElementById('s0')!;
		const append = (count: number): void => {
			for (let index = 0; index < count; index++) section.append(document.createTextNode('x'));
		};
		append(15_000);
		await delivered();
		for (let step = 0; step < 5; step++) watching.runStep();
		// 10,000 sorted, 5,000 waiting: 10,000 more make 15,000 waiting, under the limit, though 25,000 came in all.
		append(10_000);
		await delivered();
		watching.runSteps();
		expect(watching.batches[0]!.full).toBe(false);
		expect([...watching.batches[0]!.roots]).toEqual([section]);
	});

	it('asks for one full rescan past 20,000 records, without sorting them', async () => {
		sections(1);
		const watching = watch({ hugeAt: () => 1e9 });
		const section = document.getElementById('s0')!;
		for (let index = 0; index < 20_001; index++) section.append(document.createTextNode('x'));
		await delivered();
		expect(watching.runSteps()).toBe(1);
		expect(watching.batches[0]!.full).toBe(true);
		expect(watching.batches[0]!.roots.size).toBe(0);
	});

	it('tells at once of watched text the page rewrote or removed, and of no other', async () => {
		document.body.innerHTML = '<p id="a">Before</p><p id="b">Later</p><p id="c">Other</p><p id="d">Gone</p>';
		const touched: string[] = [];
		const watching = watch({ onTextTouched: (node, change) => touched.push(`${node.data} ${change.rewritten ? 'rewritten' : 'moved'}`) });
		const text = (id: string): Text => document.getElementById(id)!.firstChild as Text;
		watching.watcher.watchText(text('a'));
		watching.watcher.watchText(text('b'));
		text('a').data = 'Rewritten';
		text('b').remove();
		// Not watched: the page's own business, sorted later like any change.
		text('c').data = 'Also rewritten';
		text('d').remove();
		await delivered();
		// Before any idle step: the page must not see our split-off half for a frame.
		expect(touched).toEqual(['Rewritten rewritten', 'Later moved']);
		watching.runSteps();
		expect(watching.batches[0]!.removed).toBe(true);
		expect(watching.batches[0]!.roots.size).toBe(2);
	});

	it.each([
		['textContent', (p: HTMLElement) => { p.textContent = 'New status'; }, 'New status'],
		['replaceChildren with one text node', (p: HTMLElement) => p.replaceChildren(document.createTextNode('New status')), 'New status'],
		['replaceChildren with an element too', (p: HTMLElement) => p.replaceChildren(document.createTextNode('New '), document.createElement('b')), undefined],
		['remove', (p: HTMLElement) => p.firstChild!.remove(), undefined],
	])('tells which one text node the page put in place of watched text (%s)', async (_how, change, replacement) => {
		document.body.innerHTML = '<p id="a">Old status</p>';
		const touched: Array<string | undefined> = [];
		const watching = watch({ onTextTouched: (_node, change) => touched.push(change.rewritten ? 'rewritten' : change.replacement?.data) });
		const paragraph = document.getElementById('a')!;
		watching.watcher.watchText(paragraph.firstChild as Text);
		change(paragraph);
		await delivered();
		expect(touched).toEqual([replacement]);
	});

	it('does not tell of our own changes beside watched text', async () => {
		document.body.innerHTML = '<p id="a">Before and after</p>';
		const touched: string[] = [];
		const watching = watch({ onTextTouched: (node) => touched.push(node.data) });
		const head = document.getElementById('a')!.firstChild as Text;
		watching.watcher.watchText(head);
		watching.watcher.quietly(() => {
			const tail = head.splitText(6);
			tail.remove();
			head.appendData(' and after');
		});
		await delivered();
		expect(touched).toEqual([]);
		expect(watching.runSteps()).toBe(0);
	});
});
