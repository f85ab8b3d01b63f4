import { createDelivery } from './delivery.js';
import type { Emitter } from './emitter.js';
import type { Env } from './env.js';
import { buildEvent, checkProperties, checkString, LIMITS, pageContext, type EventBody } from './events.js';
import { ulid } from './ids.js';
import { createIdentity } from './identity.js';
import { watchNavigation } from './navigation.js';
import { createOutbox, type OutboxItem } from './outbox.js';
import { createStateClient } from './state.js';
import { createStore } from './storage.js';
import { createTabs } from './tabs.js';
import { byteLength, send, type Post } from './transport.js';
import type { ConsentMode, HearthEventMap, IdentifyOptions, InitOptions, Properties } from './types.js';
import { createUi } from './ui.js';

const MODES: readonly ConsentMode[] = ['granted', 'pending', 'denied'];

/**
 * Events that can change the user's state on the server: identify (traits feed audiences) and the
 * host's own track events. The widgets' `$…` events are left out: the widget already shows their
 * effect, and a refresh right after `$prompt_shown` could take away a prompt the user is reading.
 */
const changesState = ({ e }: OutboxItem) => e.type === 'identify' || (e.type === 'track' && !e.name.startsWith('$'));

export interface Session {
  /** A promise for commands checked in a lazy chunk (it rejects with their refusal). */
  run(command: string, args: unknown[]): void | Promise<void>;
  destroy(): void;
}

/** Everything that exists after `init`: identity, outbox, delivery, tabs, consent and page tracking. */
export function createSession(
  env: Env,
  options: InitOptions & { apiHost: string },
  events: Emitter<HearthEventMap>,
  log: (...args: unknown[]) => void,
): Session {
  const prefix = `hearth:${options.projectKey}:`;
  const onStorageError = (error: unknown) => log('storage failed, keeping data in memory', error);
  const local = createStore(env.local, onStorageError);
  const session = createStore(env.session, onStorageError);
  const newId = () => ulid(env.now(), env.randomBytes);

  // Writes start paused: nothing may touch storage before the consent mode is known.
  local.setWritable(false);
  session.setWritable(false);
  const identity = createIdentity(local, `${prefix}id`, newId);
  const tabs = createTabs(env, local, session, prefix, newId);
  const outbox = createOutbox(local, `${prefix}ob:${tabs.id}`, options.maxQueueSize ?? 500, (count) =>
    events.emit('drop', { reason: 'queue-full', count }),
  );
  const api = options.apiHost.replace(/\/+$/, '');
  let consent: ConsentMode = 'pending';
  const stateUrl = () => {
    const { anonymousId, userId, userToken } = identity.get();
    const query = { key: options.projectKey, anonymousId, userId, userToken, locale: options.locale ?? env.page().locale };
    const defined = Object.entries(query).filter((entry): entry is [string, string] => !!entry[1]);
    return `${api}/v1/state?${new URLSearchParams(defined)}`;
  };
  // Retries live with the caller (the survey chunk), so the core only adds identity and consent.
  const post: Post = (path, body) => {
    const { anonymousId, userId, userToken } = identity.get();
    return consent === 'granted'
      ? send(
          env,
          `${api}${path}?key=${encodeURIComponent(options.projectKey)}`,
          JSON.stringify({ ...body, anonymousId, userId: userId || undefined, userToken: userToken || undefined }),
        )
      : Promise.resolve(null);
  };
  const ui = createUi(
    () => ({
      post,
      stateUrl,
      track: (name: string, properties?: Properties) => {
        try {
          commands.track?.(name, properties);
        } catch (error) {
          log('a widget event was refused', error);
        }
      },
      theme: options.theme,
      corner: options.launcher?.corner,
      locale: options.locale,
      traits: identity.get().traits,
      path: env.page().path,
    }),
    (error) => log('could not load the UI', error),
  );
  const state = createStateClient(env, stateUrl, () => consent === 'granted', ui.show, log);
  const delivery = createDelivery({
    env,
    outbox,
    url: `${api}/v1/batch?key=${encodeURIComponent(options.projectKey)}`,
    batchSize: options.batchSize ?? 20,
    flushInterval: options.flushInterval ?? 3000,
    shared: local,
    notBeforeKey: `${prefix}nb`,
    onSent(result, items) {
      events.emit('sent', result);
      if (items.some(changesState)) state.soon();
    },
    onDrop(info) {
      log('collector refused a batch', info);
      events.emit('drop', info);
    },
    log,
  });

  let lastPageUrl = '';

  const record = (body: EventBody) => {
    if (consent === 'denied') return;
    const who = identity.get();
    const event = buildEvent(body, who, newId(), env.now(), pageContext(env.page(), options.locale));
    // A bigger event would get its whole batch refused by the collector.
    if (byteLength(JSON.stringify(event)) > LIMITS.maxEventBytes) {
      throw new Error(`${body.type}: the event is larger than ${LIMITS.maxEventBytes} bytes`);
    }
    log(body.type, event);
    outbox.add({ e: event, k: who.userToken });
    delivery.notify();
  };

  const page = (properties?: unknown) => {
    lastPageUrl = env.page().url;
    record({ type: 'page', properties: checkProperties('page: properties', properties) });
  };
  const autoPage = () => env.page().url !== lastPageUrl && page();
  /** Forget what is on screen and ask again: another person (reset) or another consent. */
  const restart = () => {
    state.forget();
    ui.show({ prompts: [] });
    state.refresh();
  };

  const setConsent = (mode: unknown) => {
    if (!MODES.includes(mode as ConsentMode)) {
      throw new Error(`consent: expected "granted", "pending" or "denied", got ${JSON.stringify(mode)}`);
    }
    consent = mode as ConsentMode;
    const granted = consent === 'granted';
    local.setWritable(granted);
    session.setWritable(granted);
    delivery.stop(consent === 'denied');
    tabs.stop(consent === 'denied');
    if (consent === 'denied') {
      outbox.clear();
      identity.forget();
    }
    if (granted) {
      identity.persist();
      tabs.start(outbox, delivery);
      delivery.start();
    }
    restart();
    log('consent', consent);
  };

  const commands: Record<string, (...args: unknown[]) => void> = {
    identify(userId, traits, opts) {
      const token = (opts as IdentifyOptions | undefined)?.userToken;
      if (token !== undefined) checkString('identify: userToken', token, 4096);
      const id = checkString('identify: userId', userId, LIMITS.maxUserId);
      const checked = checkProperties('identify: traits', traits);
      identity.identify(id, checked, token);
      record({ type: 'identify', userId: id, traits: checked });
      ui.context({ traits: identity.get().traits });
      state.refresh();
    },
    track(name, properties) {
      const checkedName = checkString('track: name', name, LIMITS.maxName);
      record({ type: 'track', name: checkedName, properties: checkProperties('track: properties', properties) });
      ui.event(checkedName);
    },
    page,
    reset() {
      identity.reset();
      restart();
    },
    consent: setConsent,
  };

  const gpcDenied = options.respectGlobalPrivacyControl && env.gpc();
  setConsent(gpcDenied ? 'denied' : (options.consent ?? 'granted'));
  if (gpcDenied) log('Global Privacy Control is on: consent denied');
  const trackPages = options.trackPages !== false;
  // Watched even without page tracking: URL triggers need SPA navigations.
  const stopNavigation = watchNavigation(env, () => {
    if (trackPages) autoPage();
    ui.navigate(env.page().path);
  });
  if (trackPages) autoPage();
  if (env.hasMountPoint()) ui.preload();

  return {
    run(command, args) {
      // Others (group, or a typo) are checked by a lazy chunk; the caller reports its refusal.
      return Object.prototype.hasOwnProperty.call(commands, command)
        ? commands[command]!(...args)
        : ui.command(command, args, [identity.get(), checkString, checkProperties, LIMITS.maxUserId]).then(record);
    },
    destroy() {
      delivery.stop();
      tabs.stop();
      state.stop();
      ui.destroy();
      stopNavigation();
    },
  };
}
