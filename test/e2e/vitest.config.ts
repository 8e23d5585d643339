import { defineConfig } from 'vitest/config';

// Browser tests: one file at a time (each starts its own Chromium), generous timeouts for a shared 2-core machine.
export default defineConfig({
	test: {
		include: ['test/e2e/**/*.e2e.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 60_000,
		retry: 0,
	},
});
