import { render } from 'preact';
import '../ui/base.css';
import './popup.css';
import { Popup } from './popup.tsx';

document.documentElement.lang = navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
render(<Popup />, document.getElementById('app')!);
