/**
 * One activation of the extension on this page: scan, mark, badge, watch.
 * Starting creates a child of the lifetime signal; stopping aborts it, which
 * takes every mark, badge, observer and timer with it and leaves the page's
 * DOM exactly as it was.
 */
import type { CompactIndex } from '../core/compact.ts';
import type { Matcher } from '../core/match/matcher.ts';
import type { Settings } from '../core/settings.ts';
import { siteChoice, storeSiteChoice } from '../shared/storage.ts';
import { Badges } from './badges.ts';
import { HoverCard } from './card.tsx';
import { FlowCollector, openShadowRoots } from './collect.ts';
import { HitIndex, HitPlaces } from './hit-index.ts';
import { rangeOf, watchHighlightHover } from './hover.ts';
import { Marks } from './marks.ts';
import { closeHiddenNotice, showHiddenNotice } from './notice.ts';
import { LateHosts } from './late-hosts.ts';
import { HOST_TAG, isCopyOfOurs, isOurs } from './ours.ts';
import { PageScan, type Hit } from './page-scan.ts';
import type { FindingsReport } from './report.ts';
import { createScheduler, type Scheduler } from './scheduler.ts';
import { DomWatcher, HUGE_MUTATION, type ChangeBatch } from './watch.ts';

export interface AnnotatorDeps {
	matcher: Matcher;
	index: CompactIndex;
	report: FindingsReport;
	/** The host whose site setting governs this frame (page-site.ts): "hide on this site" sets it. */
	host: string;
}

/** Same mention at the same place: a rescan that finds it again keeps the existing mark and badge. */
const sameHit = (a: Hit, b: Hit): boolean =>
	a.startNode === b.startNode && a.startOffset === b.startOffset && a.endNode === b.endNode && a.endOffset === b.endOffset && a.mention.vendor === b.mention.vendor && a.mention.offering === b.mention.offering;

/** Settings that change how the page is annotated; other settings changes leave a running annotator alone. */
const annotationKey = (settings: Settings): string => `${settings.skipCode}|${settings.density}|${settings.badgeStyle}|${settings.language}`;

class Activation {
	readonly hits = new HitIndex();
	readonly marks = new Marks();
	readonly badges: Badges;
	readonly card: HoverCard;
	private readonly watcher: DomWatcher;
	private readonly scan: PageScan;
	private readonly collector: FlowCollector;
	private readonly scheduler: Scheduler;
	private readonly lateHosts: LateHosts;

	constructor(private readonly deps: AnnotatorDeps, readonly settings: Settings, private readonly signal: AbortSignal, hideOnThisSite: (container: Element) => void) {
		const scheduler = createScheduler(signal);
		this.scheduler = scheduler;
		this.collector = new FlowCollector({ skipCode: settings.skipCode, isOurs });
		this.watcher = new DomWatcher(signal, {
			schedule: (step) => scheduler.add(step, { first: true }),
			onChanges: (batch) => this.onChanges(batch),
			onTextTouched: (node, change) => this.drop(this.badges.pageTouched(node, change)),
			onInsertedBeforeHost: (host) => this.pageInsertedBefore(host),
			// A rescan of every block costs what the first pass did: worth it once a quarter of them changed.
			hugeAt: () => Math.max(HUGE_MUTATION, this.scan.blocksSeen >> 2),
		});
		this.card = new HoverCard(signal, { hideOnThisSite });
		this.badges = new Badges({
			index: this.hits,
			marks: this.marks,
			compact: deps.index,
			settings,
			signal,
			quietly: (change) => this.watcher.quietly(change),
			watchText: (node) => this.watcher.watchText(node),
			onMarksOnly: () => deps.report.setMarksOnly(),
			events: {
				enter: (hit, anchor, byKeyboard) => this.card.open(hit, anchor, { now: byKeyboard, focusBack: anchor as HTMLElement }),
				leave: () => this.card.closeSoon(),
				activate: (hit, anchor) => this.card.open(hit, anchor, { now: true, takeFocus: true, focusBack: anchor as HTMLElement }),
				escape: () => {
					// A card about to open is cancelled too; the key is ours only when a card was showing.
					const open = this.card.isOpen();
					this.card.close(true);
					return open;
				},
			},
		});
		this.lateHosts = new LateHosts(signal, (root) => this.enterShadowRoot(root));
		this.scan = new PageScan({ matcher: deps.matcher, index: deps.index, collector: this.collector, scheduler, onHits: (hits) => this.add(hits) });
		watchHighlightHover(signal, this.hits, this.card, () => this.marks.reassert());
		document.addEventListener('keydown', (event) => {
			if (event.key === 'Escape' && this.card.isOpen()) {
				// From the card or its badge, the card is what Escape closes, not the page's dialog around it.
				// A card shown by hover while the reader is elsewhere (typing in a page field) is only dismissed:
				// the key still does what the page makes it do.
				if (this.card.holdsFocus()) event.preventDefault();
				this.card.close(true);
			}
		}, { capture: true, signal });
		signal.addEventListener('abort', () => this.teardown(), { once: true });
	}

	start(): void {
		this.deps.report.setActive(true);
		this.watcher.observe(document.documentElement);
		this.scan.scan(document.documentElement, () => {
			this.scan.finishFirstPass();
			this.scanShadowRoots(document.documentElement);
		});
	}

	/** Looks for open shadow roots in idle slices: a 20 MB page has 200k elements to check. */
	private scanShadowRoots(root: Node): void {
		const found = openShadowRoots(root, (element) => {
			if (LateHosts.isCandidate(element)) this.lateHosts.note(element);
		});
		this.scheduler.add(() => {
			for (let step = 0; step < 20; step++) {
				const next = found.next();
				if (next.done) return false;
				if (next.value) this.enterShadowRoot(next.value);
			}
			return true;
		});
	}

	/**
	 * Annotates a shadow tree: its text, its changes, its scrolling, and the
	 * shadow trees inside it (apps made of web components nest them deeply).
	 */
	private enterShadowRoot(root: ShadowRoot): void {
		this.watcher.observe(root);
		this.badges.watchScrolling(root);
		this.scan.scan(root);
		this.scanShadowRoots(root);
	}

	private add(hits: Hit[]): void {
		const fresh: Hit[] = [];
		const moved = new Set<Element>();
		// The hits there before this batch: each node's are read on its first hit, before any of the batch join them.
		const known = new HitPlaces((node) => this.hits.onNode(node));
		for (const hit of hits) {
			// A rescan finds unchanged mentions again: keep the old hit (and its badge) so nothing flickers.
			const existing = known.find(hit, sameHit);
			if (existing) {
				// Its text moved to another block (badge and all): it now belongs there.
				if (existing.block !== hit.block) {
					this.hits.remove(existing);
					existing.block = hit.block;
					this.hits.add(existing);
					moved.add(hit.block);
				}
				continue;
			}
			this.hits.add(hit);
			// Two rescans of one block can deliver the same place together: the second is not new.
			known.note(hit);
			fresh.push(hit);
		}
		// Marks and badges are drawn when their block nears the viewport (badges.ts).
		if (fresh.length > 0 || moved.size > 0) {
			const blocks = new Set<Element>();
			for (const hit of fresh) blocks.add(hit.block);
			for (const block of moved) blocks.add(block);
			this.badges.watch(blocks);
		}
		if (fresh.length > 0) this.deps.report.add(fresh);
	}

	private drop(hits: Hit[]): void {
		if (hits.length === 0) return;
		// A card left open would point at nothing, in the viewport's corner.
		this.card.closeIfShowing(hits);
		this.badges.remove(hits);
		this.marks.remove(hits);
		for (const hit of hits) this.hits.remove(hit);
		this.deps.report.remove(hits);
	}

	/** The nearest whole block to rescan for a changed node, or undefined when the node is not prose. */
	private rootFor(node: Node): Node | undefined {
		const element = node instanceof Element ? node : node.parentElement;
		if (!element || !element.isConnected) return undefined;
		const verdict = this.collector.classify(element);
		if (verdict.skip) return undefined;
		return node instanceof Element && verdict.block === node ? node : verdict.block;
	}

	private onChanges(batch: ChangeBatch): void {
		this.takeOutCopies(batch);
		this.badges.pageChanged();
		this.marks.reassert();
		// The whole document made editable (designMode, which no observer reports): nothing of ours may stay in it.
		if (document.designMode === 'on') {
			this.drop(this.hits.all());
			return;
		}
		// Verdicts are inherited: after a flood (its records let go) or an editability change, none can be trusted.
		if (batch.full || batch.editable.size > 0) this.collector.forget();
		else for (const element of batch.arrived) this.collector.forgetSubtree(element);
		// Text that left the page takes its marks and badges with it.
		if (batch.removed || batch.full) {
			this.drop(this.hits.all().filter((hit) => !hit.startNode.isConnected || !hit.endNode.isConnected));
		}
		const roots = new Set<Node>();
		if (batch.full) roots.add(document.documentElement);
		else {
			for (const node of batch.roots) {
				const root = this.rootFor(node);
				if (root) roots.add(root);
			}
			// Read again as it now is: an editor's rescan finds nothing, so its marks and badges go.
			for (const element of batch.editable) {
				if (!element.isConnected) continue;
				roots.add(element);
				// An inline element made editable: its hits belong to the block around it.
				const around = element.parentElement ? this.collector.classify(element.parentElement) : undefined;
				if (around && !around.skip) roots.add(around.block);
			}
		}
		// Drop roots inside other roots: each block is scanned once. Looking up each root's ancestors
		// costs its depth; comparing every pair of roots cost millions of calls for a few thousand.
		const list = [...roots].filter((root) => {
			for (let node = root.parentNode; node; node = node.parentNode) if (roots.has(node)) return false;
			return true;
		});
		if (list.length === 0) return;
		// One pass over the existing hits for the whole batch, not one per changed block.
		const chosen = new Set(list);
		const byRoot = new Map<Node, Hit[]>(list.map((root) => [root, []]));
		for (const hit of this.hits.all()) {
			for (let node: Node | null = hit.block; node; node = node.parentNode) {
				if (chosen.has(node)) {
					byRoot.get(node)!.push(hit);
					break;
				}
			}
		}
		for (const root of list) {
			// A change where we put nothing lately: the page writes there on its own (fights.ts).
			if (!batch.full && root instanceof Element) this.badges.pageWrote(root);
			this.rescan(root, byRoot.get(root)!);
		}
	}

	/** The page put nodes before one of our badges (badges.ts `pageInsertedBefore`): the names it held are read again. */
	private pageInsertedBefore(host: Element): void {
		const stale = this.badges.pageInsertedBefore(host);
		if (stale.length === 0) return;
		this.drop(stale);
		// The page's node may hold no text (a field, an image, a <br>): its change alone would bring no rescan.
		for (const block of new Set(stale.map((hit) => hit.block))) if (block.isConnected) this.rescan(block, this.hits.forBlock(block));
	}

	/**
	 * Takes out the copies of our hosts that the page made from its own
	 * markup (ours.ts); the rescan that follows gives the names their badges
	 * again. The text nodes on either side stay apart: they are the page's,
	 * and a framework that made them from that markup may hold them.
	 */
	private takeOutCopies(batch: ChangeBatch): void {
		const copies = [...batch.copies];
		const within = batch.full ? [document.documentElement] : batch.arrived;
		for (const element of within) {
			const found = element.getElementsByTagName(HOST_TAG);
			for (let index = 0; index < found.length; index++) if (isCopyOfOurs(found[index]!)) copies.push(found[index]!);
		}
		if (copies.length > 0) this.watcher.quietly(() => copies.forEach((copy) => copy.remove()));
	}

	/** Scans a block again; hits that are no longer there go away, unchanged ones stay as they are. */
	private rescan(root: Node, before: Hit[]): void {
		const found: Hit[] = [];
		this.scan.scan(root, () => {
			// The new hits by place, so each old hit is checked against a handful, not all.
			const places = new HitPlaces(() => []);
			for (const hit of found) places.note(hit);
			this.drop(before.filter((old) => !places.find(old, sameHit)));
		}, (hits) => found.push(...hits));
		if (root instanceof Element) this.scanShadowRoots(root);
	}

	/** Scrolls the first mention of a vendor (or of one of its offerings) into view and flashes its badge. */
	reveal(vendor: string, offering?: string): boolean {
		const hit = this.hits.all().filter((item) => item.mention.vendor === vendor && (!offering || item.mention.offering === offering) && item.startNode.isConnected)
			.sort((a, b) => (a.startNode.compareDocumentPosition(b.startNode) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
		if (!hit) return false;
		const target = hit.startNode.parentElement;
		const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
		target?.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
		const flash = (): void => {
			const host = this.badges.hostOf(hit);
			// With reduced motion the card opening is the only signal; no pulsing.
			if (host && !still) {
				host.animate?.([{ transform: 'scale(1)' }, { transform: 'scale(1.6)' }, { transform: 'scale(1)' }], { duration: 700, iterations: 2 });
			}
			this.card.open(hit, host ?? { getBoundingClientRect: () => rangeOf(hit).getBoundingClientRect() }, { now: true });
		};
		setTimeout(flash, 450);
		return true;
	}

	private teardown(): void {
		this.badges.stop();
		this.marks.stop();
		this.hits.clear();
	}
}

export class Annotator {
	private controller: AbortController | undefined;
	private activation: Activation | undefined;
	private key = '';

	constructor(private readonly deps: AnnotatorDeps, private readonly lifetime: AbortSignal) {}

	get running(): boolean {
		return this.activation !== undefined;
	}

	/** Starts, or restarts when a setting that shapes the annotation changed. */
	start(settings: Settings): void {
		if (this.lifetime.aborted) return;
		if (this.activation && this.key === annotationKey(settings)) return;
		this.stop();
		const controller = new AbortController();
		const stop = (): void => controller.abort();
		this.lifetime.addEventListener('abort', stop, { once: true });
		controller.signal.addEventListener('abort', () => this.lifetime.removeEventListener('abort', stop), { once: true });
		this.controller = controller;
		this.key = annotationKey(settings);
		// A notice still saying badges are hidden would be wrong now, and its Undo would undo this.
		closeHiddenNotice();
		this.activation = new Activation(this.deps, settings, controller.signal, (container) => {
			this.hideOnThisSite(container).catch((error: unknown) => console.error('Whose Cloud?: could not hide badges on this site', error));
		});
		this.activation.start();
	}

	stop(): void {
		this.controller?.abort();
		this.controller = undefined;
		this.activation = undefined;
		this.deps.report.clear();
		this.deps.report.setActive(false);
	}

	/**
	 * The card's "Hide badges on this site": stored for good, which stops this annotation (and the
	 * card with it); the notice saying so outlives it, and its Undo puts back the previous choice.
	 */
	private async hideOnThisSite(container: Element): Promise<void> {
		const site = this.deps.host;
		const before = await siteChoice(site);
		await storeSiteChoice(site, false);
		showHiddenNotice(this.lifetime, container, site, () => storeSiteChoice(site, before));
	}

	reveal(vendor: string, offering?: string): boolean {
		return this.activation?.reveal(vendor, offering) ?? false;
	}
}
