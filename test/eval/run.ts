/**
 * `npm run eval [-- --errors]`: precision and recall of the detector on the
 * labelled development corpus, overall, per vendor and per language.
 * With --errors it lists every false positive and false negative with its
 * context (and, for a rejected ambiguous name, the score trace).
 */
import { evaluate, loadCorpus, type Metrics } from './score.ts';

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;
const row = (label: string, metrics: Metrics): string =>
	`${label.padEnd(22)} ${pct(metrics.precision).padStart(7)} ${pct(metrics.recall).padStart(7)} ${pct(metrics.f1).padStart(7)}   tp ${String(metrics.tp).padStart(4)}  fp ${String(metrics.fp).padStart(3)}  fn ${String(metrics.fn).padStart(3)}`;

const result = evaluate(loadCorpus());
console.log(`Detector on the development corpus: ${result.passages} passages\n`);
console.log(`${''.padEnd(22)} ${'prec.'.padStart(7)} ${'recall'.padStart(7)} ${'F1'.padStart(7)}`);
console.log(row('overall (overlap)', result.overall));
console.log(row('overall (exact span)', result.exact));
console.log('\nby language');
for (const [lang, metrics] of Object.entries(result.byLang)) console.log(row(lang, metrics));
console.log('\nby vendor');
for (const [vendor, metrics] of Object.entries(result.byVendor)) console.log(row(vendor, metrics));

if (process.argv.includes('--errors')) {
	console.log('\nerrors');
	for (const error of result.errors) {
		console.log(`${error.type.toUpperCase()} ${error.id} ${error.vendor} "${error.surface}": ${error.context}${error.trace ? `  {${error.trace.join(', ')}}` : ''}`);
	}
} else {
	console.log(`\n${result.errors.length} errors; run with -- --errors to list them.`);
}
