/**
 * What the toolbar button says for a tab: the number of distinct vendors on
 * the page (offerings of one provider count once), a tooltip that says the
 * same in words, and whether the icon is dimmed because badges are off
 * there. The tooltip carries the "off" state in words too, so it never rests
 * on the dimmed icon alone.
 */
import { t, tCount } from '../shared/i18n.ts';
import type { PageReport } from '../shared/protocol.ts';

export interface ToolbarView {
	text: string;
	title: string;
	dimmed: boolean;
}

export function toolbarView(report: PageReport | null): ToolbarView {
	if (!report) return { text: '', title: t('actionTitle'), dimmed: false };
	if (!report.active) return { text: '', title: t('toolbarOff'), dimmed: true };
	const distinct = new Set(report.vendors.map((vendor) => vendor.vendor)).size;
	if (distinct === 0) return { text: '', title: t('toolbarNoVendors'), dimmed: false };
	return { text: distinct > 99 ? '99+' : String(distinct), title: tCount(distinct, 'toolbarVendorsOne', 'toolbarVendorsMany'), dimmed: false };
}
