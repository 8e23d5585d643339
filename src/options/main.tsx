/** Options entry: settings first (they fix the language), then one complete render. */
import { render } from 'preact';
import '../shared/i18n-bundle.ts';
import '../ui/base.css';
import './options.css';
import { preload } from '../ui/preload.ts';
import { Options } from './options.tsx';

void preload(() => Promise.resolve(undefined)).then(({ settings }) => {
	render(<Options initialSettings={settings} />, document.getElementById('app')!);
});
