/**
 * Which site's setting governs this frame. The user switches badges off for
 * the site in the address bar (the popup shows that site), so a frame follows
 * its top page, not its own host: badges switched off on a news site must go
 * from the video player or chart it embeds from another host as well.
 */

export interface FrameView {
	isTop: boolean;
	ownHost: string;
	/** The top page's URL: readable by a same-origin frame; reading it throws otherwise. */
	topUrl: () => string | undefined;
	/**
	 * `location.ancestorOrigins`, whose last entry is the top page's origin:
	 * Chromium, and Firefox in recent versions. It reads "null" where the
	 * page hides its origin (Firefox, for a frame with referrerpolicy
	 * "no-referrer"; a top page sandboxed by its CSP).
	 */
	ancestorOrigins: readonly string[] | undefined;
	/** Asks the background, which asks the tab's top frame; null or a rejection when it cannot say. */
	askBackground: () => Promise<string | null>;
}

/** A web page's host, or undefined for anything else (an opaque "null" origin, an extension page). */
function webHost(url: string | undefined): string | undefined {
	if (url === undefined) return undefined;
	try {
		const parsed = new URL(url);
		return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname ? parsed.hostname : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The host whose setting applies here. What the frame can read comes first;
 * only when the page's origin is hidden ("null") or unknown (no
 * ancestorOrigins) is the background asked, one message. Its answer comes
 * from the top frame's content script, or, when that has not started yet
 * (this frame loaded first), from its first report, waited for a few seconds.
 * When nothing answers, the frame's own host: the setting it followed before
 * frames followed their page.
 */
export async function governingHost(view: FrameView): Promise<string> {
	if (view.isTop) return view.ownHost;
	try {
		const host = webHost(view.topUrl());
		if (host) return host;
	} catch {
		// A cross-origin top page: its location is not ours to read.
	}
	const origins = view.ancestorOrigins;
	const topOrigin = origins && origins.length > 0 ? origins[origins.length - 1] : undefined;
	if (topOrigin !== undefined && topOrigin !== 'null') {
		// Known, and no web page (an extension's page, a file): no content script of ours there to ask.
		return webHost(topOrigin) ?? view.ownHost;
	}
	try {
		const answer = await view.askBackground();
		if (answer) return answer;
	} catch {
		// No answer (the top frame has no content script yet, or the extension is reloading).
	}
	return view.ownHost;
}

/** This frame, as the browser shows it. */
export function thisFrame(askBackground: FrameView['askBackground']): FrameView {
	return {
		isTop: window === window.top,
		ownHost: location.hostname,
		topUrl: () => window.top?.location.href,
		ancestorOrigins: location.ancestorOrigins ? [...location.ancestorOrigins] : undefined,
		askBackground,
	};
}
