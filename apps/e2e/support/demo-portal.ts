import { Browser } from 'playwright-core';
import { seedDemoData } from '../../api/src/seed/demo-seeder';
import { launchChromium } from './browser';
import { RunningPortal } from './running-portal';

/**
 * A test file's own portal on the small demo data, and a Chromium: started before its tests and
 * stopped after them. `browser()` is the browser once started.
 */
export function useDemoPortal(): { portal: RunningPortal; browser: () => Browser } {
  const portal = new RunningPortal();
  let browser: Browser | undefined;

  beforeAll(async () => {
    await portal.start();
    await seedDemoData(portal.db, { size: 'small' });
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await portal.stop();
  });

  return {
    portal,
    browser: () => {
      if (!browser) throw new Error('The browser starts in beforeAll.');
      return browser;
    },
  };
}
