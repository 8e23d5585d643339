// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { layoutBreadth } from './layout-breadth.ts';

beforeEach(() => {
	document.body.innerHTML = '';
});

const paragraphs = (count: number): string => Array.from({ length: count }, (_, index) => `<p id="p${index}">Text ${index}</p>`).join('');

describe('layoutBreadth', () => {
	it.each([
		// html holds head and body (2), body holds main (1), main holds the paragraphs.
		['a paragraph among 3', `<main>${paragraphs(3)}</main>`, '#p0', 2 + 1 + 3],
		['a paragraph among 50', `<main>${paragraphs(50)}</main>`, '#p7', 2 + 1 + 50],
		['a paragraph in a nested section', `<main><section>${paragraphs(4)}</section><section></section></main>`, '#p2', 2 + 1 + 2 + 4],
		['a cell of a 30-row table', `<table><tbody>${'<tr><td>x</td></tr>'.repeat(29)}<tr><td id="cell">AWS</td></tr></tbody></table>`, '#cell', 2 + 1 + 1 + 30 + 1],
	])('counts the children along the way up from %s', (_name, html, selector, expected) => {
		document.body.innerHTML = html;
		expect(layoutBreadth(document.querySelector(selector)!)).toBe(expected);
	});

	it('goes on from a shadow root to its host', () => {
		document.body.innerHTML = `<main>${paragraphs(3)}<div id="host"></div></main>`;
		const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
		shadow.innerHTML = paragraphs(5);
		// shadow root (5), host (0 light children), main (4), body (1), html (2).
		expect(layoutBreadth(shadow.querySelector('#p2')!)).toBe(5 + 0 + 4 + 1 + 2);
	});

	it('keeps the total from each ancestor up in the shared map, which the caller forgets when the page changes', () => {
		document.body.innerHTML = `<main><section id="a">${paragraphs(5)}</section><section id="b"><p id="other">x</p></section></main>`;
		const totals = new WeakMap<Node, number>();
		// section a (5), main (2), body (1), html (2).
		expect(layoutBreadth(document.querySelector('#p0')!, totals)).toBe(5 + 2 + 1 + 2);
		expect(totals.get(document.querySelector('main')!)).toBe(2 + 1 + 2);
		// A sibling section reuses main's total.
		document.querySelector('main')!.append(document.createElement('aside'));
		expect(layoutBreadth(document.querySelector('#other')!, totals)).toBe(1 + 2 + 1 + 2);
		expect(layoutBreadth(document.querySelector('#other')!, new WeakMap())).toBe(1 + 3 + 1 + 2);
	});
});
