// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { FlowCollector, flowIntact, openShadowRoots, pinPositions, positionAt, type Flow } from './collect.ts';

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

	it('reads a plain block whole, one-letter nodes included, and maps offsets from node lengths', () => {
		document.body.innerHTML = '<p>A<b>WS</b><i>,</i> then <a href="#">Azure</a></p>';
		const [flow] = [...collector().flows(document.body)];
		expect(flow!.text).toBe('AWS, then Azure');
		// Positions first: the nodes are listed only as far as each one needs, then to the end.
		const end = positionAt(flow!, 3, true);
		expect([end.node.data, end.offset]).toEqual(['WS', 2]);
		const azure = positionAt(flow!, 10);
		expect([azure.node.data, azure.offset]).toEqual(['Azure', 0]);
		expect(flow!.nodes.map((node) => node.data)).toEqual(['A', 'WS', ',', ' then ', 'Azure']);
		expect(flow!.starts).toEqual([0, 1, 3, 4, 10]);
	});

	it('keeps a one-letter node in a block walked node by node, as a block read whole does', () => {
		document.body.innerHTML = '<p><span>M</span>icrosoft Azure<br>AWS<i>,</i> Scaleway</p>';
		const [flow] = [...collector().flows(document.body)];
		expect(flow!.text).toBe('Microsoft Azure\nAWS, Scaleway');
	});

	it.each([
		['a nested block', '<div>Intro AWS <p>Inner Azure</p> outro Scaleway</div>', ['Intro AWS', 'Inner Azure', 'outro Scaleway']],
		['an editable inline part', '<p>AWS <span contenteditable="true">Azure draft</span> Scaleway</p>', ['AWS Scaleway']],
		['inline code with the setting on', '<p>AWS <code>azure cli</code> Scaleway</p>', ['AWS Scaleway']],
		['an image between words', '<p>AWS<img alt="">Azure</p>', ['AWS Azure']],
	])('walks node by node a block holding %s', (_name, html, expected) => {
		document.body.innerHTML = html;
		expect(texts([...collector().flows(document.body)])).toEqual(expected);
	});

	it('reads inside the walk root only, even when the root sits in a plain block', () => {
		document.body.innerHTML = '<p>Before AWS <span id="root">inside Azure</span> after Scaleway</p>';
		expect(texts([...collector().flows(document.getElementById('root')!)])).toEqual(['inside Azure']);
	});

	it('lists a whole-read flow\'s nodes as they were when pinned, so a later split shows as stale', () => {
		document.body.innerHTML = '<p>Hosted on AWS today</p>';
		const [pinned] = [...collector().flows(document.body)];
		pinPositions(pinned!);
		const [lazy] = [...collector().flows(document.body)];
		(document.querySelector('p')!.firstChild as Text).splitText(13);
		expect(flowIntact(pinned!)).toBe(false);
		// Listed only now: the nodes are the split ones, and their offsets still add up to the text.
		expect(lazy!.nodes.map((node) => node.data).join('')).toBe(lazy!.text);
		expect(flowIntact(lazy!)).toBe(true);
	});

	it.each([
		// "Hosted on AWS " ends at 14; "<b>today</b> and Azure tomorrow" follows.
		['pinned as far as its name, split after it: intact', 13, 'after', true],
		['pinned whole, split after its name: stale', Infinity, 'after', false],
		['pinned as far as its name, split before it: stale', 13, 'before', false],
	] as const)('checks a whole-read flow only as far as it was pinned: %s', (_name, until, where, intact) => {
		document.body.innerHTML = '<p>Hosted on AWS <b>today</b> and Azure tomorrow</p>';
		const [flow] = [...collector().flows(document.body)];
		pinPositions(flow!, until);
		const paragraph = document.querySelector('p')!;
		if (where === 'after') (paragraph.lastChild as Text).splitText(5);
		else (paragraph.firstChild as Text).splitText(4);
		expect(flowIntact(flow!, until)).toBe(intact);
	});

	it('forgets what it knew of an element moved elsewhere, and of everything under it', () => {
		document.body.innerHTML = '<p id="a">One<br><span id="s">runs on <b id="b">Scaleway</b></span></p><div id="c"><p id="d">Two</p></div>';
		const flows = collector();
		const [span, bold] = [document.getElementById('s')!, document.getElementById('b')!];
		expect([flows.classify(span), flows.classify(bold)]).toEqual([{ skip: false, block: document.getElementById('a') }, { skip: false, block: document.getElementById('a') }]);
		document.getElementById('d')!.append(span);
		// Memoised: still the old paragraph, until told.
		expect(flows.classify(bold)).toEqual({ skip: false, block: document.getElementById('a') });
		flows.forgetSubtree(span);
		expect([flows.classify(span), flows.classify(bold)]).toEqual([{ skip: false, block: document.getElementById('d') }, { skip: false, block: document.getElementById('d') }]);
	});

	it('yields flows lazily, so a caller can stop after any number', () => {
		document.body.innerHTML = Array.from({ length: 50 }, (_, index) => `<p>Paragraph ${index}</p>`).join('');
		const iterator = collector().flows(document.body);
		expect(iterator.next().value?.text).toBe('Paragraph 0');
		expect(iterator.next().value?.text).toBe('Paragraph 1');
	});
});

describe('openShadowRoots', () => {
	const hosts = (roots: Iterable<ShadowRoot | undefined>) => [...roots].filter((root) => root !== undefined).map((root) => root.host.id);
	const attach = (...ids: string[]) => {
		for (const id of ids) document.getElementById(id)!.attachShadow({ mode: 'open' }).innerHTML = '<p>inside</p>';
	};

	beforeEach(() => {
		document.body.innerHTML = [
			'<p id="plain">Text <b>bold <span id="in-plain">x</span></b> and <span id="bare">y</span></p>',
			'<div id="block-host">light <span id="slotted">text</span></div>',
			'<section><p>More text <i>here</i></p><x-card id="custom">z</x-card></section>',
			'<p id="mixed">Text <x-chip id="in-mixed"></x-chip> <span id="span-mixed">w</span></p>',
		].join('');
		attach('in-plain', 'block-host', 'slotted', 'custom', 'in-mixed', 'span-mixed');
	});

	it('finds every open shadow root, in spans inside paragraphs of inline tags too', () => {
		expect(hosts(openShadowRoots(document.body))).toEqual(['in-plain', 'block-host', 'slotted', 'custom', 'in-mixed', 'span-mixed']);
	});

	it('includes its root when the root is a host (a web component the page just added)', () => {
		const added = document.createElement('x-later');
		added.id = 'later';
		added.attachShadow({ mode: 'open' }).innerHTML = '<p>AWS</p>';
		document.body.append(added);
		expect(hosts(openShadowRoots(added))).toEqual(['later']);
	});

	it('stays inside its root', () => {
		document.body.innerHTML = '<div id="root"><p>one <b>two</b></p></div><p id="after"><span id="outside">x</span></p>';
		attach('outside');
		expect(hosts(openShadowRoots(document.getElementById('root')!))).toEqual([]);
	});
});
