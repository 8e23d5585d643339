/**
 * Finds a Chromium or Chrome binary: $CHROME_PATH first, then the usual
 * install paths. The Debian `/usr/bin/chromium` is a shell wrapper; the real
 * binary next to it starts faster and takes our flags as given.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = [
	'/usr/lib/chromium/chromium',
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/snap/bin/chromium',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
	'/opt/google/chrome/chrome',
	'/Applications/Chromium.app/Contents/MacOS/Chromium',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export interface FoundBrowser {
	path: string;
	/** Branded Google Chrome 137+ ignores --load-extension; Chromium keeps it. */
	branded: boolean;
}

export function findChromium(): FoundBrowser {
	const fromEnv = process.env.CHROME_PATH;
	if (fromEnv) {
		if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
		return { path: fromEnv, branded: /google-chrome|Google Chrome/.test(fromEnv) };
	}
	for (const path of CANDIDATES) {
		if (existsSync(path)) return { path, branded: /google-chrome|Google Chrome|\/opt\/google/.test(path) };
	}
	throw new Error('No Chromium or Chrome found. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROME_PATH to its binary.');
}

export function findFirefox(): string {
	const fromEnv = process.env.FIREFOX_PATH;
	if (fromEnv) return fromEnv;
	for (const path of ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr']) if (existsSync(path)) return path;
	throw new Error('No Firefox found. Install it (Debian: `sudo apt-get install firefox-esr`) or set FIREFOX_PATH.');
}
