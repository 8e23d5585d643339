/**
 * Every word the extension's own pages show goes through i18n. This walks
 * the JSX of the popup, the options page and the shared UI with the
 * TypeScript parser and fails on any literal text or any literal
 * user-facing attribute (aria-label, title, alt, placeholder) with letters in it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../', import.meta.url).pathname;
const DIRS = ['popup', 'options', 'ui'];
const WORDS = /\p{L}{2,}/u;
const SPOKEN_ATTRIBUTES = new Set(['aria-label', 'title', 'alt', 'placeholder', 'aria-description', 'aria-roledescription']);

function literalTexts(file: string, text = readFileSync(file, 'utf8')): string[] {
	const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
	const found: string[] = [];
	const visit = (node: ts.Node): void => {
		if (ts.isJsxText(node) && WORDS.test(node.text)) found.push(node.text.trim());
		if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText(source)) && node.initializer && ts.isStringLiteral(node.initializer) && WORDS.test(node.initializer.text)) {
			found.push(`${node.name.getText(source)}="${node.initializer.text}"`);
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found.map((text) => `${file.slice(SRC.length)}: ${text}`);
}

const files = DIRS.flatMap((dir) => readdirSync(join(SRC, dir)).filter((name) => name.endsWith('.tsx')).map((name) => join(SRC, dir, name)));

describe('UI text', () => {
	it('finds the UI files it checks', () => {
		expect(files.length).toBeGreaterThanOrEqual(10);
	});

	it('has no hard-coded words in JSX: everything goes through t()', () => {
		expect(files.flatMap((file) => literalTexts(file))).toEqual([]);
	});

	it('catches hard-coded words, and lets punctuation and t() through', () => {
		const probe = join(SRC, 'ui', 'probe.tsx');
		const code = 'const a = <p title="Hello" aria-label={t(\'x\')}>{t(\'y\')} · registry <a alt="">→</a> c. {date}</p>;';
		expect(literalTexts(probe, code)).toEqual(['ui/probe.tsx: title="Hello"', 'ui/probe.tsx: · registry']);
	});
});
