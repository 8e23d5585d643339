import { describe, expect, it } from 'vitest';
import { VERDICT_LEVELS, type VerdictLevel } from '../core/verdict/levels.ts';
import { GLYPH_GRID, glyphLayers } from './badge-glyphs.ts';

/** Splits a `background` value into its layers (commas inside gradients do not count). */
function layersOf(css: string): string[] {
	const layers: string[] = [];
	let depth = 0;
	let from = 0;
	for (let at = 0; at < css.length; at++) {
		if (css[at] === '(') depth++;
		else if (css[at] === ')') depth--;
		else if (css[at] === ',' && depth === 0) {
			layers.push(css.slice(from, at));
			from = at + 1;
		}
	}
	layers.push(css.slice(from));
	return layers;
}

/** A layer's box in grid units, read back from its `position / size` at `unit` em per grid unit. */
function boxOf(layer: string, unit: number, left?: number): { x: number; y: number; width: number; height: number } {
	const place = /\)\s(?<across>calc\(50% \+ (?<kx>-?[\d.]+)em\)|(?<lx>-?[\d.]+)em) calc\(50% \+ (?<ky>-?[\d.]+)em\)\/(?<w>[\d.]+)em (?<h>[\d.]+)em no-repeat$/.exec(layer);
	if (!place?.groups) throw new Error(`unexpected layer: ${layer}`);
	const { kx, lx, ky, w, h } = place.groups;
	const width = Number(w) / unit;
	const height = Number(h) / unit;
	// calc(50% + k) centres the layer k from the box's centre (see glyphLayers).
	const x = lx === undefined ? Number(kx) / unit - width / 2 + GLYPH_GRID.width / 2 : (Number(lx) - left!) / unit;
	const y = Number(ky) / unit - height / 2 + GLYPH_GRID.height / 2;
	return { x, y, width, height };
}

const UNIT = 0.05;
const near = (value: number, low: number, high: number): boolean => value >= low - 1e-6 && value <= high + 1e-6;

describe('glyphLayers', () => {
	it.each(VERDICT_LEVELS.map((level) => [level]))('draws %s inside the grid, centred or from the left', (level: VerdictLevel) => {
		const centred = layersOf(glyphLayers(level, UNIT));
		const fromLeft = layersOf(glyphLayers(level, UNIT, 0.3));
		expect(centred.length).toBeGreaterThanOrEqual(2);
		expect(fromLeft).toHaveLength(centred.length);
		centred.forEach((layer, index) => {
			const box = boxOf(layer, UNIT);
			expect(near(box.x, 0, GLYPH_GRID.width) && near(box.x + box.width, 0, GLYPH_GRID.width), layer).toBe(true);
			expect(near(box.y, 0, GLYPH_GRID.height) && near(box.y + box.height, 0, GLYPH_GRID.height), layer).toBe(true);
			// The same stroke in the same place of the letter, wherever the letter is.
			const moved = boxOf(fromLeft[index]!, UNIT, 0.3);
			expect(moved.x).toBeCloseTo(box.x, 3);
			expect(moved.y).toBeCloseTo(box.y, 3);
		});
	});

	it('draws a different letter for every level', () => {
		const drawn = VERDICT_LEVELS.map((level) => glyphLayers(level, UNIT));
		expect(new Set(drawn).size).toBe(VERDICT_LEVELS.length);
	});

	it('paints only gradients: no image for a page\'s content security policy to block', () => {
		for (const level of VERDICT_LEVELS) {
			for (const layer of layersOf(glyphLayers(level, UNIT))) expect(layer).toMatch(/^(?:linear|radial)-gradient\(/);
			expect(glyphLayers(level, UNIT)).not.toMatch(/url\(/);
		}
	});

	it('scales with the unit: twice the unit, twice the size', () => {
		const small = layersOf(glyphLayers('eu-controlled', 0.05)).map((layer) => boxOf(layer, 0.05));
		const large = layersOf(glyphLayers('eu-controlled', 0.1)).map((layer) => boxOf(layer, 0.1));
		expect(large).toHaveLength(small.length);
		large.forEach((box, index) => {
			for (const key of ['x', 'y', 'width', 'height'] as const) expect(box[key]).toBeCloseTo(small[index]![key], 3);
		});
	});
});
