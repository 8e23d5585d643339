/**
 * The badge's letter, drawn with CSS gradients instead of text.
 *
 * Why not a text node: Chromium's find-in-page (Ctrl+F, `window.find`) reads
 * text, generated content and replaced elements (img, svg, canvas) in shadow
 * trees too, and stops at an inline-block that holds any child. A letter
 * there turned "OVHcloud hosting" into "OVHcloudU hosting": the page's own
 * phrase could no longer be found. A childless inline-block painted with
 * backgrounds is passed over, so the badge is one empty element and its
 * letter is drawn by these layers (no image, so nothing for a page's CSP to
 * block or report).
 *
 * Each letter is a list of strokes on a 10 × 14 grid, one background layer
 * each: bars are solid gradients, curves are rings cut from a radial
 * gradient, diagonals are a stripe through a box's corners.
 */
import type { VerdictLevel } from '../core/verdict/levels.ts';

/** One stroke in grid units: x, y, width, height of the box its layer fills. */
type Box = readonly [number, number, number, number];

type Stroke =
	| { bar: Box }
	/** The part of a ring (outer radius 5, RING_INNER inside) centred at (cx, cy) that falls inside `box`. */
	| { ring: Box; cx: number; cy: number }
	/** A stripe from the box's top-left corner to its bottom-right one. */
	| { falling: Box };

const GRID_WIDTH = 10;
const GRID_HEIGHT = 14;
/** Stroke thickness, in grid units: about a bold face's stem. */
const T = 2.8;
const RING_OUTER = 5;
const RING_INNER = RING_OUTER - T;
/** Straight strokes reach this far into the curves they meet, so that no seam shows where rounding leaves a gap. */
const JOIN = 0.4;

/** The round top (centred on y 5) and bottom (on y 9) of O, C, Q and the question mark's hook. */
const TOP_ARC: Stroke = { ring: [0, 0, 10, 5], cx: 5, cy: 5 };
const BOTTOM_ARC: Stroke = { ring: [0, 9, 10, 5], cx: 5, cy: 9 };
const LEFT_STEM: Stroke = { bar: [0, 0, T, 14] };
const RIGHT_STEM: Stroke = { bar: [10 - T, 0, T, 14] };
/** The straight sides between TOP_ARC and BOTTOM_ARC. */
const LEFT_SIDE: Stroke = { bar: [0, 5 - JOIN, T, 4 + 2 * JOIN] };
const RIGHT_SIDE: Stroke = { bar: [10 - T, 5 - JOIN, T, 4 + 2 * JOIN] };

/**
 * The letters of LEVEL_GLYPHS (levels.ts), which the popup and the card
 * still write as text. A test checks the two lists name the same levels.
 */
const STROKES: Record<VerdictLevel, readonly Stroke[]> = {
	// Q: an O with a tail.
	'secnumcloud': [TOP_ARC, LEFT_SIDE, RIGHT_SIDE, BOTTOM_ARC, { falling: [5, 8.5, 5, 5.5] }],
	// E
	'eu-controlled': [LEFT_STEM, { bar: [0, 0, 10, T] }, { bar: [0, 7 - T / 2, 8.6, T] }, { bar: [0, 14 - T, 10, T] }],
	// L
	'eu-operated-non-eu-tech': [LEFT_STEM, { bar: [0, 14 - T, 9.6, T] }],
	// U
	'non-eu-us': [{ bar: [0, 0, T, 9 + JOIN] }, { bar: [10 - T, 0, T, 9 + JOIN] }, BOTTOM_ARC],
	// C: an O open on the right.
	'non-eu-cn': [{ ring: [0, 0, 10, 3.6], cx: 5, cy: 5 }, { ring: [0, 0, 5, 5], cx: 5, cy: 5 }, LEFT_SIDE, { ring: [0, 9, 5, 5], cx: 5, cy: 9 }, { ring: [0, 10.4, 10, 3.6], cx: 5, cy: 9 }],
	// N
	'non-eu-other': [LEFT_STEM, RIGHT_STEM, { falling: [0, 0, 10, 14] }],
	// ?: a hook, a stem, a dot.
	'unknown': [{ ring: [0, 0, 10, 5], cx: 5, cy: 4.6 }, { ring: [5, 4.6, 5, 5], cx: 5, cy: 4.6 }, { bar: [5 - T / 2, 7.6, T, 2.6] }, { bar: [5 - T / 2, 14 - T, T, T] }],
};

const INK = '#fff';
const fmt = (value: number): string => `${Math.round(value * 10000) / 10000}em`;

/**
 * The CSS `background` layers that draw `level`'s letter, one grid unit
 * being `unit` em. The glyph is centred in the element's padding box when
 * `left` is undefined, or starts `left` em from its left edge.
 */
export function glyphLayers(level: VerdictLevel, unit: number, left?: number): string {
	return STROKES[level].map((stroke) => {
		const [x, y, width, height] = 'bar' in stroke ? stroke.bar : 'ring' in stroke ? stroke.ring : stroke.falling;
		// A percentage position aligns that point of the layer with the same point of the box:
		// calc(50% + k) puts the layer's centre k from the box's centre.
		const across = left === undefined ? `calc(50% + ${fmt((x + width / 2 - GRID_WIDTH / 2) * unit)})` : fmt(left + x * unit);
		const down = `calc(50% + ${fmt((y + height / 2 - GRID_HEIGHT / 2) * unit)})`;
		const place = `${across} ${down}/${fmt(width * unit)} ${fmt(height * unit)} no-repeat`;
		if ('bar' in stroke) return `linear-gradient(${INK} 0 0) ${place}`;
		if ('falling' in stroke) {
			// "to top right": the gradient's 50% line runs through the top-left and bottom-right corners.
			const half = fmt((T / 2) * unit * 1.2);
			return `linear-gradient(to top right,transparent calc(50% - ${half}),${INK} 0 calc(50% + ${half}),transparent 0) ${place}`;
		}
		const at = `${fmt((stroke.cx - x) * unit)} ${fmt((stroke.cy - y) * unit)}`;
		return `radial-gradient(circle at ${at},transparent ${fmt(RING_INNER * unit)},${INK} 0 ${fmt(RING_OUTER * unit)},transparent 0) ${place}`;
	}).join(',');
}

export const GLYPH_GRID = { width: GRID_WIDTH, height: GRID_HEIGHT } as const;
