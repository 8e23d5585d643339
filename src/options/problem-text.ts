/**
 * What went wrong with stored or managed settings, in the user's language.
 * core/settings.ts reports problems as data; this words them, naming the
 * setting as the options page labels it and the default that now applies.
 */
import { DEFAULT_SETTINGS, type SettingKey, type SettingsProblem } from '../core/settings.ts';
import { t } from '../shared/i18n.ts';
import { DENSITY_LABELS, LANGUAGE_LABELS, SETTING_LABELS, STYLE_LABELS } from './labels.ts';

/** The default value of a setting, as the user would read it. */
export function defaultText(key: SettingKey): string {
	switch (key) {
		case 'enabled':
		case 'defaultOn':
		case 'skipCode':
			return DEFAULT_SETTINGS[key] ? t('optionsValueOn') : t('optionsValueOff');
		case 'density':
			return t(DENSITY_LABELS[DEFAULT_SETTINGS.density]);
		case 'language':
			return t(LANGUAGE_LABELS[DEFAULT_SETTINGS.language]);
		case 'badgeStyle':
			return t(STYLE_LABELS[DEFAULT_SETTINGS.badgeStyle]);
		case 'sites':
			return t('optionsValueNone');
	}
}

export function problemText(problem: SettingsProblem): string {
	switch (problem.kind) {
		case 'not-an-object':
			return t('problemNotObject');
		case 'invalid':
			return problem.source === 'stored'
				? t('problemInvalid', t(SETTING_LABELS[problem.key]), defaultText(problem.key))
				: t('problemPolicyInvalid', t(SETTING_LABELS[problem.key]));
		case 'dropped-sites':
			return problem.source === 'stored' ? t('problemDroppedSites', String(problem.count)) : t('problemPolicyDroppedSites', String(problem.count));
		case 'unknown-key':
			return t('problemPolicyUnknown', problem.key.slice(0, 60));
		case 'invalid-paused':
			return t('problemPaused');
		case 'unreadable':
			return t('problemUnreadable', problem.detail.slice(0, 200));
	}
}

/** Only stored problems can be fixed here; the policy's are the administrator's. */
export const isFixable = (problem: SettingsProblem): boolean => problem.source === 'stored' && problem.kind !== 'unreadable';
