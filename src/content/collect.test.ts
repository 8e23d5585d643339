// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { FlowCollector, positionAt, type Flow } from './collect.ts';

const collector = (skipCode = true) => new FlowCollector({ skipCode, isOurs: (element) => element.localName.startsWith('whose-cloud-') });
const texts = (flows: Flow[]) => flows.map((flow) => flow.text.replace(/\s+/g, ' ').trim());

beforeEach(() => {
	document.body.innerHTML = '';
});

describe('FlowCollector', () => {
	it('joins text across inline tags into one flow per block', () => {
		document.body.innerHTML = '<p>Hosted on Amazon <b>Web</b> <i>Services</i> today.</p><p>Second block</p>';
		expect(texts([...collector().flows(document.body)])).toEqual(['Hosted on Amazon Web Services today.', 'Second block']);
	});

	it.each([
		['script and style', '<p>AWS</p><script>var x = "Azure";</script><style>.a{}</style>', ['AWS']],
		['form fields', '<p>AWS</p><textarea>Azure</textarea><select><option>Google Cloud</option></select><input value="OVHcloud">', ['AWS']],
		['contenteditable and rich editors', '<p>AWS</p><div contenteditable="true"><p>Azure in an editor</p></div><div contenteditable="false">Scaleway</div>', ['AWS', 'Scaleway']],
		['code blocks (setting on)', '<p>AWS</p><pre><code>provider = "azure"</code></pre><p>Run <code>aws s3 ls</code> now</p>', ['AWS', 'Run now']],
		['SVG text', '<p>AWS</p><svg><text>Azure</text></svg>', ['AWS']],
		['our own badges', '<p>AWS<whose-cloud-x1>U</whose-cloud-x1> done</p>', ['AWS done']],
		['templates and noscript', '<p>AWS</p><template><p>Azure</p></template><noscript>Google</noscript>', ['AWS']],
	])('skips %s', (_name, html, expected) => {
		document.body.innerHTML = html;
		expect(texts([...collector().flows(document.body)])).toEqual(expected);
	});

	it('scans code blocks when the setting says so', () => {
		document.body.innerHTML = '<pre><code>provider = "Azure"</code></pre>';
		expect(texts([...collector(false).flows(document.body)])).toEqual(['provider = "Azure"']);
	});

	it('keeps text on both sides of a <br> apart', () => {
		document.body.innerHTML = '<p>AWS<br>Azure</p>';
		const [flow] = [...collector().flows(document.body)];
		expect(flow!.text).toBe('AWS\nAzure');
	});

	it('maps flow offsets back to the right text node and offset', () => {
		document.body.innerHTML = '<p>On <b>OVH</b>cloud and <i>Scaleway</i></p>';
		const [flow] = [...collector().flows(document.body)];
		expect(flow!.text).toBe('On OVHcloud and Scaleway');
		const start = positionAt(flow!, 3);
		const end = positionAt(flow!, 11, true);
		expect([start.node.data, start.offset]).toEqual(['OVH', 0]);
		expect([end.node.data, end.offset]).toEqual(['cloud and ', 5]);
		const boundary = positionAt(flow!, 6, true);
		expect([boundary.node.data, boundary.offset]).toEqual(['OVH', 3]);
	});

	it('yields flows lazily, so a caller can stop after any number', () => {
		document.body.innerHTML = Array.from({ length: 50 }, (_, index) => `<p>Paragraph ${index}</p>`).join('');
		const iterator = collector().flows(document.body);
		expect(iterator.next().value?.text).toBe('Paragraph 0');
		expect(iterator.next().value?.text).toBe('Paragraph 1');
	});

	describe('probedFlows', () => {
		/** Enough text for several chunks, with inline tags, <br>s, skipped subtrees and short nodes at every turn. */
		const bigPage = (): string => Array.from({ length: 400 }, (_, index) => {
			const name = index % 37 === 0 ? 'AWS' : 'cloud';
			return `<p>Paragraph ${index} says <b>${name}</b> then<br>more <i>words</i> x ${'lorem ipsum dolor '.repeat(8)}</p>${index % 50 === 0 ? '<script>var a = "Azure";</script><div>a</div>' : ''}`;
		}).join('');
		const only = (flows: Iterable<Flow | null>): Flow[] => [...flows].filter((flow): flow is Flow => flow !== null);

		it('yields exactly the flows a plain walk yields when every chunk is kept', () => {
			document.body.innerHTML = bigPage();
			const plain = [...collector().flows(document.body)];
			const probed = only(collector().probedFlows(document.body, () => true));
			expect(probed.map((flow) => flow.text)).toEqual(plain.map((flow) => flow.text));
			expect(probed.map((flow) => flow.block)).toEqual(plain.map((flow) => flow.block));
		});

		it('still yields every flow holding a name when only some chunks are kept', () => {
			document.body.innerHTML = bigPage();
			const plain = [...collector().flows(document.body)].filter((flow) => flow.text.includes('AWS'));
			let kept = 0;
			// Keeps every other chunk that holds the name, so the walk alternates between probing and walking.
			const probed = only(collector().probedFlows(document.body, (text) => text.includes('AWS') && kept++ % 2 === 0)).filter((flow) => flow.text.includes('AWS'));
			const all = only(collector().probedFlows(document.body, (text) => text.includes('AWS'))).filter((flow) => flow.text.includes('AWS'));
			expect(all.map((flow) => flow.text)).toEqual(plain.map((flow) => flow.text));
			expect(probed.length).toBeGreaterThan(0);
			expect(probed.length).toBeLessThan(plain.length);
		});

		it('reads nothing block by block when no chunk may hold a name', () => {
			document.body.innerHTML = bigPage();
			const steps = [...collector().probedFlows(document.body, () => false)];
			expect(steps.length).toBeGreaterThan(2);
			expect(steps.every((step) => step === null)).toBe(true);
		});
	});
});

