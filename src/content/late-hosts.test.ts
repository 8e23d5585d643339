// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LateHosts, LOOK_AGAIN_AFTER_MS, WAITING_MAX } from './late-hosts.ts';

beforeEach(() => {
	vi.useFakeTimers();
	document.body.innerHTML = '';
});
afterEach(() => vi.useRealTimers());

const element = (name = 'x-card'): Element => document.body.appendChild(document.createElement(name));
const start = (controller = new AbortController()) => {
	const found: ShadowRoot[] = [];
	const hosts = new LateHosts(controller.signal, (root) => found.push(root), () => Date.now());
	return { hosts, found, controller };
};

describe('LateHosts', () => {
	it.each([
		['x-card', true],
		['my-app-shell', true],
		['div', false],
		['span', false],
	])('waits for <%s>: %s', (name, expected) => {
		expect(LateHosts.isCandidate(document.createElement(name))).toBe(expected);
	});

	it.each(LOOK_AGAIN_AFTER_MS.map((at, index) => [index, at]))('hands on a shadow root attached before look %i (at %i ms)', (_index, at) => {
		const { hosts, found } = start();
		const host = element();
		hosts.note(host);
		vi.advanceTimersByTime(at - 1);
		const root = host.attachShadow({ mode: 'open' });
		expect(found).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(found).toEqual([root]);
		expect(hosts.size).toBe(0);
	});

	it('gives up after the last look, and when the element leaves the page', () => {
		const { hosts, found } = start();
		const never = element();
		const leaving = element();
		hosts.note(never);
		hosts.note(leaving);
		vi.advanceTimersByTime(LOOK_AGAIN_AFTER_MS[0]!);
		leaving.remove();
		leaving.attachShadow({ mode: 'open' });
		vi.advanceTimersByTime(LOOK_AGAIN_AFTER_MS[1]! - LOOK_AGAIN_AFTER_MS[0]!);
		expect(hosts.size).toBe(1);
		vi.advanceTimersByTime(LOOK_AGAIN_AFTER_MS.at(-1)!);
		expect(hosts.size).toBe(0);
		never.attachShadow({ mode: 'open' });
		vi.advanceTimersByTime(60_000);
		expect(found).toEqual([]);
	});

	it('notes an element once, and at most WAITING_MAX at a time', () => {
		const { hosts } = start();
		const first = element();
		hosts.note(first);
		hosts.note(first);
		expect(hosts.size).toBe(1);
		for (let index = 0; index < WAITING_MAX + 10; index++) hosts.note(element());
		expect(hosts.size).toBe(WAITING_MAX);
	});

	it('keeps each element on its own schedule', () => {
		const { hosts, found } = start();
		const early = element();
		hosts.note(early);
		vi.advanceTimersByTime(400);
		const late = element();
		hosts.note(late);
		const lateRoot = late.attachShadow({ mode: 'open' });
		// The first look at `early` comes at 500 ms; `late` is not looked at until 900.
		vi.advanceTimersByTime(100);
		expect(found).toEqual([]);
		vi.advanceTimersByTime(400);
		expect(found).toEqual([lateRoot]);
	});

	it('stops looking when its signal aborts', () => {
		const { hosts, found, controller } = start();
		const host = element();
		hosts.note(host);
		host.attachShadow({ mode: 'open' });
		controller.abort();
		vi.advanceTimersByTime(60_000);
		expect(found).toEqual([]);
		hosts.note(element());
		expect(hosts.size).toBe(0);
		expect(vi.getTimerCount()).toBe(0);
	});
});
