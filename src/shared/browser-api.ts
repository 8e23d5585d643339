/**
 * The extension API, through webextension-polyfill, for every context.
 *
 * Why `require` and not `import browser from`: the bundler wraps a CommonJS
 * default import in an interop object made by copying every property of the
 * module's export. Where the browser has its own promise-based `browser`
 * (Firefox, and Chromium since it gained one), the polyfill exports that
 * native object, and the copy asks it for each of its APIs, which makes
 * Chromium build every one of them: about 4 ms of every page's start-up
 * (`npm run bench:page -- --profile`, "get app" under `__toESM`). `require`
 * hands over the export as is.
 */
import type { Browser } from 'webextension-polyfill';

// The bundler resolves this require at build time; there is no require at run time.
declare const require: (id: 'webextension-polyfill') => Browser;

const browser: Browser = require('webextension-polyfill');

export default browser;
