/**
 * One activation of the extension on this page: scan, mark, badge, watch.
 * Starting creates a child of the lifetime signal; stopping aborts it, which
 * takes every mark, badge, observer and timer with it and leaves the page's
 * DOM exactly as it was.
 */
import type { CompactIndex } from '../core/compact.ts';
import type { Matcher } from '../core/match/matcher.ts';
import type { Settings } from '../core/settings.ts';
import { FlowCollector } from './collect.ts';
import { PageScan, type Hit } from './page-scan.ts';
import type { FindingsReport } from './report.ts';
import { createScheduler } from './scheduler.ts';
import { isOurs } from './ours.ts';

export interface AnnotatorDeps {
	matcher: Matcher;
	index: CompactIndex;
	report: FindingsReport;
}

export class Annotator {
	private controller: AbortController | undefined;

	constructor(private readonly deps: AnnotatorDeps, private readonly lifetime: AbortSignal) {}

	get running(): boolean {
		return this.controller !== undefined;
	}

	start(settings: Settings): void {
		if (this.controller || this.lifetime.aborted) return;
		const controller = new AbortController();
		this.controller = controller;
		const stop = (): void => controller.abort();
		this.lifetime.addEventListener('abort', stop, { once: true });
		controller.signal.addEventListener('abort', () => this.lifetime.removeEventListener('abort', stop), { once: true });

		const scheduler = createScheduler(controller.signal);
		const collector = new FlowCollector({ skipCode: settings.skipCode, isOurs });
		const onHits = (hits: Hit[]): void => this.deps.report.add(hits);
		const scan = new PageScan({ matcher: this.deps.matcher, index: this.deps.index, collector, scheduler, onHits });
		this.deps.report.setActive(true);
		scan.scan(document.documentElement, () => scan.finishFirstPass());
	}

	stop(): void {
		this.controller?.abort();
		this.controller = undefined;
		this.deps.report.clear();
		this.deps.report.setActive(false);
	}
}
