/**
 * The settings that could not be used as stored or as the policy set them,
 * said plainly, with a way to save the corrected values so the notice goes.
 */
import type { JSX } from 'preact';
import type { SettingsProblem } from '../core/settings.ts';
import { t } from '../shared/i18n.ts';
import { repairStoredSettings } from '../shared/storage.ts';
import { isFixable, problemText } from './problem-text.ts';

export function Problems({ problems, onRepaired }: { problems: readonly SettingsProblem[]; onRepaired: () => void }): JSX.Element | null {
	if (problems.length === 0) return null;
	return (
		<div class="problems" role="alert" data-testid="problems">
			<p>{t('optionsProblems')}</p>
			<ul>{problems.map((problem, index) => <li key={index}>{problemText(problem)}</li>)}</ul>
			{problems.some(isFixable) ? (
				<button type="button" data-testid="repair" onClick={() => void repairStoredSettings().then(onRepaired)}>{t('optionsRepair')}</button>
			) : null}
		</div>
	);
}
