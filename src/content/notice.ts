/**
 * A short message at the bottom of the window after the reader hid badges on
 * the site from a card. Without it the card and every badge simply vanish:
 * nothing says what happened or how to undo it, and a screen reader says
 * nothing at all. It is a polite live region, so it is read without taking
 * focus: a keyboard reader's next Tab goes on from where the badge was.
 *
 * It belongs to the content script's lifetime, not to the annotation that
 * hiding just stopped, and goes after a few seconds (not while the pointer or
 * focus is in it), on Escape, on its close button, or with Undo.
 */
import { currentLang, t } from '../shared/i18n.ts';
import { adoptStyles } from './card.tsx';
import { createHost } from './ours.ts';

/** Long enough to read twice; a reader on it keeps it. */
const SHOW_MS = 10_000;
const AFTER_LEAVING_MS = 3000;
/** The region must be in the page, empty, before its words come, or screen readers may not read them. */
const ANNOUNCE_DELAY_MS = 150;

const NOTICE_CSS = `
:host{all:initial!important;position:static!important}
.notice{position:fixed;inset:auto 0 16px 0;margin:0 auto;max-width:min(30rem,calc(100vw - 32px));box-sizing:border-box;
display:flex;gap:.6rem;align-items:center;padding:.65rem .75rem;border:1px solid #c4cad6;border-radius:10px;background:#fff;color:#1b1f29;
box-shadow:0 10px 30px rgba(15,23,42,.22);font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
.notice:not(:popover-open){display:none}
p{margin:0;flex:1}
button{font:600 12px/1.2 system-ui,sans-serif;border-radius:6px;border:1px solid #8a93a6;background:#f4f6fa;color:#1b1f29;padding:.35rem .6rem;cursor:pointer}
button.close{border:none;background:transparent;font-size:18px;line-height:1;padding:.2rem .45rem}
button:focus-visible{outline:2px solid #1f4fbf;outline-offset:2px}
@media (prefers-color-scheme:dark){.notice{background:#1b1e25;color:#e8eaf0;border-color:#3a3f4b}
button{background:#2a2f3a;color:#e8eaf0;border-color:#6b7385}button.close{background:transparent}button:focus-visible{outline-color:#8ab4ff}}
@media (forced-colors:active){.notice{border-color:CanvasText}}
@media print{.notice{display:none!important}}
`;

let closeShown: (() => void) | undefined;

/** Takes the notice away, if one shows: badges are back, so it no longer holds. */
export function closeHiddenNotice(): void {
	closeShown?.();
}

/**
 * Says badges are now hidden on `site`; `undo` puts the reader's previous choice back.
 * `container`: where the card was. In a page's open modal dialog everything outside is inert,
 * a popover in the top layer included, so the notice goes in the dialog too.
 */
export function showHiddenNotice(signal: AbortSignal, container: Element, site: string, undo: () => Promise<unknown>): void {
	closeShown?.();
	if (signal.aborted) return;
	const host = createHost();
	const shadow = host.attachShadow({ mode: 'closed' });
	adoptStyles(shadow, NOTICE_CSS);
	const notice = document.createElement('div');
	notice.className = 'notice';
	// The top layer: above the page's own stacking and its modal dialogs' backdrops.
	notice.setAttribute('popover', 'manual');
	// The extension's language and direction, not the page's (see card.tsx).
	notice.lang = currentLang();
	notice.dir = 'ltr';
	// Only the words are the live region: a whole region is read at once, its buttons' names too.
	const words = document.createElement('p');
	words.setAttribute('role', 'status');
	const undoButton = document.createElement('button');
	undoButton.type = 'button';
	undoButton.textContent = t('noticeUndo');
	const closeButton = document.createElement('button');
	closeButton.type = 'button';
	closeButton.className = 'close';
	closeButton.setAttribute('aria-label', t('noticeClose'));
	closeButton.textContent = '×';
	notice.append(words, undoButton, closeButton);
	shadow.append(notice);

	const controller = new AbortController();
	let timer: ReturnType<typeof setTimeout> | undefined;
	let closed = false;
	// Every way out comes here, the content script's end included. Aborting the controller takes the
	// notice's listeners with it.
	const close = (): void => {
		if (closed) return;
		closed = true;
		controller.abort();
		clearTimeout(timer);
		host.remove();
		if (closeShown === close) closeShown = undefined;
	};
	signal.addEventListener('abort', close, { once: true, signal: controller.signal });
	closeShown = close;

	const inside = (): boolean => notice.matches(':hover') || shadow.activeElement !== null;
	const closeLater = (ms: number): void => {
		clearTimeout(timer);
		timer = setTimeout(() => (inside() ? closeLater(AFTER_LEAVING_MS) : close()), ms);
	};
	const options = { signal: controller.signal };
	undoButton.addEventListener('click', () => {
		close();
		undo().catch((error: unknown) => console.error('Whose Cloud?: could not show the badges again', error));
	}, options);
	closeButton.addEventListener('click', close, options);
	// One listener for Escape, wherever focus is. From inside the notice the key is ours. From where the
	// badge was (focus stays there), it stays the page's as well: its own dialog may close on it, and a
	// notice gone is no harm. A listener on the notice itself would never have run: this one, in the
	// capture phase, closes the notice first, and its listeners go with it.
	document.addEventListener('keydown', (event) => {
		if (event.key !== 'Escape') return;
		if (event.composedPath().includes(host)) {
			event.stopPropagation();
			event.preventDefault();
		}
		close();
	}, { ...options, capture: true });
	notice.addEventListener('pointerleave', () => closeLater(AFTER_LEAVING_MS), options);
	notice.addEventListener('focusout', () => closeLater(AFTER_LEAVING_MS), options);

	(container.isConnected ? container : document.documentElement).append(host);
	notice.showPopover();
	setTimeout(() => {
		if (!closed) words.textContent = t('noticeHidden', site);
	}, ANNOUNCE_DELAY_MS);
	closeLater(SHOW_MS);
}
