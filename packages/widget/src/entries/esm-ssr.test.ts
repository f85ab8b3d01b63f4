// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createHearth } from './esm.js';

describe('createHearth during server rendering (plain Node: no window, document or navigator)', () => {
  it('creates an inert instance whose every call does nothing, never a throw', () => {
    expect(typeof window).toBe('undefined');
    const hearth = createHearth();
    expect(() => {
      hearth.init({ projectKey: 'pk_test', apiHost: 'https://hearth.example.com' });
      hearth.identify('u1', { plan: 'pro' }, { userToken: 't' });
      hearth.track('report_exported', { format: 'pdf' });
      hearth.page();
      hearth.consent('granted');
      hearth.reset();
      hearth('track', 'x');
      hearth.destroy();
    }).not.toThrow();
    expect(hearth('track', 'x')).toBeUndefined();
  });

  it('gives `on` an unsubscribe function and never calls the listener', () => {
    const hearth = createHearth();
    let called = false;
    const off = hearth('on', 'ready', () => (called = true));
    expect(typeof off).toBe('function');
    expect(() => off()).not.toThrow();
    expect(called).toBe(false);
  });
});
