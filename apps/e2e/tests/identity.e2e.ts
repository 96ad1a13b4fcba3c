import { createCentre, createUser, SmtpSink } from '@achievement/testing';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, signInThroughPage } from '../support/browser';
import { RunningPortal } from '../support/running-portal';

/** The identity journeys of issue 3, in Chromium, with every email read from a real SMTP server. */
describe('registration, review and passwords in the browser', () => {
  const sink = new SmtpSink();
  const portal = new RunningPortal();
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let centreNumber: string;
  let centreId: number;

  beforeAll(async () => {
    await sink.start();
    await portal.start({ SMTP_URL: sink.url });
    centreNumber = `C${Math.floor(100000 + Math.random() * 800000)}`;
    centreId = await createCentre(portal.db, { number: centreNumber, name: 'Wójcik Motor Academy' });
    await portal.db.query(
      `INSERT INTO centre_contacts (centre_id, first_name, last_name, email, date_of_birth, created_at)
       VALUES (?, 'Zoë', 'Brontë', 'zoe.bronte@centre.example', '1985-04-12', NOW(3)),
              (?, 'Tom', 'Ted', 'tom.ted@centre.example', '1979-02-01', NOW(3))`,
      [centreId, centreId],
    );
    browser = await launchChromium();
  });

  afterEach(async () => {
    for (const c of contexts) await c.close();
    contexts = [];
  });

  afterAll(async () => {
    await browser?.close();
    await portal.stop();
    await sink.stop();
  });

  async function newPage(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    return { page, errors: collectPageErrors(page) };
  }

  async function register(page: Page, details: { first: string; last: string; email: string; dob: string; phone: string; password: string }) {
    await page.goto(`${portal.url}/sign-in`);
    await page
      .getByRole('link', { name: /register/i })
      .first()
      .click();
    await page.waitForURL(/\/register/);
    await page.getByLabel(/first name/i).fill(details.first);
    await page.getByLabel(/last name/i).fill(details.last);
    await page.getByLabel(/^email/i).fill(details.email);
    await page.getByLabel(/date of birth/i).fill(details.dob);
    await page.getByLabel(/centre number/i).fill(centreNumber);
    await page.getByLabel(/phone/i).fill(details.phone);
    await page.getByLabel(/^password/i).fill(details.password);
    await page.getByLabel(/confirm/i).fill(details.password);
    await page.getByRole('button', { name: /^register/i }).click();
    await page
      .getByText(/check your email/i)
      .first()
      .waitFor();
  }

  function linkIn(text: string, path: string): string {
    const match = new RegExp(`${portal.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${path}\\?token=[A-Za-z0-9_-]+`).exec(text);
    if (!match) throw new Error(`No ${path} link in:\n${text}`);
    return match[0];
  }

  it('register → the verification email arrives → its link verifies → the details match → signed in', async () => {
    const { page, errors } = await newPage();
    await register(page, {
      first: 'zoe',
      last: 'BRONTE ',
      email: 'Zoe.Bronte@centre.example',
      dob: '1985-04-12',
      phone: '0113 496 0000',
      password: 'gearbox-lantern-meadow',
    });
    const mail = await sink.waitFor((m) => m.to.includes('zoe.bronte@centre.example'));
    await page.goto(linkIn(mail.text, '/verify-email'));
    await page.getByText(/you can sign in now/i).waitFor();
    await signInThroughPage(page, portal.url, 'zoe.bronte@centre.example', 'gearbox-lantern-meadow');
    await page.waitForURL(`${portal.url}/`);
    expect(await page.getByTestId('current-user').innerText()).toContain('zoe');
    await page.getByText(centreNumber).first().waitFor();
    expect(errors).toEqual([]);
  });

  it('register with details that do not match → awaiting review → an administrator approves in the admin area → the user signs in', async () => {
    const { page } = await newPage();
    await register(page, {
      first: 'Tom',
      last: 'Ted',
      email: 'tom.ted@centre.example',
      dob: '1979-02-02',
      phone: '0113 496 0001',
      password: 'clutch-pedal-orchard',
    });
    const mail = await sink.waitFor((m) => m.to.includes('tom.ted@centre.example') && /verif/i.test(m.subject));
    await page.goto(linkIn(mail.text, '/verify-email'));
    await page.getByText(/administrator will review/i).waitFor();

    await signInThroughPage(page, portal.url, 'tom.ted@centre.example', 'clutch-pedal-orchard');
    await page
      .getByText(/waiting for an administrator/i)
      .first()
      .waitFor();

    const admin = await createUser(portal.db, 'administrator', { firstName: 'Ada', lastName: 'Admin' });
    const { page: adminPage, errors } = await newPage();
    await signInThroughPage(adminPage, portal.url, admin.email, admin.password);
    await adminPage.waitForURL(`${portal.url}/`);
    await adminPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Registrations' }).click();
    const row = adminPage.getByTestId('registration-row').filter({ hasText: 'tom.ted@centre.example' });
    await row.first().click();
    await adminPage
      .getByText(/differs/i)
      .first()
      .waitFor(); // the date of birth is flagged against the held record
    await adminPage.getByRole('radio').first().check();
    await adminPage.getByRole('button', { name: 'Approve' }).click();
    await adminPage
      .getByRole('dialog')
      .getByRole('button', { name: /approve/i })
      .click();
    await adminPage
      .getByText(/can now sign in/i)
      .first()
      .waitFor();
    expect(errors).toEqual([]);

    await sink.waitFor((m) => m.to.includes('tom.ted@centre.example') && /approved|released|can now sign in/i.test(`${m.subject} ${m.text}`));
    await signInThroughPage(page, portal.url, 'tom.ted@centre.example', 'clutch-pedal-orchard');
    await page.waitForURL(`${portal.url}/`);
    expect(await page.getByTestId('current-user').innerText()).toContain('Tom Ted');
  });

  it('forgot password → the reset email → a new password → every old session is gone', async () => {
    const user = await createUser(portal.db, 'centre_staff', { email: 'forgetful@centre.example', firstName: 'Fran', lastName: 'Forgetful', centreId });
    const { page: laptop } = await newPage();
    await signInThroughPage(laptop, portal.url, user.email, user.password);
    await laptop.waitForURL(`${portal.url}/`);

    const { page, errors } = await newPage();
    await page.goto(`${portal.url}/sign-in`);
    await page.getByRole('link', { name: /forgot/i }).click();
    await page.getByRole('heading', { name: /forgot your password/i }).waitFor();
    await page.getByLabel(/email/i).fill(user.email);
    await page.getByRole('button', { name: /send|reset/i }).click();
    const sent = page.getByTestId('forgot-password-sent');
    await sent.waitFor();
    expect(await sent.textContent()).toMatch(/if an account exists for forgetful@centre\.example/i);
    const mail = await sink.waitFor((m) => m.to.includes('forgetful@centre.example') && /reset/i.test(m.subject));
    await page.goto(linkIn(mail.text, '/reset-password'));
    await page.getByLabel(/^new password/i).fill('ratchet-harbour-violet');
    await page.getByLabel(/confirm/i).fill('ratchet-harbour-violet');
    await page.getByRole('button', { name: /change|reset|save/i }).click();
    await page.getByText(/signed out everywhere/i).waitFor();
    await sink.waitFor((m) => m.to.includes('forgetful@centre.example') && /changed/i.test(m.subject));

    // the laptop's session ended with the reset
    await laptop.reload();
    await laptop.waitForURL(/\/sign-in/);
    await signInThroughPage(page, portal.url, user.email, 'ratchet-harbour-violet');
    await page.waitForURL(`${portal.url}/`);
    expect(errors).toEqual([]);
  });
});
