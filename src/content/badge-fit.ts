/**
 * Places where a badge, an inline box of its own, would change how the page
 * looks, so the name keeps its mark (and its card, on hover) and gets no
 * badge. Found in a review on real layouts (each: page without us, with us):
 *
 * - a flex or grid container's own text (its shadow tree's, for a slotted
 *   text): every child is an item of its own, so the badge became one, split
 *   from its name ("Hosted on AWS" | badge | " in Frankfurt", 87 px apart
 *   under `space-between`), and in a grid the rest of the row moved;
 * - after a link or control laid out as a block (menus, card links): the
 *   badge took a line of its own, a four-entry menu grew from 150 to 246 px;
 * - text cut to fit (`-webkit-line-clamp`, a one-line box that clips, a box
 *   that clips and overflows, on the paragraph or on a box a few levels
 *   around it): the badge pushed the page's last words behind the cut, and
 *   one in the hidden part, reached with Tab, scrolled the box for good;
 * - a `font-size: 0` container (a common way to close gaps between inline
 *   items): the badge showed as a dot yet took focus.
 *
 * Styles are read, and a box's size only where it clips its overflow with
 * nothing else to tell a cut (below), for every badge of a frame before any
 * goes in: a read after a change makes the browser compute it all again.
 */

/** Smaller than this, a badge (sized in the text's em) cannot be seen. */
const MIN_FONT_PX = 4;

const isInlineLevel = (display: string): boolean => display.startsWith('inline') || display === 'ruby' || display === 'contents';
const makesItems = (display: string): boolean => display.includes('flex') || display.includes('grid');
const clips = (overflow: string): boolean => overflow === 'hidden' || overflow === 'clip';

/**
 * Does this box cut its text? A line clamp does, and a one-line box that clips
 * sideways (with or without an ellipsis). Any other box that clips may only be
 * containing floats (MediaWiki's headings, Bootstrap's `.media-body`, a list
 * item beside a floated picture) or be a tall panel its text fits in: only its
 * size tells, on the axis it clips. Cut when its content overflows it now.
 */
function cutsText(element: Element, style: CSSStyleDeclaration): boolean {
	const clamp = style.getPropertyValue('-webkit-line-clamp');
	if (clamp !== '' && clamp !== 'none') return true;
	const clipsX = clips(style.overflowX);
	const clipsY = clips(style.overflowY);
	if (!clipsX && !clipsY) return false;
	// Overflow does nothing on an inline box.
	if (style.display === 'inline') return false;
	if (clipsX && (style.whiteSpace === 'nowrap' || style.whiteSpace === 'pre')) return true;
	return (clipsY && element.scrollHeight > element.clientHeight + 1) || (clipsX && element.scrollWidth > element.clientWidth + 1);
}

/**
 * How far above the paragraph a cut is looked for: an excerpt box around a
 * paragraph (`div.line-clamp-3 > p`, a `max-height` teaser) cuts it as well.
 * Not higher, and never the page's <body> or <html>, which clip while a modal
 * dialog locks scrolling, or to hide a sideways overflow.
 */
const CUT_LEVELS_ABOVE = 3;

/** The element that lays `child` out: through the slot it is assigned to, and past `display: contents`. */
function layoutParent(child: Element | Text, view: Window): Element | null {
	let element: Element | null = child.assignedSlot ?? child.parentElement;
	for (let guard = 0; element && guard < 32 && view.getComputedStyle(element).display === 'contents'; guard++) {
		const root = element.parentNode;
		element = element.assignedSlot ?? element.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
	}
	return element;
}

/**
 * Would a badge inserted right after `next` (the name's text node, or the
 * link, control or <ruby> it goes after) change the page's layout? `block` is
 * the paragraph the name is read in: the walk for cut text goes a few levels
 * above it at most.
 */
export function badgeWouldDisturb(next: Element | Text, block: Element, cuts = new Map<Element, boolean>()): boolean {
	const parent = next.parentElement;
	const view = parent?.ownerDocument.defaultView;
	if (!parent || !view) return false;
	// Names of one frame share their ancestors: each is asked once (`cuts`, kept by the caller for the frame).
	const cut = (element: Element, style?: CSSStyleDeclaration): boolean => {
		let known = cuts.get(element);
		if (known === undefined) {
			known = cutsText(element, style ?? view.getComputedStyle(element));
			cuts.set(element, known);
		}
		return known;
	};
	const style = view.getComputedStyle(parent);
	if (parseFloat(style.fontSize) < MIN_FONT_PX) return true;
	const layout = layoutParent(next, view);
	if (layout && makesItems((layout === parent ? style : view.getComputedStyle(layout)).display)) return true;
	if (next.nodeType === Node.ELEMENT_NODE && !isInlineLevel(view.getComputedStyle(next as Element).display)) return true;
	if (cut(parent, style)) return true;
	const { body, documentElement } = parent.ownerDocument;
	let above = 0;
	for (let element = parent.parentElement; element && element !== body && element !== documentElement; element = element.parentElement) {
		if (element !== block && !block.contains(element) && ++above > CUT_LEVELS_ABOVE) break;
		if (cut(element)) return true;
	}
	return false;
}
