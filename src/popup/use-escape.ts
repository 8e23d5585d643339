/**
 * Escape in the popup: inside an open disclosure ("Why this verdict",
 * "Report a wrong fact") it closes that disclosure and puts focus back on
 * its summary; anywhere else it closes the popup, as users expect of a
 * toolbar panel. Opened as a tab (tests, ?tab=) the page never closes itself.
 */
import { useEffect } from 'preact/hooks';

export function useEscape(closeWindow: boolean): void {
	useEffect(() => {
		const onKey = (event: KeyboardEvent): void => {
			if (event.key !== 'Escape' || event.defaultPrevented) return;
			const active = document.activeElement;
			const details = active instanceof Element ? active.closest('details[open]') : null;
			if (details) {
				event.preventDefault();
				details.removeAttribute('open');
				details.querySelector<HTMLElement>(':scope > summary')?.focus();
				return;
			}
			if (closeWindow) window.close();
		};
		document.addEventListener('keydown', onKey);
		return () => document.removeEventListener('keydown', onKey);
	}, [closeWindow]);
}
