/**
 * `npm run scan -- [--json | --jsonl] [--lang en|fr] <file…|->`: the process
 * wrapper around scan-command.ts, which does the work and is tested in-process.
 */
import { readFileSync } from 'node:fs';
import { runScan } from './scan-command.ts';

process.exitCode = runScan(process.argv.slice(2), {
	read: (name) => (name === '-' ? readFileSync(0) : readFileSync(name)),
	out: (text) => process.stdout.write(text),
	err: (text) => process.stderr.write(text),
});
