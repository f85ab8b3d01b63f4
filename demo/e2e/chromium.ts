/**
 * How every Playwright run here launches a browser: Debian's Chromium (no browser download exists on
 * these machines) with the team's flags. Shared by the e2e config and the page-impact bench.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
