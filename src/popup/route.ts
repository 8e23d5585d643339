/**
 * What the popup page was opened for, read from its URL:
 * - `?view=legal#<regime-id>`: the legal view, on that regime (the hover
 *   card's law links open this, through the background; the view reads the
 *   hash itself, since links inside it change the hash);
 * - `?tab=<id>`: the summary for that tab rather than the active one (tests
 *   open the popup as an ordinary tab, where "the active tab" is itself);
 * - `?site=<url or host>`: the site to match against vendors' own domains,
 *   for when the popup cannot know the page's URL (tests, offline checks).
 */
export type Route =
	| { view: 'legal' }
	| { view: 'main'; tabId: number | undefined; site: string | undefined; inTab: boolean };

/** decodeURIComponent that returns the raw text instead of throwing on a malformed escape. */
export function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

export function readRoute(href: string): Route {
	const params = new URL(href).searchParams;
	if (params.get('view') === 'legal') return { view: 'legal' };
	const tab = params.get('tab');
	const tabId = tab && /^\d{1,10}$/.test(tab) ? Number(tab) : undefined;
	const site = params.get('site')?.trim().slice(0, 2048) || undefined;
	// Opened with ?tab, the page lives in a tab of its own: Escape must not close it.
	return { view: 'main', tabId, site, inTab: tab !== null };
}
