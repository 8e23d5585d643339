// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { HitIndex, HitPlaces } from './hit-index.ts';
import type { Hit } from './page-scan.ts';

const block = document.createElement('p');
const one = document.createTextNode('AWS, Azure and AWS');
const two = document.createTextNode('Scaleway');
block.append(one, two);

const hit = (node: Text, start: number, end: number, vendor: string, endNode: Text = node): Hit => ({
	mention: { start, end, surface: '', vendor, alias: '', confidence: 1, ambiguous: false },
	level: 'unknown',
	block,
	startNode: node,
	startOffset: start,
	endNode,
	endOffset: end,
});

const same = (a: Hit, b: Hit): boolean =>
	a.startNode === b.startNode && a.startOffset === b.startOffset && a.endNode === b.endNode && a.endOffset === b.endOffset && a.mention.vendor === b.mention.vendor;

describe('HitPlaces', () => {
	const index = new HitIndex();
	const known = [hit(one, 0, 3, 'aws'), hit(one, 5, 10, 'microsoft'), hit(one, 15, 18, 'aws'), hit(two, 0, 8, 'scaleway')];
	for (const item of known) index.add(item);

	it.each([
		['the same place and vendor', hit(one, 15, 18, 'aws'), known[2]],
		['the same place, another vendor', hit(one, 15, 18, 'microsoft'), undefined],
		['another place on the same node', hit(one, 16, 18, 'aws'), undefined],
		['the same offsets on another node', hit(two, 0, 3, 'aws'), undefined],
		['a hit that ends on another node', hit(one, 15, 2, 'aws', two), undefined],
		['a node with no hits', hit(document.createTextNode('AWS'), 0, 3, 'aws'), undefined],
	])('finds %s', (_case, wanted, expected) => {
		expect(new HitPlaces((node) => index.onNode(node)).find(wanted, same)).toBe(expected);
	});

	it('reads each node\'s hits once, on its first lookup', () => {
		const reads: Text[] = [];
		const places = new HitPlaces((node) => {
			reads.push(node);
			return index.onNode(node);
		});
		for (const item of known) expect(places.find(item, same)).toBe(item);
		expect(reads).toEqual([one, two]);
	});

	it('finds a hit noted after the node was read: two rescans delivering one place together give one hit', () => {
		const places = new HitPlaces((node) => index.onNode(node));
		const fresh = hit(two, 3, 8, 'scaleway');
		expect(places.find(fresh, same)).toBeUndefined();
		places.note(fresh);
		expect(places.find(hit(two, 3, 8, 'scaleway'), same)).toBe(fresh);
	});
});
