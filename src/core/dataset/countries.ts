/**
 * Country groupings the verdict rules rely on. Kept tiny and explicit: the
 * rules must be readable by a lawyer, not hidden in a library.
 */

/** EU member states plus the EEA states (GDPR applies in full there). */
export const EU_EEA: ReadonlySet<string> = new Set([
	'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU',
	'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
	'IS', 'LI', 'NO',
]);

export const isEuEea = (country: string): boolean => EU_EEA.has(country);

const displayNames = new Map<string, Intl.DisplayNames>();

/** "US" → "United States" / "États-Unis", using the JS engine's own CLDR data. */
export function countryName(code: string, lang: 'en' | 'fr'): string {
	let names = displayNames.get(lang);
	if (!names) {
		names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
		displayNames.set(lang, names);
	}
	return names.of(code) ?? code;
}
