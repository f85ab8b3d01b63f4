import { fileURLToPath } from 'node:url';

/** Absolute paths the demo needs, resolved from this file so any working directory works. */
const at = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export const demoPaths = {
  publicDir: at('../public/'),
  configFile: at('../hearth.config.json'),
  /** The widget's build output: what a customer would get from the CDN / the collector's /sdk. */
  widgetDist: at('../../packages/widget/dist/'),
  snippetFile: at('../../packages/widget/dist/snippet.min.js'),
  /** Embedded store used by `pnpm start`; git-ignored (`.hearth/`). */
  sqliteFile: at('../../.hearth/demo.sqlite'),
};
