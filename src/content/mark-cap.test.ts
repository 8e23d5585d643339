import { describe, expect, it } from 'vitest';
import { withinMarkCap } from './mark-cap.ts';

/** Stand-ins for text nodes: the cap only compares identities. */
const nodeA = { name: 'a' } as unknown as Node;
const nodeB = { name: 'b' } as unknown as Node;
const hitsOn = (node: Node, count: number): Array<{ startNode: Node; at: number }> => Array.from({ length: count }, (_, at) => ({ startNode: node, at }));

describe('withinMarkCap', () => {
	it.each([
		{ case: 'under the cap', hits: hitsOn(nodeA, 2), cap: 3, kept: 2 },
		{ case: 'at the cap', hits: hitsOn(nodeA, 3), cap: 3, kept: 3 },
		{ case: 'over the cap on one node', hits: hitsOn(nodeA, 5), cap: 3, kept: 3 },
		{ case: 'each node counts on its own', hits: [...hitsOn(nodeA, 3), ...hitsOn(nodeB, 3)], cap: 3, kept: 6 },
		{ case: 'two nodes, one over', hits: [...hitsOn(nodeA, 4), ...hitsOn(nodeB, 2)], cap: 3, kept: 5 },
		{ case: 'nothing', hits: [], cap: 3, kept: 0 },
	])('$case: keeps $kept', ({ hits, cap, kept }) => {
		expect(withinMarkCap(hits, cap)).toHaveLength(kept);
	});

	it('keeps the first hits of a node, in text order', () => {
		const hits = [...hitsOn(nodeA, 2), ...hitsOn(nodeB, 1), ...hitsOn(nodeA, 3).map((hit) => ({ ...hit, at: hit.at + 2 }))];
		expect(withinMarkCap(hits, 3).map((hit) => `${(hit.startNode as unknown as { name: string }).name}${hit.at}`)).toEqual(['a0', 'a1', 'b0', 'a2']);
	});
});
