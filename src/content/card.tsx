/**
 * The hover card: one per page, in a closed shadow root, shown as a popover
 * (top layer, so page z-index and overflow cannot hide it) and positioned
 * with Floating UI so it stays on screen near the viewport's edges.
 *
 * It opens after a short delay on hover, at once on keyboard focus, and takes
 * focus only when asked (Enter, Space or a click on the badge). Escape closes
 * it and gives focus back to the badge.
 */
import { autoUpdate, computePosition, flip, offset, platform, shift, size, type ReferenceElement } from '@floating-ui/dom';
import { render } from 'preact';
import type { VendorCard } from '../core/card.ts';
import { currentLang, t } from '../shared/i18n.ts';
import { send } from '../shared/messages.ts';
import { VendorCardView } from '../ui/vendor-card-view.tsx';
import cardCss from '../ui/vendor-card.css?inline';
import { createHost } from './ours.ts';
import type { Hit } from './page-scan.ts';

const OPEN_DELAY_MS = 350;
const CLOSE_DELAY_MS = 300;

const FRAME_CSS = `
:host{all:initial!important;position:static!important}
.panel{position:fixed;inset:auto;margin:0;padding:0;border:1px solid #c4cad6;border-radius:10px;background:#fff;color:#1b1f29;
box-shadow:0 10px 30px rgba(15,23,42,.22);width:min(24rem,calc(100vw - 16px));max-height:min(32rem,calc(100vh - 16px));overflow:auto;
overscroll-behavior:contain;box-sizing:border-box}
.panel:not(:popover-open){display:none}
.inner{padding:.8rem .9rem .7rem}
.panel:focus-visible{outline:2px solid #1f4fbf;outline-offset:1px}
.vc-head{padding-right:1.6rem}
.bar{display:flex;justify-content:space-between;gap:.5rem;align-items:center;margin-top:.6rem;border-top:1px solid #d5d9e2;padding-top:.5rem}
button.act,button.close{font:600 12px/1.2 system-ui,sans-serif;border-radius:6px;border:1px solid #8a93a6;background:#f4f6fa;color:#1b1f29;padding:.35rem .6rem;cursor:pointer}
button.close{position:absolute;top:.45rem;right:.45rem;border:none;background:transparent;font-size:18px;line-height:1;padding:.2rem .45rem}
button:focus-visible{outline:2px solid #1f4fbf;outline-offset:2px}
.loading{padding:1rem;font:13px system-ui,sans-serif;color:#4a5263}
@media (prefers-color-scheme:dark){.panel{background:#1b1e25;color:#e8eaf0;border-color:#3a3f4b}.bar{border-color:#3a3f4b}
button.act{background:#2a2f3a;color:#e8eaf0;border-color:#6b7385}button.close{color:#e8eaf0}.loading{color:#b4bac7}
.panel:focus-visible,button:focus-visible{outline-color:#8ab4ff}}
@media (prefers-reduced-motion:no-preference){.panel:popover-open{animation:in .12s ease-out}@keyframes in{from{opacity:0;transform:translateY(-3px)}}}
@media print{.panel{display:none!important}}
`;

/**
 * Styles a shadow root with a constructed style sheet: a page's Content
 * Security Policy can block a <style> element, not an adopted sheet. The
 * element is the fallback where sheets cannot be adopted.
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
	try {
		const sheet = new CSSStyleSheet();
		sheet.replaceSync(css);
		root.adoptedStyleSheets = [sheet];
	} catch {
		const style = document.createElement('style');
		style.textContent = css;
		root.append(style);
	}
}

export interface CardActions {
	/** `container`: where the card was (a page's open modal dialog, or the document), for what says it was done. */
	hideOnThisSite(container: Element): void;
}

/**
 * The open modal dialog holding `node`, across shadow roots. While one is
 * open, everything outside it is inert, a popover in the top layer included:
 * the card must live inside it to be reached by pointer and keyboard.
 */
function modalDialogAround(node: Node): Element | undefined {
	for (let element: Element | null = node.parentElement; element;) {
		const dialog = element.closest('dialog');
		if (dialog?.matches(':modal')) return dialog;
		if (dialog) element = dialog.parentElement;
		else {
			const root = element.getRootNode();
			element = root instanceof ShadowRoot ? root.host : null;
		}
	}
	return undefined;
}

export class HoverCard {
	private host: HTMLElement | undefined;
	private panel: HTMLElement | undefined;
	private current: { hit: Hit; anchor: ReferenceElement; focusBack?: HTMLElement } | undefined;
	private openTimer: ReturnType<typeof setTimeout> | undefined;
	private closeTimer: ReturnType<typeof setTimeout> | undefined;
	private stopFollowing: (() => void) | undefined;
	private readonly cache = new Map<string, Promise<VendorCard | null>>();
	private readonly headingId = `wc-card-${Math.random().toString(36).slice(2, 8)}`;
	/** Focus was asked for while the card was still loading: give it once the content is there. */
	private focusWhenReady = false;
	private ready = false;
	private pointerInside = false;
	/** Focus is going back to the badge: its focus event must not open the card again. */
	private returning = false;

	constructor(private readonly signal: AbortSignal, private readonly actions: CardActions) {
		signal.addEventListener('abort', () => this.destroy(), { once: true });
	}

	private ensureHost(): HTMLElement {
		if (this.panel && this.host?.isConnected) return this.panel;
		const host = createHost();
		const shadow = host.attachShadow({ mode: 'closed' });
		adoptStyles(shadow, FRAME_CSS + cardCss);
		const panel = document.createElement('div');
		panel.className = 'panel';
		panel.setAttribute('popover', 'manual');
		panel.setAttribute('role', 'dialog');
		panel.setAttribute('aria-labelledby', this.headingId);
		panel.tabIndex = -1;
		shadow.append(panel);
		panel.addEventListener('pointerenter', () => {
			this.pointerInside = true;
			this.cancelClose();
		}, { signal: this.signal });
		panel.addEventListener('pointerleave', () => {
			this.pointerInside = false;
			this.closeSoon();
		}, { signal: this.signal });
		panel.addEventListener('keydown', (event) => {
			if (event.key === 'Escape') {
				event.stopPropagation();
				// The page's own Escape handling (a dialog around the badge) is not for this key.
				event.preventDefault();
				this.close(true);
			} else if (event.key === 'Tab') {
				this.leaveByTab(event, shadow);
			}
		}, { signal: this.signal });
		panel.addEventListener('focusout', (event) => {
			// Focus left the card for the page: close, as a tooltip would.
			if (!panel.contains(event.relatedTarget as Node | null) && event.relatedTarget !== this.current?.focusBack) this.closeSoon();
		}, { signal: this.signal });
		document.documentElement.append(host);
		this.host = host;
		this.panel = panel;
		return panel;
	}

	/** Opens for `hit`, after the hover delay unless `now`. */
	open(hit: Hit, anchor: ReferenceElement, options: { now?: boolean; focusBack?: HTMLElement; takeFocus?: boolean } = {}): void {
		if (this.returning) return;
		this.cancelClose();
		clearTimeout(this.openTimer);
		if (this.current?.hit === hit && this.isOpen()) {
			if (options.takeFocus) this.focusInside();
			return;
		}
		this.focusWhenReady = Boolean(options.takeFocus);
		const go = (): void => {
			this.show(hit, anchor, options).catch((error: unknown) => console.error('Whose Cloud?: the card could not open', error));
		};
		if (options.now) go();
		else this.openTimer = setTimeout(go, OPEN_DELAY_MS);
	}

	isOpen(): boolean {
		return Boolean(this.panel?.matches(':popover-open'));
	}

	/** Closes after a grace period, unless by then the pointer or the focus is in the card. */
	closeSoon(): void {
		clearTimeout(this.openTimer);
		clearTimeout(this.closeTimer);
		this.closeTimer = setTimeout(() => {
			if (this.pointerInside || this.focusInCard()) return;
			this.close(false);
		}, CLOSE_DELAY_MS);
	}

	/**
	 * Focus inside a closed shadow root shows as its host in the tree around it: the document, or the
	 * shadow root of a page's component when the card sits in its modal dialog.
	 */
	private focusInCard(): boolean {
		const root = this.host?.getRootNode() as Document | ShadowRoot | undefined;
		return Boolean(this.host) && root?.activeElement === this.host;
	}

	cancelClose(): void {
		clearTimeout(this.closeTimer);
	}

	close(returnFocus: boolean): void {
		clearTimeout(this.openTimer);
		clearTimeout(this.closeTimer);
		this.stopFollowing?.();
		this.stopFollowing = undefined;
		const focusBack = this.current?.focusBack;
		this.pointerInside = false;
		if (this.panel && this.isOpen()) this.panel.hidePopover();
		this.current = undefined;
		// Focus goes back to the badge only from inside the card: a reader typing in a page field while a
		// hover card shows keeps their place.
		if (returnFocus && focusBack && this.focusInCard()) this.focusQuietly(focusBack);
	}

	/** The reader is in the card or on its badge: a key pressed now is for the card, not for the page. */
	holdsFocus(): boolean {
		return this.focusInCard() || Boolean(this.current?.focusBack?.matches(':focus'));
	}

	/** Closes the card if it shows one of `hits`: their mention left the page, and its badge with it. */
	closeIfShowing(hits: readonly Hit[]): void {
		const shown = this.current?.hit;
		if (shown && hits.includes(shown)) this.close(false);
	}

	/** Focuses the badge without the focus opening the card again. */
	private focusQuietly(element: HTMLElement): void {
		this.returning = true;
		try {
			element.focus();
		} finally {
			this.returning = false;
		}
	}

	/**
	 * The card sits at the end of the document, not after its badge, so Tab
	 * would leave it for the browser's toolbar. Tab past its last control goes
	 * on to what follows the badge (focus is put on the badge, and the key's
	 * own move takes it from there); Shift+Tab before its first goes back to
	 * the badge.
	 */
	private leaveByTab(event: KeyboardEvent, shadow: ShadowRoot): void {
		const focusBack = this.current?.focusBack;
		if (!focusBack || !this.panel) return;
		const stops = [...this.panel.querySelectorAll<HTMLElement>('a[href],button:not([disabled]),summary,[tabindex]:not([tabindex="-1"])')];
		const active = shadow.activeElement;
		const atEnd = event.shiftKey ? active === this.panel || active === stops[0] : stops.length === 0 || active === stops[stops.length - 1];
		if (!atEnd) return;
		this.close(false);
		this.focusQuietly(focusBack);
		if (event.shiftKey) event.preventDefault();
	}

	private load(hit: Hit): Promise<VendorCard | null> {
		const lang = currentLang();
		const key = `${hit.mention.vendor}/${hit.mention.offering ?? ''}/${lang}`;
		let pending = this.cache.get(key);
		if (!pending) {
			const request: { vendor: string; offering?: string; lang: 'en' | 'fr' } = { vendor: hit.mention.vendor, lang };
			if (hit.mention.offering) request.offering = hit.mention.offering;
			pending = send('vendor-card', request).catch(() => null);
			this.cache.set(key, pending);
		}
		return pending;
	}

	private async show(hit: Hit, anchor: ReferenceElement, options: { focusBack?: HTMLElement; takeFocus?: boolean }): Promise<void> {
		if (this.signal.aborted) return;
		const panel = this.ensureHost();
		// Moving the host hides an open popover: it is shown again below.
		const container = modalDialogAround(hit.startNode) ?? document.documentElement;
		if (this.host && this.host.parentNode !== container) container.append(this.host);
		this.current = { hit, anchor, ...(options.focusBack ? { focusBack: options.focusBack } : {}) };
		this.ready = false;
		// The card speaks the extension's language, left to right, on any page: `all:initial` on the host
		// resets neither the page's direction nor its language (an Arabic page had the card right-aligned).
		panel.lang = currentLang();
		panel.dir = 'ltr';
		render(<p class="loading">{t('cardLoading')}</p>, panel);
		if (!this.isOpen()) panel.showPopover();
		this.follow(anchor, panel);
		const card = await this.load(hit);
		if (this.current?.hit !== hit || this.signal.aborted) return;
		// The close button comes last in reading and Tab order; it is drawn in the top corner.
		render(
			<div class="inner">
				{card ? (
					<VendorCardView card={card} headingId={this.headingId} onLegal={(regime) => void send('open-legal', { regime })} />
				) : <p id={this.headingId}>{t('cardNotFound')}</p>}
				<div class="bar">
					<button type="button" class="act" onClick={() => this.hideOnThisSite()}>{t('cardHideSite')}</button>
				</div>
				<button type="button" class="close" aria-label={t('cardClose')} onClick={() => this.close(true)}>×</button>
			</div>,
			panel,
		);
		this.ready = true;
		if (options.takeFocus || this.focusWhenReady) this.focusInside();
	}

	/**
	 * Focus goes back to the badge first: when the badge then leaves with all the others, the
	 * browser's next Tab goes on from where it was, not from the card's place at the end of the page.
	 */
	private hideOnThisSite(): void {
		const container = this.host?.parentElement ?? document.documentElement;
		this.close(true);
		this.actions.hideOnThisSite(container);
	}

	/** Moves focus to the card itself (a dialog with a name); Tab then walks its links and buttons. */
	private focusInside(): void {
		if (!this.ready) {
			this.focusWhenReady = true;
			return;
		}
		this.focusWhenReady = false;
		this.panel?.focus();
	}

	/** Keeps the card beside its anchor while the page scrolls or reflows. */
	private follow(anchor: ReferenceElement, panel: HTMLElement): void {
		this.stopFollowing?.();
		// Positions come in the viewport's pixels; the panel's own are scaled by any CSS zoom around its host
		// (a page zooming <html>), which would otherwise apply twice and put the card away from its badge.
		const zoom = (): number => (panel as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom || 1;
		// Floating UI measures the card in its own CSS pixels and the rest in the viewport's: under a zoom it
		// would take the card for narrower than it shows, and let it run past the viewport's edge.
		const zoomed = { ...platform, getDimensions: async (element: Element) => {
			const { width, height } = await platform.getDimensions(element);
			return { width: width * zoom(), height: height * zoom() };
		} };
		const place = (): void => {
			void computePosition(anchor, panel, {
				platform: zoomed,
				strategy: 'fixed',
				placement: 'bottom-start',
				middleware: [
					offset(6),
					flip({ padding: 8 }),
					size({
						padding: 8,
						apply: ({ availableHeight }) => {
							// At least 160 px where the viewport has them, so that a card squeezed under a badge
							// near the bottom still reads; the shift below then moves it up into view.
							const height = Math.min(512, Math.max(availableHeight, Math.min(160, window.innerHeight - 16)));
							panel.style.maxHeight = `${height / zoom()}px`;
							// The stylesheet's 100vw would be scaled by the zoom too.
							panel.style.maxWidth = `${Math.max(0, window.innerWidth - 16) / zoom()}px`;
						},
					}),
					// Across as well: in a short window the card may cover its badge rather than leave the screen.
					shift({ padding: 8, crossAxis: true }),
				],
			}).then(({ x, y }) => {
				panel.style.left = `${x / zoom()}px`;
				panel.style.top = `${y / zoom()}px`;
			});
		};
		this.stopFollowing = autoUpdate(anchor, panel, place, { animationFrame: false });
	}

	private destroy(): void {
		this.close(false);
		if (this.panel) render(null, this.panel);
		this.host?.remove();
		this.host = undefined;
		this.panel = undefined;
	}
}
