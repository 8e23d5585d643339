/** The verdict level as a small chip: a letter and a text label, never colour alone. */
import type { JSX } from 'preact';
import { LEVEL_GLYPHS, LEVEL_LABELS, type VerdictLevel } from '../core/verdict/levels.ts';
import type { Lang } from '../shared/i18n.ts';

export function LevelChip({ level, lang }: { level: VerdictLevel; lang: Lang }): JSX.Element {
	return (
		<span class={`level level-${level}`}>
			<span class="level-glyph" aria-hidden="true">{LEVEL_GLYPHS[level]}</span>
			<span class="level-text">{LEVEL_LABELS[level][lang]}</span>
		</span>
	);
}
