import { STEP_UP_MINUTES } from '@achievement/contracts';
import { totpCodeAt } from '@achievement/identity';
import { createUser } from '@achievement/testing';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, signInThroughPage } from '../support/browser';
import { RunningPortal } from '../support/running-portal';

/**
 * The second factor in Chromium: a passkey registered and used through the browser's own WebAuthn
 * (CDP's virtual authenticator stands in for the person's phone or key; nothing is stubbed), step-up
 * in the admin app, and an authenticator app set up on the Sign-in security page.
 */
describe('the second factor in the browser', () => {
  const portal = new RunningPortal();
  let browser: Browser;
  let redis: Redis;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    await portal.start({ SECOND_FACTOR_ROLES: 'administrator,support' });
    redis = new Redis(portal.config.REDIS_URL);
    browser = await launchChromium();
  });

  afterEach(async () => {
    for (const c of contexts) await c.close();
    contexts = [];
  });

  afterAll(async () => {
    await browser?.close();
    redis?.disconnect();
    await portal.stop();
  });

  /** A browser profile with a platform authenticator that confirms every request (as a person touching it would). */
  async function newPage(): Promise<{ page: Page; context: BrowserContext; cdp: CDPSession; errors: string[] }> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    Object.assign(cdp, { authenticatorId });
    return { page, context, cdp, errors: collectPageErrors(page) };
  }

  /** Makes this browser's session look as if its second factor was given longer ago than step-up allows. */
  async function ageSecondFactor(context: BrowserContext): Promise<void> {
    const token = (await context.cookies()).find((c) => c.name === 'ap_session')!.value;
    const key = `${portal.config.REDIS_PREFIX}:sess:${createHash('sha256').update(token).digest('base64url')}`;
    const record = JSON.parse((await redis.get(key))!);
    record.factorAt = Date.now() - (STEP_UP_MINUTES + 1) * 60_000;
    await redis.set(key, JSON.stringify(record), 'KEEPTTL');
  }

  it('an administrator registers a passkey at first sign-in, signs in with it, and gives it again for a step-up change', async () => {
    const admin = await createUser(portal.db, 'administrator', { firstName: 'Ada', lastName: 'Admin' });
    const { page, context, cdp, errors } = await newPage();

    await signInThroughPage(page, portal.url, admin.email, admin.password, '/admin/users');
    await page.waitForURL(/\/sign-in\/set-up\?returnUrl=%2Fadmin%2Fusers$/);
    await page.getByRole('heading', { name: 'Set up a second factor' }).waitFor();
    await page.getByLabel('Name of the passkey or key').fill('Test laptop');
    await page.getByRole('button', { name: 'Add a passkey or security key' }).click();
    await page.getByRole('heading', { name: 'Your second factor is set up' }).waitFor();
    expect(await page.getByTestId('recovery-codes').getByRole('listitem').count()).toBe(10);
    await page.getByRole('button', { name: 'I have saved my codes, continue' }).click();
    await page.waitForURL(/\/admin\/users$/);
    await page
      .getByRole('heading', { name: /accounts/i })
      .first()
      .waitFor();

    const [passkey] = await portal.db.query("SELECT name, credential_id FROM user_factors WHERE user_id = ? AND kind = 'passkey'", [admin.id]);
    expect(passkey.name).toBe('Test laptop');
    const { authenticatorId } = cdp as unknown as { authenticatorId: string };
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);

    // signed out, the next sign-in asks for the passkey
    await context.clearCookies();
    await signInThroughPage(page, portal.url, admin.email, admin.password, '/admin/users');
    await page.waitForURL(/\/sign-in\/second-factor/);
    await page.getByRole('heading', { name: 'Confirm it’s you' }).waitFor();
    await page.getByRole('button', { name: 'Use a passkey or security key' }).click();
    await page.waitForURL(/\/admin\/users$/);
    const [used] = await portal.db.query('SELECT last_used_at, sign_count FROM user_factors WHERE user_id = ?', [admin.id]);
    expect(used.last_used_at).not.toBeNull();

    // a reset of someone else's factors asks for the passkey again once the last one is old
    const other = await createUser(portal.db, 'support', { firstName: 'Sam', lastName: 'Support' });
    await portal.db.query(
      "INSERT INTO user_factors (user_id, kind, name, credential_id, credential_key, sign_count, confirmed_at, created_at) VALUES (?, 'passkey', 'Old key', ?, X'00', 0, NOW(3), NOW(3))",
      [other.id, `cred-${other.id}`],
    );
    await ageSecondFactor(context);
    await page.reload();
    await page.getByRole('button', { name: 'Reset second factor of Sam Support' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset second factor' }).click();
    const stepUp = page.getByRole('dialog', { name: 'Confirm it’s you' });
    await stepUp.waitFor();
    await stepUp.getByRole('button', { name: 'Use a passkey or security key' }).click();
    await page.getByText('The second factor of Sam Support has been reset.').waitFor();
    expect(await portal.db.query('SELECT id FROM user_factors WHERE user_id = ?', [other.id])).toEqual([]);
    const audit = await portal.db.query("SELECT actor_user_id FROM audit_log WHERE action = 'user.second_factors_reset' AND subject_id = ?", [
      String(other.id),
    ]);
    expect(audit.map((r: { actor_user_id: number }) => Number(r.actor_user_id))).toEqual([admin.id]);
    // the refused first try of the reset (403 STEP_UP_REQUIRED) is logged by the browser; nothing else may be
    expect(errors.filter((e) => !/status of (403|401)/.test(e))).toEqual([]);
  });

  it('centre staff set up an authenticator app on Sign-in security and are asked for its code at the next sign-in', async () => {
    const staff = await createUser(portal.db, 'centre_staff', { firstName: 'Carol', lastName: 'Centre' });
    const { page, context, errors } = await newPage();
    await signInThroughPage(page, portal.url, staff.email, staff.password, '/account/security');
    await page.waitForURL(/\/account\/security$/);
    await page.getByRole('heading', { name: 'Sign-in security' }).waitFor();
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    expect(await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).isVisible()).toBe(true);
    await page.getByLabel('Code from your authenticator app').fill(await totpCodeAt(secret, new Date()));
    await page.getByRole('button', { name: 'Confirm and turn on' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    expect(await page.getByTestId('recovery-codes').getByRole('listitem').count()).toBe(10);
    const firstCode = (await page.getByTestId('recovery-codes').getByRole('listitem').first().textContent())!.trim();
    await page.getByRole('button', { name: 'Remove the authenticator app' }).waitFor();

    await context.clearCookies();
    await signInThroughPage(page, portal.url, staff.email, staff.password, '/account/security');
    await page.waitForURL(/\/sign-in\/second-factor/);
    // the code of the step after this one: the one used to set up the app is spent
    await page.getByLabel('Code from your authenticator app').fill(await totpCodeAt(secret, new Date(Date.now() + 30_000)));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/account\/security$/);

    await context.clearCookies();
    await signInThroughPage(page, portal.url, staff.email, staff.password);
    await page.waitForURL(/\/sign-in\/second-factor/);
    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await page.getByLabel('Recovery code').fill(firstCode);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    // the page open when its cookies were cleared may have been answered 401 once; that is all
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
