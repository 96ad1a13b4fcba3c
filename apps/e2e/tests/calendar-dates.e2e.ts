import { AdminJobDetail, IssueJobRequest, LearnerConnection } from '@achievement/contracts';
import { createCentre, createUser, eventually, TestUser } from '@achievement/testing';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, signInThroughPage } from '../support/browser';
import { HttpSession } from '../support/http-session';
import { RunningPortal } from '../support/running-portal';

/**
 * Calendar dates (an award date, a date of birth: a day, no time) read the same in every time
 * zone: the day the certificate prints. The browser runs in London's summer time (an hour ahead
 * of UTC), in Tokyo (nine ahead) and in Los Angeles (seven behind); each page that shows the award
 * date shows the PDF's own words for it. Times (when the document was issued) stay instants shown
 * in the reader's zone.
 */
describe('calendar dates show the day the PDF prints, in every time zone', () => {
  const portal = new RunningPortal();
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let staff: TestUser;
  let learner: TestUser;
  let thirdParty: TestUser;
  let documentId: number;
  let verificationCode: string;
  /** what the PDF prints after "Award date:" */
  let printedAwardDate: string;

  const AWARD_DATE = '2025-08-28'; // a summer day: London is on BST, UTC+1
  const DATE_OF_BIRTH = '2001-01-01'; // the first of a year: a day early would be another year
  /** 23:30 UTC on the award date: 29 August in London and Tokyo, still 28 August in Los Angeles */
  const ISSUED_AT = new Date('2025-08-28T23:30:00.000Z');

  /**
   * The verification page is written by the server, so its issue day is the awarding body's (UK)
   * day in every zone: 29 August, as the body's records have it, even where it is still 28 August.
   */
  const ZONES: { timezoneId: string; issuedDay: string }[] = [
    { timezoneId: 'Europe/London', issuedDay: '29 August 2025' },
    { timezoneId: 'Asia/Tokyo', issuedDay: '29 August 2025' },
    { timezoneId: 'America/Los_Angeles', issuedDay: '29 August 2025' },
  ];

  beforeAll(async () => {
    await portal.start();
    const centreId = await createCentre(portal.db, { name: 'Harbourside College' });
    const admin = await createUser(portal.db, 'administrator', { firstName: 'Ada', lastName: 'Admin' });
    staff = await createUser(portal.db, 'centre_staff', { firstName: 'Tom', lastName: 'Ted', centreId });
    browser = await launchChromium();

    // an administrator issues one certificate through the API and waits until it is rendered
    const api = new HttpSession(portal.url);
    await api.signIn(admin.email, admin.password);
    const job: IssueJobRequest = {
      centreId,
      documents: [
        {
          enrolmentNumber: '0008686',
          firstName: 'Mei',
          lastName: 'Tanaka',
          dateOfBirth: DATE_OF_BIRTH,
          email: 'mei.tanaka@learner.example',
          qualificationCode: '603/7506/5',
          qualificationTitle: 'Level 3 Diploma in Light Vehicle Maintenance and Repair',
          documentType: 'certificate',
          grade: 'Merit',
          awardDate: AWARD_DATE,
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
      60_000,
      250,
    );
    const [doc] = (await portal.db.query('SELECT id, verification_code, file_key, learner_id FROM documents WHERE job_id = ?', [issued.body.id])) as {
      id: number;
      verification_code: string;
      file_key: string;
      learner_id: number;
    }[];
    documentId = Number(doc.id);
    verificationCode = doc.verification_code;
    // issued late in the evening UTC, so the issue time falls on different days in different zones
    await portal.db.query('UPDATE documents SET issued_at = ? WHERE id = ?', [ISSUED_AT, documentId]);

    // the award date as the PDF prints it (the stored original)
    const text = execFileSync('pdftotext', ['-raw', join(resolve(portal.config.STORAGE_DIR), doc.file_key), '-'], { encoding: 'utf8' });
    printedAwardDate = /Award date:\s*(\d{1,2} [A-Z][a-z]+ \d{4})/.exec(text)?.[1] ?? '';
    expect(printedAwardDate).toBe('28 August 2025');

    // the learner has an account; a third party asked for access and the learner shared the certificate
    learner = await createUser(portal.db, 'learner', { email: 'mei.tanaka@learner.example', firstName: 'Mei', lastName: 'Tanaka' });
    await portal.db.query('UPDATE users SET learner_id = ? WHERE id = ?', [doc.learner_id, learner.id]);
    thirdParty = await createUser(portal.db, 'third_party', { firstName: 'Sam', lastName: 'Shah' });
    const employer = new HttpSession(portal.url);
    await employer.signIn(thirdParty.email, thirdParty.password);
    expect((await employer.request('POST', '/api/third-party/requests', { learnerEmail: learner.email })).status).toBe(202);
    const learnerApi = new HttpSession(portal.url);
    await learnerApi.signIn(learner.email, learner.password);
    const [request] = (await learnerApi.request<LearnerConnection[]>('GET', '/api/learner/connections')).body;
    const accepted = await learnerApi.request('POST', `/api/learner/connections/${request.id}/accept`, { period: 'month', documentIds: [documentId] });
    expect(accepted.status).toBe(200);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await portal.stop();
  });

  async function pageIn(timezoneId: string): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ timezoneId, locale: 'en-GB' });
    contexts.push(context);
    const page = await context.newPage();
    return { page, errors: collectPageErrors(page) };
  }

  /** The detail of a term in a description list, as a person reads it ("Award date" → "28 August 2025"). */
  async function detailOf(list: Locator, term: string): Promise<string> {
    await list.waitFor();
    return (await list.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').innerText()).trim();
  }

  /** The award date cell of a document table's row. */
  async function awardDateCell(row: Locator): Promise<string> {
    await row.first().waitFor();
    return (await row.first().locator('td.mat-column-awardDate').innerText()).trim();
  }

  async function signedIn(timezoneId: string, user: TestUser): Promise<{ page: Page; errors: string[] }> {
    const session = await pageIn(timezoneId);
    await signInThroughPage(session.page, portal.url, user.email, user.password);
    await session.page.waitForURL(`${portal.url}/`);
    return session;
  }

  for (const { timezoneId, issuedDay } of ZONES) {
    it(`${timezoneId}: the verification page, the centre's document page, the learner's documents and the third party's list`, async () => {
      // the browser really runs in that zone
      const { page: anyone, errors: anyoneErrors } = await pageIn(timezoneId);
      await anyone.goto(`${portal.url}/verify/${verificationCode}`);
      expect(await anyone.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);

      // the public verification page: the award date of the PDF; the issue day as the body's clock has it
      const facts = anyone.getByTestId('verify-facts');
      expect(await detailOf(facts, 'Award date')).toBe(printedAwardDate);
      expect(await detailOf(facts, 'Issued')).toBe(issuedDay);
      expect(anyoneErrors).toEqual([]);

      // the centre's document page: the award date of the PDF, the date of birth as issued
      const { page: centre, errors: centreErrors } = await signedIn(timezoneId, staff);
      await centre.goto(`${portal.url}/documents/${documentId}`);
      const details = centre.getByTestId('document-details');
      expect(await detailOf(details, 'Award date')).toBe(printedAwardDate);
      expect(await detailOf(details, 'Date of birth')).toBe('1 January 2001');
      expect(centreErrors).toEqual([]);

      // the learner's documents
      const { page: own, errors: ownErrors } = await signedIn(timezoneId, learner);
      await own.goto(`${portal.url}/learner`);
      expect(await awardDateCell(own.getByTestId('learner-document-row'))).toBe(printedAwardDate);
      expect(ownErrors).toEqual([]);

      // the third party's list of what is shared with them
      const { page: shared, errors: sharedErrors } = await signedIn(timezoneId, thirdParty);
      await shared.goto(`${portal.url}/third-party`);
      expect(await awardDateCell(shared.getByTestId('shared-document-row'))).toBe(printedAwardDate);
      expect(sharedErrors).toEqual([]);
    });
  }
});
