import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';

const query = new URLSearchParams(window.location.search);
const id = query.get('user');
const token = query.get('token');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App apiHost={query.get('collector') ?? ''} path={window.location.pathname} account={id && token ? { id, token } : undefined} />
  </StrictMode>,
);
