/**
 * The style sheet that draws the marks (`::highlight()` rules), shared by the
 * early script and the marks. Adopting any style sheet makes the browser
 * restyle every element: 450 ms on a 20 MB page (npm run bench:page). Done at
 * document_start, before the page has elements, it costs nothing; so a tiny
 * early content script adopts it and leaves it on the isolated world's global
 * for the main script.
 */
import { VERDICT_LEVELS, type VerdictLevel } from '../core/verdict/levels.ts';

/**
 * Tints behind a name, translucent so the page's own text colour stays
 * readable on light and dark pages; the badge carries the letter and the label.
 *
 * A tint, not an underline: a text decoration grows the text's ink overflow,
 * so each change of marks made the browser recompute the overflow of every
 * box around it. Under a parent with 20,000 paragraphs that was 50 ms of each
 * frame that added marks, against 5 ms with a background (npm run bench:page,
 * and the one-off comparison in the note).
 */
const TINTS: Record<VerdictLevel, string> = {
	'secnumcloud': 'rgb(22 156 111 / 24%)',
	'eu-controlled': 'rgb(58 123 213 / 24%)',
	'eu-operated-non-eu-tech': 'rgb(155 107 216 / 26%)',
	'non-eu-us': 'rgb(217 130 43 / 28%)',
	'non-eu-cn': 'rgb(214 77 108 / 26%)',
	'non-eu-other': 'rgb(138 143 156 / 28%)',
	'unknown': 'rgb(138 143 156 / 28%)',
};

/** Set on the isolated world's global (invisible to the page) by the early script. */
export const EARLY_MARKS = Symbol.for('whose-cloud.early-marks');

export interface MarkStyle {
	nonce: string;
	sheet: CSSStyleSheet | undefined;
}

export const supportsHighlights = (): boolean =>
	typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function' && typeof StaticRange === 'function';

/** The registry is shared with the page: names carry a random part so a page can neither guess nor clash with them. */
export const highlightName = (nonce: string, level: VerdictLevel): string => `wc-${nonce}-${level}`;

export function createMarkStyle(): MarkStyle {
	const nonce = Math.random().toString(36).slice(2, 8);
	try {
		const sheet = new CSSStyleSheet();
		const selectors = VERDICT_LEVELS.map((level) => `::highlight(${highlightName(nonce, level)})`);
		sheet.replaceSync([
			...VERDICT_LEVELS.map((level, index) => `${selectors[index]}{background-color:${TINTS[level]}}`),
			// Forced colours (Windows high contrast) replace tints: the system's pair for marked text (Mark), or,
			// where a browser lacks it and drops the declaration, the pair for selected text.
			`@media (forced-colors:active){${selectors.join(',')}{background-color:Highlight;color:HighlightText;background-color:Mark;color:MarkText}}`,
			// A printed page is the page's own, as the badges' sheet says too.
			`@media print{${selectors.join(',')}{background-color:transparent}}`,
		].join('\n'));
		return { nonce, sheet };
	} catch {
		return { nonce, sheet: undefined };
	}
}

/** The style the early script adopted, if it ran; taken once, so a later activation makes its own. */
export function takeEarlyStyle(): MarkStyle | undefined {
	const scope = globalThis as { [EARLY_MARKS]?: MarkStyle };
	const style = scope[EARLY_MARKS];
	delete scope[EARLY_MARKS];
	return style;
}

/** Takes the early sheet away again (badges are off on this site): the page's style sheets are as they were. */
export function releaseEarlyStyle(): void {
	const style = takeEarlyStyle();
	if (!style?.sheet) return;
	try {
		document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== style.sheet);
	} catch {
		// Nothing to restore if the document refuses: the sheet only names highlights nobody registered.
	}
}
