import { describe, expect, it } from 'vitest';
import { toErrorIssues } from './error-body.js';
import { projectSettingsPatchSchema } from './project-settings.js';
import { themeSchema } from './theme.js';

const issues = (result: { success: boolean; error?: Parameters<typeof toErrorIssues>[0] }) =>
  result.error ? toErrorIssues(result.error) : [];

describe('project settings schemas', () => {
  it('a theme takes only values that cannot carry other CSS into host pages', () => {
    expect(themeSchema.parse({ brandColor: '#4F46E5', radius: 0, font: '"Inter Var", system-ui, sans-serif', mode: 'auto' })).toEqual({
      brandColor: '#4F46E5',
      radius: 0,
      font: '"Inter Var", system-ui, sans-serif',
      mode: 'auto',
    });
    const refused = themeSchema.safeParse({
      brandColor: 'red;background:url(//x)',
      radius: 12.5,
      font: 'x}body{display:none',
      mode: 'sepia',
      shadow: true,
    });
    expect(issues(refused).map((issue) => issue.path)).toEqual(['brandColor', 'radius', 'font', 'mode', '(root)']);
  });

  it('a patch names each refused field and refuses fields that stay in the file', () => {
    const result = projectSettingsPatchSchema.safeParse({
      locales: { default: 'de', supported: ['en', 'EN'] },
      fatigue: { maxInterruptingPerDay: -1 },
      secretKeys: ['sk_0123456789abcdef0123'],
    });
    expect(issues(result)).toEqual([
      { path: 'locales.supported.1', message: 'EN is listed twice' },
      { path: 'locales.default', message: 'the default locale must be one of the supported locales' },
      { path: 'fatigue.maxInterruptingPerDay', message: expect.any(String) },
      { path: '(root)', message: expect.stringMatching(/^secretKeys cannot be changed here: secret keys rotate through/) },
    ]);
  });

  it('null removes an optional setting; an empty patch changes nothing', () => {
    expect(projectSettingsPatchSchema.parse({ locales: null, rewards: null })).toEqual({ locales: null, rewards: null });
    expect(projectSettingsPatchSchema.parse({})).toEqual({});
  });
});
