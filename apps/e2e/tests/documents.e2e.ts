import { CENTRE_COPY_STAMP } from '@achievement/contracts';
import { createCentre, createUser, SmtpSink, TestUser } from '@achievement/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, signInThroughPage } from '../support/browser';
import { RunningPortal } from '../support/running-portal';

/**
 * The documents journey of issue 8 in Chromium: an administrator issues a job from a CSV, the
 * centre's central address is told, centre staff find the learner in Records, open the viewer,
 * notify the learner and report a problem, and support staff resolve it by reissuing.
 */
describe('issuing, Records, notices, reports and triage in the browser', () => {
  const sink = new SmtpSink();
  const portal = new RunningPortal();
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let centreNumber: string;
  let admin: TestUser;
  let support: TestUser;
  let staff: TestUser;
  const centralEmail = 'office@wojcik-academy.example';

  beforeAll(async () => {
    await sink.start();
    await portal.start({ SMTP_URL: sink.url, SERVICES_TEAM_EMAIL: 'services@awarding-body.example' });
    centreNumber = `C${Math.floor(100000 + Math.random() * 800000)}`;
    const centreId = await createCentre(portal.db, { number: centreNumber, name: 'Wójcik Motor Academy', centralEmail });
    admin = await createUser(portal.db, 'administrator', { firstName: 'Ada', lastName: 'Admin' });
    support = await createUser(portal.db, 'support', { firstName: 'Sam', lastName: 'Support' });
    staff = await createUser(portal.db, 'centre_staff', { firstName: 'Tom', lastName: 'Ted', email: 'tom.ted@wojcik-academy.example', centreId });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
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

  const csv = [
    'enrolment_number,first_name,last_name,date_of_birth,email,qualification_code,qualification_title,document_type,grade,award_date,units',
    '0002124,Łukasz,Wójcik,2001-03-14,lukasz.wojcik@learner.example,603/7506/5,Level 3 Diploma in Light Vehicle Maintenance and Repair,certificate,Distinction,2026-07-01,',
    '0002125,Γιώργος,Παπαδόπουλος,2000-11-02,giorgos@learner.example,603/7506/5,Level 3 Diploma in Light Vehicle Maintenance and Repair,certificate,Merit,2026-07-01,',
    '0002126,Amara,Okafor,1999-05-23,,603/2981/1,Level 2 Certificate in Vehicle Fitting Principles,unit_certificate,Pass,2026-07-02,R/615/1234: Tyres and wheels;R/615/1235: Exhaust systems',
  ].join('\n');

  it('issue a job → the centre is emailed → Records → viewer → notify → report → support reissues', async () => {
    // 1. an administrator issues the job from a CSV in the admin area and watches it render
    const { page: adminPage, errors: adminErrors } = await newPage();
    await signInThroughPage(adminPage, portal.url, admin.email, admin.password);
    await adminPage.waitForURL(`${portal.url}/`);
    await adminPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    await adminPage.getByTestId('issue-job-link').click();
    await adminPage.getByTestId('job-centre').fill(centreNumber);
    await adminPage.getByRole('option', { name: new RegExp(centreNumber) }).click();
    await adminPage.getByTestId('job-csv-text').fill(csv);
    await adminPage.getByTestId('issue-job-submit').click();
    await adminPage.waitForURL(/\/admin\/jobs\/\d+$/);
    await adminPage.getByTestId('job-issued').waitFor({ timeout: 60_000 });
    expect(adminErrors).toEqual([]);

    // 2. the centre's central address gets the list of what was issued
    const issued = await sink.waitFor((m) => m.to.includes(centralEmail));
    expect(issued.text).toContain('Wójcik');
    expect(issued.text).toContain('0002124');
    expect(issued.text).toContain('Παπαδόπουλος');

    // 3. centre staff find the learner in Records by a name prefix, in any order
    const { page, errors } = await newPage();
    await signInThroughPage(page, portal.url, staff.email, staff.password);
    await page.waitForURL(`${portal.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Records' }).click();
    await page.getByLabel('Learner name').fill('wój łuk');
    await page.getByTestId('records-search').click();
    const row = page.getByTestId('record-row').filter({ hasText: '0002124' });
    await row.waitFor();
    expect(await page.getByTestId('record-row').count()).toBe(1);

    // 4. the viewer shows the stamped centre copy
    await row.getByTestId('record-view').click();
    await page.getByTestId('document-details').waitFor();
    await page.getByTestId('centre-copy-notice').waitFor();
    const src = await page.getByTestId('document-viewer').getAttribute('src');
    expect(src).toMatch(/\/api\/documents\/\d+\/view$/);
    const pdf = await page.request.get(`${portal.url}${src}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'ap-view-'));
    writeFileSync(join(dir, 'copy.pdf'), await pdf.body());
    const text = execFileSync('pdftotext', ['-raw', join(dir, 'copy.pdf'), '-'], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(text.replace(/\s+/g, ' ')).toContain(CENTRE_COPY_STAMP);
    expect(text).toContain('Wójcik');

    // 5. notify the learner: the email arrives
    await page.goBack();
    await row.waitFor();
    await row.getByRole('checkbox').check();
    await page.getByTestId('notify-learners').click();
    await page.getByText(/1 learner notified/i).waitFor();
    const notice = await sink.waitFor((m) => m.to.includes('lukasz.wojcik@learner.example'));
    expect(notice.text).toMatch(/available/i);
    await row.getByTestId('record-notified').waitFor();

    // 6. report an issue: both fields are required, and the email carries the four details
    await row.getByTestId('record-report').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Report Document Issue').waitFor();
    await dialog.getByTestId('report-submit').click();
    expect(await dialog.getByText('This field is required.').count()).toBe(2);
    const details = await dialog.getByTestId('report-details').innerText();
    expect(details).toContain('Tom Ted');
    expect(details).toContain('tom.ted@wojcik-academy.example');
    expect(details).toContain('0002124');
    expect(details).toContain('603/7506/5');
    await dialog.getByLabel('Issue reason').click();
    await page.getByRole('option', { name: "Learner's name is wrong or misspelt" }).click();
    await dialog.getByLabel('Issue Description').fill('The surname should be Wójcik-Nowak, as on the enrolment form.');
    await dialog.getByTestId('report-submit').click();
    await page.getByText(/Report R\d+ sent to the Centre Services team/).waitFor();
    const report = await sink.waitFor((m) => m.to.includes('services@awarding-body.example'));
    for (const detail of ['Tom Ted', 'tom.ted@wojcik-academy.example', '0002124', '603/7506/5', 'Wójcik-Nowak']) {
      expect(report.text).toContain(detail);
    }
    expect(errors).toEqual([]);

    // 7. support staff triage it and resolve it by reissuing a corrected document
    const { page: supportPage, errors: supportErrors } = await newPage();
    await signInThroughPage(supportPage, portal.url, support.email, support.password);
    await supportPage.waitForURL(`${portal.url}/`);
    await supportPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reported issues' }).click();
    await supportPage.getByTestId('report-row').filter({ hasText: 'Wójcik' }).first().click();
    await supportPage.getByTestId('assign-to-me').click();
    await supportPage.getByTestId('report-assignee').getByText('Sam Support').waitFor();
    await supportPage.getByTestId('reissue-document').click();
    const reissue = supportPage.getByRole('dialog');
    // the dialog has finished opening once it has put the focus in its first field, as a person sees it
    await supportPage.waitForFunction(() => document.activeElement?.getAttribute('formcontrolname') === 'firstName');
    await reissue.locator('[formControlName=lastName]').fill('Wójcik-Nowak');
    await reissue.locator('[formControlName=reason]').fill('Surname corrected as reported by the centre.');
    await reissue.getByTestId('reissue-submit').click();
    // the outcome, or whatever the dialog says instead, so a refusal fails with its words
    const refusal = reissue.getByRole('alert').or(reissue.locator('mat-error'));
    await supportPage.getByTestId('correction-outcome').or(refusal).first().waitFor({ timeout: 60_000 });
    const fieldValues = async () => ({
      lastName: await reissue
        .locator('[formControlName=lastName]')
        .inputValue()
        .catch(() => 'closed'),
      reason: await reissue
        .locator('[formControlName=reason]')
        .inputValue()
        .catch(() => 'closed'),
    });
    expect({ refusal: await refusal.allInnerTexts(), fields: (await refusal.count()) > 0 ? await fieldValues() : null }).toEqual({ refusal: [], fields: null });
    expect(await supportPage.getByTestId('correction-outcome').innerText()).toMatch(/superseded/i);
    await supportPage.getByTestId('mark-resolved').click();
    await supportPage.getByTestId('report-status').getByText('Resolved').waitFor();
    expect(supportErrors).toEqual([]);

    // the centre sees the old version superseded and its report resolved
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByTestId('report').filter({ hasText: 'Wójcik' }).getByTestId('report-status').getByText('Resolved').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Records' }).click();
    await page.getByLabel('Learner name').fill('nowak');
    await page.getByTestId('records-search').click();
    await page.getByTestId('record-row').filter({ hasText: 'Wójcik-Nowak' }).waitFor();
  });
});
