/**
 * Keeps badges out of what the user copies or drags, and in what they select.
 *
 * Chromium copies a selection's markup with the shadow trees in it flattened:
 * each badge went to the clipboard as a span with its styles and its label.
 * `user-select: none` on the badge keeps it out, but also stops a triple
 * click's paragraph selection at the first badge. So badges are selectable,
 * and this rule, in a style sheet every badge adopts, is switched on only
 * while a copy, a cut or a drag takes the selection (its markup is written
 * right after the event, in the same task), and off again in the next task.
 * Switching a style sheet changes no node: the page observes nothing.
 */
export const KEEP_OUT_OF_COPIES = ':host{user-select:none!important;-webkit-user-select:none!important}';

export class CopyGuard {
	/** Undefined where constructed style sheets are not available: the caller then keeps the rule on for good. */
	readonly sheet: CSSStyleSheet | undefined;
	private timer: ReturnType<typeof setTimeout> | undefined;

	constructor(signal: AbortSignal) {
		try {
			const sheet = new CSSStyleSheet();
			sheet.replaceSync(KEEP_OUT_OF_COPIES);
			sheet.disabled = true;
			this.sheet = sheet;
		} catch {
			this.sheet = undefined;
			return;
		}
		for (const type of ['copy', 'cut', 'dragstart']) window.addEventListener(type, () => this.engage(), { capture: true, signal });
		signal.addEventListener('abort', () => clearTimeout(this.timer), { once: true });
	}

	private engage(): void {
		const sheet = this.sheet!;
		sheet.disabled = false;
		clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			sheet.disabled = true;
		}, 0);
	}
}
