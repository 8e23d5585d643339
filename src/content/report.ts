/**
 * Keeps the count of what this frame found and tells the background, which
 * shows it on the toolbar and in the popup. Reports are coalesced: at most
 * one message per `REPORT_EVERY_MS`, whatever the page does.
 */
import type { PageReport, PageVendor } from '../shared/protocol.ts';
import { send } from '../shared/messages.ts';
import { siteKey } from '../core/settings.ts';
import type { Hit } from './page-scan.ts';
import { isInvalidationError } from './lifetime.ts';

const REPORT_EVERY_MS = 400;

export class FindingsReport {
	private readonly hits = new Set<Hit>();
	/** Kept up to date on every add and remove, so a report never walks all hits (20k on a 20 MB page). */
	private readonly counts = new Map<string, PageVendor>();
	private timer: ReturnType<typeof setTimeout> | undefined;
	private active = true;
	private marksOnly = false;

	constructor(private readonly signal: AbortSignal, private readonly onInvalidated: () => void) {
		signal.addEventListener('abort', () => clearTimeout(this.timer), { once: true });
	}

	private key(hit: Hit): string {
		return `${hit.mention.vendor}/${hit.mention.offering ?? ''}`;
	}

	add(hits: readonly Hit[]): void {
		for (const hit of hits) {
			if (this.hits.has(hit)) continue;
			this.hits.add(hit);
			const key = this.key(hit);
			const entry = this.counts.get(key);
			if (entry) entry.count++;
			else {
				const vendor: PageVendor = { vendor: hit.mention.vendor, count: 1, level: hit.level };
				if (hit.mention.offering) vendor.offering = hit.mention.offering;
				this.counts.set(key, vendor);
			}
		}
		this.schedule();
	}

	remove(hits: readonly Hit[]): void {
		for (const hit of hits) {
			if (!this.hits.delete(hit)) continue;
			const key = this.key(hit);
			const entry = this.counts.get(key);
			if (entry && --entry.count <= 0) this.counts.delete(key);
		}
		this.schedule();
	}

	clear(): void {
		this.hits.clear();
		this.counts.clear();
		this.marksOnly = false;
		this.schedule();
	}

	/** Some mentions here are marked without a badge (badges.ts, WIDE_LAYOUT). */
	setMarksOnly(): void {
		if (this.marksOnly) return;
		this.marksOnly = true;
		this.schedule();
	}

	setActive(active: boolean): void {
		this.active = active;
		this.schedule();
	}

	vendors(): PageVendor[] {
		// Vendor ids are ASCII slugs: a code-unit comparison orders them, without the 10 ms a page's first
		// localeCompare spends setting up a collator (npm run bench:page --profile, 1 MB page).
		return [...this.counts.values()].map((entry) => ({ ...entry })).sort((a, b) => b.count - a.count || (a.vendor < b.vendor ? -1 : a.vendor > b.vendor ? 1 : 0));
	}

	private schedule(): void {
		if (this.timer !== undefined || this.signal.aborted) return;
		this.timer = setTimeout(() => {
			this.timer = undefined;
			void this.flush();
		}, REPORT_EVERY_MS);
	}

	async flush(): Promise<void> {
		if (this.signal.aborted) return;
		const report: PageReport = { site: siteKey(location.hostname), url: location.href, vendors: this.vendors(), active: this.active, ...(this.marksOnly ? { marksOnly: true } : {}) };
		try {
			await send('page-report', report);
		} catch (error) {
			if (isInvalidationError(error)) this.onInvalidated();
		}
	}
}
