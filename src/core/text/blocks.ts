/**
 * Which HTML elements hold prose, shared by the content script (live DOM) and
 * the command-line scanner (parsed HTML), so both see a page the same way.
 */

/** Never prose, or never ours to touch. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
	'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup', 'button', 'svg', 'math',
	'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'head', 'title', 'meta', 'link',
]);

/** Code is skipped by default (a setting). */
export const CODE_TAGS: ReadonlySet<string> = new Set(['code', 'pre', 'kbd', 'samp', 'var']);

/** Tags that do not break a line of text; everything else starts a new block. */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
	'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'ins', 'del', 'kbd', 'label', 'mark', 'q',
	's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'big', 'tt', 'nobr', 'wbr',
]);
