import { AdminJobDetail, IssueJobRequest, LearnerConnection, LearnerDocument, ThirdPartyConnection } from '@achievement/contracts';
import { createCentre, createUser, eventually, ReceivedMail, SmtpSink, TestUser } from '@achievement/testing';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, signInThroughPage } from '../support/browser';
import { RunningPortal } from '../support/running-portal';

/** A session over real HTTP, as the Angular client is: the session cookie, and X-XSRF-TOKEN on writes. */
class HttpSession {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    if (method !== 'GET' && !this.cookies.has('XSRF-TOKEN')) await this.request('GET', '/api/auth/session');
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers['x-xsrf-token'] = this.cookies.get('XSRF-TOKEN') ?? '';
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const text = await res.text();
    return { status: res.status, body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
  }

  async signIn(email: string, password: string): Promise<void> {
    const res = await this.request('POST', '/api/auth/sign-in', { email, password });
    if (res.status !== 200) throw new Error(`Sign-in as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

interface Person {
  email: string;
  password: string;
}

/**
 * Sharing documents (issue 5) in Chromium, every email read from a real SMTP server: a learner
 * registers, shares two documents with an employer who registers from the invitation and sees
 * exactly those; a third party asks a learner for access and sees the one document chosen with the
 * tick, and nothing once access has ended; a declined request shares nothing and is told.
 */
describe('learners share documents with third parties in the browser', () => {
  const sink = new SmtpSink();
  const portal = new RunningPortal();
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: TestUser;
  let centreId: number;

  /** Łukasz has three documents, Amara two. */
  const lukasz = { enrolmentNumber: '0005124', dateOfBirth: '2001-03-14', email: 'lukasz.wojcik@learner.example', password: 'gearbox-lantern-meadow' };
  const amara = { enrolmentNumber: '0005126', dateOfBirth: '1999-05-23', email: 'amara.okafor@learner.example', password: 'tyre-pressure-harbour' };
  const lukaszDocuments: LearnerDocument[] = [];
  const amaraDocuments: LearnerDocument[] = [];

  beforeAll(async () => {
    await sink.start();
    await portal.start({ SMTP_URL: sink.url });
    centreId = await createCentre(portal.db, { name: 'Wójcik Motor Academy' });
    admin = await createUser(portal.db, 'administrator', { firstName: 'Ada', lastName: 'Admin' });
    browser = await launchChromium();
    await issueDocuments();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await portal.stop();
    await sink.stop();
  });

  /** A browser set to US English, whose own date inputs would ask for mm/dd/yyyy. */
  async function newPage(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    return { page, errors: collectPageErrors(page) };
  }

  /** An administrator issues a job over the API (the admin pages have their own journey) and waits until it is rendered. */
  async function issueDocuments(): Promise<void> {
    const api = new HttpSession(portal.url);
    await api.signIn(admin.email, admin.password);
    const diploma = {
      qualificationCode: '603/7506/5',
      qualificationTitle: 'Level 3 Diploma in Light Vehicle Maintenance and Repair',
      documentType: 'certificate' as const,
    };
    const fitting = {
      qualificationCode: '603/2981/1',
      qualificationTitle: 'Level 2 Certificate in Vehicle Fitting Principles',
      documentType: 'certificate' as const,
    };
    const job: IssueJobRequest = {
      centreId,
      documents: [
        {
          enrolmentNumber: lukasz.enrolmentNumber,
          firstName: 'Łukasz',
          lastName: 'Wójcik',
          dateOfBirth: lukasz.dateOfBirth,
          ...diploma,
          grade: 'Distinction',
          awardDate: '2026-07-01',
        },
        {
          enrolmentNumber: lukasz.enrolmentNumber,
          firstName: 'Łukasz',
          lastName: 'Wójcik',
          dateOfBirth: lukasz.dateOfBirth,
          ...fitting,
          grade: 'Pass',
          awardDate: '2026-07-02',
        },
        {
          enrolmentNumber: lukasz.enrolmentNumber,
          firstName: 'Łukasz',
          lastName: 'Wójcik',
          dateOfBirth: lukasz.dateOfBirth,
          qualificationCode: '603/2981/1',
          qualificationTitle: 'Level 2 Certificate in Vehicle Fitting Principles',
          documentType: 'unit_certificate',
          grade: 'Pass',
          awardDate: '2026-07-03',
          units: [{ code: 'R/615/1234', title: 'Tyres and wheels' }],
        },
        {
          enrolmentNumber: amara.enrolmentNumber,
          firstName: 'Amara',
          lastName: 'Okafor',
          dateOfBirth: amara.dateOfBirth,
          ...diploma,
          grade: 'Merit',
          awardDate: '2026-07-01',
        },
        {
          enrolmentNumber: amara.enrolmentNumber,
          firstName: 'Amara',
          lastName: 'Okafor',
          dateOfBirth: amara.dateOfBirth,
          ...fitting,
          grade: 'Pass',
          awardDate: '2026-07-02',
        },
      ],
    };
    const issued = await api.request<AdminJobDetail>('POST', '/api/admin/jobs', job);
    expect(issued.status).toBe(201);
    await eventually(
      async () => {
        const current = await api.request<AdminJobDetail>('GET', `/api/admin/jobs/${issued.body.id}`);
        if (current.body.status !== 'issued') throw new Error(`job ${current.body.status}`);
      },
      90_000,
      250,
    );
  }

  const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  /** The address of a portal page linked from an email. */
  function linkIn(mail: ReceivedMail, path: string): string {
    const match = new RegExp(`${escaped(portal.url)}${escaped(path)}[^\\s"'<>)\\]]*`).exec(`${mail.text}\n${mail.html}`);
    if (!match) throw new Error(`No ${path} link in:\n${mail.text}`);
    return match[0].replace(/&amp;/g, '&');
  }

  const mailTo = (address: string, pattern: RegExp) => sink.waitFor((m) => m.to.includes(address) && pattern.test(`${m.subject}\n${m.text}`), 30_000);
  /** The email with the link that verifies a new account's address. */
  const verificationMail = (address: string) => mailTo(address, /\/verify-email\?token=/);

  /** A third party registers and verifies over the API (journey (a) does it in the browser). */
  async function thirdPartyRegistered(first: string, last: string, email: string, organisation: string): Promise<Person> {
    const password = 'clutch-pedal-orchard-7';
    const api = new HttpSession(portal.url);
    const registered = await api.request('POST', '/api/third-parties/register', { firstName: first, lastName: last, organisation, email, password });
    expect(registered.status).toBe(202);
    const mail = await verificationMail(email);
    const token = new URL(linkIn(mail, '/verify-email')).searchParams.get('token');
    const verified = await api.request<{ outcome: string }>('POST', '/api/registrations/verify', { token });
    expect(verified.status).toBe(200);
    expect(verified.body.outcome).toBe('active');
    return { email, password };
  }

  /** Submits a connection dialog and waits for the snack bar that says what happened (or fails with the dialog's problem). */
  async function submitConnection(page: Page, dialog: ReturnType<Page['getByRole']>, expected: string): Promise<void> {
    await dialog.getByTestId('connection-submit').click();
    await page.locator('mat-snack-bar-container, [data-testid="connection-dialog-error"], mat-dialog-container mat-error').first().waitFor();
    if ((await dialog.count()) > 0 && (await dialog.locator('[data-testid="connection-dialog-error"], mat-error').count()) > 0) {
      throw new Error(`The dialog did not save: ${await dialog.innerText()}`);
    }
    await page.getByText(expected, { exact: false }).waitFor();
  }

  /** Signs in through the sign-in page and waits for the home page. */
  async function signedIn(person: Person): Promise<{ page: Page; errors: string[] }> {
    const session = await newPage();
    await signInThroughPage(session.page, portal.url, person.email, person.password);
    await session.page.waitForURL(`${portal.url}/`);
    return session;
  }

  it('(a) a learner registers, shares 2 of 3 documents; the employer registers from the invitation, accepts it and sees exactly those 2, valid', async () => {
    // the learner registers from the sign-in page with the enrolment number and date of birth on their certificate
    const { page, errors } = await newPage();
    await page.goto(`${portal.url}/sign-in`);
    await page.getByRole('link', { name: 'Register as a learner' }).click();
    await page.waitForURL(`${portal.url}/register/learner`);
    await page.getByLabel('Enrolment number').fill(lukasz.enrolmentNumber);
    // typed the British way, day first, in a browser whose language is US English
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    const birthField = page.getByLabel('Date of birth');
    expect(await birthField.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await birthField.fill('14.3.2001');
    await birthField.blur();
    expect(await birthField.inputValue()).toBe('14/03/2001');
    await page.getByLabel('Email').fill(lukasz.email);
    await page.getByLabel('Password', { exact: true }).fill(lukasz.password);
    await page.getByLabel('Confirm password').fill(lukasz.password);
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.getByTestId('learner-registration-message').waitFor();

    // the email's link verifies the address; the learner signs in and sees their three documents
    const verification = await verificationMail(lukasz.email);
    await page.goto(linkIn(verification, '/verify-email'));
    await page.getByTestId('verify-outcome').waitFor();
    await signInThroughPage(page, portal.url, lukasz.email, lukasz.password);
    await page.waitForURL(`${portal.url}/`);
    await page.getByRole('navigation').getByRole('link', { name: 'My documents' }).click();
    await page.waitForURL(`${portal.url}/learner`);
    const rows = page.getByTestId('learner-document-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    for (const status of await page.getByTestId('learner-document-row').getByTestId('document-status').allInnerTexts()) expect(status).toBe('Valid');
    lukaszDocuments.push(...((await (await page.request.get(`${portal.url}/api/learner/documents`)).json()) as LearnerDocument[]));
    expect(lukaszDocuments).toHaveLength(3);
    const shownNumbers = await page.getByTestId('learner-document-number').allInnerTexts();
    expect(new Set(shownNumbers)).toEqual(new Set(lukaszDocuments.map((d) => d.documentNumber)));
    // their own PDF opens
    const own = await page.request.get(`${portal.url}${await page.getByTestId('learner-document-view').first().getAttribute('href')}`);
    expect(own.status()).toBe(200);
    expect(own.headers()['content-type']).toContain('application/pdf');

    // Connections → Manage → Add Connection: a name, an email, a month, the first two documents
    await page.getByTestId('manage-connections').click();
    await page.waitForURL(`${portal.url}/learner/connections`);
    await page.getByTestId('connections-empty').waitFor();
    await page.getByTestId('add-connection').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Priya Patel');
    await dialog.getByLabel('Email').fill('priya.patel@garage.example');
    await dialog.getByRole('combobox', { name: 'How long' }).click();
    await page.getByRole('option', { name: 'A month' }).click();
    const chosen = shownNumbers.slice(0, 2);
    for (const number of chosen) await dialog.getByTestId('connection-document').filter({ hasText: number }).getByRole('checkbox').check();
    await submitConnection(page, dialog, 'You shared 2 documents with Priya Patel.');
    const row = page.getByTestId('connection-row').filter({ hasText: 'Priya Patel' });
    expect(await row.getByTestId('connection-status').innerText()).toBe('Active');
    expect(await row.getByTestId('connection-documents').locator('summary').innerText()).toBe('2 documents');
    expect(errors).toEqual([]);

    // the employer gets the invitation, follows it and registers as a third party from it
    const invitation = await mailTo('priya.patel@garage.example', /has shared documents with you/i);
    const invitationUrl = linkIn(invitation, '/invitations/');
    const { page: employer, errors: employerErrors } = await newPage();
    await employer.goto(invitationUrl);
    const summary = employer.getByTestId('invitation-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('has shared 2 documents with priya.patel@garage.example until');
    expect(await summary.innerText()).toContain('Łukasz');
    await employer.getByTestId('invitation-register').click();
    await employer.waitForURL(/\/register\/third-party\?invitation=/);
    expect(await employer.getByLabel('Email').inputValue()).toBe('priya.patel@garage.example');
    await employer.getByLabel('First name').fill('Priya');
    await employer.getByLabel('Last name').fill('Patel');
    await employer.getByLabel('Organisation (optional)').fill('Patel Motors');
    await employer.getByLabel('Password', { exact: true }).fill('torque-wrench-sunrise');
    await employer.getByLabel('Confirm password').fill('torque-wrench-sunrise');
    await employer.getByRole('button', { name: 'Register', exact: true }).click();
    await employer.getByTestId('third-party-registration-message').waitFor();
    expect(await employer.getByTestId('back-to-invitation').getAttribute('href')).toBe(new URL(invitationUrl).pathname);

    // verifies the address, signs in from the invitation (coming back to it) and accepts
    const employerVerification = await verificationMail('priya.patel@garage.example');
    await employer.goto(linkIn(employerVerification, '/verify-email'));
    await employer.getByTestId('verify-outcome').waitFor();
    await employer.goto(invitationUrl);
    await employer.getByTestId('invitation-sign-in').click();
    await employer.waitForURL(/\/sign-in\?returnUrl=/);
    await employer.getByLabel('Email').fill('priya.patel@garage.example');
    await employer.getByLabel('Password').fill('torque-wrench-sunrise');
    await employer.getByRole('button', { name: 'Sign in' }).click();
    await employer.waitForURL(invitationUrl);
    await employer.getByTestId('invitation-accept').click();
    await employer.waitForURL(`${portal.url}/third-party`);

    // exactly the two documents chosen, valid, with their codes linking to Smart Verify
    const shared = employer.getByTestId('shared-document-row');
    await shared.first().waitFor();
    expect(await shared.count()).toBe(2);
    expect(new Set(await employer.getByTestId('shared-document-number').allInnerTexts())).toEqual(new Set(chosen));
    expect(await employer.getByTestId('shared-document-status').allInnerTexts()).toEqual(['Valid', 'Valid']);
    const code = lukaszDocuments.find((d) => d.documentNumber === chosen[0])!.verificationCode;
    expect(await employer.getByTestId('shared-document-verify').filter({ hasText: code }).getAttribute('href')).toBe(`/verify/${code}`);
    const viewed = await employer.request.get(`${portal.url}${await shared.first().getByTestId('shared-document-view').getAttribute('href')}`);
    expect(viewed.status()).toBe(200);
    expect(viewed.headers()['content-type']).toContain('application/pdf');
    expect(employerErrors).toEqual([]);

    // the learner sees the view counted
    await eventually(
      async () => {
        await page.reload();
        expect(await page.getByTestId('connection-row').filter({ hasText: 'Priya Patel' }).getByTestId('connection-views').innerText()).toBe('1');
      },
      15_000,
      500,
    );
  });

  let amaraPage: Page;
  let fleetPage: Page;
  let fleetConnectionId: number;

  it('(b) a third party requests access by the learner’s email; the learner accepts with the tick, sharing ONE document; the third party is told and sees only that one', async () => {
    // Amara has an account (registered over the API: the browser registration is journey (a))
    const api = new HttpSession(portal.url);
    expect((await api.request('POST', '/api/learners/register', { ...amara, password: amara.password })).status).toBe(202);
    const token = new URL(linkIn(await verificationMail(amara.email), '/verify-email')).searchParams.get('token');
    expect((await api.request('POST', '/api/registrations/verify', { token })).status).toBe(200);

    const fleet = await thirdPartyRegistered('Sam', 'Shah', 'sam.shah@fleet.example', 'Shah Fleet Services');
    const { page, errors } = await signedIn(fleet);
    fleetPage = page;
    await page.getByRole('navigation').getByRole('link', { name: 'Shared with me' }).click();
    await page.getByTestId('shared-empty').waitFor();
    expect(await page.getByTestId('shared-empty').innerText()).toBe('No learner has shared documents with you yet.');
    await page.getByTestId('request-access').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel("Learner's email").fill(amara.email);
    await dialog.getByLabel('Message (optional)').fill('For the fleet technician job.');
    await dialog.getByTestId('request-access-submit').click();
    await dialog.getByTestId('request-access-answer').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    // the learner is emailed, and finds the request pending under Connections
    const requested = await mailTo(amara.email, /asks to see your documents/i);
    expect(requested.text).toContain('Sam Shah');
    expect(linkIn(requested, '/learner/connections')).toBe(`${portal.url}/learner/connections`);
    const { page: learner, errors: learnerErrors } = await signedIn(amara);
    amaraPage = learner;
    await learner.getByRole('navigation').getByRole('link', { name: 'My documents' }).click();
    await learner.getByTestId('learner-document-row').first().waitFor();
    amaraDocuments.push(...((await (await learner.request.get(`${portal.url}/api/learner/documents`)).json()) as LearnerDocument[]));
    expect(amaraDocuments).toHaveLength(2);
    expect(await learner.getByTestId('connection-counts').innerText()).toContain('0 active, 1 pending');
    await learner.getByTestId('manage-connections').click();
    const row = learner.getByTestId('connection-row').filter({ hasText: 'Sam Shah' });
    await row.waitFor();
    expect(await row.getByTestId('connection-status').innerText()).toBe('Pending');
    expect(await row.getByTestId('connection-request').innerText()).toContain('For the fleet technician job.');

    // the tick: one document, a week
    await row.getByRole('button', { name: 'Accept the request of Sam Shah' }).click();
    const accept = learner.getByRole('dialog');
    await accept.getByRole('combobox', { name: 'How long' }).click();
    await learner.getByRole('option', { name: 'A week' }).click();
    const only = amaraDocuments[0];
    await accept.getByTestId('connection-document').filter({ hasText: only.documentNumber }).getByRole('checkbox').check();
    await submitConnection(learner, accept, 'You accepted the request of Sam Shah: they can see 1 document until');
    expect(await row.getByTestId('connection-status').innerText()).toBe('Active');
    const connections = (await (await learner.request.get(`${portal.url}/api/learner/connections`)).json()) as LearnerConnection[];
    fleetConnectionId = connections.find((c) => c.thirdParty.email === 'sam.shah@fleet.example')!.id;
    expect(learnerErrors).toEqual([]);

    // the third party is told, and sees only that document
    await mailTo('sam.shah@fleet.example', /has shared documents with you/i);
    await page.reload();
    const shared = page.getByTestId('shared-document-row');
    await shared.first().waitFor();
    expect(await shared.count()).toBe(1);
    expect(await page.getByTestId('shared-document-number').allInnerTexts()).toEqual([only.documentNumber]);
    expect(await page.getByTestId('shared-document-status').innerText()).toBe('Valid');
    expect(errors).toEqual([]);
  });

  it('(c) once the access has ended, the third party sees nothing and cannot open the file', async () => {
    const before = (await (await fleetPage.request.get(`${portal.url}/api/third-party/connections`)).json()) as ThirdPartyConnection[];
    const file = `${portal.url}/api/third-party/connections/${fleetConnectionId}/documents/${before.find((c) => c.id === fleetConnectionId)!.documents[0].id}/file`;
    expect((await fleetPage.request.get(file)).status()).toBe(200);

    await portal.db.query('UPDATE connections SET access_ends_at = ? WHERE id = ?', [new Date(Date.now() - 60_000), fleetConnectionId]);
    await fleetPage.reload();
    await fleetPage.getByTestId('shared-connection').first().waitFor();
    await fleetPage.getByTestId('shared-no-documents').waitFor();
    expect(await fleetPage.getByTestId('shared-document-row').count()).toBe(0);
    expect(await fleetPage.getByTestId('shared-document-view').count()).toBe(0);
    expect(await fleetPage.getByTestId('shared-connection').getByTestId('connection-status').innerText()).toBe('Expired');
    expect(await fleetPage.getByTestId('shared-no-documents').innerText()).toBe('Your access has expired.');
    expect((await fleetPage.request.get(file)).status()).toBeGreaterThanOrEqual(400);

    // the learner sees it expired too, with nothing left to end
    await amaraPage.reload();
    const row = amaraPage.getByTestId('connection-row').filter({ hasText: 'Sam Shah' });
    await row.waitFor();
    expect(await row.getByTestId('connection-status').innerText()).toBe('Expired');
    expect(await row.getByTestId('connection-end').count()).toBe(0);
  });

  it('(d) a declined request shares nothing, and the third party is emailed', async () => {
    const college = await thirdPartyRegistered('Jo', 'Jones', 'jo.jones@college.example', 'Northfield College Admissions');
    const { page, errors } = await signedIn(college);
    await page.goto(`${portal.url}/third-party`);
    await page.getByTestId('shared-empty').waitFor();
    // by enrolment number and date of birth this time
    await page.getByTestId('request-access').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('mat-button-toggle', { hasText: 'Enrolment number and date of birth' }).click();
    await dialog.getByLabel('Enrolment number').fill(amara.enrolmentNumber);
    await dialog.getByLabel('Date of birth').fill('23/05/1999');
    await dialog.getByTestId('request-access-submit').click();
    await dialog.getByTestId('request-access-answer').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await mailTo(amara.email, /Jo Jones asks to see your documents/i);

    await amaraPage.goto(`${portal.url}/learner/connections`);
    const row = amaraPage.getByTestId('connection-row').filter({ hasText: 'Jo Jones' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Decline the request of Jo Jones' }).click();
    await amaraPage.getByRole('dialog').getByTestId('confirm-action').click();
    await amaraPage.getByText('You declined the request of Jo Jones.').waitFor();
    expect(await row.getByTestId('connection-status').innerText()).toBe('Declined');

    const declined = await mailTo('jo.jones@college.example', /was declined/i);
    expect(declined.subject).toMatch(/declined/i);
    await page.reload();
    await page.getByTestId('shared-connection').first().waitFor();
    expect(await page.getByTestId('shared-document-row').count()).toBe(0);
    expect(await page.getByTestId('connection-status').allInnerTexts()).toEqual(['Declined']);
    const connections = (await (await page.request.get(`${portal.url}/api/third-party/connections`)).json()) as ThirdPartyConnection[];
    expect(connections.flatMap((c) => c.documents)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
