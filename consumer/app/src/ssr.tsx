// Server rendering, as a Next.js-style app does it: no window, no document. Prints the HTML.
import { renderToString } from 'react-dom/server';
import { App } from './app.js';

console.log(renderToString(<App apiHost="https://hearth.acme.example" path="/" account={{ id: 'ada', token: 'a.b.c' }} />));
