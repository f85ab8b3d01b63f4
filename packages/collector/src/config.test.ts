import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, envSettings, loadConfig } from './config.js';
import { testConfig } from './test-support/http.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('loadConfig', () => {
  it('loads a valid file and fills defaults', () => {
    const config = loadConfig(write('ok.json', testConfig({ allowedOrigins: ['https://app.acme.test/some/path'] })));
    expect(config.projects[0]).toMatchObject({
      id: 'acme',
      allowedOrigins: ['https://app.acme.test'],
      identityVerification: { enforce: true },
    });
    expect(config.maxPendingEvents).toBeGreaterThan(0);
  });

  it('keeps single sign-on off unless configured, and refuses an insecure or mistyped one', () => {
    const plain = loadConfig(
      write('plain.json', testConfig({}, { admin: { sessionSecret: 'an older file kept this 32+ char key' } as never })),
    );
    expect(plain.admin.oidc).toBeUndefined();
    expect(plain.admin).not.toHaveProperty('sessionSecret');
    expect(plain.admin.auditRetentionDays).toBe(365);
    const oidc = {
      issuer: 'http://id.acme.test',
      clientId: 'hearth',
      redirectUri: 'https://hearth.acme.test/v1/admin/callback',
      scopes: ['email'],
      roleMapping: { staff: { acme: 'viewer' as const, gamma: 'owner' as const } },
    };
    expect(() => loadConfig(write('sso.json', testConfig({}, { admin: { oidc } })))).toThrow(
      [
        'admin.oidc.issuer: issuer must use https (plain http only on localhost)',
        'admin.oidc.redirectUri: redirectUri must end with /v1/admin/oidc/callback',
        'admin.oidc.scopes: scopes must include openid',
      ].join('\n  - '),
    );
    const fixed = {
      ...oidc,
      issuer: 'https://id.acme.test',
      redirectUri: 'https://hearth.acme.test/v1/admin/oidc/callback',
      scopes: ['openid'],
    };
    expect(() => loadConfig(write('sso-project.json', testConfig({}, { admin: { oidc: fixed } })))).toThrow(
      'admin.oidc.roleMapping.staff.gamma: no project "gamma" is configured',
    );
  });

  it('names each bad field and the reason', () => {
    const path = write('bad.json', testConfig({ publicKey: 'public-123', secretKeys: ['short'] }));
    const error = (() => {
      try {
        loadConfig(path);
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('expected loadConfig to throw');
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain('projects.0.publicKey: public keys look like pk_…');
    expect(error.message).toContain('projects.0.secretKeys.0: secret keys look like sk_…');
    expect(error.message).toContain(path);
  });

  it('refuses two projects with one public key', () => {
    const base = testConfig();
    const project = base.projects[0]!;
    const path = write('dup.json', { projects: [project, { ...project, id: 'other' }] });
    expect(() => loadConfig(path)).toThrow('projects.1.publicKey: already used by projects.0');
  });

  it('explains unreadable and non-JSON files', () => {
    expect(() => loadConfig(join(dir, 'missing.json'))).toThrow(/Cannot read the configuration file/);
    expect(() => loadConfig(write('broken.json', '{ projects: '))).toThrow(/is not valid JSON/);
  });
});

describe('envSettings', () => {
  it('reads PORT, HOST, DATABASE_URL, HEARTH_CONFIG and HEARTH_SQLITE_FILE', () => {
    expect(
      envSettings({
        PORT: '9000',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgres://db/x',
        HEARTH_CONFIG: 'c.json',
        HEARTH_SQLITE_FILE: 'd.sqlite',
      }),
    ).toEqual({ port: 9000, host: '0.0.0.0', databaseUrl: 'postgres://db/x', configPath: 'c.json', sqliteFile: 'd.sqlite' });
  });

  it('names PORT when it is not a port', () => {
    expect(() => envSettings({ PORT: 'eighty' })).toThrow('PORT: expected a port number, got "eighty"');
  });
});
