/**
 * The two yardsticks the engine is measured against, over the same string.
 * - The floor: reading every character once with `charCodeAt`. No scanner in
 *   JS can beat it, so "× floor" says how much work the engine adds per
 *   character, whatever the machine.
 * - The naive matcher: one `\b`-bounded RegExp per alias, run one after
 *   another, as a first implementation would do it.
 */
import type { MatcherAlias } from '../../src/core/match/matcher.ts';

/** Module state the floor writes to, so V8 cannot drop its loop as dead code. */
let lastSum = 0;

export function charCodeFloor(text: string): void {
	let sum = 0;
	for (let index = 0; index < text.length; index++) sum = (sum + text.charCodeAt(index)) | 0;
	lastSum = sum;
}

/** The floor's last sum: a checksum of the text, the same on every machine for the same seed and size. */
export const lastFloorSum = (): number => lastSum;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** One RegExp per alias, built once, like the engine's own pattern. */
export function naiveRegExps(aliases: readonly MatcherAlias[]): RegExp[] {
	return aliases.map((alias) => new RegExp(`\\b${escapeRegExp(alias.text)}\\b`, 'g'));
}

/** Runs every alias's RegExp over the text in turn; returns the number of hits. */
export function naiveScan(regexps: readonly RegExp[], text: string): number {
	let hits = 0;
	for (const regexp of regexps) {
		regexp.lastIndex = 0;
		while (regexp.exec(text) !== null) hits++;
	}
	return hits;
}
