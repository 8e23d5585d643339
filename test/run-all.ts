/**
 * `npm test`: every check, in order, stopping at the first failure.
 *   1. type check (app + the DOM-free core config)
 *   2. lint
 *   3. unit tests (vitest: Node for core, happy-dom for DOM code)
 *   4. build, then web-ext lint on dist/
 *   5. end-to-end tests in Debian Chromium with the built extension
 *   6. Firefox smoke test (web-ext run, headless firefox-esr)
 * It ends with one line: "N passed, N failed". Test counts come from the
 * runners' JSON reports; a step without its own tests counts as one check.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

interface Tally {
	passed: number;
	failed: number;
}

interface Step {
	name: string;
	command: string[];
	/** A JSON report to count tests from, instead of counting the step as one check. */
	report?: string;
	count?: (report: string) => Tally;
}

/** Vitest's JSON reporter (Jest-compatible shape). */
const vitestCount = (path: string): Tally => {
	const json = JSON.parse(readFileSync(path, 'utf8')) as { numPassedTests: number; numFailedTests: number };
	return { passed: json.numPassedTests, failed: json.numFailedTests };
};

/** The Firefox smoke test writes { checks: [{ name, ok }] }. */
const checksCount = (path: string): Tally => {
	const json = JSON.parse(readFileSync(path, 'utf8')) as { checks: Array<{ ok: boolean }> };
	return { passed: json.checks.filter((check) => check.ok).length, failed: json.checks.filter((check) => !check.ok).length };
};

const npx = (...args: string[]): string[] => ['npx', '--no-install', ...args];

const STEPS: Step[] = [
	{ name: 'type check', command: ['npm', 'run', '--silent', 'typecheck'] },
	{ name: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
	{
		name: 'unit tests',
		command: npx('vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${ARTIFACTS}unit.json`),
		report: `${ARTIFACTS}unit.json`,
		count: vitestCount,
	},
	{ name: 'build', command: ['npm', 'run', '--silent', 'build', '--', '--logLevel', 'warn'] },
	{ name: 'web-ext lint', command: ['npm', 'run', '--silent', 'lint:ext'] },
	{
		name: 'e2e (Chromium)',
		command: npx('vitest', 'run', '--config', 'test/e2e/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${ARTIFACTS}e2e.json`),
		report: `${ARTIFACTS}e2e.json`,
		count: vitestCount,
	},
	{
		name: 'smoke (Firefox)',
		command: ['npx', '--no-install', 'tsx', 'test/firefox/smoke.ts', `${ARTIFACTS}firefox.json`],
		report: `${ARTIFACTS}firefox.json`,
		count: checksCount,
	},
];

function run(command: string[]): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } });
		child.on('close', (code) => resolve(code ?? 1));
		child.on('error', () => resolve(1));
	});
}

const total: Tally = { passed: 0, failed: 0 };
let stopped = false;
for (const step of STEPS) {
	const started = Date.now();
	console.log(`\n▶ ${step.name}: ${step.command.join(' ')}`);
	if (step.report) rmSync(step.report, { force: true });
	const code = await run(step.command);
	let tally: Tally = code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
	if (step.report && step.count && existsSync(step.report)) {
		try {
			tally = step.count(step.report);
			// A runner that exits non-zero with no failed test still failed (a crash, a load error).
			if (code !== 0 && tally.failed === 0) tally.failed = 1;
		} catch {
			// An unreadable report: keep the exit-code tally.
		}
	}
	total.passed += tally.passed;
	total.failed += tally.failed;
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	console.log(`${code === 0 ? '✔' : '✘'} ${step.name}: ${tally.passed} passed, ${tally.failed} failed (${seconds} s)`);
	if (code !== 0) {
		stopped = true;
		console.log(`\nStopped at "${step.name}"; later steps did not run.`);
		break;
	}
}

console.log(`\n${total.passed} passed, ${total.failed} failed`);
process.exit(stopped || total.failed > 0 ? 1 : 0);
