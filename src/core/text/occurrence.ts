/**
 * Where a name went when a page wrote its text anew. A live line ("7 alerts
 * from AWS" becoming "113 alerts from AWS") moves the name without changing
 * which of its occurrences it is: the same occurrence, counted from the start,
 * is the same name, provided both texts hold it equally often. Otherwise (a
 * name added or taken out before it) there is no telling, and the caller
 * scans the text again.
 */
export function sameOccurrence(before: string, after: string, start: number, surface: string): number | undefined {
	if (surface === '' || before.slice(start, start + surface.length) !== surface) return undefined;
	// Fast path: the name is where it was, and what precedes it is unchanged.
	if (after.startsWith(before.slice(0, start + surface.length))) return start;
	const starts = (text: string): number[] => {
		const found: number[] = [];
		for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) found.push(at);
		return found;
	};
	const old = starts(before);
	const now = starts(after);
	if (old.length !== now.length) return undefined;
	return now[old.indexOf(start)];
}
