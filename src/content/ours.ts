/**
 * How our own nodes are recognised: one custom element name for every host we
 * insert. The name carries a per-load random suffix, so a page cannot style
 * or query it by a fixed selector, and scanning can always skip it.
 */
const suffix = Math.random().toString(36).slice(2, 8);
export const HOST_TAG = `whose-cloud-${suffix}`;

export const isOurs = (element: Element): boolean => element.localName === HOST_TAG;

/** The hosts we made, as opposed to copies of them a page makes from its own markup. */
const made = new WeakSet<Element>();

/** A host of ours: a badge or the card, each with its UI in a shadow root. */
export function createHost(): HTMLElement {
	const host = document.createElement(HOST_TAG);
	made.add(host);
	return host;
}

/**
 * A copy of one of our hosts made by the page: `innerHTML` read and written
 * back, `cloneNode` of a paragraph (a carousel's clones), markup pasted into
 * an editor. It has our name but no shadow root, so it shows nothing; it
 * splits the page's text where our badge had, and it would stay in the page
 * once badges are off.
 */
export const isCopyOfOurs = (element: Element): boolean => isOurs(element) && !made.has(element);
