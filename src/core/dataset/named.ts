/**
 * Reads a `Named` value (schema.ts) in one language: a bare name is the same
 * in every language.
 */
import type { NamedT } from './schema.ts';

export const inLanguage = (value: NamedT, lang: 'en' | 'fr'): string => (typeof value === 'string' ? value : value[lang]);
