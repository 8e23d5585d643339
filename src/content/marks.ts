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
import { createMarkStyle, highlightName, supportsHighlights, takeEarlyStyle } from './mark-style.ts';
import type { Hit } from './page-scan.ts';

export class Marks {
	private readonly nonce: string;
	private readonly highlights = new Map<VerdictLevel, Highlight>();
	private readonly ranges = new Map<Hit, StaticRange>();
	private readonly sheet: CSSStyleSheet | undefined;
	private readonly adoptedBy = new Set<Document | ShadowRoot>();
	readonly enabled = supportsHighlights();

	constructor() {
		// The early script's sheet is already adopted by the document, for free (mark-style.ts).
		const early = takeEarlyStyle();
		const style = early ?? createMarkStyle();
		this.nonce = style.nonce;
		this.sheet = style.sheet;
		if (early?.sheet && document.adoptedStyleSheets.includes(early.sheet)) this.adoptedBy.add(document);
		if (!this.enabled) return;
		for (const level of VERDICT_LEVELS) this.highlights.set(level, new Highlight());
	}

	private name(level: VerdictLevel): string {
		return highlightName(this.nonce, level);
	}

	has(hit: Hit): boolean {
		return this.ranges.has(hit);
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

	/**
	 * Puts our highlights back in the registry if the page took them out
	 * (`CSS.highlights.clear()` for its own search highlights, say). Called on
	 * each batch of the page's changes and while the pointer moves: a few map
	 * lookups, and only while there are marks.
	 */
	reassert(): void {
		if (this.enabled && this.ranges.size > 0) this.ensureRegistered();
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
