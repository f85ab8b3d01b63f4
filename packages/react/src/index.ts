export { HearthProvider, type HearthAccount, type HearthProviderProps, type HearthUser } from './provider.js';
export { useHearth } from './context.js';
export { HearthMount, type HearthMountKind, type HearthMountProps } from './mount.js';
export type { Hearth, InitOptions, Properties } from '@hearth/widget';
