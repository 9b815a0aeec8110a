// Entry point: styles, then the app into #app.
import 'leaflet/dist/leaflet.css';
import './styles.css';
import './console.css';
import { render } from 'preact';
import { App } from './app';

const root = document.getElementById('app');
if (root) render(<App />, root);
