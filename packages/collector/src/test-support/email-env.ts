import { afterAll, beforeAll } from 'vitest';
import type { Store } from '../storage/store.js';
import type { StoreKind } from './both-stores.js';
import { startSmtpCatcher, type SmtpCatcher } from './smtp-catcher.js';

/** What an email suite shares: one store of the kind under test and one real SMTP server. */
export interface EmailEnv {
  store: Store;
  catcher: SmtpCatcher;
}

/** Opens `kind`'s store and an SMTP catcher for the calling describe block; both are set once its tests run. */
export function emailEnv(kind: StoreKind): EmailEnv {
  const env = {} as EmailEnv;
  beforeAll(async () => {
    env.store = await kind.open();
    env.catcher = await startSmtpCatcher();
  });
  afterAll(() => env.catcher.close());
  return env;
}
