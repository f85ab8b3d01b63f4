import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from './fill-placeholders.js';

describe('fillPlaceholders', () => {
  it('fills a trait and keeps the surrounding text', () => {
    expect(fillPlaceholders('Hi {{user.firstName}}, welcome!', { firstName: 'Aisha' })).toBe('Hi Aisha, welcome!');
  });

  it('uses the quoted fallback when the trait is missing, null, empty or not a scalar', () => {
    const template = 'Hi {{ user.firstName | "there" }}';
    expect(fillPlaceholders(template, {})).toBe('Hi there');
    expect(fillPlaceholders(template, { firstName: null })).toBe('Hi there');
    expect(fillPlaceholders(template, { firstName: '' })).toBe('Hi there');
    expect(fillPlaceholders(template, { firstName: { nested: 'x' } })).toBe('Hi there');
  });

  it('renders nothing for a missing trait without fallback', () => {
    expect(fillPlaceholders('Hi {{user.firstName}}!', {})).toBe('Hi !');
  });

  it('reads nested traits and formats numbers and booleans as text', () => {
    const traits = { company: { name: 'Acme' }, seats: 12, trial: true };
    expect(fillPlaceholders('{{user.company.name}} · {{user.seats}} · {{user.trial}}', traits)).toBe('Acme · 12 · true');
  });

  it('does not walk into inherited properties', () => {
    expect(fillPlaceholders('{{user.constructor | "none"}}', {})).toBe('none');
  });

  it('returns markup in traits verbatim, as text for the renderer to escape', () => {
    const evil = '<img src=x onerror=alert(1)>';
    expect(fillPlaceholders('Hi {{user.firstName}}', { firstName: evil })).toBe(`Hi ${evil}`);
  });

  it('leaves text without placeholders and unknown namespaces untouched', () => {
    expect(fillPlaceholders('Plain {{ account.id }} text', { id: 'x' })).toBe('Plain {{ account.id }} text');
  });
});
