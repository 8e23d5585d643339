/**
 * The early content script (run_at document_start). It only adopts the marks'
 * style sheet while the document is still empty, where adopting is free; see
 * mark-style.ts. It reads no page content and touches nothing else.
 */
import { createMarkStyle, EARLY_MARKS, supportsHighlights, type MarkStyle } from './mark-style.ts';

if (supportsHighlights()) {
	const style = createMarkStyle();
	try {
		if (style.sheet) document.adoptedStyleSheets = [...document.adoptedStyleSheets, style.sheet];
		(globalThis as { [EARLY_MARKS]?: MarkStyle })[EARLY_MARKS] = style;
	} catch {
		// No adoptable sheets here: the main script adopts its own later.
	}
}
