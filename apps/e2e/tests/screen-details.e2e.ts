import { DEMO_PASSWORD } from '../../api/src/seed/demo-seeder';
import { Page } from 'playwright-core';
import { collectPageErrors, signInThroughPage } from '../support/browser';
import { useDemoPortal } from '../support/demo-portal';

/**
 * The small things a new user notices, each in a real Chromium on the demo data: the info icon of the
 * centre copy stays square on a phone, an email's whole body shows in the Email log, the underline of
 * a verification-code link leaves its underscores readable, and the Store's steps are in the
 * browser's history, so Back goes back one step.
 */
describe('screen details', () => {
  const { portal, browser } = useDemoPortal();
  const pageErrors: string[][] = [];

  afterEach(() => {
    expect(pageErrors.splice(0).flat()).toEqual([]);
  });

  async function signedIn(email: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await browser().newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
    const page = await context.newPage();
    pageErrors.push(collectPageErrors(page));
    await signInThroughPage(page, portal.url, email, DEMO_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    return page;
  }

  it("keeps the centre copy's info icon square beside its long notice on a phone", async () => {
    const page = await signedIn('centre@achievement.test', { width: 360, height: 740 });
    await page.goto(`${portal.url}/records`);
    await page.getByTestId('record-view').first().click();
    const icon = page.getByTestId('centre-copy-notice').locator('mat-icon');
    await icon.waitFor();
    const box = await icon.boundingBox();
    expect(box && { width: Math.round(box.width), height: Math.round(box.height) }).toEqual({ width: 24, height: 24 });
    await page.context().close();
  });

  it('shows the whole of a long email in the Email log, without a scroll box of its own', async () => {
    // a centre reports an issue with a long description: the email to the services team carries it all
    const centre = await signedIn('centre@achievement.test');
    await centre.goto(`${portal.url}/records`);
    await centre.getByTestId('record-report').first().click();
    const dialog = centre.getByRole('dialog');
    await dialog.getByLabel('Issue reason').click();
    await centre.getByRole('option').first().click();
    const lines = Array.from({ length: 40 }, (_, i) => `Line ${i + 1} of what is wrong.`);
    await dialog.getByLabel('Issue Description').fill(lines.join('\n'));
    await dialog.getByTestId('report-submit').click();
    await centre.getByText(/Report R\d+ sent to the Centre Services team/).waitFor();
    await centre.context().close();

    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      const admin = await signedIn('admin@achievement.test', viewport);
      await admin.goto(`${portal.url}/admin/emails`);
      await admin.getByTestId('email-row').filter({ hasText: 'services@' }).first().click();
      const frameElement = admin.getByTestId('email-html-body');
      await frameElement.waitFor();
      const frame = await (await frameElement.elementHandle())!.contentFrame();
      await frame!.getByText('Line 40 of what is wrong.').waitFor();
      // the iframe has grown to its content: the body is taller than the old fixed frame, and nothing is hidden
      await admin.waitForFunction(() => {
        const element = document.querySelector<HTMLIFrameElement>('[data-testid="email-html-body"]');
        const root = element?.contentDocument?.documentElement;
        return !!element && !!root && root.scrollHeight <= element.clientHeight + 1;
      });
      const sizes = await frameElement.evaluate((element: HTMLIFrameElement) => ({
        content: element.contentDocument!.documentElement.scrollHeight,
        frame: element.clientHeight,
      }));
      expect(sizes.content).toBeGreaterThan(520);
      expect(sizes.frame).toBeGreaterThanOrEqual(sizes.content - 1);
      const text = admin.getByTestId('email-text-body');
      expect(await text.innerText()).toContain('Line 40 of what is wrong.');
      expect(await text.evaluate((pre) => pre.scrollHeight <= pre.clientHeight + 1)).toBe(true);
      await admin.context().close();
    }
  });

  it('underlines a verification-code link below its underscores', async () => {
    const page = await signedIn('thirdparty@achievement.test');
    await page.goto(`${portal.url}/third-party`);
    const link = page.getByTestId('shared-document-verify').first();
    await link.waitFor();
    const style = await link.evaluate((a) => {
      const computed = getComputedStyle(a);
      return { line: computed.textDecorationLine, offset: parseFloat(computed.textUnderlineOffset), fontSize: parseFloat(computed.fontSize) };
    });
    expect(style.line).toBe('underline');
    // an underscore sits about 0.1-0.2em below the baseline: the underline goes further down than that
    expect(style.offset / style.fontSize).toBeGreaterThanOrEqual(0.3);
    await page.context().close();
  });

  it("puts the Store's steps in the browser's history: Back goes back a step, and a reload stays", async () => {
    const page = await signedIn('centre@achievement.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Store' }).click();
    await page
      .getByTestId('product')
      .first()
      .getByRole('button', { name: /^Choose / })
      .click();
    await page.getByTestId('chosen-product').waitFor();
    await page.getByTestId('learner-search').fill('');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('learner-result').first().click();
    await page.getByTestId('chosen-learner').waitFor();
    await page.getByRole('heading', { name: 'Choose the documents' }).waitFor();
    expect(new URL(page.url()).searchParams.get('learner')).toMatch(/^\d+$/);

    await page.reload();
    await page.getByTestId('chosen-learner').waitFor();
    await page.getByRole('heading', { name: 'Choose the documents' }).waitFor();

    await page.goBack();
    await page.getByTestId('learner-result').first().waitFor();
    expect(await page.getByTestId('chosen-learner').count()).toBe(0);
    await page.goBack();
    await page.getByTestId('learner-search').waitFor();
    expect(await page.getByTestId('learner-result').count()).toBe(0);
    await page.goBack();
    await page.getByTestId('product').first().waitFor();
    expect(await page.getByTestId('chosen-product').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/store');
    await page.context().close();
  });
});
