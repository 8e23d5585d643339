/**
 * Plain-text formatting for the benchmark's table: one column per text size,
 * one row per measure, right-aligned so the ratios line up.
 */

export const mbPerSecond = (chars: number, ms: number): number => chars / 1_000_000 / (ms / 1000);

export const fixed = (value: number, digits = 1): string =>
	value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const ratio = (value: number): string => `${fixed(value, 2)}×`;

export const megabytes = (bytes: number): string => `${fixed(bytes / 1024 / 1024, 1)} MiB`;

export const kilobytes = (bytes: number): string => `${fixed(bytes / 1024, 1)} KiB`;

export type Row = [label: string, ...cells: string[]];

/** Left column for labels, then right-aligned cells; an empty-label row of no cells is a blank line. */
export function table(header: Row, rows: readonly Row[]): string {
	const all = [header, ...rows];
	const labelWidth = Math.max(...all.map((row) => row[0].length));
	const cellWidth = Math.max(...all.flatMap((row) => row.slice(1).map((cell) => cell.length)));
	return all
		.map((row) => [row[0].padEnd(labelWidth), ...row.slice(1).map((cell) => cell.padStart(cellWidth))].join('   ').trimEnd())
		.join('\n');
}
