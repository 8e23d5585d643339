/** Flags for every Chromium the tests and benchmarks start: quiet, offline, no first-run UI. */
export const CHROMIUM_FLAGS: readonly string[] = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-features=Translate,OptimizationHints,MediaRouter',
];
