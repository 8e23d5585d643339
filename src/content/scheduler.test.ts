import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScheduler, type Step } from './scheduler.ts';

/** A job of `steps` steps that logs `name1`, `name2`…; `during` runs inside a given step. */
function job(log: string[], name: string, steps: number, during: Record<number, () => void> = {}): Step {
	let done = 0;
	return () => {
		done++;
		log.push(`${name}${done}`);
		during[done]?.();
		return done < steps;
	};
}

const controllers: AbortController[] = [];
function scheduler() {
	const controller = new AbortController();
	controllers.push(controller);
	return { scheduler: createScheduler(controller.signal), controller };
}
afterEach(() => {
	for (const controller of controllers.splice(0)) controller.abort();
	vi.restoreAllMocks();
});

describe('createScheduler', () => {
	it('runs jobs in the order queued, each step by step to its end', async () => {
		const log: string[] = [];
		const { scheduler: s } = scheduler();
		s.add(job(log, 'a', 3));
		s.add(job(log, 'b', 1));
		await s.idle();
		expect(log).toEqual(['a1', 'a2', 'a3', 'b1']);
	});

	it.each([
		// [what the running job does after queuing a `first` job, order]
		['goes on', 3, ['a1', 'f1', 'f2', 'a2', 'a3', 'b1']],
		['ends', 1, ['a1', 'f1', 'f2', 'b1']],
	])('runs a `first` job right after the running step, and the running job %s', async (_what, steps, order) => {
		const log: string[] = [];
		const { scheduler: s } = scheduler();
		s.add(job(log, 'a', steps, { 1: () => s.add(job(log, 'f', 2), { first: true }) }));
		s.add(job(log, 'b', 1));
		await s.idle();
		expect(log).toEqual(order);
	});

	it('skips a step that throws and goes on with the next job', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const log: string[] = [];
		const { scheduler: s } = scheduler();
		s.add(() => {
			throw new Error('broken');
		});
		s.add(job(log, 'b', 2));
		await s.idle();
		expect(log).toEqual(['b1', 'b2']);
		expect(console.error).toHaveBeenCalledTimes(1);
	});

	it('drops its queue when its lifetime ends, and says it is idle', async () => {
		const log: string[] = [];
		const { scheduler: s, controller } = scheduler();
		s.add(job(log, 'a', 5, { 2: () => controller.abort() }));
		await s.idle();
		expect(log).toEqual(['a1', 'a2']);
		expect(s.pending).toBe(0);
		s.add(job(log, 'late', 1));
		expect(s.pending).toBe(0);
	});
});
