/**
 * A badge in a paragraph makes the browser lay out again every element along
 * the way up from it, each with all its children. On the 20 MB bench page,
 * whose 20,000 paragraphs share one parent, that took 110-120 ms for any
 * inserted word (the page's own too), against 13-20 ms with 1,000 siblings
 * (npm run bench:page); a highlight change there took 29-37 ms. Past this
 * many children along the way up, a mention keeps its mark, which the card
 * opens from too, and gets no badge; the popup says so.
 */
export const WIDE_LAYOUT = 8000;

/**
 * Element children of every ancestor of `block`, up to `limit`: how much a
 * change inside it makes the browser lay out. The way up goes on from a
 * shadow root to its host, since the host's page is laid out with it.
 *
 * Counting walks an ancestor's children (6 ms for 20,000 of them), so the
 * counts are kept in `counts`, which the caller forgets when the page
 * changes. Our own badges go inside blocks, so they never change these
 * counts; they do make the browser forget its own, which is why they are
 * kept here.
 */
export function layoutBreadth(block: Element, limit = WIDE_LAYOUT, counts = new WeakMap<Node, number>()): number {
	let total = 0;
	for (let node = block.parentNode; node && total <= limit; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
		// The document itself ends the way up (the root element was counted).
		if (!(node instanceof Element || node instanceof ShadowRoot)) break;
		let count = counts.get(node);
		if (count === undefined) {
			count = node.childElementCount;
			counts.set(node, count);
		}
		total += count;
	}
	return total;
}
