// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HearthMount } from './mount.js';
import { HearthProvider } from './provider.js';
import { useHearth } from './context.js';

function Exporter() {
  const hearth = useHearth();
  // Calls made while rendering on the server do nothing.
  hearth.track('rendered');
  return <button onClick={() => hearth.track('report_exported')}>Export</button>;
}

describe('server rendering', () => {
  it('renders the provider, the hook and a mount point without a browser', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <HearthProvider options={{ projectKey: 'pk_ssr', apiHost: 'https://hearth.example.com' }} user={{ id: 'ada', token: 'a.b.c' }}>
        <Exporter />
        <HearthMount kind="checklist" className="onboarding" />
      </HearthProvider>,
    );
    expect(html).toBe('<button>Export</button><div class="onboarding"></div>');
  });
});
