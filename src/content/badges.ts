/**
 * Badges and marks: a small element beside a mention, and the tint behind
 * the name, built only when its paragraph comes near the viewport
 * (near-viewport.ts), at most BADGES_PER_FRAME badges per animation
 * frame, so a 20 MB page costs what its visible part costs.
 *
 * A badge is a closed shadow root on an element with a random tag name: the
 * page's CSS cannot restyle it and its CSS cannot leak out. To sit right
 * after the mention it splits the mention's text node; every split is
 * recorded and undone on removal, so turning badges off restores the DOM
 * exactly (same nodes, same text).
 */
import { WORD_CHAR } from '../core/match/pattern.ts';
import { sameOccurrence } from '../core/text/occurrence.ts';
import { LEVEL_LABELS, type VerdictLevel } from '../core/verdict/levels.ts';
import type { CompactIndex } from '../core/compact.ts';
import type { Settings } from '../core/settings.ts';
import { currentLang } from '../shared/i18n.ts';
import { GLYPH_GRID, glyphLayers } from './badge-glyphs.ts';
import type { HitIndex } from './hit-index.ts';
import type { TextChange } from './watch.ts';
import type { Marks } from './marks.ts';
import { CopyGuard, KEEP_OUT_OF_COPIES } from './copy-guard.ts';
import { Fights } from './fights.ts';
import { readEdit } from './page-edit.ts';
import { badgeWouldDisturb } from './badge-fit.ts';
import { layoutBreadth, WIDE_LAYOUT } from './layout-breadth.ts';
import { withinMarkCap } from './mark-cap.ts';
import { NearViewport } from './near-viewport.ts';
import { createHost } from './ours.ts';
import type { Hit } from './page-scan.ts';

const BADGES_PER_FRAME = 40;
/**
 * Frames that insert badges are at least this far apart. Each one makes the
 * browser lay out the paragraphs around them, and on a long page with one
 * parent for thousands of paragraphs that is the whole page (25 ms at 5 MB,
 * over 100 ms at 20 MB, npm run bench:page): while the page scrolls, paragraphs
 * come near one frame after another, and without a gap every frame paid it.
 * Badges are built a screen ahead, so at a reading pace they are still ready
 * before their paragraph shows.
 */
const FLUSH_GAP_MS = 150;
/**
 * While the page scrolls, badges wait until it has been still this long:
 * each frame that inserts them lays out the paragraphs around them, and
 * during a fast scroll on the 5 MB bench page those frames took 50–83 ms
 * against 17 ms without us (npm run bench:page). Nobody reads while the
 * page flies by; badges come a moment after it stops. A page that never
 * stops scrolling (an animation) gets them after MAX_SCROLL_WAIT_MS anyway.
 */
const SCROLL_SETTLE_MS = 120;
const MAX_SCROLL_WAIT_MS = 1000;
/** A change to a block with no badge put in it or beside it for this long is the page's own doing. */
const QUIET_MS = 1000;

const BACKGROUNDS: Record<VerdictLevel, string> = {
	'secnumcloud': '#0b6e4f',
	'eu-controlled': '#1d5fa8',
	'eu-operated-non-eu-tech': '#6b3fa5',
	'non-eu-us': '#a3470d',
	'non-eu-cn': '#a11d3a',
	'non-eu-other': '#555b66',
	'unknown': '#555b66',
};

/** One grid unit of the drawn letter (badge-glyphs.ts), in the badge's em: the letter is about a bold face's capital. */
const GLYPH_UNIT = 0.054;
/** In the labelled style the letter starts this far in from the badge's left edge, and the words this far after it. */
const GLYPH_INSET = 0.3;
const LABEL_GAP = 0.32;

/*
 * The host is inline and the badge one childless inline-block: Chromium's find-in-page passes over
 * such a box, but stops at text, generated content, an image or an inline-block holding anything
 * (badge-glyphs.ts), so "OVHcloud hosting" is still found across a badge. The labelled style's words are text, and do stop it: that style is the reader's choice.
 * The badge is selectable, so that a triple click selects the whole paragraph; copy-guard.ts keeps it
 * out of what is copied.
 */
/*
 * `all:initial` would reset the host's white-space to normal, and a badge in a `nowrap` line (a table
 * cell, a one-line card title) then let the line break at it: the host takes the line's white-space back.
 * A word joiner in generated content ties the badge to the name before it: a line may break before
 * a box, and a badge after a name that ended a line started the next line alone. Generated content
 * is neither copied nor selected, and a zero-width joiner does not stop find-in-page (tested).
 */
const BADGE_CSS = `
:host{all:initial!important;display:inline!important;font-size:inherit!important;white-space:inherit!important;line-height:1!important;margin:0!important;margin-inline-start:.18em!important;vertical-align:baseline!important;position:static!important;visibility:visible!important;opacity:1!important}
:host::before{content:"\\2060"}
.b{display:inline-block;box-sizing:border-box;height:1.15em;width:1.3em;border-radius:.3em;font:700 .68em/1 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
cursor:help;vertical-align:-.1em;border:1px solid rgba(255,255,255,.55)}
/* Its words are the extension's (English or French): left to right, set apart from a right-to-left page;
   the host's margin follows the page's direction. Never selected: the selection's text ("Search for…",
   "Translate", a page's quote button) must be the page's own. In a column narrower than its words it
   ends with an ellipsis (its full words are its label); overflow:clip, unlike hidden, keeps the baseline. */
.b.lab{width:auto;padding:0 .34em 0 ${GLYPH_INSET + GLYPH_GRID.width * GLYPH_UNIT + LABEL_GAP}em;color:#fff;font-weight:600;line-height:calc(1.15em - 2px);
white-space:nowrap;direction:ltr;unicode-bidi:isolate;vertical-align:.18em;user-select:none;-webkit-user-select:none;
max-width:100%;overflow:clip;text-overflow:ellipsis}
.b:focus{outline:none}
.b:focus-visible{outline:2px solid #1f4fbf;outline-offset:2px;box-shadow:0 0 0 4px #fff}
@media (forced-colors:active){.b{border-color:CanvasText;forced-color-adjust:none}}
@media print{:host{display:none!important}}
${Object.entries(BACKGROUNDS).map(([level, colour]) => [
		`.b[data-level="${level}"]{background:${glyphLayers(level as VerdictLevel, GLYPH_UNIT)},${colour}}`,
		`.b.lab[data-level="${level}"]{background:${glyphLayers(level as VerdictLevel, GLYPH_UNIT, GLYPH_INSET)},${colour}}`,
	].join('\n')).join('\n')}
`;

export interface BadgeEvents {
	/** Pointer entered or focus landed on a badge. */
	enter(hit: Hit, anchor: Element, byKeyboard: boolean): void;
	leave(hit: Hit): void;
	/** Enter, Space or a click: open the card and move focus into it. */
	activate(hit: Hit, anchor: Element): void;
	/** Returns whether it closed something: then the key is ours, not the page's. */
	escape(): boolean;
}

interface Insertion {
	hit: Hit;
	host: HTMLElement;
	/**
	 * The text node the badge follows; the split tail, when there is one, comes right after the
	 * badge. Undefined when the badge follows a whole link or control instead (see `insert`).
	 */
	head: Text | undefined;
	tail: Text | undefined;
	/**
	 * When it went in (or was last put back), its block's parent then, and the text of the node
	 * it split, as it was: to tell a page that fights badges (fights.ts).
	 */
	placedAt: number;
	parent: Element | null;
	text: string;
}

/**
 * The root a Vue 3 app mounts in (Vue marks it). Vue makes a template's
 * static part once and then copies the first mounted copy node by node, up
 * to the last node it knows: a text node we split there ends with our half,
 * so every copy lost the words after the name, for good (a helper's review,
 * Vue 3.5 with a compiled template, new list rows). A server-rendered app
 * (`createSSRApp`) gets no mark from Vue: Nuxt's root counts too, and Vue 2's
 * server-rendered one. (A bare `#app` would take in every other kind of app,
 * and cost their long paragraphs their badges.) Inside one, a badge goes
 * after the whole text node, never splitting it; when more than VUE_TAIL_MAX
 * characters follow the name there, the badge would sit too far from it, and
 * the name keeps its mark only.
 */
const VUE_APP = '[data-v-app], #__nuxt, [data-server-rendered]';
const VUE_TAIL_MAX = 80;

/** A badge inside these would be a control nested in a control, and a click on it would follow the link. */
const INTERACTIVE = 'a[href], button, summary, label, select, [role="link"], [role="button"], [role="tab"], [role="menuitem"]';

export interface BadgeDeps {
	index: HitIndex;
	marks: Marks;
	compact: CompactIndex;
	settings: Pick<Settings, 'density' | 'badgeStyle'>;
	events: BadgeEvents;
	/** Runs a DOM change of ours without the watcher treating it as a page change. */
	quietly: (change: () => void) => void;
	/** A text node a badge follows: the page's rewrites, moves or removal of it must reach `pageTouched` at once. */
	watchText: (node: Text) => void;
	/** A block too wide to badge cheaply (WIDE_LAYOUT) keeps its marks only. */
	onMarksOnly: () => void;
	signal: AbortSignal;
}

/** "AWS — Non-EU control, US law: controlled from the United States; CLOUD Act applies" */
function accessibleName(hit: Hit, compact: CompactIndex): string {
	const lang = currentLang();
	const entry = compact.entries[hit.mention.offering ?? hit.mention.vendor] ?? compact.entries[hit.mention.vendor];
	const name = entry?.names[lang] ?? hit.mention.surface;
	const summary = entry?.summary?.[lang];
	// French puts a space before the colon.
	return `${name} — ${LEVEL_LABELS[hit.level][lang]}${summary ? `${lang === 'fr' ? ' :' : ':'} ${summary}` : ''}`;
}

/** Is there a word character at `at` in `data`? A name glued to a word ("AWSX") is another word: the rescan decides. */
const wordAt = (data: string, at: number): boolean => at >= 0 && at < data.length && WORD_CHAR.test(data[at]!);

/** Does `surface`, at `start` of `data`, stand as a word of its own? */
const standsAlone = (data: string, start: number, surface: string): boolean => !wordAt(data, start - 1) && !wordAt(data, start + surface.length);

export class Badges {
	private readonly insertions = new Map<Hit, Insertion>();
	/** Split nodes: which insertion's badge follows each head node, to keep records right across merges. */
	private readonly headOf = new Map<Text, Set<Insertion>>();
	private readonly viewport: NearViewport;
	/** Blocks near the viewport whose badges are still to build. */
	private readonly queue = new Set<Element>();
	/** Blocks that got marks only, for their breadth (layout-breadth.ts). */
	private readonly marksOnly = new Set<Element>();
	/** Mentions whose badge would change the page's layout (badge-fit.ts): they keep their marks only. */
	private readonly refused = new WeakSet<Hit>();
	/** For each ancestor of the blocks, its children and those of its own ancestors, counted once until the page changes (layout-breadth.ts). */
	private childCounts = new WeakMap<Node, number>();
	private frame = 0;
	private lastFlush = -Infinity;
	/** Since when blocks have waited for a flush (the scroll wait has a limit). */
	private waitingSince: number | undefined;
	private gapTimer: ReturnType<typeof setTimeout> | undefined;
	private sheet: CSSStyleSheet | undefined;
	private readonly fights = new Fights();
	/** Blocks that got marks only while their page fought badges, to badge once they have rested. */
	private readonly resting = new Set<Element>();
	private restTimer: ReturnType<typeof setTimeout> | undefined;
	private restDue = 0;
	private readonly copyGuard: CopyGuard;
	/** When we last put a badge in each block, and in each block's parent (`pageWrote`). */
	private readonly lastPlaced = new WeakMap<Element, number>();
	/** New text nodes that names of a replaced node moved into (`follow`). */
	private readonly followedInto = new WeakSet<Text>();

	constructor(private readonly deps: BadgeDeps) {
		this.viewport = new NearViewport(deps.signal, (blocks) => {
			for (const block of blocks) this.queue.add(block);
			this.schedule();
		});
		this.copyGuard = new CopyGuard(deps.signal);
		try {
			this.sheet = new CSSStyleSheet();
			this.sheet.replaceSync(BADGE_CSS);
		} catch {
			this.sheet = undefined;
		}
	}

	get count(): number {
		return this.insertions.size;
	}

	/** An open shadow root the scan entered: its scrolling moves blocks too. */
	watchScrolling(root: ShadowRoot): void {
		this.viewport.watchScrolling(root);
	}

	/**
	 * The page changed: children counted before may have changed too. A block
	 * given marks only that is now narrow enough gets its badges: near the
	 * viewport now, since the observer reports it only when it comes near
	 * again; elsewhere, then. Counted here, in idle time, not in the frame.
	 */
	pageChanged(): void {
		this.childCounts = new WeakMap();
		for (const block of this.marksOnly) {
			if (block.isConnected && layoutBreadth(block, this.childCounts) > WIDE_LAYOUT) continue;
			this.marksOnly.delete(block);
			if (block.isConnected && this.viewport.isNear(block)) this.queue.add(block);
		}
		this.schedule();
	}

	/** Blocks with new hits: badge them when they come near the viewport. */
	watch(blocks: ReadonlySet<Element>): void {
		for (const block of blocks) {
			// Measured now, in the scan's idle time, so that the frame that draws the block finds the counts
			// kept: a count under a very wide parent costs milliseconds.
			layoutBreadth(block, this.childCounts);
			// Already near the viewport: new hits there get their badges now; elsewhere they wait for it.
			if (this.viewport.isNear(block)) {
				this.queue.add(block);
				this.schedule();
				// Until their badges come, a page that puts new text nodes in place of theirs (a line written
				// on every frame) would leave them pointing at nodes gone by the time the badge frame runs.
				for (const hit of this.deps.index.forBlock(block)) if (!this.insertions.has(hit)) this.deps.watchText(hit.endNode);
			}
		}
		this.viewport.track(blocks);
	}

	/** When the next flush may run: FLUSH_GAP_MS after the last, and once scrolling has settled (SCROLL_SETTLE_MS). */
	private dueAt(now: number): number {
		this.waitingSince ??= now;
		const afterGap = this.lastFlush + FLUSH_GAP_MS;
		if (now - this.waitingSince >= MAX_SCROLL_WAIT_MS) return afterGap;
		return Math.max(afterGap, this.viewport.lastScrollAt + SCROLL_SETTLE_MS);
	}

	private schedule(): void {
		if (this.frame || this.gapTimer !== undefined || this.deps.signal.aborted || this.queue.size === 0) return;
		const wait = this.dueAt(performance.now()) - performance.now();
		if (wait > 0) {
			this.gapTimer = setTimeout(() => {
				this.gapTimer = undefined;
				this.schedule();
			}, wait);
			return;
		}
		this.frame = requestAnimationFrame((now) => {
			this.frame = 0;
			// Scrolling may have begun since this frame was asked for.
			if (this.dueAt(now) > now) {
				this.schedule();
				return;
			}
			this.lastFlush = now;
			this.waitingSince = undefined;
			this.flush();
		});
	}

	/** Which of a block's hits (in text order, still on the page) get a badge, by the density setting. */
	private wanted(hits: Hit[]): Hit[] {
		if (this.deps.settings.density === 'all') return hits;
		const seen = new Set<string>();
		return hits.filter((hit) => {
			const key = hit.mention.offering ?? hit.mention.vendor;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
	}

	private flush(): void {
		let budget = BADGES_PER_FRAME;
		const now = performance.now();
		const planned: Array<[Hit, { after: Element | Text | undefined }]> = [];
		/** Which boxes cut their text (badge-fit.ts), asked once per frame. */
		const cuts = new Map<Element, boolean>();
		for (const block of this.queue) {
			// Marks too are drawn only near the viewport: every change to a highlight repaints the
			// page, and its cost grows with the number of ranges (npm run bench:page).
			const hits = this.deps.index.forBlock(block);
			this.deps.marks.add(withinMarkCap(hits).filter((hit) => !this.deps.marks.has(hit) && hit.startNode.isConnected));
			this.fights.confirm(block, () => hits.filter((hit) => !this.insertions.has(hit) && hit.endNode.isConnected).map((hit) => hit.endNode), now);
			const restUntil = this.fights.restingUntil(block, now);
			if (restUntil) {
				this.queue.delete(block);
				this.rest(block, restUntil - now);
				if (hits.length > 0) this.deps.onMarksOnly();
				continue;
			}
			if (layoutBreadth(block, this.childCounts) > WIDE_LAYOUT) {
				this.queue.delete(block);
				this.marksOnly.add(block);
				if (hits.length > 0) this.deps.onMarksOnly();
				continue;
			}
			const pending = this.wanted(hits.filter((hit) => hit.startNode.isConnected && hit.endNode.isConnected)).filter((hit) => !this.insertions.has(hit) && !this.refused.has(hit));
			// Last first: splitting at a later offset never moves an earlier mention.
			pending.sort((a, b) => b.mention.start - a.mention.start);
			for (const hit of pending) {
				if (budget-- <= 0) break;
				const spot = this.spot(hit, cuts);
				if (spot) planned.push([hit, spot]);
			}
			if (budget <= 0) break;
			this.queue.delete(block);
		}
		// Every spot of the frame is read before any badge goes in: a style or size read after a change
		// makes the browser compute styles (or lay out) again, once per block.
		for (const [hit, spot] of planned) this.insert(hit, spot, now);
		this.schedule();
	}

	/** Leaves a fought block with its marks only, and queues it again once it has rested (fights.ts). */
	private rest(block: Element, wait: number): void {
		this.resting.add(block);
		const due = performance.now() + wait;
		if (this.restTimer !== undefined && this.restDue <= due) return;
		clearTimeout(this.restTimer);
		this.restDue = due;
		this.restTimer = setTimeout(() => {
			this.restTimer = undefined;
			const now = performance.now();
			let next = Infinity;
			for (const waiting of this.resting) {
				const until = waiting.isConnected ? this.fights.restingUntil(waiting, now) : 0;
				if (until) {
					next = Math.min(next, until - now);
					continue;
				}
				this.resting.delete(waiting);
				// Elsewhere on the page, the viewport observer queues it when it comes near.
				if (waiting.isConnected && this.viewport.isNear(waiting)) this.queue.add(waiting);
			}
			const [first] = this.resting;
			if (first) this.rest(first, next);
			this.schedule();
		}, wait);
	}

	private createHost(hit: Hit): HTMLElement {
		const host = createHost();
		// Focusing the host (the card giving focus back) focuses the badge inside.
		const shadow = host.attachShadow({ mode: 'closed', delegatesFocus: true });
		if (this.sheet) {
			try {
				shadow.adoptedStyleSheets = this.copyGuard.sheet ? [this.sheet, this.copyGuard.sheet] : [this.sheet];
			} catch {
				this.sheet = undefined;
			}
		}
		if (!this.sheet) {
			const style = document.createElement('style');
			// Without a sheet to switch, badges stay out of copies for good (copy-guard.ts).
			style.textContent = BADGE_CSS + KEEP_OUT_OF_COPIES;
			shadow.append(style);
		}
		const badge = document.createElement('span');
		badge.className = 'b';
		badge.dataset.level = hit.level;
		badge.setAttribute('role', 'button');
		badge.setAttribute('tabindex', '0');
		badge.setAttribute('aria-label', accessibleName(hit, this.deps.compact));
		// Its name is in the extension's language, not the page's: a screen reader reads it with the right voice.
		badge.lang = currentLang();
		badge.setAttribute('aria-haspopup', 'dialog');
		// The letter is the badge's background (badge-glyphs.ts); the labelled style adds words after it.
		if (this.deps.settings.badgeStyle === 'labelled') {
			badge.classList.add('lab');
			badge.textContent = LEVEL_LABELS[hit.level][currentLang()];
		}
		shadow.append(badge);
		this.listen(badge, host, hit);
		return host;
	}

	private listen(badge: HTMLElement, host: HTMLElement, hit: Hit): void {
		const { events } = this.deps;
		const options = { signal: this.deps.signal };
		badge.addEventListener('pointerenter', () => events.enter(hit, host, false), options);
		badge.addEventListener('pointerleave', () => events.leave(hit), options);
		badge.addEventListener('focus', () => events.enter(hit, host, true), options);
		badge.addEventListener('blur', () => events.leave(hit), options);
		badge.addEventListener('keydown', (event) => {
			if (event.key === 'Enter' || event.key === ' ') {
				event.preventDefault();
				// The page's own key handlers (a clickable box around the text) must not act on our key too.
				event.stopPropagation();
				events.activate(hit, host);
			} else if (event.key === 'Escape') {
				if (events.escape()) event.preventDefault();
			}
		}, options);
		badge.addEventListener('keyup', (event) => {
			if (event.key === 'Enter' || event.key === ' ') {
				event.preventDefault();
				event.stopPropagation();
			}
		}, options);
		// A middle click is the page's to act on only outside the badge.
		badge.addEventListener('auxclick', (event) => {
			event.preventDefault();
			event.stopPropagation();
		}, options);
		// A badge inside a link must not follow the link.
		badge.addEventListener('click', (event) => {
			event.preventDefault();
			event.stopPropagation();
			events.activate(hit, host);
		}, options);
	}

	/**
	 * Where the hit's badge would go: after an element (a link, a control, a <ruby>), or into its
	 * text node (`after` undefined). Undefined when it gets none. Reads only: no DOM change.
	 */
	private spot(hit: Hit, cuts: Map<Element, boolean>): { after: Element | Text | undefined } | undefined {
		const node = hit.endNode;
		const at = hit.endOffset;
		const parent = node.parentElement;
		if (!parent || at <= 0 || at > node.data.length) return undefined;
		// Made editable since it was read (the rescan that drops it is on its way): a badge there would be saved with the text.
		if (parent.isContentEditable) return undefined;
		// Inside a link the badge goes right after the link: no nested controls, no split needed.
		const control = parent.closest(INTERACTIVE);
		// A control around the whole block (a link around a card's heading, a clickable box): a badge
		// after it would sit apart from the name, and one inside would be part of the control (a middle
		// click on it opened the link; its label read the badge's). The name keeps its mark and its card.
		if (control && (control === hit.block || control.contains(hit.block))) return undefined;
		// After a <ruby> too: inside its base, the badge became part of the text its annotation is centred over.
		const outer = control ?? parent.closest('ruby');
		let after: Element | Text | undefined = outer && (outer === hit.block || hit.block.contains(outer)) ? outer : undefined;
		if (after && !after.parentElement) return undefined;
		// In a Vue app, after the whole text node, or none (see VUE_APP).
		if (!after && at < node.data.length && parent.closest(VUE_APP)) {
			if (node.data.length - at > VUE_TAIL_MAX) return this.refuse(hit);
			after = node;
		}
		// A badge that would change how the page looks (badge-fit.ts).
		if (badgeWouldDisturb(after ?? node, hit.block, cuts)) return this.refuse(hit);
		return { after };
	}

	/** No badge for this mention, for good: it keeps its mark and its card, and the popup says some names have no badge. */
	private refuse(hit: Hit): undefined {
		this.refused.add(hit);
		this.deps.onMarksOnly();
		return undefined;
	}

	/** `now`: the flush's time, the same for every badge it places (fights.ts counts them as one). */
	private insert(hit: Hit, spot: { after: Element | Text | undefined }, now: number): void {
		const host = this.createHost(hit);
		const after = spot.after;
		if (after) {
			this.deps.quietly(() => after.after(host));
			this.insertions.set(hit, { hit, host, head: undefined, tail: undefined, placedAt: now, parent: hit.block.parentElement, text: '' });
			return;
		}
		this.place(hit, host, now);
	}

	private notePlaced(block: Element, now: number): void {
		this.lastPlaced.set(block, now);
		if (block.parentElement) this.lastPlaced.set(block.parentElement, now);
	}

	/**
	 * The page changed `block`. With no badge of ours put in it or beside it
	 * for a while, that cannot be an answer to one: the page writes there on
	 * its own, and its rewrites are no fight (fights.ts).
	 */
	pageWrote(block: Element): void {
		const now = performance.now();
		const parent = block.parentElement;
		const lately = (element: Element | null): boolean => element !== null && now - (this.lastPlaced.get(element) ?? -Infinity) < QUIET_MS;
		if (lately(block) || lately(parent)) return;
		this.fights.sawLive(block, now);
		if (parent) this.fights.sawLive(parent, now);
	}

	/** Puts `host` right after the hit's name, splitting its text node there. */
	private place(hit: Hit, host: HTMLElement, now: number): void {
		const node = hit.endNode;
		const at = hit.endOffset;
		let tail: Text | undefined;
		let placed = false;
		let text = '';
		this.deps.quietly(() => {
			// The page's pending changes, handled first, may have taken the node away.
			if (!node.parentNode || at > node.data.length) return;
			text = node.data;
			if (at < node.data.length) {
				tail = node.splitText(at);
				this.deps.marks.refresh(this.deps.index.moveAfterSplit(node, tail, at));
				this.retargetHeads(node, tail);
			}
			node.after(host);
			placed = true;
		});
		if (!placed) return;
		const insertion: Insertion = { hit, host, head: node, tail, placedAt: now, parent: hit.block.parentElement, text };
		this.notePlaced(hit.block, now);
		this.insertions.set(hit, insertion);
		this.linkHead(insertion);
	}

	/** After splitting `node`, badges that followed its end now follow `tail`. */
	private retargetHeads(node: Text, tail: Text): void {
		for (const insertion of [...(this.headOf.get(node) ?? [])]) {
			if (insertion.host.previousSibling === node) continue;
			this.unlinkHead(insertion);
			insertion.head = tail;
			this.linkHead(insertion);
		}
	}

	private linkHead(insertion: Insertion): void {
		if (!insertion.head) return;
		let set = this.headOf.get(insertion.head);
		if (!set) {
			this.headOf.set(insertion.head, (set = new Set()));
			this.deps.watchText(insertion.head);
		}
		set.add(insertion);
	}

	private unlinkHead(insertion: Insertion): void {
		if (!insertion.head) return;
		const set = this.headOf.get(insertion.head);
		set?.delete(insertion);
		if (set?.size === 0) this.headOf.delete(insertion.head);
	}

	/**
	 * Removes a badge and merges the split it made, if the page left both
	 * halves in place: side by side, or, `acrossPageNodes`, with nodes the page
	 * put between them (see `pageInsertedBefore`).
	 */
	private undo(insertion: Insertion, acrossPageNodes = false): void {
		this.insertions.delete(insertion.hit);
		this.unlinkHead(insertion);
		const { host, head, tail } = insertion;
		this.deps.quietly(() => {
			host.remove();
			if (head && tail && tail.parentNode && head.parentNode === tail.parentNode && (acrossPageNodes || head.nextSibling === tail)) {
				this.mergeInto(head, tail);
				// Badges that followed the tail now follow the merged head.
				for (const other of [...(this.headOf.get(tail) ?? [])]) {
					this.unlinkHead(other);
					other.head = head;
					this.linkHead(other);
				}
			}
		});
	}

	/**
	 * The page rewrote, moved or removed a text node that we split: it
	 * believes the node holds the whole text, so our badge and split-off half
	 * go now (and any badge split further along that half). When the page
	 * rewrote the node, the half's old words go with it; when it only moved or
	 * removed the node, they go back into it first, so that the node holds all
	 * of the page's text wherever the page put it.
	 *
	 * Returns the hits on those nodes, for the caller to drop: their places
	 * are stale (new words, or a node in another block), and the rescan that
	 * follows finds them again, with badges.
	 */
	pageTouched(node: Text, change: TextChange): Hit[] {
		// Called for each text record of the watched nodes: most are no longer split, and cost one lookup.
		const heads = this.headOf.get(node);
		if (!heads || heads.size === 0) return change.rewritten || !change.replacement ? [] : this.followUnbadged(node, change.replacement);
		const { rewritten } = change;
		const before = change.rewritten ? change.before : undefined;
		const replacement = change.rewritten ? undefined : change.replacement;
		if (!change.rewritten && change.mergedInto) {
			this.mergedIntoPrevious(node, change.mergedInto);
			return [];
		}
		const now = performance.now();
		const chained = this.chainedFrom(node);
		// The page wrote back the whole text its node had before our badges: a fight, when soon after them (fights.ts).
		const oldText = rewritten ? before : node.data;
		const written = rewritten ? node.data : replacement?.data;
		const tailsText = chained.map((insertion) => insertion.tail?.data ?? '').join('');
		if (oldText !== undefined && written !== undefined && oldText + tailsText === written) {
			for (const insertion of chained) this.fights.sameTextBack(insertion.hit.block, insertion.parent, insertion.placedAt, now);
		}
		const stale = new Set<Hit>();
		if (rewritten && before !== undefined) {
			// Edits that keep the page's text whole, with our halves: nothing of the page's may go.
			if (this.pageSplit(node, heads, before, stale)) return [...stale];
			if (readEdit(before, node.data, tailsText) === 'head') {
				this.headEdited(node, heads, stale);
				return [...stale];
			}
		}
		let named = rewritten ? this.stillNamed(node, heads, oldText === undefined ? undefined : oldText + tailsText) : undefined;
		// Put back at once only where the page lets it be: not in a fought block, not in a loop.
		if (named && (this.fights.restingUntil(named.insertion.hit.block, now) || !this.fights.putBack(named.insertion.hit.block, now))) named = undefined;
		const kept = named?.insertion;
		for (const hit of this.deps.index.forNode(node)) if (hit !== kept?.hit) stale.add(hit);
		if (named && named.start !== named.insertion.hit.startOffset) this.relocate(named.insertion.hit, node, named.start);
		this.deps.quietly(() => {
			if (kept) this.splitAgain(node, kept, stale, now);
			else this.dropAfter(node, rewritten, stale);
		});
		if (!rewritten && replacement) for (const hit of this.follow(node, replacement, chained, now)) stale.delete(hit);
		return [...stale];
	}

	/**
	 * The page split its own node (`splitText`, as in-page highlighters do,
	 * maybe wrapping a part in an element): the node keeps the start of its
	 * old text and the rest now sits between it and our badge. The page's
	 * text is all there; our badge must now follow the last of those nodes,
	 * so that taking it out later merges our half into the page's node. The
	 * names past the split are read again (stale) and get their badges back.
	 */
	private pageSplit(node: Text, heads: ReadonlySet<Insertion>, before: string, stale: Set<Hit>): boolean {
		if (heads.size !== 1) return false;
		const [insertion] = heads;
		const { host } = insertion!;
		const kept = node.data;
		if (kept.length >= before.length || !before.startsWith(kept) || host.parentNode !== node.parentNode) return false;
		let between = '';
		let last: Node | null = null;
		let at = node.nextSibling;
		for (; at && at !== host; at = at.nextSibling) {
			between += at.textContent ?? '';
			last = at;
		}
		if (at !== host || between !== before.slice(kept.length)) return false;
		this.unlinkHead(insertion!);
		insertion!.head = last instanceof Text ? last : undefined;
		this.linkHead(insertion!);
		for (const hit of this.deps.index.forNode(node)) if (hit.endOffset > kept.length || hit.endNode !== node) stale.add(hit);
		return true;
	}

	/**
	 * The page changed the part of its node it could see, before our badge,
	 * and wrote it back (readEdit 'head'): our halves are still its words. The
	 * badge stays when its name still ends the node; the node's names are read
	 * again.
	 */
	private headEdited(node: Text, heads: ReadonlySet<Insertion>, stale: Set<Hit>): void {
		const data = node.data;
		for (const insertion of heads) {
			const { hit } = insertion;
			const surface = hit.mention.surface;
			if (hit.startNode === node && hit.endNode === node && data.endsWith(surface) && standsAlone(data, data.length - surface.length, surface)) {
				this.relocate(hit, node, data.length - surface.length);
			} else {
				stale.add(hit);
			}
		}
		const badged = new Set([...heads].map((insertion) => insertion.hit));
		for (const hit of this.deps.index.forNode(node)) if (!badged.has(hit)) stale.add(hit);
	}

	/**
	 * The page's normalize() appended the node's text to the text node before
	 * it and took the node out: the text is all there, our badges now follow
	 * that node, and its names move into it.
	 */
	private mergedIntoPrevious(node: Text, into: Text): void {
		this.deps.marks.refresh(this.deps.index.moveAfterMerge(into, node, into.data.length - node.data.length));
		for (const insertion of [...(this.headOf.get(node) ?? [])]) {
			this.unlinkHead(insertion);
			insertion.head = into;
			this.linkHead(insertion);
		}
	}

	/**
	 * The page replaced a node whose names wait for their badges: they move
	 * to the new node, as `follow` moves badged ones, so that the badge frame
	 * finds them there. Returns the hits that did not move (stale).
	 */
	private followUnbadged(node: Text, replacement: Text): Hit[] {
		const hits = this.deps.index.forNode(node);
		if (hits.length === 0) return [];
		const moved = new Set(this.follow(node, replacement, [], performance.now()));
		if (moved.size > 0) this.deps.watchText(replacement);
		return hits.filter((hit) => !moved.has(hit));
	}

	/** Puts a hit's name at `start` of `node` (one node holds it all), in the index and its mark. */
	private relocate(hit: Hit, node: Text, start: number): void {
		if (hit.startNode !== node || hit.endNode !== node) {
			this.deps.index.remove(hit);
			hit.startNode = node;
			hit.endNode = node;
			this.deps.index.add(hit);
		}
		hit.startOffset = start;
		hit.endOffset = start + hit.mention.surface.length;
		this.deps.marks.refresh([hit]);
	}

	/**
	 * The page put nodes between one of its text nodes and our badge after it
	 * (`text.after(x)`, `insertBefore(x, text.nextSibling)`, as Preact places
	 * new siblings): it meant them after that text node, which to the page
	 * holds the whole text. The halves we split off go back into that node, so
	 * the page's nodes follow the whole text where the page put them, and the
	 * node holds what the page believes it does. Left as they were, "We moved
	 * from OVHcloud hosting" followed by the page's "[1]" read "We moved from
	 * OVHcloud[1] hosting", and stayed so once badges were off. Moving the
	 * page's nodes instead would have moved a field it had just focused or
	 * reloaded a frame, and fought a page that puts its nodes back.
	 *
	 * Returns the hits whose badges went, for the caller to drop: the rescan
	 * that the page's change brings finds them again in the whole node, and
	 * their badges come back beside their names, before the page's nodes.
	 */
	pageInsertedBefore(host: Element): Hit[] {
		// Back from our host, over what the page put there, to the text node our badge follows.
		let head: Node | null = host.previousSibling;
		for (let steps = 0; head && steps < 64; steps++, head = head.previousSibling) {
			if (head.nodeType === Node.TEXT_NODE && [...(this.headOf.get(head as Text) ?? [])].some((insertion) => insertion.host === host)) break;
		}
		if (!head || head === host.previousSibling || head.nodeType !== Node.TEXT_NODE) return [];
		const chain = this.chainedFrom(head as Text);
		const first = chain.find((insertion) => insertion.host === host);
		if (!first) return [];
		const undone = chain.slice(chain.indexOf(first));
		// Last first: each merge finds its neighbour in place. The first half is the rest of the text the
		// page put its nodes after.
		for (const insertion of [...undone].reverse()) this.undo(insertion, insertion === first);
		// A page that puts its nodes back after its text each time the badge returns is fighting it (fights.ts).
		this.fights.takenOut(first.hit.block, first.parent, first.text, first.placedAt, performance.now());
		return undone.map((insertion) => insertion.hit);
	}

	/** The badges that follow `head`, and those along the halves split off after them, in text order. */
	private chainedFrom(head: Text): Insertion[] {
		const out: Insertion[] = [];
		for (const insertion of this.headOf.get(head) ?? []) {
			out.push(insertion);
			if (insertion.tail) out.push(...this.chainedFrom(insertion.tail));
		}
		return out;
	}

	/**
	 * The page replaced the text node its badges followed with a new one (a
	 * live counter written with `textContent =` each second). Each name still
	 * there, at the same place, gets its badge back at once, the same element,
	 * before the next frame is drawn: waiting for the rescan left the names
	 * without their badges, and the words after them moving left and back, on
	 * every tick. A page that takes the badges out again at once is fighting
	 * them (fights.ts): then the block rests, and the rescan decides.
	 *
	 * Returns the hits that moved to the new node; the others are stale.
	 */
	private follow(old: Text, replacement: Text, chained: readonly Insertion[], now: number): Hit[] {
		if (!replacement.isConnected || replacement.parentElement?.isContentEditable) return [];
		// The page replaced several of its text nodes with one ("AWS<br>AWS is cheap" made "AWS and then
		// AWS again"): only the first lines up with the new node's start; the others' offsets would put a
		// second badge on the same name. The rescan places theirs.
		if (this.followedInto.has(replacement)) return [];
		this.followedInto.add(replacement);
		const data = replacement.data;
		// Every name of the old node still in the new one moves, with its mark: badged or not, none blinks.
		// The old node holds its whole text (dropAfter merged any halves back): offsets are in all of it.
		const moving: Hit[] = [];
		for (const hit of this.deps.index.forNode(old)) {
			if (hit.startNode !== old || hit.endNode !== old || !hit.block.contains(replacement)) continue;
			const start = sameOccurrence(old.data, data, hit.startOffset, hit.mention.surface);
			if (start === undefined || !standsAlone(data, start, hit.mention.surface)) continue;
			this.relocate(hit, replacement, start);
			moving.push(hit);
		}
		const badged = chained.filter(({ hit }) => hit.startNode === replacement);
		const block = badged[0]?.hit.block;
		if (!block) return moving;
		if (!this.fights.restingUntil(block, now) && this.fights.putBack(block, now)) {
			// Last first, as flush does: splitting at a later offset never moves an earlier name.
			for (const { hit, host } of badged.sort((a, b) => b.hit.endOffset - a.hit.endOffset)) this.place(hit, host, now);
		} else {
			// Fought: its names keep their marks, and their badges come back once the block has rested.
			this.rest(block, this.fights.restingUntil(block, now) - now);
		}
		return moving;
	}

	/**
	 * The badge whose name the page's rewrite left in place, if any. A live
	 * counter or clock after a name ("AWS uptime: 6 s", rewritten each second
	 * as frameworks do, whole) would otherwise lose its badge on every tick:
	 * a flicker, its card closed, and the keyboard focus thrown to the page.
	 */
	private stillNamed(node: Text, heads: ReadonlySet<Insertion>, oldText: string | undefined): { insertion: Insertion; start: number } | undefined {
		if (heads.size !== 1 || !node.isConnected) return undefined;
		const [insertion] = heads;
		const { hit, host } = insertion!;
		if (hit.startNode !== node || hit.endNode !== node || node.nextSibling !== host) return undefined;
		const data = node.data;
		const surface = hit.mention.surface;
		// The same occurrence of the name, moved by what the page wrote before it ("7 alerts from AWS", then
		// "113 alerts from AWS"); without the old text, only where it was.
		const start = oldText === undefined ? (data.startsWith(surface, hit.startOffset) ? hit.startOffset : undefined) : sameOccurrence(oldText, data, hit.startOffset, surface);
		return start !== undefined && standsAlone(data, start, surface) ? { insertion: insertion!, start } : undefined;
	}

	/**
	 * Splits a rewritten node again after its name, as `insert` did, keeping
	 * the badge where it is: its old split-off half holds the page's old words
	 * and goes; the new words after the name become the new half. The badge is
	 * not moved: a focused element taken out of the page loses its focus.
	 */
	private splitAgain(head: Text, insertion: Insertion, stale: Set<Hit>, now: number): void {
		insertion.placedAt = now;
		this.notePlaced(insertion.hit.block, now);
		const old = insertion.tail;
		if (old) {
			this.dropAfter(old, true, stale);
			for (const hit of this.deps.index.forNode(old)) stale.add(hit);
			old.remove();
		}
		insertion.tail = undefined;
		const at = insertion.hit.endOffset;
		if (at >= head.data.length) return;
		const tail = head.ownerDocument.createTextNode(head.data.slice(at));
		head.deleteData(at, head.data.length - at);
		insertion.host.after(tail);
		this.deps.marks.refresh(this.deps.index.moveAfterSplit(head, tail, at));
		insertion.tail = tail;
	}

	/** Removes the badges that follow `head` and the halves split off after them, later splits first. */
	private dropAfter(head: Text, rewritten: boolean, stale: Set<Hit>): void {
		for (const insertion of [...(this.headOf.get(head) ?? [])]) {
			this.insertions.delete(insertion.hit);
			this.unlinkHead(insertion);
			insertion.host.remove();
			stale.add(insertion.hit);
			const tail = insertion.tail;
			if (!tail) continue;
			this.dropAfter(tail, rewritten, stale);
			if (rewritten) {
				for (const hit of this.deps.index.forNode(tail)) stale.add(hit);
				tail.remove();
			} else {
				this.mergeInto(head, tail);
			}
		}
	}

	/** Puts a split-off half's text back at the end of `head`, with the hits and marks it held. */
	private mergeInto(head: Text, tail: Text): void {
		const at = head.data.length;
		head.appendData(tail.data);
		tail.remove();
		this.deps.marks.refresh(this.deps.index.moveAfterMerge(head, tail, at));
	}

	/** Removes the badges of hits that the page's changes took away. */
	remove(hits: Iterable<Hit>): void {
		this.removeBadges(hits, true);
	}

	private removeBadges(hits: Iterable<Hit>, byPage: boolean): void {
		const doomed = [...hits].flatMap((hit) => {
			const insertion = this.insertions.get(hit);
			return insertion ? [insertion] : [];
		});
		// Last in the document first, so each merge finds its neighbour in place.
		doomed.sort((a, b) => (a.host.compareDocumentPosition(b.host) & Node.DOCUMENT_POSITION_FOLLOWING ? 1 : -1));
		const now = performance.now();
		for (const insertion of doomed) {
			this.undo(insertion);
			// The page's next text there says whether it was fighting this badge (fights.ts).
			if (byPage) this.fights.takenOut(insertion.hit.block, insertion.parent, insertion.text, insertion.placedAt, now);
		}
		this.viewport.pruneRemoved();
	}

	hostOf(hit: Hit): HTMLElement | undefined {
		return this.insertions.get(hit)?.host;
	}

	/** Takes every badge away and undoes every split, leaving the DOM as it was. */
	stop(): void {
		cancelAnimationFrame(this.frame);
		this.frame = 0;
		clearTimeout(this.gapTimer);
		this.gapTimer = undefined;
		this.viewport.stop();
		clearTimeout(this.restTimer);
		this.restTimer = undefined;
		this.resting.clear();
		this.queue.clear();
		this.marksOnly.clear();
		this.removeBadges([...this.insertions.keys()], false);
		this.headOf.clear();
	}
}
