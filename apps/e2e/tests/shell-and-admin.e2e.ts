import { createUser, TestUser } from '@achievement/testing';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, signInThroughPage } from '../support/browser';
import { ROOT, RunningPortal } from '../support/running-portal';

describe('the portal shell with the admin micro-frontend inside it', () => {
  const portal = new RunningPortal();
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let admin: TestUser;
  /** The addresses the page asked for, to see what each role loads. */
  let requested: string[];
  const adminRemoteFetches = () => requested.filter((url) => url.includes('/admin-remote/') || url.includes('federation.manifest.json'));

  beforeAll(async () => {
    await portal.start({ SMTP_URL: '' });
    admin = await createUser(portal.db, 'administrator', { firstName: 'Ada', lastName: 'Lovelace' });
    browser = await launchChromium();
  });

  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
    errors = collectPageErrors(page);
    requested = [];
    page.on('request', (request) => requested.push(request.url()));
  });

  afterEach(async () => {
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await portal.stop();
  });

  it('loads the shell and sends a visitor who is not signed in to the sign-in page', async () => {
    await page.goto(portal.url);
    await page.waitForURL(/\/sign-in/);
    await expectVisible(page.getByRole('button', { name: 'Sign in' }).last());
    await expectVisible(page.getByLabel('Email'));
    // the public pages never load the admin micro-frontend
    await page.waitForLoadState('networkidle');
    expect(adminRemoteFetches()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('signs an administrator in, shows who is signed in, and loads the admin micro-frontend at /admin with a captured email', async () => {
    await signInThroughPage(page, portal.url, admin.email, admin.password);
    await page.waitForURL(`${portal.url}/`);
    await expectText(page.getByTestId('current-user'), 'Ada Lovelace');
    await page.waitForLoadState('networkidle');
    expect(adminRemoteFetches()).toEqual([]);

    // it is fetched the first time an admin page opens
    await page.getByRole('link', { name: 'Email log' }).click();
    await page.waitForURL(/\/admin\/emails/);
    await expectVisible(page.getByTestId('email-log'));
    expect(adminRemoteFetches().some((url) => url.endsWith('/admin-remote/remoteEntry.json'))).toBe(true);
    // the shell's top bar is still there: the remote is inside the shell, not a page of its own
    await expectText(page.getByTestId('current-user'), 'Ada Lovelace');

    await page.getByRole('button', { name: /send test email/i }).click();
    await page.getByLabel('To').fill('browser-check@example.test');
    await page.getByRole('button', { name: /^send$/i }).click();
    const row = page.getByTestId('email-row').filter({ hasText: 'browser-check@example.test' });
    await row.first().waitFor({ timeout: 20_000 });
    await page
      .waitForFunction(
        () =>
          [...document.querySelectorAll('[data-testid="email-row"]')].some(
            (r) => /browser-check@example\.test/.test(r.textContent ?? '') && /captured/i.test(r.textContent ?? ''),
          ),
        undefined,
        { timeout: 20_000 },
      )
      .catch(async () => {
        await page.reload(); // the list may have been read before the worker captured it
        await page.getByTestId('email-row').filter({ hasText: 'captured' }).first().waitFor({ timeout: 20_000 });
      });
    await row.first().click();
    await page.waitForURL(/\/admin\/emails\/\d+/);
    await expectVisible(page.getByText('Test email from Achievement Portal').first());
    const body = page.frameLocator('iframe');
    await expectVisible(body.getByRole('link', { name: 'Open the Email log' }));
    expect(await body.getByRole('link', { name: 'Open the Email log' }).getAttribute('href')).toBe(`${portal.url}/admin/emails`);
    expect(errors).toEqual([]);
  });

  it('serves a deep link into the admin area straight from the address bar', async () => {
    await signInThroughPage(page, portal.url, admin.email, admin.password, '/admin/emails');
    await page.waitForURL(/\/admin\/emails/);
    await expectVisible(page.getByTestId('email-log'));
    await page.reload();
    await expectVisible(page.getByTestId('email-log'));
    expect(errors).toEqual([]);
  });

  it('keeps the admin area from other roles', async () => {
    const staff = await createUser(portal.db, 'centre_staff', { firstName: 'Tom', lastName: 'Ted' });
    await signInThroughPage(page, portal.url, staff.email, staff.password);
    await page.waitForURL(`${portal.url}/`);
    await expectText(page.getByTestId('current-user'), 'Tom Ted');
    expect(await page.getByRole('link', { name: 'Email log' }).count()).toBe(0);
    await page.waitForLoadState('networkidle');
    expect(adminRemoteFetches()).toEqual([]);
    await page.goto(`${portal.url}/admin/emails`);
    expect(await page.getByTestId('email-log').count()).toBe(0);
  });

  it('fits a phone: the navigation folds behind a menu button', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await signInThroughPage(page, portal.url, admin.email, admin.password);
    await page.waitForURL(`${portal.url}/`);
    const emailLog = page.getByRole('link', { name: 'Email log' });
    expect(await emailLog.isVisible()).toBe(false);
    await page.getByRole('button', { name: /menu/i }).click();
    await expectVisible(emailLog);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

describe('when the admin micro-frontend cannot be loaded', () => {
  const portal = new RunningPortal();
  const webDir = mkdtempSync(join(tmpdir(), 'ap-web-'));
  let browser: Browser;

  beforeAll(async () => {
    cpSync(join(ROOT, 'dist/apps/portal'), join(webDir, 'portal'), { recursive: true }); // the shell without its remote
    await portal.start({ WEB_DIST_DIR: webDir });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await portal.stop();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('shows a clear page with a retry, not a blank screen', async () => {
    const admin = await createUser(portal.db, 'administrator');
    const page = await browser.newPage();
    await signInThroughPage(page, portal.url, admin.email, admin.password, '/admin/emails');
    await expectVisible(page.getByTestId('remote-error'));
    await expectText(page.getByTestId('remote-error'), 'could not be loaded');
    await expectVisible(page.getByRole('button', { name: /retry/i }));
  });
});

async function expectVisible(locator: ReturnType<Page['getByTestId']>): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 20_000 });
}

async function expectText(locator: ReturnType<Page['getByTestId']>, text: string): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 20_000 });
  expect(await locator.innerText()).toContain(text);
}
