import { render } from 'preact';
import { z } from 'zod';
import { App } from './app.js';
import './styles.css';

// zod compiles validators with `new Function` when it can; the console's CSP forbids eval.
z.config({ jitless: true });

const root = document.getElementById('app');
if (root) render(<App />, root);
