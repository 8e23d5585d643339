/**
 * Hovering a marked name (not only its badge) opens the card. Highlights are
 * not elements and get no events, so the pointer position is hit-tested
 * against the text under it, at most once per animation frame.
 */
import type { ReferenceElement } from '@floating-ui/dom';
import type { HoverCard } from './card.tsx';
import type { HitIndex } from './hit-index.ts';
import { isOurs } from './ours.ts';
import type { Hit } from './page-scan.ts';

interface Caret {
	node: Node;
	offset: number;
}

/**
 * The caret under a point. `shadowRoots`: the open shadow roots under the
 * pointer, which the caret may enter; without them Chromium stops at their
 * host, and a marked name inside a web component could not be hovered.
 */
function caretAt(x: number, y: number, shadowRoots: ShadowRoot[]): Caret | undefined {
	const doc = document as Document & {
		caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
	};
	if (typeof doc.caretPositionFromPoint === 'function') {
		const position = shadowRoots.length > 0 ? doc.caretPositionFromPoint(x, y, { shadowRoots }) : doc.caretPositionFromPoint(x, y);
		return position ? { node: position.offsetNode, offset: position.offset } : undefined;
	}
	const range = document.caretRangeFromPoint?.(x, y);
	return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/** A short-lived Range for measuring; never kept, so it cannot slow the page's DOM edits. */
export function rangeOf(hit: Hit): Range {
	const range = document.createRange();
	range.setStart(hit.startNode, hit.startOffset);
	range.setEnd(hit.endNode, hit.endOffset);
	return range;
}

export function virtualAnchor(hit: Hit): ReferenceElement {
	return {
		getBoundingClientRect: () => rangeOf(hit).getBoundingClientRect(),
		getClientRects: () => rangeOf(hit).getClientRects(),
		contextElement: hit.startNode.parentElement ?? undefined,
	};
}

function contains(hit: Hit, x: number, y: number): boolean {
	for (const rect of rangeOf(hit).getClientRects()) {
		if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
	}
	return false;
}

/** `onFrame` runs with each hit test: the caller's cheap upkeep that should follow the pointer (marks.ts `reassert`). */
export function watchHighlightHover(signal: AbortSignal, index: HitIndex, card: HoverCard, onFrame: () => void = () => undefined): void {
	let frame = 0;
	let x = 0;
	let y = 0;
	let over: Hit | undefined;
	let shadowRoots: ShadowRoot[] = [];
	/** The pointer is on one of our badges, which opens and keeps its own card. */
	let onBadge = false;

	const check = (): void => {
		frame = 0;
		onFrame();
		const caret = caretAt(x, y, shadowRoots);
		let found: Hit | undefined;
		if (caret && caret.node.nodeType === Node.TEXT_NODE) {
			found = index.forNode(caret.node as Text).find((hit) => contains(hit, x, y));
		}
		if (found === over) return;
		// Leaving a name for its badge is not leaving: closing here cancelled the card the badge was opening.
		if (over && !found && !onBadge) card.closeSoon();
		over = found;
		if (found) card.open(found, virtualAnchor(found));
	};

	document.addEventListener('pointermove', (event) => {
		if (event.pointerType !== 'mouse' || index.size === 0) return;
		x = event.clientX;
		y = event.clientY;
		// Over an open shadow host (the event is retargeted to it): list the roots on the way to the pointer.
		const target = event.target as Element | null;
		onBadge = target !== null && isOurs(target);
		shadowRoots = target?.shadowRoot ? event.composedPath().filter((item): item is ShadowRoot => item instanceof ShadowRoot) : [];
		if (!frame) frame = requestAnimationFrame(check);
	}, { passive: true, capture: true, signal });
	signal.addEventListener('abort', () => cancelAnimationFrame(frame), { once: true });
}
