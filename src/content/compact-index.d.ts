// Types for `virtual:compact-index` (mapped here by tsconfig "paths"). The module itself is generated at
// build time from src/data by test/tools/vite-dataset-gate.ts and aliased in vite.config.ts.
import type { CompactIndex } from '../core/compact.ts';

declare const index: CompactIndex;
export default index;
/** `cueTables()` (core/match/cue-scan.ts) as JSON text, parsed only when a page first needs it. */
export declare const cueTablesJson: string;
