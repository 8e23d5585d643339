/**
 * Popup entry. Reads the route, loads the settings and the tab's report
 * before the first render (see ui/preload.ts), then renders once, complete.
 * The page's size is fixed by CSS from the first paint (html.as-popup), so
 * nothing that arrives later can make the panel jump.
 */
import { render } from 'preact';
import '../shared/i18n-bundle.ts';
import '../ui/base.css';
import '../ui/vendor-card.css';
import './popup.css';
import { preload } from '../ui/preload.ts';
import { LegalView } from './legal-view.tsx';
import { loadPageData } from './page-data.ts';
import { Popup } from './popup.tsx';
import { readRoute } from './route.ts';

const app = document.getElementById('app')!;
const route = readRoute(location.href);
document.documentElement.classList.add(route.view === 'legal' ? 'as-legal' : 'as-popup');

if (route.view === 'legal') {
	void preload(() => Promise.resolve(undefined)).then(({ settings }) => {
		render(<LegalView initialSettings={settings} />, app);
	});
} else {
	void preload(() => loadPageData(route.tabId)).then(({ settings, extra }) => {
		render(<Popup tabId={route.tabId} siteOverride={route.site} inTab={route.inTab} initialSettings={settings} initialPage={extra} />, app);
	});
}
