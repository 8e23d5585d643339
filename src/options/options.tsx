/**
 * The options page: every setting, the sites with their own choice, the
 * settings an administrator fixed (shown, disabled, and said so), and any
 * stored or policy value that could not be used (said so, never dropped
 * silently). Every change is saved at once and announced.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { BADGE_STYLES, DENSITIES, LANGUAGES, type Settings } from '../core/settings.ts';
// Only the version and date: the options page has no use for the sourced dataset itself.
import meta from '../data/meta.json' with { type: 'json' };
import { currentLang, t, type MessageKey } from '../shared/i18n.ts';
import { writeSettings, type SettingsState } from '../shared/storage.ts';
import { Switch } from '../ui/switch.tsx';
import { useSettings } from '../ui/use-settings.ts';
import { Choice } from './choice.tsx';
import { DENSITY_LABELS, LANGUAGE_LABELS, STYLE_LABELS } from './labels.ts';
import { Problems } from './problems.tsx';
import { SiteLists } from './site-lists.tsx';

/** The live region's message, cleared after a moment so the same word is announced again next time. */
function useStatus(): [string, (key: MessageKey) => void] {
	const [status, setStatus] = useState('');
	useEffect(() => {
		if (!status) return undefined;
		const timer = setTimeout(() => setStatus(''), 2500);
		return () => clearTimeout(timer);
	}, [status]);
	return [status, (key) => setStatus(t(key))];
}

export function Options({ initialSettings }: { initialSettings: SettingsState }): JSX.Element {
	const state = useSettings(initialSettings) ?? initialSettings;
	const [status, announce] = useStatus();
	const lang = currentLang();
	useEffect(() => {
		document.title = t('optionsTitle');
	}, [lang]);

	const { settings, locked, problems } = state;
	const save = (patch: Partial<Settings>): void => {
		void writeSettings(patch).then(() => announce('optionsSaved'));
	};
	const lockNote = (key: keyof Settings): string | undefined => (locked.includes(key) ? t('optionsLocked') : undefined);

	return (
		<main class="options-body">
			<h1>{t('optionsTitle')}</h1>
			<p class="section-note">{t('optionsIntro')}</p>
			{locked.length > 0 ? <p class="policy-banner" data-testid="policy-banner"><span class="policy-mark" aria-hidden="true">i</span>{t('optionsPolicyBanner')}</p> : null}
			<Problems problems={problems} onRepaired={() => announce('optionsRepaired')} />

			<fieldset>
				<legend>{t('optionsWhere')}</legend>
				<Switch testId="opt-enabled" label={t('optionsEnabled')} checked={settings.enabled} disabled={locked.includes('enabled')}
					note={lockNote('enabled')} onChange={(enabled) => save({ enabled })} />
				<Switch testId="opt-defaultOn" label={t('optionsDefaultOn')} checked={settings.defaultOn} disabled={locked.includes('defaultOn')}
					note={lockNote('defaultOn')} onChange={(defaultOn) => save({ defaultOn })} />
			</fieldset>

			<fieldset>
				<legend>{t('optionsLook')}</legend>
				<Choice id="density" label="optionsDensity" values={DENSITIES} labels={DENSITY_LABELS} value={settings.density} locked={locked.includes('density')} onSave={save} />
				<Choice id="badgeStyle" label="optionsBadgeStyle" values={BADGE_STYLES} labels={STYLE_LABELS} value={settings.badgeStyle} locked={locked.includes('badgeStyle')} onSave={save} />
				<Switch testId="opt-skipCode" label={t('optionsSkipCode')} checked={settings.skipCode} disabled={locked.includes('skipCode')}
					note={lockNote('skipCode')} onChange={(skipCode) => save({ skipCode })} />
			</fieldset>

			<fieldset>
				<legend>{t('optionsLanguageLegend')}</legend>
				<Choice id="language" label="optionsLanguage" values={LANGUAGES} labels={LANGUAGE_LABELS} value={settings.language} locked={locked.includes('language')} onSave={save} />
			</fieldset>

			<SiteLists state={state} onChanged={() => announce('optionsSaved')} />

			<p class="status" role="status" aria-live="polite" data-testid="options-status">{status}</p>
			<p class="note">{t('popupDataVersion', meta.version, meta.data_as_of)}</p>
		</main>
	);
}
