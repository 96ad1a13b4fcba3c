import { BruteForceService, TOO_MANY_SIGN_INS } from '@achievement/identity';
import { createUser, TEST_PASSWORD } from '@achievement/testing';
import { Client, IdentityTestApp, nextAddress, outboxFor, startIdentityApp, withoutRequestId } from './support/identity-test-app';

describe('brute force is slowed per account and per address', () => {
  let t: IdentityTestApp;

  beforeAll(async () => {
    t = await startIdentityApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  const attempt = (email: string, password: string, address: string) => new Client(t.app, address).post('/api/auth/sign-in', { email, password });

  it('refuses the 6th attempt for an account, even with the right password, and answers an unknown email the same', async () => {
    const user = await createUser(t.ds, 'centre_staff');
    const address = nextAddress();
    const known = [];
    const unknown = [];
    for (let i = 0; i < 5; i++) {
      known.push(await attempt(i % 2 ? user.email.toUpperCase() : user.email, `wrong-guess-${i}`, address));
      unknown.push(await attempt('nobody-here@example.test', `wrong-guess-${i}`, address));
    }
    expect(known.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    expect(unknown.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);

    const sixthKnown = await attempt(user.email, TEST_PASSWORD, address);
    const sixthUnknown = await attempt('Nobody-Here@example.test', 'wrong-guess-6', address);
    expect(sixthKnown.status).toBe(429);
    expect(sixthKnown.body).toMatchObject({ statusCode: 429, message: TOO_MANY_SIGN_INS });
    expect(TOO_MANY_SIGN_INS).toBe('Too many sign-in attempts. Wait 15 minutes or reset your password.');
    expect(withoutRequestId(sixthUnknown)).toEqual(withoutRequestId(sixthKnown));

    // the limit is the account's, wherever the attempts come from
    expect((await attempt(user.email, TEST_PASSWORD, nextAddress())).status).toBe(429);
    expect((await t.ds.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.sign_in_throttled'"))[0].n).not.toBe('0');
  });

  it('checks no more than the limit of guesses sent all at once, from many addresses', async () => {
    const user = await createUser(t.ds, 'administrator');
    const guesses = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(user.email, `parallel-guess-${i}`, nextAddress())));
    const statuses = guesses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect((await attempt(user.email, TEST_PASSWORD, nextAddress())).status).toBe(429);
  });

  it('limits one address across accounts, and another address separately', async () => {
    const busy = nextAddress();
    const quiet = nextAddress();
    const bruteForce = t.app.get(BruteForceService);
    // 49 failures already counted from the busy address (a spray over many accounts), then one more through the API
    for (let i = 0; i < 49; i++) await bruteForce.recordSignInFailure(`sprayed-${i}@example.test`, busy);
    expect((await attempt('sprayed-last@example.test', 'wrong-guess', busy)).status).toBe(401);

    const user = await createUser(t.ds, 'learner');
    const fromBusy = await attempt(user.email, TEST_PASSWORD, busy);
    expect(fromBusy.status).toBe(429);
    expect(fromBusy.body).toMatchObject({ message: TOO_MANY_SIGN_INS });
    expect((await attempt(user.email, TEST_PASSWORD, quiet)).status).toBe(200);
  });

  it('starts an account afresh after a successful sign-in', async () => {
    const user = await createUser(t.ds, 'support');
    const address = nextAddress();
    for (let i = 0; i < 4; i++) expect((await attempt(user.email, 'wrong-guess', address)).status).toBe(401);
    expect((await attempt(user.email, TEST_PASSWORD, address)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt(user.email, 'wrong-guess', address)).status).toBe(401);
    expect((await attempt(user.email, TEST_PASSWORD, address)).status).toBe(200);
  });

  it('lets the owner of a locked account in again by resetting the password', async () => {
    const user = await createUser(t.ds, 'third_party');
    const address = nextAddress();
    for (let i = 0; i < 6; i++) await attempt(user.email, 'wrong-guess', address);
    expect((await attempt(user.email, TEST_PASSWORD, address)).status).toBe(429);
    await new Client(t.app, address).post('/api/auth/forgot-password', { email: user.email });
    const [mail] = (await outboxFor(t.ds, user.email)).filter((m) => m.template === 'password-reset');
    const token = /token=([A-Za-z0-9_-]{43})/.exec(String(mail.data.link))![1];
    expect((await new Client(t.app, address).post('/api/auth/reset-password', { token, password: 'saffron-kettle-morning-4' })).status).toBe(200);
    expect((await attempt(user.email, 'saffron-kettle-morning-4', address)).status).toBe(200);
  });

  it('slows guessing the current password when changing it', async () => {
    const user = await createUser(t.ds, 'learner');
    const api = new Client(t.app);
    await api.signIn(user.email, user.password);
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await api.post('/api/auth/change-password', { currentPassword: `guess-${i}`, newPassword: 'saffron-kettle-morning-4' })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });
});
