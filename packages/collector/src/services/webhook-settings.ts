import type { ErrorIssue, WebhookEndpoint, WebhookSetting } from '@hearth/schema';
import { keyFingerprint, newWebhookSecret } from '../crypto/secrets.js';

/**
 * Turns the console's webhook list (no secrets) into endpoints: an entry naming an existing
 * endpoint by a secret's fingerprint keeps that endpoint's secrets; a new one gets a fresh secret,
 * returned so the answer can show it once.
 */
export function resolveWebhooks(settings: readonly WebhookSetting[], current: readonly WebhookEndpoint[]) {
  const issues: ErrorIssue[] = [];
  const created: { url: string; secret: string }[] = [];
  const endpoints = settings.map(({ secretsOf, ...endpoint }, index): WebhookEndpoint => {
    if (secretsOf === undefined) {
      const secret = newWebhookSecret();
      created.push({ url: endpoint.url, secret });
      return { ...endpoint, secrets: [secret] };
    }
    const existing = current.find((hook) => hook.secrets.some((secret) => keyFingerprint(secret) === secretsOf));
    if (!existing)
      issues.push({
        path: `webhooks.${index}.secretsOf`,
        message: `no webhook signs with ${secretsOf}; leave secretsOf out to add a new endpoint`,
      });
    return { ...endpoint, secrets: existing?.secrets ?? [] };
  });
  return { endpoints, created, issues };
}
