import { ADDRESS_FAILURE_LIMIT, BruteForceService, TOO_MANY_SIGN_INS } from '@achievement/identity';
import { ApiResponse, createUser, TEST_PASSWORD, TestUser } from '@achievement/testing';
import { Client, IdentityTestApp, nextAddress, startIdentityApp, withoutRequestId } from './support/identity-test-app';

/**
 * OWASP's device cookies: a stranger's failures lock out only the browsers an account does not know; a browser that
 * signed in before keeps working, and is locked only by failures made with its own cookie.
 */
describe('a stranger cannot lock the owner out (device cookies)', () => {
  let t: IdentityTestApp;
  let deviceCookie: string;

  beforeAll(async () => {
    t = await startIdentityApp();
    deviceCookie = t.config.cookieSecure ? '__Host-ap_device' : 'ap_device';
  });

  afterAll(async () => {
    await t?.close();
  });

  afterEach(() => t.clock.reset());

  const attempt = (client: Client, email: string, password: string) => client.post('/api/auth/sign-in', { email, password });

  /** The details of the last audited refusal by a sign-in limit. */
  async function lastThrottled(): Promise<unknown> {
    const [row] = await t.ds.query("SELECT details FROM audit_log WHERE action = 'auth.sign_in_throttled' ORDER BY id DESC LIMIT 1");
    return typeof row.details === 'string' ? JSON.parse(row.details) : row.details;
  }

  /** A browser that signs in as the user (and so gets a device cookie), then signs out. */
  async function ownersDevice(user: TestUser): Promise<Client> {
    const device = new Client(t.app);
    expect((await attempt(device, user.email, TEST_PASSWORD)).status).toBe(200);
    expect((await device.post('/api/auth/sign-out')).status).toBe(204);
    return device;
  }

  /** Wrong passwords from strangers, each from an address of their own, until browsers the account does not know are refused. */
  async function strangersLockOut(email: string): Promise<void> {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt(new Client(t.app), i % 2 ? email.toUpperCase() : email, `stranger-guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  }

  it("lets the owner's device in with the right password while strangers' failures lock the account's unknown browsers", async () => {
    const admin = await createUser(t.ds, 'administrator');
    const device = await ownersDevice(admin);
    await strangersLockOut(admin.email);

    // a browser the account does not know is refused, even with the right password
    const unknownBrowser = await attempt(new Client(t.app), admin.email, TEST_PASSWORD);
    expect(unknownBrowser.status).toBe(429);
    expect(unknownBrowser.body).toMatchObject({ statusCode: 429, message: TOO_MANY_SIGN_INS });

    // the owner's device is not
    const owner = await attempt(device, admin.email, TEST_PASSWORD);
    expect(owner.status).toBe(200);
    expect(owner.body).toMatchObject({ user: { email: admin.email, role: 'administrator' } });
    expect(device.cookie(deviceCookie)).toBeTruthy();

    // and the owner signing in did not unlock the strangers
    expect((await attempt(new Client(t.app), admin.email, TEST_PASSWORD)).status).toBe(429);
    expect(await lastThrottled()).toMatchObject({ limit: 'account', knownDevice: false });
  });

  it('gives the device cookie long-lived, HttpOnly and SameSite, holding no email', async () => {
    const user = await createUser(t.ds, 'learner');
    const res = await attempt(new Client(t.app), user.email, TEST_PASSWORD);
    const setCookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const device = setCookies.find((c) => c.startsWith(`${deviceCookie}=`));
    expect(device).toBeDefined();
    expect(device).toMatch(/; HttpOnly/i);
    expect(device).toMatch(/; SameSite=Strict/i);
    expect(device).toMatch(/; Path=\//i);
    const maxAge = Number(/Max-Age=(\d+)/i.exec(device!)?.[1]);
    expect(maxAge).toBeGreaterThanOrEqual(180 * 86_400);
    expect(device!.toLowerCase()).not.toContain(user.email.split('@')[0]);
  });

  it("treats a forged, expired or another account's device cookie as none", async () => {
    const user = await createUser(t.ds, 'centre_staff');
    const other = await createUser(t.ds, 'centre_staff');
    const genuine = (await ownersDevice(user)).cookie(deviceCookie)!;
    const othersCookie = (await ownersDevice(other)).cookie(deviceCookie)!;
    // a device that signed in a year and more ago: its cookie has expired by the time of the attack
    t.clock.advance(-366 * 86_400_000);
    const oldDevice = new Client(t.app);
    expect((await attempt(oldDevice, user.email, TEST_PASSWORD)).status).toBe(200);
    t.clock.reset();
    await strangersLockOut(user.email);

    const parts = genuine.split('.');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    const forged = [
      [...parts.slice(0, 4), flip(parts[4])].join('.'), // signature changed
      [parts[0], parts[1], flip(parts[2]), parts[3], parts[4]].join('.'), // nonce changed
      [parts[0], parts[1], parts[2], String(Number(parts[3]) + 86_400), parts[4]].join('.'), // expiry moved
      [parts[0], othersCookie.split('.')[1], ...parts.slice(2)].join('.'), // another account's hash
      'garbage',
    ];
    for (const value of [...forged, othersCookie]) {
      const browser = new Client(t.app);
      browser.setCookie(deviceCookie, value);
      const res = await attempt(browser, user.email, TEST_PASSWORD);
      expect({ value, status: res.status }).toEqual({ value, status: 429 });
    }
    expect((await attempt(oldDevice, user.email, TEST_PASSWORD)).status).toBe(429);

    // the genuine cookie still works, from any address
    const owner = new Client(t.app);
    owner.setCookie(deviceCookie, genuine);
    expect((await attempt(owner, user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it("counts a stranger's failures with invented or other accounts' cookies against the account's unknown browsers", async () => {
    const user = await createUser(t.ds, 'support');
    const other = await createUser(t.ds, 'support');
    const othersCookie = (await ownersDevice(other)).cookie(deviceCookie)!;
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const stranger = new Client(t.app);
      stranger.setCookie(deviceCookie, i % 2 ? othersCookie : `d1.invented.${i}.9999999999.sig`);
      statuses.push((await attempt(stranger, user.email, `stranger-guess-${i}`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await attempt(new Client(t.app), user.email, TEST_PASSWORD)).status).toBe(429);
  });

  it('locks only the device whose cookie came with the failures', async () => {
    const user = await createUser(t.ds, 'third_party');
    const laptop = await ownersDevice(user);
    const phone = await ownersDevice(user);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt(laptop, user.email, `typo-${i}`)).status);
    statuses.push((await attempt(laptop, user.email, TEST_PASSWORD)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(await lastThrottled()).toMatchObject({ limit: 'device', knownDevice: true });

    // the laptop stays locked even from another address; the phone and a new browser are not
    laptop.address = nextAddress();
    expect((await attempt(laptop, user.email, TEST_PASSWORD)).status).toBe(429);
    expect((await attempt(phone, user.email, TEST_PASSWORD)).status).toBe(200);
    expect((await attempt(new Client(t.app), user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('keeps the per-address limit for known devices too', async () => {
    const user = await createUser(t.ds, 'learner');
    const device = await ownersDevice(user);
    const bruteForce = t.app.get(BruteForceService);
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) await bruteForce.recordSignInFailure(`sprayed-${i}@example.test`, device.address);
    const fromBusy = await attempt(device, user.email, TEST_PASSWORD);
    expect(fromBusy.status).toBe(429);
    expect(fromBusy.body).toMatchObject({ message: TOO_MANY_SIGN_INS });
    device.address = nextAddress();
    expect((await attempt(device, user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('answers a known and an unknown email alike under every limit', async () => {
    const user = await createUser(t.ds, 'centre_staff');
    const unknownEmail = `nobody-${Date.now()}@example.test`;
    const device = await ownersDevice(user);
    const known: ApiResponse[] = [];
    const unknown: ApiResponse[] = [];
    for (let i = 0; i < 6; i++) {
      known.push(await attempt(new Client(t.app), user.email, `guess-${i}`));
      unknown.push(await attempt(new Client(t.app), unknownEmail.toUpperCase(), `guess-${i}`));
    }
    expect(known.map(withoutRequestId)).toEqual(unknown.map(withoutRequestId));
    expect(known.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429]);

    // the known account's device cookie, presented for the unknown email, is no cookie at all
    const withCookie = new Client(t.app);
    withCookie.setCookie(deviceCookie, device.cookie(deviceCookie)!);
    expect(withoutRequestId(await attempt(withCookie, unknownEmail, 'guess'))).toEqual(withoutRequestId(known[5]));

    // a locked device answers as a locked account does
    for (let i = 0; i < 5; i++) await attempt(device, user.email, `typo-${i}`);
    expect(withoutRequestId(await attempt(device, user.email, TEST_PASSWORD))).toEqual(withoutRequestId(known[5]));
  });

  it('lets the owner change their password on a known device while strangers have locked the unknown browsers', async () => {
    const user = await createUser(t.ds, 'learner');
    const device = await ownersDevice(user);
    await strangersLockOut(user.email);
    expect((await attempt(device, user.email, TEST_PASSWORD)).status).toBe(200);
    const changed = await device.post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'saffron-kettle-morning-4' });
    expect(changed.status).toBe(204);
  });
});
