// Types for `virtual:ui-messages` (mapped here by tsconfig "paths"); the module is generated at build time
// from src/static/_locales by test/tools/vite-dataset-gate.ts and aliased in vite.config.ts.
declare const messages: Record<'en' | 'fr', Record<string, { message: string; placeholders?: Record<string, { content: string }> }>>;
export default messages;
