/**
 * Puts both languages' message tables into the bundle of an extension page or
 * the background, for the forced-language setting (see i18n.ts). Imported for
 * its effect by those entry points; the content script does not import it.
 */
// The message files without the translators' descriptions, generated at build time (vite.config.ts).
import bundled from 'virtual:ui-messages';
import { provideMessages } from './i18n.ts';

provideMessages('en', bundled.en);
provideMessages('fr', bundled.fr);

export const messageTables = bundled;
