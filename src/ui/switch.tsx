/** A labelled on/off control: a native checkbox, so keyboard and screen readers need nothing extra. */
import type { JSX } from 'preact';

interface SwitchProps {
	label: string;
	checked: boolean;
	disabled?: boolean;
	/** Shown under the label, e.g. "Set by your administrator". */
	note?: string;
	onChange: (checked: boolean) => void;
	testId?: string;
}

export function Switch({ label, checked, disabled = false, note, onChange, testId }: SwitchProps): JSX.Element {
	return (
		<label class="switch">
			<input
				type="checkbox"
				role="switch"
				checked={checked}
				disabled={disabled}
				data-testid={testId}
				onChange={(event) => onChange(event.currentTarget.checked)}
			/>
			<span class="switch-track" aria-hidden="true" />
			<span class="switch-text">
				{label}
				{note ? <small class="note">{note}</small> : null}
			</span>
		</label>
	);
}
