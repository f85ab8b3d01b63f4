import { createHash, randomBytes } from 'node:crypto';

/** Enough of a secret to tell two apart (and match a key in a vault), never enough to use it. */
export const keyFingerprint = (key: string) => `sha256:${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;

/** A new project secret key: 192 random bits as hex, inside `secretKeySchema`'s alphabet. */
export const newSecretKey = () => `sk_${randomBytes(24).toString('hex')}`;

/** A new webhook signing secret (at least 24 characters, as `webhookEndpointSchema` asks). */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('hex')}`;
