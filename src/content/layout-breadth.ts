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

/** Containers a change inside which makes the browser lay out their children: elements and shadow roots. */
const isContainer = (node: Node): node is Element | ShadowRoot => node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.DOCUMENT_FRAGMENT_NODE;

/**
 * Element children of every ancestor of `block`: how much a change inside it
 * makes the browser lay out. The way up goes on from a shadow root to its
 * host, since the host's page is laid out with it.
 *
 * Counting walks an ancestor's children (6 ms for 20,000 of them), and a
 * page's blocks share a few ancestors, so `totals` keeps, for each ancestor
 * met, the sum from it up; the caller forgets it when the page changes. Our
 * own badges go inside blocks, so they change these counts only where a
 * block holds another block, by a few.
 */
export function layoutBreadth(block: Element, totals = new WeakMap<Node, number>()): number {
	const path: Array<Element | ShadowRoot> = [];
	let total = 0;
	for (let node = block.parentNode; node && isContainer(node); node = node instanceof ShadowRoot ? node.host : node.parentNode) {
		const known = totals.get(node);
		if (known !== undefined) {
			total = known;
			break;
		}
		path.push(node);
	}
	// From the highest new ancestor down, each total is its own children plus the total above it.
	for (let index = path.length - 1; index >= 0; index--) {
		const node = path[index]!;
		total += node.childElementCount;
		totals.set(node, total);
	}
	return total;
}
