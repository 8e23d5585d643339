/**
 * "Pause for this session" ends when the browser restarts. runtime.onStartup
 * is not enough: it does not fire for an extension loaded unpacked, and a
 * service worker restarts many times in one session, so its own start says
 * nothing either. storage.session does: the browser empties it when it
 * restarts, and keeps it across worker restarts. A worker that finds no
 * marker there is the first of a new session, and clears the pauses.
 */
import browser from '../shared/browser-api.ts';
import { PAUSED_KEY } from '../shared/storage.ts';

const MARKER = 'sessionStarted';

export async function endLastSessionPauses(): Promise<void> {
	try {
		const found = await browser.storage.session.get(MARKER);
		if (found[MARKER] !== undefined) return;
		await browser.storage.session.set({ [MARKER]: Date.now() });
	} catch {
		// No storage.session (an old browser): rely on onStartup alone, below.
		return;
	}
	await browser.storage.local.remove(PAUSED_KEY);
}

export function clearPausesOnRestart(): void {
	void endLastSessionPauses();
	browser.runtime.onStartup.addListener(() => void browser.storage.local.remove(PAUSED_KEY));
}
