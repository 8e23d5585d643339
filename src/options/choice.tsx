/** A labelled select for one enumerated setting, disabled with a note when a policy fixes it. */
import type { JSX } from 'preact';
import type { Settings } from '../core/settings.ts';
import { t, type MessageKey } from '../shared/i18n.ts';

type ChoiceKey = 'density' | 'language' | 'badgeStyle';

interface ChoiceProps<K extends ChoiceKey> {
	id: K;
	label: MessageKey;
	values: readonly Settings[K][];
	labels: Record<Settings[K], MessageKey>;
	value: Settings[K];
	locked: boolean;
	onSave: (patch: Partial<Settings>) => void;
}

export function Choice<K extends ChoiceKey>({ id, label, values, labels, value, locked, onSave }: ChoiceProps<K>): JSX.Element {
	return (
		<div class="field">
			<label for={`opt-${id}`}>{t(label)}</label>
			<select
				id={`opt-${id}`}
				data-testid={`opt-${id}`}
				value={value}
				disabled={locked}
				aria-describedby={locked ? `opt-${id}-locked` : undefined}
				onChange={(event) => onSave({ [id]: event.currentTarget.value })}
			>
				{values.map((item) => <option key={item} value={item}>{t(labels[item])}</option>)}
			</select>
			{locked ? <small id={`opt-${id}-locked`} class="note locked-note">{t('optionsLocked')}</small> : null}
		</div>
	);
}
