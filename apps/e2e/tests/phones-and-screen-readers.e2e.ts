import { DEMO_PASSWORD } from '../../api/src/seed/demo-seeder';
import { Page } from 'playwright-core';
import { seriousAxeViolations, sidewaysOverflow } from '../support/page-checks';
import { collectPageErrors, signInThroughPage } from '../support/browser';
import { useDemoPortal } from '../support/demo-portal';

/** The signed-in pages of each role (the side navigation's, and the account pages everyone has), on the demo data. */
const PAGES: Record<string, { email: string; pages: string[] }> = {
  centre_staff: {
    email: 'centre@achievement.test',
    pages: ['/', '/jobs', '/records', '/downloads', '/reports', '/store', '/basket', '/orders', '/verify', '/profile', '/account/security', '/support'],
  },
  learner: { email: 'learner@achievement.test', pages: ['/', '/learner', '/learner/connections', '/store', '/orders', '/profile', '/account/security'] },
  third_party: { email: 'thirdparty@achievement.test', pages: ['/', '/third-party', '/profile'] },
  administrator: {
    email: 'admin@achievement.test',
    pages: [
      '/',
      '/admin/registrations',
      '/admin/centres',
      '/admin/users',
      '/admin/jobs',
      '/admin/verifications',
      '/admin/qualifications',
      '/admin/orders',
      '/admin/products',
      '/admin/credit-accounts',
      '/admin/reports',
      '/admin/emails',
      '/profile',
    ],
  },
  support: { email: 'support@achievement.test', pages: ['/', '/admin/reports', '/admin/emails', '/profile'] },
};

const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
];

/**
 * Every signed-in page of every role on two phone sizes: nothing scrolls sideways and every
 * control stays visible; and axe-core finds no critical or serious WCAG 2.1 AA violation, on a phone
 * and on a desktop screen.
 */
describe('every page on a phone and to a screen reader', () => {
  const { portal, browser } = useDemoPortal();

  async function visit(page: Page, path: string): Promise<void> {
    await page.goto(`${portal.url}${path}`);
    await page.waitForLoadState('networkidle');
    await page.locator('h1').first().waitFor();
    await page
      .locator('mat-progress-bar')
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
  }

  async function signedIn(email: string, viewport: { width: number; height: number }): Promise<Page> {
    // axe-core is injected as a script, which the portal's Content-Security-Policy (rightly) forbids
    const context = await browser().newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/London', bypassCSP: true });
    const page = await context.newPage();
    await signInThroughPage(page, portal.url, email, DEMO_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    return page;
  }

  it.each(Object.entries(PAGES))('%s: no page scrolls sideways or cuts off a control on a phone', async (_role, { email, pages }) => {
    const problems: string[] = [];
    for (const viewport of PHONES) {
      const page = await signedIn(email, viewport);
      for (const path of pages) {
        await visit(page, path);
        // E2E_SCREENSHOTS=<folder>: keep what each page looked like, to judge the layout by eye
        if (process.env.E2E_SCREENSHOTS)
          await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${_role}${path.replace(/\//g, '_')}-${viewport.width}.png`, fullPage: true });
        problems.push(...(await sidewaysOverflow(page, `${path} at ${viewport.width}×${viewport.height}`)));
      }
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });

  it.each(Object.entries(PAGES))('%s: axe finds no critical or serious violation, on a phone or a desktop', async (_role, { email, pages }) => {
    const problems: string[] = [];
    for (const viewport of [PHONES[0], { width: 1280, height: 800 }]) {
      const page = await signedIn(email, viewport);
      for (const path of pages) {
        await visit(page, path);
        problems.push(...(await seriousAxeViolations(page, `${path} at ${viewport.width}×${viewport.height}`)));
      }
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });

  it("a document's verification page, opened cold on a phone on mobile data: one page with nothing else to fetch, accessible (bench/web times it)", async () => {
    const [doc] = (await portal.db.query("SELECT verification_code AS code FROM documents WHERE status = 'valid' ORDER BY id LIMIT 1")) as { code: string }[];
    const problems: string[] = [];
    for (const viewport of PHONES) {
      // a new context: an empty cache, as a phone that never opened the portal; bypassCSP only to inject axe-core afterwards
      const context = await browser().newContext({ viewport, isMobile: true, hasTouch: true, locale: 'en-GB', timezoneId: 'Europe/London', bypassCSP: true });
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      const requested: string[] = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      const response = await page.goto(`${portal.url}/verify/${doc.code}`, { waitUntil: 'load' });
      await page.getByTestId('verify-facts').waitFor();
      expect(response?.status()).toBe(200);
      expect(await page.getByTestId('verify-status').getAttribute('data-status')).toBe('valid');
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Document verification');
      // the page and, where the document is shown, its PDF in the frame: no script, font or style sheet
      expect(requested.filter((path) => !path.endsWith('/document'))).toEqual([`/verify/${doc.code}`]);
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      problems.push(...(await sidewaysOverflow(page, `the verification page at ${viewport.width}×${viewport.height}`)));
      problems.push(...(await seriousAxeViolations(page, `the verification page at ${viewport.width}×${viewport.height}`)));
      problems.push(...errors);
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  /** The dialogs people use most, each opened from its page: what axe says of the page with the dialog open. */
  const DIALOGS: { role: string; path: string; what: string; open: (page: Page) => Promise<void> }[] = [
    { role: 'centre_staff', path: '/records', what: 'Report Document Issue', open: (page) => page.getByTestId('record-report').first().click() },
    { role: 'learner', path: '/learner/connections', what: 'Add Connection', open: (page) => page.getByRole('button', { name: 'Add Connection' }).click() },
    {
      role: 'administrator',
      path: '/admin/users',
      what: 'Delete account',
      open: (page) =>
        page
          .getByRole('button', { name: /^Delete account of / })
          .first()
          .click(),
    },
  ];

  it.each(DIALOGS)('$role: axe finds no critical or serious violation in the $what dialog, on a phone or a desktop', async ({ role, path, what, open }) => {
    const problems: string[] = [];
    for (const viewport of [PHONES[0], { width: 1280, height: 800 }]) {
      const page = await signedIn(PAGES[role].email, viewport);
      await visit(page, path);
      await open(page);
      await page.getByRole('dialog').waitFor();
      problems.push(...(await seriousAxeViolations(page, `the ${what} dialog at ${viewport.width}×${viewport.height}`)));
      problems.push(...(viewport.width < 500 ? await sidewaysOverflow(page, `the ${what} dialog at ${viewport.width}×${viewport.height}`) : []));
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });
});
