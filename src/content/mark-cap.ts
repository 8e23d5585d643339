/**
 * How many marks one text node may carry. The browser paints a text node's
 * highlights by going through all of that node's ranges for each line it
 * draws, so a node naming thousands of vendors (one text node of 250 kB
 * naming a vendor every 25 characters, `npm run bench:page -- --pages=onenode`)
 * made every paint of it cost tens of milliseconds: one frame of 138 ms, 73 of
 * them paint. A hundred ranges on a node cost about a millisecond per paint.
 * Names past the cap keep their badges (by the density setting), their card on
 * hover and their count in the report; only the tint is left out. Each badge
 * splits the node, and each part counts on its own: with a badge on every
 * name (density "all"), every name ends up tinted, one range per part.
 */
export const MARKS_PER_TEXT_NODE = 100;

/** The hits (in text order) that may be marked: the first `cap` of each text node. */
export function withinMarkCap<T extends { startNode: Node }>(hits: readonly T[], cap = MARKS_PER_TEXT_NODE): readonly T[] {
	if (hits.length <= cap) return hits;
	const counts = new Map<Node, number>();
	return hits.filter((hit) => {
		const count = (counts.get(hit.startNode) ?? 0) + 1;
		counts.set(hit.startNode, count);
		return count <= cap;
	});
}
