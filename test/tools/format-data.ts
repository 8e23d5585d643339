/**
 * `npm run data:format`: rewrites every dataset file in canonical form: the
 * schema's key order, defaults written out, tabs, a final newline. Canonical
 * files make diffs reviewable and let the extension read the JSON without a
 * validator (every default is already there). The dataset test fails when a
 * file is not canonical.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Provider, Regime } from '../../src/core/dataset/schema.ts';
import { DATA_DIR, listDataFiles } from './read-dataset.ts';

export function canonical(folder: 'providers' | 'regimes', value: unknown): string | undefined {
	const parsed = (folder === 'providers' ? Provider : Regime).safeParse(value);
	return parsed.success ? `${JSON.stringify(parsed.data, null, '\t')}\n` : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	let changed = 0;
	for (const folder of ['providers', 'regimes'] as const) {
		for (const file of listDataFiles(folder)) {
			const path = join(DATA_DIR, folder, file);
			const text = readFileSync(path, 'utf8');
			const formatted = canonical(folder, JSON.parse(text));
			if (formatted === undefined) {
				console.error(`${folder}/${file}: does not pass the schema; run the dataset test for details`);
				process.exitCode = 1;
				continue;
			}
			if (formatted !== text) {
				writeFileSync(path, formatted);
				changed++;
			}
		}
	}
	console.log(`${changed} file(s) rewritten`);
}
