/**
 * Marks every mention with the CSS Custom Highlight API: no element is added
 * to the page, and 10,000 marks cost milliseconds (perf-ecosystem.md §2.3).
 * Ranges are StaticRanges: live Ranges would slow every DOM edit the page
 * makes (about 4.7× at 10k marks), StaticRanges cost nothing measurable.
 *
 * The highlight registry is shared with the page, so our names carry a random
 * part, and a page that clears the registry gets our marks re-registered.
 */
import { VERDICT_LEVELS, type VerdictLevel } from '../core/verdict/levels.ts';
import type { Hit } from './page-scan.ts';

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

export const supportsHighlights = (): boolean =>
	typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function' && typeof StaticRange === 'function';

export class Marks {
	private readonly nonce = Math.random().toString(36).slice(2, 8);
	private readonly highlights = new Map<VerdictLevel, Highlight>();
	private readonly ranges = new Map<Hit, StaticRange>();
	private readonly sheet: CSSStyleSheet | undefined;
	private readonly adoptedBy = new Set<Document | ShadowRoot>();
	readonly enabled = supportsHighlights();

	constructor() {
		if (!this.enabled) return;
		for (const level of VERDICT_LEVELS) this.highlights.set(level, new Highlight());
		try {
			const sheet = new CSSStyleSheet();
			sheet.replaceSync(VERDICT_LEVELS.map((level) =>
				`::highlight(${this.name(level)}){text-decoration:underline 2px dotted ${COLOURS[level]};text-underline-offset:3px}`).join('\n'));
			this.sheet = sheet;
		} catch {
			this.sheet = undefined;
		}
	}

	private name(level: VerdictLevel): string {
		return `wc-${this.nonce}-${level}`;
	}

	/** Styles apply per tree: the document, and each open shadow root holding marks. */
	private adopt(root: Document | ShadowRoot): void {
		if (!this.sheet || this.adoptedBy.has(root)) return;
		try {
			root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
			this.adoptedBy.add(root);
		} catch {
			// Firefox content scripts may not adopt into page-owned arrays; marks then stay invisible, badges still show.
		}
	}

	private ensureRegistered(): void {
		for (const [level, highlight] of this.highlights) {
			if (CSS.highlights.get(this.name(level)) !== highlight) CSS.highlights.set(this.name(level), highlight);
		}
	}

	add(hits: readonly Hit[]): void {
		if (!this.enabled || hits.length === 0) return;
		this.ensureRegistered();
		for (const hit of hits) {
			const root = hit.startNode.getRootNode();
			if (root instanceof Document || root instanceof ShadowRoot) this.adopt(root);
			this.set(hit);
		}
	}

	private set(hit: Hit): void {
		const old = this.ranges.get(hit);
		const highlight = this.highlights.get(hit.level);
		if (!highlight) return;
		if (old) highlight.delete(old);
		try {
			const range = new StaticRange({ startContainer: hit.startNode, startOffset: hit.startOffset, endContainer: hit.endNode, endOffset: hit.endOffset });
			highlight.add(range);
			this.ranges.set(hit, range);
		} catch {
			this.ranges.delete(hit);
		}
	}

	/** After a hit's positions changed (a badge split its text node). */
	refresh(hits: readonly Hit[]): void {
		if (!this.enabled) return;
		for (const hit of hits) if (this.ranges.has(hit)) this.set(hit);
	}

	remove(hits: readonly Hit[]): void {
		for (const hit of hits) {
			const range = this.ranges.get(hit);
			if (!range) continue;
			this.highlights.get(hit.level)?.delete(range);
			this.ranges.delete(hit);
		}
	}

	get count(): number {
		return this.ranges.size;
	}

	/** Removes every mark, the registry entries and the adopted style sheets. */
	stop(): void {
		if (!this.enabled) return;
		for (const level of this.highlights.keys()) {
			if (CSS.highlights.get(this.name(level)) === this.highlights.get(level)) CSS.highlights.delete(this.name(level));
		}
		for (const highlight of this.highlights.values()) highlight.clear();
		this.ranges.clear();
		for (const root of this.adoptedBy) {
			try {
				root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet);
			} catch {
				// The root went away with its page: nothing to restore.
			}
		}
		this.adoptedBy.clear();
	}
}
