/**
 * Preact hook: the tab's page data, refreshed while the popup is open, since
 * live pages keep adding and removing mentions. A refresh that changes
 * nothing keeps the same object, so nothing re-renders.
 */
import { useEffect, useState } from 'preact/hooks';
import { loadPageData, sameReport, type PageData } from './page-data.ts';

const REFRESH_MS = 1500;

export function usePageData(tabIdParam: number | undefined, initial: PageData | undefined): PageData | undefined {
	const [data, setData] = useState<PageData | undefined>(initial);
	useEffect(() => {
		let stopped = false;
		const refresh = async (): Promise<void> => {
			const next = await loadPageData(tabIdParam).catch(() => undefined);
			if (stopped || !next) return;
			setData((previous) => (previous && previous.tabId === next.tabId && previous.loading === next.loading && sameReport(previous.report, next.report) ? previous : next));
		};
		if (!initial) void refresh();
		const timer = setInterval(() => void refresh(), REFRESH_MS);
		return () => {
			stopped = true;
			clearInterval(timer);
		};
	}, [tabIdParam]);
	return data;
}
