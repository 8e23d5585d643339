/**
 * The style sheet that draws the marks (`::highlight()` rules), shared by the
 * early script and the marks. Adopting any style sheet makes the browser
 * restyle every element: 450 ms on a 20 MB page (npm run bench:page). Done at
 * document_start, before the page has elements, it costs nothing; so a tiny
 * early content script adopts it and leaves it on the isolated world's global
 * for the main script.
 */
import { VERDICT_LEVELS, type VerdictLevel } from '../core/verdict/levels.ts';

/** Underline colours readable on light and dark pages; the badge carries the letter and the label. */
const COLOURS: Record<VerdictLevel, string> = {
	'secnumcloud': '#169c6f',
	'eu-controlled': '#3a7bd5',
	'eu-operated-non-eu-tech': '#9b6bd8',
	'non-eu-us': '#d9822b',
	'non-eu-cn': '#d64d6c',
	'non-eu-other': '#8a8f9c',
	'unknown': '#8a8f9c',
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
		sheet.replaceSync(VERDICT_LEVELS.map((level) =>
			`::highlight(${highlightName(nonce, level)}){text-decoration:underline 2px dotted ${COLOURS[level]};text-underline-offset:3px}`).join('\n'));
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
