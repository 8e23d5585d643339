/**
 * Places where a badge, an inline box of its own, would change how the page
 * looks, so the name keeps its mark (and its card, on hover) and gets no
 * badge. Found in a review on real layouts (each: page without us, with us):
 *
 * - a flex or grid container's own text: every child is an item of its own,
 *   so the badge became one, split from its name ("Hosted on AWS" | badge |
 *   " in Frankfurt", 87 px apart under `space-between`), and in a grid the
 *   rest of the row moved to a new one;
 * - after a link or control laid out as a block (menus, card links): the
 *   badge took a line of its own, a four-entry menu grew from 150 to 246 px;
 * - text cut to fit (`-webkit-line-clamp`, an ellipsis, a clipping box of
 *   fixed height): the badge pushed the page's last words behind the cut, and
 *   one in the hidden part, reached with Tab, scrolled the page's box for good;
 * - a `font-size: 0` container (a common way to close gaps between inline
 *   items): the badge showed as a dot yet took focus.
 *
 * Only computed styles are read, never geometry: asking for a box's size
 * right after inserting badges would make the browser lay out the page.
 */

/** Smaller than this, a badge (sized in the text's em) cannot be seen. */
const MIN_FONT_PX = 4;

const isInlineLevel = (display: string): boolean => display.startsWith('inline') || display === 'ruby' || display === 'contents';
const makesItems = (display: string): boolean => display.includes('flex') || display.includes('grid');

const clips = (overflow: string): boolean => overflow === 'hidden' || overflow === 'clip';

/**
 * Text in a paragraph-level box that clips its overflow: a line clamp, an ellipsis, or a box of
 * fixed size (`overflow: hidden; height: 1.5em`), which only its geometry would tell apart from a
 * box that merely contains floats; both are taken as cut. (A scrolling box is not: the reader
 * scrolls it, and focus may too.)
 */
function cutsText(style: CSSStyleDeclaration): boolean {
	const clamp = style.getPropertyValue('-webkit-line-clamp');
	if (clamp !== '' && clamp !== 'none') return true;
	return clips(style.overflowX) || clips(style.overflowY);
}

/**
 * Would a badge inserted into `parent` (after `after`, a link or control, when
 * given) change the page's layout? `block` is the paragraph the name is read in:
 * the walk for cut text goes no higher.
 */
export function badgeWouldDisturb(parent: Element, block: Element, after?: Element): boolean {
	const view = parent.ownerDocument.defaultView;
	if (!view) return false;
	const style = view.getComputedStyle(parent);
	if (makesItems(style.display)) return true;
	if (parseFloat(style.fontSize) < MIN_FONT_PX) return true;
	if (after && !isInlineLevel(view.getComputedStyle(after).display)) return true;
	if (cutsText(style)) return true;
	// Up to the paragraph, when the badge goes inside it: the cut is set on the box whose lines it clips.
	for (let element = parent.parentElement; element && parent !== block && block.contains(element); element = element.parentElement) {
		if (cutsText(view.getComputedStyle(element))) return true;
	}
	return false;
}
