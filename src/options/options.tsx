/**
 * The options page: every setting, the list of sites with their own choice,
 * settings locked by an administrator, and any stored value that was invalid
 * and reset (the user is told, nothing is silently dropped).
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { BADGE_STYLES, DENSITIES, LANGUAGES, type SettingKey, type Settings } from '../core/settings.ts';
import { t, type MessageKey } from '../shared/i18n.ts';
import { forgetSite, writeSettings } from '../shared/storage.ts';
import { Switch } from '../ui/switch.tsx';
import { useSettings } from '../ui/use-settings.ts';

const DENSITY_LABELS: Record<Settings['density'], MessageKey> = { 'all': 'optionsDensityAll', 'first-per-block': 'optionsDensityFirst' };
const LANGUAGE_LABELS: Record<Settings['language'], MessageKey> = { auto: 'optionsLanguageAuto', fr: 'optionsLanguageFr', en: 'optionsLanguageEn' };
const STYLE_LABELS: Record<Settings['badgeStyle'], MessageKey> = { compact: 'optionsBadgeCompact', labelled: 'optionsBadgeLabelled' };

interface ChoiceProps<K extends SettingKey> {
	id: K;
	label: MessageKey;
	values: readonly Settings[K][];
	labels: Record<string, MessageKey>;
	value: Settings[K];
	locked: boolean;
	onSave: (patch: Partial<Settings>) => void;
}

function Choice<K extends 'density' | 'language' | 'badgeStyle'>({ id, label, values, labels, value, locked, onSave }: ChoiceProps<K>): JSX.Element {
	return (
		<div class="field">
			<label for={`opt-${id}`}>{t(label)}</label>
			<select
				id={`opt-${id}`}
				value={value}
				disabled={locked}
				aria-describedby={locked ? `opt-${id}-locked` : undefined}
				onChange={(event) => onSave({ [id]: event.currentTarget.value })}
			>
				{values.map((item) => (
					<option key={item as string} value={item as string}>{t(labels[item as string]!)}</option>
				))}
			</select>
			{locked ? <small id={`opt-${id}-locked`} class="note">{t('optionsLocked')}</small> : null}
		</div>
	);
}

export function Options(): JSX.Element {
	const state = useSettings();
	const [saved, setSaved] = useState(false);
	useEffect(() => {
		document.title = t('optionsTitle');
	}, [state?.settings.language]);
	useEffect(() => {
		if (!saved) return undefined;
		const timer = setTimeout(() => setSaved(false), 1500);
		return () => clearTimeout(timer);
	}, [saved]);

	if (!state) return <p aria-busy="true" />;
	const { settings, locked, problems } = state;
	const save = (patch: Partial<Settings>): void => {
		void writeSettings(patch).then(() => setSaved(true));
	};
	const sites = Object.entries(settings.sites).sort(([a], [b]) => a.localeCompare(b));

	return (
		<div class="options-body">
			<h1>{t('optionsTitle')}</h1>
			{problems.length > 0 ? (
				<div class="problems" role="alert" data-testid="problems">
					<p>{t('optionsProblems')}</p>
					<ul>{problems.map((problem) => <li key={problem}>{problem}</li>)}</ul>
				</div>
			) : null}

			<fieldset>
				<Switch testId="opt-enabled" label={t('optionsEnabled')} checked={settings.enabled} disabled={locked.includes('enabled')}
					note={locked.includes('enabled') ? t('optionsLocked') : undefined} onChange={(enabled) => save({ enabled })} />
				<Switch testId="opt-defaultOn" label={t('optionsDefaultOn')} checked={settings.defaultOn} disabled={locked.includes('defaultOn')}
					note={locked.includes('defaultOn') ? t('optionsLocked') : undefined} onChange={(defaultOn) => save({ defaultOn })} />
				<Switch testId="opt-skipCode" label={t('optionsSkipCode')} checked={settings.skipCode} disabled={locked.includes('skipCode')}
					note={locked.includes('skipCode') ? t('optionsLocked') : undefined} onChange={(skipCode) => save({ skipCode })} />
				<Choice id="density" label="optionsDensity" values={DENSITIES} labels={DENSITY_LABELS} value={settings.density} locked={locked.includes('density')} onSave={save} />
				<Choice id="badgeStyle" label="optionsBadgeStyle" values={BADGE_STYLES} labels={STYLE_LABELS} value={settings.badgeStyle} locked={locked.includes('badgeStyle')} onSave={save} />
				<Choice id="language" label="optionsLanguage" values={LANGUAGES} labels={LANGUAGE_LABELS} value={settings.language} locked={locked.includes('language')} onSave={save} />
			</fieldset>

			<section aria-labelledby="sites-heading">
				<h2 id="sites-heading">{t('optionsSites')}</h2>
				{sites.length === 0 ? (
					<p class="empty">{t('optionsSitesEmpty')}</p>
				) : (
					<ul class="site-list" data-testid="site-list">
						{sites.map(([site, on]) => (
							<li key={site}>
								<span class="site-name">{site}</span>
								<span class="site-state">{on ? t('optionsSiteOn') : t('optionsSiteOff')}</span>
								<button type="button" disabled={locked.includes('sites')} aria-label={t('optionsRemove', site)} onClick={() => void forgetSite(site)}>
									×
								</button>
							</li>
						))}
					</ul>
				)}
			</section>
			<p class="status" role="status" aria-live="polite">{saved ? t('optionsSaved') : ''}</p>
		</div>
	);
}
