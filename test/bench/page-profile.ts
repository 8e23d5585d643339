/**
 * Optional diagnosis (`npm run bench:page -- --profile`): a V8 sampling
 * profile of the page while the extension annotates it, reduced to the
 * content script's hottest functions by self time. Build with
 * `npx vite build --minify false --outDir /tmp/wc-dist` and pass
 * `--dist=/tmp/wc-dist` to see real function names.
 */
import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	children?: number[];
}

interface Profile {
	nodes: ProfileNode[];
	samples?: number[];
	timeDeltas?: number[];
}

export interface HotFunction {
	name: string;
	/** Self or inclusive time, ms, by the list it is in. */
	ms: number;
}

export interface ProfileSummary {
	/** Self time in the content script's own functions, ms. */
	scriptSelf: number;
	/** Every sample under the content script, ms: its functions plus the engine work they call (regex, DOM, GC). */
	scriptTotal: number;
	/** By self time; engine frames (regex, DOM bindings, GC) are named with [engine]. */
	top: HotFunction[];
	/** The content script's functions by inclusive time: where the time goes, phase by phase. */
	inclusive: HotFunction[];
}

export async function startProfile(cdp: CDPSession): Promise<(file: string, url: string) => Promise<ProfileSummary>> {
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	await cdp.send('Profiler.start');
	return async (file, url) => {
		const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
		writeFileSync(file, JSON.stringify(profile));
		return hottest(profile, url);
	};
}

const frameKey = (frame: ProfileNode['callFrame'], url: string): string =>
	frame.url === url ? `${frame.functionName || '(anonymous)'} :${frame.lineNumber + 1}` : `${frame.functionName || '(native)'} [${frame.url ? 'page' : 'engine'}]`;

const ranked = (times: Map<string, number>): HotFunction[] =>
	[...times].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms).slice(0, 20);

/** Self and inclusive time per function, counting only samples whose stack passes through the content script. */
function hottest(profile: Profile, url: string): ProfileSummary {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const self = new Map<string, number>();
	const inclusive = new Map<string, number>();
	let scriptSelf = 0;
	let scriptTotal = 0;
	const samples = profile.samples ?? [];
	const deltas = profile.timeDeltas ?? [];
	for (let index = 0; index < samples.length; index++) {
		const stack: ProfileNode[] = [];
		for (let at: number | undefined = samples[index]; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
		if (!stack.some((node) => node.callFrame.url === url)) continue;
		const ms = (deltas[index + 1] ?? deltas[index] ?? 0) / 1000;
		scriptTotal += ms;
		const leaf = stack[0]!.callFrame;
		self.set(frameKey(leaf, url), (self.get(frameKey(leaf, url)) ?? 0) + ms);
		if (leaf.url === url) scriptSelf += ms;
		for (const key of new Set(stack.filter((node) => node.callFrame.url === url).map((node) => frameKey(node.callFrame, url)))) {
			inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
		}
	}
	return { scriptSelf, scriptTotal, top: ranked(self), inclusive: ranked(inclusive) };
}
