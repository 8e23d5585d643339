/**
 * How to read a page's write to a text node that a badge split. The page
 * believes the node holds its whole text; it holds only the part before the
 * badge (`before`), and our split-off halves hold the rest (`tails`).
 *
 * - 'restored': the page wrote back the whole text it had (a re-render);
 * - 'head': it changed the part it could see and wrote that back (`replaceData`,
 *   `data = data.replace(…)`, a word deleted through a Range): the halves are
 *   still its text. The write then ends as the head did, where a new whole
 *   text would end as the old whole did;
 * - 'whole': a new text for the whole node (a counter, a status): the halves
 *   hold old words, and go.
 *
 * An append (`appendData`, `data +=`) reads as 'whole': nothing in the text
 * tells it from a counter written after a name ("AWS 5", then "AWS 6"), and
 * taking a counter for an append would keep every old value, growing.
 */
export type EditReading = 'restored' | 'head' | 'whole';

export function readEdit(before: string, written: string, tails: string): EditReading {
	if (written === before + tails) return 'restored';
	if (tails !== '' && commonSuffix(written, before) > commonSuffix(written, before + tails)) return 'head';
	return 'whole';
}

/** How many characters `a` and `b` share at their ends. */
export function commonSuffix(a: string, b: string): number {
	let count = 0;
	while (count < a.length && count < b.length && a.charCodeAt(a.length - 1 - count) === b.charCodeAt(b.length - 1 - count)) count++;
	return count;
}
