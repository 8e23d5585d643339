/**
 * Checks a frame's report before the background keeps it. Reports come from
 * our own content scripts, but a page's world is hostile, and one malformed
 * entry kept in storage.session would break the tab's popup until the tab
 * navigates: what is not a report is refused, with the reason.
 */
import { VERDICT_LEVELS } from '../core/verdict/levels.ts';
import type { PageReport, PageVendor } from '../shared/protocol.ts';

/** Vendors one frame may report at most: the dataset names far fewer; anything past it is not ours. */
const VENDORS_MAX = 500;
const LEVELS: ReadonlySet<string> = new Set(VERDICT_LEVELS);

const isText = (value: unknown, max = 2048): value is string => typeof value === 'string' && value.length <= max;

function vendorProblem(value: unknown): string | undefined {
	if (typeof value !== 'object' || value === null) return 'a vendor entry is not an object';
	const entry = value as Partial<PageVendor>;
	if (!isText(entry.vendor, 100) || entry.vendor === '') return 'a vendor id is missing';
	if (entry.offering !== undefined && !isText(entry.offering, 100)) return `${entry.vendor}: the offering is not a string`;
	if (typeof entry.count !== 'number' || !Number.isInteger(entry.count) || entry.count < 1) return `${entry.vendor}: the count is not a positive whole number`;
	if (!isText(entry.level, 40) || !LEVELS.has(entry.level)) return `${entry.vendor}: unknown level`;
	return undefined;
}

/** Why `value` is not a page report, or undefined when it is one. */
export function reportProblem(value: unknown): string | undefined {
	if (typeof value !== 'object' || value === null) return 'the report is not an object';
	const report = value as Partial<PageReport>;
	if (!isText(report.site, 300)) return 'the site is not a string';
	if (!isText(report.url, 8192)) return 'the address is not a string';
	if (typeof report.active !== 'boolean') return 'active is not true or false';
	if (report.marksOnly !== undefined && typeof report.marksOnly !== 'boolean') return 'marksOnly is not true or false';
	if (!Array.isArray(report.vendors)) return 'vendors is not a list';
	if (report.vendors.length > VENDORS_MAX) return `more than ${VENDORS_MAX} vendors`;
	for (const vendor of report.vendors) {
		const problem = vendorProblem(vendor);
		if (problem) return problem;
	}
	return undefined;
}

export const isPageReport = (value: unknown): value is PageReport => reportProblem(value) === undefined;
