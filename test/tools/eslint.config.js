// ESLint config. Kept under test/tools so the top level holds only the files the project layout names;
// `npm run lint` passes it with --config.
import js from '@eslint/js';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new globalThis.URL('../../', import.meta.url));

/** Globals that tie code to a browser or an extension context. */
const CONTEXT_GLOBALS = ['window', 'document', 'navigator', 'location', 'chrome', 'browser', 'localStorage', 'sessionStorage', 'process', 'Buffer'];

export default tseslint.config(
	{ ignores: ['dist/**', 'artifacts/**', 'node_modules/**', 'coverage/**', 'src/data/index.ts'] },
	js.configs.recommended,
	...tseslint.configs.recommendedTypeChecked,
	{
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: root },
		},
		plugins: { 'no-unsanitized': noUnsanitized },
		rules: {
			'no-unsanitized/method': 'error',
			'no-unsanitized/property': 'error',
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/consistent-type-imports': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// Non-null assertions are used after explicit length/bounds checks; the checker cannot follow those.
			'@typescript-eslint/no-non-null-assertion': 'off',
			// Handlers return promises to the polyfill by design (its onMessage contract).
			'@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
			eqeqeq: ['error', 'always'],
			'no-console': ['error', { allow: ['warn', 'error', 'log'] }],
		},
	},
	{
		// Core is pure: it runs in Node, tests, the CLI and every browser context.
		files: ['src/core/**/*.ts'],
		ignores: ['src/core/**/*.test.ts'],
		rules: {
			'no-restricted-imports': ['error', {
				patterns: [
					{ group: ['webextension-polyfill', 'preact', 'preact/*', '@floating-ui/*'], message: 'src/core must stay free of browser and UI code.' },
					{ group: ['node:*'], message: 'src/core must run in browsers too: no Node built-ins.' },
					{ group: ['**/content/**', '**/background/**', '**/popup/**', '**/options/**', '**/shared/**', '**/ui/**', '**/cli/**'], message: 'src/core may not import glue code.' },
				],
			}],
			'no-restricted-globals': ['error', ...CONTEXT_GLOBALS],
			'no-console': 'error',
		},
	},
	{
		// Each context talks to the others through messages or storage only (Dark Reader's zones).
		files: ['src/content/**/*.{ts,tsx}'],
		rules: { 'no-restricted-imports': ['error', { patterns: ['**/background/**', '**/popup/**', '**/options/**', '**/data/index*'] }] },
	},
	{
		// Tests of the content script build the index it ships from the dataset itself, as the build does.
		files: ['src/content/**/*.test.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: ['**/background/**', '**/popup/**', '**/options/**'] }] },
	},
	{
		files: ['src/background/**/*.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: ['**/content/**', '**/popup/**', '**/options/**'] }] },
	},
	{
		files: ['src/popup/**/*.{ts,tsx}', 'src/options/**/*.{ts,tsx}'],
		rules: { 'no-restricted-imports': ['error', { patterns: ['**/content/**', '**/background/**'] }] },
	},
	{
		// Extension code goes through webextension-polyfill; raw `chrome` is for tests driving the browser.
		files: ['src/**/*.{ts,tsx}'],
		ignores: ['src/**/*.test.{ts,tsx}'],
		rules: { 'no-restricted-globals': ['error', 'chrome'] },
	},
	{
		files: ['test/**/*.{ts,js}', 'src/cli/**/*.ts', 'src/**/*.test.{ts,tsx}', 'vite.config.ts'],
		rules: {
			'no-console': 'off',
			// Tests build fixture DOM from literal strings they own; no page content flows in.
			'no-unsanitized/property': 'off',
			// Test helpers evaluate code inside the browser, where types come from @types/chrome.
			'@typescript-eslint/no-unsafe-assignment': 'off',
			'@typescript-eslint/no-unsafe-member-access': 'off',
		},
	},
	{
		files: ['**/*.js'],
		...tseslint.configs.disableTypeChecked,
	},
);
