import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../../demo/e2e/chromium.js';

/** The same Chromium and flags as the e2e runs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}
