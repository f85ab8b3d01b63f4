import { useEffect, useRef, type ReactNode } from 'react';
import { createHearth, type Hearth, type InitOptions, type Properties } from '@hearth/widget';
import { HearthContext } from './context.js';

/** The signed-in user, as your auth state knows it. */
export interface HearthUser {
  id: string;
  traits?: Properties;
  /** The user token your backend minted (identity verification). */
  token?: string;
}

/** The account (company, team) the user works in now, as your backend knows it. */
export interface HearthAccount {
  id: string;
  traits?: Properties;
  /** The group token your backend minted for this user and account: without it the call changes nothing. */
  token?: string;
}

export interface HearthProviderProps {
  /** `init` options; read once, when the provider first mounts. */
  options: InitOptions;
  /**
   * Your app's auth state: a user identifies (again when the id, traits or token change), `null`
   * after a user resets (sign-out: the next person is not linked to them), `undefined` while the
   * auth state is still loading changes nothing.
   */
  user?: HearthUser | null;
  /** The user's active account: grouped after `user` identifies, and again when it changes (an account switcher). */
  account?: HearthAccount | null;
  children?: ReactNode;
}

/**
 * Creates and initialises one Hearth instance for the tree below, and keeps its identity in step
 * with `user`. Safe under StrictMode (one `init`, however often effects re-run) and during server
 * rendering (the instance is inert there and nothing runs).
 */
export function HearthProvider({ options, user, account, children }: HearthProviderProps) {
  // A ref, not state: the instance is a function, and React would call a function given to setState.
  const instance = useRef<Hearth | null>(null);
  instance.current ??= createHearth();
  const hearth = instance.current;
  const life = useRef<{ started: boolean; stopping?: ReturnType<typeof setTimeout> }>({ started: false });
  const identified = useRef<string | null>(null);
  const grouped = useRef<string | null>(null);

  useEffect(() => {
    const state = life.current;
    clearTimeout(state.stopping);
    if (!state.started) hearth.init(options);
    state.started = true;
    // StrictMode unmounts and remounts at once; only an unmount that stays stops Hearth.
    return () => void (state.stopping = setTimeout(() => hearth.destroy(), 0));
    // `options` is left out on purpose: it is read once, like `init` itself.
  }, [hearth]);

  const who = user ? JSON.stringify([user.id, user.traits ?? {}, user.token ?? null]) : user;
  useEffect(() => {
    if (who === undefined) return;
    if (who === null) {
      if (identified.current !== null) hearth.reset();
      identified.current = null;
      return;
    }
    if (identified.current === who || !user) return;
    identified.current = who;
    hearth.identify(user.id, user.traits, user.token === undefined ? undefined : { userToken: user.token });
    // `who` stands for `user`'s content, so a new object with the same user does not identify again.
  }, [hearth, who]);

  // After the identify effect (effects run in order): an account groups a signed-in user only.
  const which = account && who ? JSON.stringify([who, account.id, account.traits ?? {}, account.token ?? null]) : null;
  useEffect(() => {
    if (which === null || grouped.current === which || !account) return;
    grouped.current = which;
    hearth.group(account.id, account.traits, account.token === undefined ? undefined : { groupToken: account.token });
  }, [hearth, which]);

  return <HearthContext.Provider value={hearth}>{children}</HearthContext.Provider>;
}
