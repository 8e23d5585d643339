import { render } from 'preact';
import '../ui/base.css';
import './options.css';
import { Options } from './options.tsx';

document.documentElement.lang = navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
render(<Options />, document.getElementById('app')!);
