/**
 * Which site's setting governs this frame. The user switches badges off for
 * the site in the address bar (the popup shows that site), so a frame follows
 * its top page, not its own host: badges switched off on a news site must go
 * from the video player or chart it embeds from another host as well.
 */

export interface FrameView {
	isTop: boolean;
	ownHost: string;
	/**
	 * The top page's URL. A same-origin frame may read it, and so may a
	 * Firefox content script for any page the extension has access to; it
	 * throws or is undefined otherwise.
	 */
	topUrl: () => string | undefined;
	/** `location.ancestorOrigins` (Chromium only): the top page's origin is the last. */
	ancestorOrigins: readonly string[] | undefined;
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
 * The host whose setting applies here. When the top page cannot be known (a
 * top page that is no web page, a sandboxed ancestor), the frame's own host:
 * the setting it followed before frames followed their page.
 */
export function governingHost(view: FrameView = thisFrame()): string {
	if (view.isTop) return view.ownHost;
	try {
		const host = webHost(view.topUrl());
		if (host) return host;
	} catch {
		// A cross-origin top page in Chromium: its location is not ours to read.
	}
	const origins = view.ancestorOrigins;
	return (origins && origins.length > 0 ? webHost(origins[origins.length - 1]) : undefined) ?? view.ownHost;
}

/** This frame, as the browser shows it. */
function thisFrame(): FrameView {
	return {
		isTop: window === window.top,
		ownHost: location.hostname,
		topUrl: () => window.top?.location.href,
		ancestorOrigins: location.ancestorOrigins ? [...location.ancestorOrigins] : undefined,
	};
}
