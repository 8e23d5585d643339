/** The words for each setting and each of its values, shared by the controls and the problem messages. */
import type { SettingKey, Settings } from '../core/settings.ts';
import type { MessageKey } from '../shared/i18n.ts';

export const SETTING_LABELS: Record<SettingKey, MessageKey> = {
	enabled: 'optionsEnabled',
	defaultOn: 'optionsDefaultOn',
	sites: 'optionsSitesSetting',
	density: 'optionsDensity',
	skipCode: 'optionsSkipCode',
	language: 'optionsLanguage',
	badgeStyle: 'optionsBadgeStyle',
};

export const DENSITY_LABELS: Record<Settings['density'], MessageKey> = { 'all': 'optionsDensityAll', 'first-per-block': 'optionsDensityFirst' };
export const LANGUAGE_LABELS: Record<Settings['language'], MessageKey> = { auto: 'optionsLanguageAuto', fr: 'optionsLanguageFr', en: 'optionsLanguageEn' };
export const STYLE_LABELS: Record<Settings['badgeStyle'], MessageKey> = { compact: 'optionsBadgeCompact', labelled: 'optionsBadgeLabelled' };
