/**
 * One lifetime signal for the whole content script. Every observer, listener,
 * timer and UI root is tied to it, so stopping is one `abort()`.
 *
 * It also aborts when the extension context is invalidated (the extension was
 * updated, reloaded or removed while this page stayed open): from then on any
 * extension API call throws, so the old script must take its UI away and stop.
 */
import browser from '../shared/browser-api.ts';

/** How often to check that the extension is still there; cheap, and only while the page is visible. */
const CHECK_EVERY_MS = 4000;

export const isContextValid = (): boolean => {
	try {
		return Boolean(browser.runtime?.id);
	} catch {
		return false;
	}
};

export const isInvalidationError = (error: unknown): boolean =>
	error instanceof Error && /context invalidated|extension context|receiving end does not exist/i.test(error.message);

export function createLifetime(): AbortController {
	const controller = new AbortController();
	const check = (): void => {
		if (!isContextValid()) controller.abort(new Error('Extension context invalidated'));
	};
	const timer = setInterval(() => {
		if (document.visibilityState === 'visible') check();
	}, CHECK_EVERY_MS);
	document.addEventListener('visibilitychange', check, { signal: controller.signal });
	controller.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
	return controller;
}
