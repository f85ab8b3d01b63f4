import { act, StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, expect, it, vi } from 'vitest';
import { checklistFixture } from '../../widget/src/widgets/checklist/fixtures.js';
import { HearthMount } from './mount.js';
import { HearthProvider } from './provider.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => vi.restoreAllMocks());

it('keeps the inline checklist, filled, across a route that unmounts and renders the mount point again', async () => {
  // The collector: a state with one checklist, one step of three done.
  vi.spyOn(window, 'fetch').mockImplementation(async (url) =>
    Response.json(String(url).includes('/v1/state') ? { prompts: [checklistFixture()] } : { accepted: 1, duplicates: 0, conflicts: 0 }),
  );
  let navigate: (route: string) => void = () => undefined;
  function Routes() {
    const [route, setRoute] = useState('/');
    navigate = setRoute;
    return route === '/' ? <HearthMount kind="checklist" className="onboarding" /> : <p>Settings</p>;
  }
  const root = createRoot(document.body.appendChild(document.createElement('div')));
  await act(() =>
    root.render(
      <StrictMode>
        <HearthProvider options={{ projectKey: 'pk_mount_test', apiHost: 'https://hearth.example.com' }}>
          <Routes />
        </HearthProvider>
      </StrictMode>,
    ),
  );
  const progress = () => document.querySelector('[data-hearth="checklist"]')?.shadowRoot?.querySelector('.count')?.textContent;
  await vi.waitFor(() => expect(progress()).toBe('1 of 3'), { timeout: 5_000 });

  await act(() => navigate('/settings'));
  expect(document.querySelector('[data-hearth]')).toBeNull();
  await act(() => navigate('/'));
  expect(progress()).toBe('1 of 3');
  await act(() => root.unmount());
});
