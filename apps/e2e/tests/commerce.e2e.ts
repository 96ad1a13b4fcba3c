import { SANDBOX_TEST_CARDS } from '@achievement/contracts';
import { createCentre, createUser, SmtpSink, TestUser } from '@achievement/testing';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, signInThroughPage } from '../support/browser';
import { sidewaysOverflowOnPhone } from '../support/page-checks';
import { RunningPortal } from '../support/running-portal';

/**
 * The commerce journey of issue 4 in Chromium: centre staff put documents of two learners in the
 * basket through the Store, pay by card on the sandbox gateway's hosted page (success, and Back
 * lands on the order again; then a decline, said in plain words, and Pay again pays the same
 * order), then pay with centre credits; the order emails
 * arrive; an administrator dispatches the order with a tracking reference in the admin Orders
 * page, and the centre's Orders page shows it.
 */
describe('ordering printed copies in the browser', () => {
  const sink = new SmtpSink();
  const portal = new RunningPortal();
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let centreId: number;
  let admin: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    await sink.start();
    await portal.start({ SMTP_URL: sink.url });
    const centreNumber = `C${Math.floor(100000 + Math.random() * 800000)}`;
    centreId = await createCentre(portal.db, {
      number: centreNumber,
      name: 'Wójcik Motor Academy',
    });
    admin = await createUser(portal.db, 'administrator', {
      firstName: 'Ada',
      lastName: 'Admin',
    });
    staff = await createUser(portal.db, 'centre_staff', {
      firstName: 'Tom',
      lastName: 'Ted',
      email: `tom.ted.${centreNumber.toLowerCase()}@academy.example`,
      centreId,
    });
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
    const errors = collectPageErrors(page);
    page.on('console', (m) => {
      // The sandbox gateway's card page (an api page, not the portal's) declares no icon, so Chromium
      // asks for /favicon.ico there and logs the 404: that one alone is not the portal's error.
      if (m.type() === 'error' && new URL(m.location().url || 'http://x/').pathname === '/favicon.ico') {
        const index = errors.indexOf(`console: ${m.text()}`);
        if (index >= 0) errors.splice(index, 1);
      }
    });
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    return { page, errors };
  }

  async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = await check();
      if (result !== undefined) return result;
      if (Date.now() > deadline) throw new Error(`${what} did not happen in time; the api said:\n${portal.output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** The administrator's API session (the admin pages have their own part of the journey below). */
  async function adminApi(): Promise<(method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>> {
    const call = async (method: string, path: string, body: unknown, cookies: string, csrf?: string) => {
      const res = await fetch(`${portal.url}${path}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: {
          'content-type': 'application/json',
          cookie: cookies,
          ...(csrf ? { 'x-xsrf-token': csrf } : {}),
        },
      });
      return {
        status: res.status,
        body: await res.json().catch(() => null),
        setCookies: res.headers.getSetCookie(),
      };
    };
    const first = await call('GET', '/api/auth/session', undefined, '');
    const csrf = /XSRF-TOKEN=([^;]+)/.exec(first.setCookies.join(';'))![1];
    const signIn = await call('POST', '/api/auth/sign-in', { email: admin.email, password: admin.password }, `XSRF-TOKEN=${csrf}`, csrf);
    expect(signIn.status).toBe(200);
    const cookies = signIn.setCookies.map((c) => c.split(';')[0]).join('; ');
    const token = /XSRF-TOKEN=([^;]+)/.exec(cookies)?.[1] ?? csrf;
    const jar = cookies.includes('XSRF-TOKEN=') ? cookies : `${cookies}; XSRF-TOKEN=${token}`;
    return async (method, path, body) => {
      const { status, body: answer } = await call(method, path, body, jar, token);
      return { status, body: answer };
    };
  }

  const csv = [
    'enrolment_number,first_name,last_name,date_of_birth,email,qualification_code,qualification_title,document_type,grade,award_date,units',
    '0004124,Łukasz,Wójcik,2001-03-14,,603/7506/5,Level 3 Diploma in Light Vehicle Maintenance and Repair,certificate,Distinction,2026-07-01,',
    '0004126,Amara,Okafor,1999-05-23,,603/7506/5,Level 3 Diploma in Light Vehicle Maintenance and Repair,certificate,Pass,2026-07-02,',
  ].join('\n');

  /** Store → Replacement certificate (or Change learner, on the Store already) → the learner found by enrolment number → tick the first document with `reason` → Add to Basket. */
  async function addToBasket(page: Page, enrolmentNumber: string, reason: string): Promise<void> {
    if (new URL(page.url()).pathname === '/store') {
      // another learner for the same product
      await page.getByRole('button', { name: 'Change learner' }).click();
    } else {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Store' }).click();
      await page.getByRole('button', { name: 'Choose Replacement certificate' }).click();
    }
    await page.getByTestId('learner-search').fill(enrolmentNumber);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('learner-result').filter({ hasText: enrolmentNumber }).click();
    const row = page.getByTestId('document-row').first();
    await row.waitFor();
    await row.getByRole('checkbox').check();
    await row.getByRole('combobox').click();
    await page.getByRole('option', { name: reason }).click();
    // on a phone, the ticked row with its reason stays in view (no sideways scrolling)
    expect(await sidewaysOverflowOnPhone(page, `/store, ${enrolmentNumber} ticked`)).toEqual([]);
    await page.getByTestId('add-to-basket').click();
    // the snackbar of the previous learner's add may still be on its way out: wait for the newest one
    await page.getByText('Added 1 document to your basket').last().waitFor();
    await row.getByText('In basket').waitFor();
  }

  async function fillBillingAddress(page: Page): Promise<void> {
    const billing = page.getByTestId('billing');
    await billing.getByLabel('Name', { exact: true }).fill('Wójcik Motor Academy');
    await billing.getByLabel('Address line 1').fill('1 Garage Lane');
    await billing.getByLabel('Town or city').fill('Leeds');
    await billing.getByLabel('Postcode').fill('LS1 1AA');
  }

  /** On the sandbox gateway's hosted card page: the card, an expiry next year, a security code, Pay now. */
  async function payOnGateway(page: Page, card: string): Promise<void> {
    await page.waitForURL(/\/api\/sandbox\/opayo\//);
    const nextYear = String((new Date().getFullYear() + 1) % 100).padStart(2, '0');
    await page.locator('input[name="cardNumber"]').fill(card);
    await page.locator('input[name="expiry"]').fill(`12/${nextYear}`);
    await page.locator('input[name="cv2"]').fill('123');
    await page.getByRole('button', { name: 'Pay now' }).click();
  }

  /** The page the journey is on, and its errors: shown when a step fails. */
  let shown: { page: Page; errors: string[] } | undefined;

  /** The basket button's name, which says its count ("Basket, 2 items"; just "Basket" when empty, with no badge). */
  const basketName = (page: Page) => page.getByTestId('basket-icon').getAttribute('aria-label');

  it('Store → basket of two learners → card (paid, Back) → card (declined, paid again: the same order) → centre credits → emails → dispatched', async () => {
    try {
      await journey();
    } catch (error) {
      // what the browser showed when a step failed
      if (shown && error instanceof Error) {
        const text = await shown.page
          .locator('body')
          .innerText()
          .catch(() => '(the page is gone)');
        const diagnostics = `--- ${shown.page.url()}\n${text.slice(0, 4000)}\n--- page errors:\n${shown.errors.join('\n')}`;
        error.message += `\n${diagnostics}`;
        error.stack = `${error.message}\n${error.stack ?? ''}`;
      }
      throw error;
    }
  });

  async function journey(): Promise<void> {
    // documents of two learners at the centre, issued by an administrator (the admin pages have their own journey)
    const api = await adminApi();
    const issued = await api('POST', '/api/admin/jobs/csv', { centreId, csv });
    expect(issued.status).toBe(201);
    await until('Rendering the job', async () => {
      const [job] = await portal.db.query('SELECT status FROM jobs WHERE id = ?', [issued.body.id]);
      if (job.status === 'failed') throw new Error(`The job failed:\n${portal.output}`);
      return job.status === 'issued' ? true : undefined;
    });

    // 1. centre staff put a certificate of each learner in the basket through the Store
    const { page, errors } = await newPage();
    await signInThroughPage(page, portal.url, staff.email, staff.password);
    await page.waitForURL(`${portal.url}/`);
    shown = { page, errors };
    await addToBasket(page, '0004124', 'Lost');
    await addToBasket(page, '0004126', 'Damaged');
    await until('The basket icon to count 2', async () => ((await basketName(page)) === 'Basket, 2 items' ? true : undefined), 10_000);

    // 2. the basket: both learners, then checkout with a card; the gateway's hosted page takes the success card
    await page.getByTestId('basket-icon').click();
    await page.waitForURL(`${portal.url}/basket`);
    await page.getByTestId('basket-group').nth(1).waitFor();
    expect(await page.getByTestId('basket-group').count()).toBe(2);
    expect(await page.getByTestId('basket-item').count()).toBe(2);
    expect((await page.getByTestId('basket-icon').locator('.mat-badge-content').innerText()).trim()).toBe('2');
    // on a phone the basket keeps Copies, Line total and Remove in view
    expect(await sidewaysOverflowOnPhone(page, '/basket')).toEqual([]);
    await page.getByTestId('checkout').click();
    await page.waitForURL(`${portal.url}/checkout`);
    await fillBillingAddress(page);
    await page.getByTestId('pay').click();
    await payOnGateway(page, SANDBOX_TEST_CARDS.success);
    await page.waitForURL(/\/orders\/\d+\?payment=paid$/);
    await page.getByText('Payment received, thank you').waitFor();
    const paidOrderNumber = (await page.locator('h1').innerText()).replace('Order ', '').trim();
    await page.getByTestId('order-status').getByText('Paid').waitFor();
    expect(await page.getByTestId('order-line').count()).toBe(2);
    await until('The basket icon to count 0', async () => ((await basketName(page)) === 'Basket' ? true : undefined), 10_000);
    await page.getByTestId('basket-icon').click();
    await page.getByTestId('basket-empty').waitFor();

    // Back after paying: never a "Confirm Form Resubmission" page; the gateway's page (a GET) sends the browser on to the order again
    await page.goBack();
    await page.waitForURL(/\/orders\/\d+\?payment=paid$/);
    await page.getByText('Payment received, thank you').waitFor();
    expect((await page.locator('h1').innerText()).replace('Order ', '').trim()).toBe(paidOrderNumber);

    // 3. a second order, declined by the bank: plain words, one next step (Pay again), which pays the same order
    await addToBasket(page, '0004124', 'Never received');
    await page.getByTestId('basket-icon').click();
    await page.getByTestId('checkout').click();
    await fillBillingAddress(page);
    await page.getByTestId('pay').click();
    await payOnGateway(page, SANDBOX_TEST_CARDS.decline);
    await page.waitForURL(/\/orders\/\d+\?payment=declined$/);
    await page.getByText('Your card was declined, so no money was taken.').waitFor();
    await page.getByTestId('order-status').getByText('Awaiting payment').waitFor();
    const declinedOrderNumber = (await page.locator('h1').innerText()).replace('Order ', '').trim();
    const declinedOrderPath = new URL(page.url()).pathname;
    const declinedPage = await page.locator('body').innerText();
    expect(declinedPage).not.toMatch(/notauthed|2000 :|Declined by the bank/i);
    expect(await page.getByRole('button', { name: 'Pay again' }).count()).toBe(1);
    await until('The basket icon to count 1', async () => ((await basketName(page)) === 'Basket, 1 item' ? true : undefined), 10_000);
    await page.getByRole('button', { name: 'Pay again' }).click();
    await payOnGateway(page, SANDBOX_TEST_CARDS.success);
    await page.waitForURL(/\/orders\/\d+\?payment=paid$/);
    expect(new URL(page.url()).pathname).toBe(declinedOrderPath);
    await page.getByTestId('order-status').getByText('Paid').waitFor();
    await until('The basket icon to count 0', async () => ((await basketName(page)) === 'Basket' ? true : undefined), 10_000);

    // 4. the centre gets a credit account; basket → checkout → centre credits → invoiced
    const account = await api('PUT', `/api/admin/credit-accounts/${centreId}`, {
      limitPence: 100_000,
      open: true,
    });
    expect(account.status).toBe(200);
    await addToBasket(page, '0004126', 'Name change');
    await page.getByTestId('basket-icon').click();
    await page.getByTestId('checkout').click();
    await page.waitForURL(`${portal.url}/checkout`);
    await fillBillingAddress(page);
    await page.getByRole('radio', { name: /Centre credits/ }).check();
    await page.getByTestId('pay').click();
    await page.waitForURL(/\/orders\/\d+$/);
    await page.getByText('Order placed: invoiced to your centre').waitFor();
    await page.getByTestId('order-status').getByText('Invoiced').waitFor();
    const invoicedOrderNumber = (await page.locator('h1').innerText()).replace('Order ', '').trim();
    await until('The basket icon to count 0', async () => ((await basketName(page)) === 'Basket' ? true : undefined), 10_000);

    // 5. the order emails arrive: each order placed (a card order once paid), and the card payment received
    for (const number of [paidOrderNumber, declinedOrderNumber, invoicedOrderNumber]) {
      const placed = await sink.waitFor((m) => m.to.includes(staff.email) && m.subject === `Your order ${number} has been placed`);
      expect(placed.text).toContain(number);
    }
    await sink.waitFor((m) => m.to.includes(staff.email) && m.subject.startsWith(`Your order ${paidOrderNumber} is now`) && /paid/i.test(m.subject));

    // 6. an administrator moves the invoiced order on and dispatches it with a tracking reference
    const { page: adminPage, errors: adminErrors } = await newPage();
    shown = { page: adminPage, errors: adminErrors };
    await signInThroughPage(adminPage, portal.url, admin.email, admin.password);
    await adminPage.waitForURL(`${portal.url}/`);
    await adminPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await adminPage.waitForURL(`${portal.url}/admin/orders`);
    await adminPage.getByTestId('order-number').filter({ hasText: invoicedOrderNumber }).click();
    await adminPage.waitForURL(/\/admin\/orders\/\d+$/);
    await adminPage.getByRole('combobox', { name: 'New status' }).click();
    await adminPage.getByRole('option', { name: 'In production' }).click();
    await adminPage.getByTestId('set-status').click();
    await adminPage.getByText(`Order ${invoicedOrderNumber} is now In production`).waitFor();
    await adminPage.getByRole('combobox', { name: 'New status' }).click();
    await adminPage.getByRole('option', { name: 'Dispatched' }).click();
    await adminPage.getByTestId('set-status').click();
    await adminPage.getByText('Enter the tracking reference of the parcel').waitFor();
    await adminPage.getByLabel('Tracking reference').fill('RM123456785GB');
    await adminPage.getByTestId('set-status').click();
    await adminPage.getByText(`Order ${invoicedOrderNumber} is now Dispatched`).waitFor();
    expect(await adminPage.getByTestId('tracking-reference').innerText()).toBe('RM123456785GB');
    await sink.waitFor((m) => m.to.includes(staff.email) && m.subject.startsWith(`Your order ${invoicedOrderNumber} is now`) && /dispatched/i.test(m.subject));

    // 7. the centre's Orders page shows it dispatched
    shown = { page, errors };
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await page.waitForURL(`${portal.url}/orders`);
    const row = page.getByTestId('order-row').filter({ hasText: invoicedOrderNumber });
    await row.getByTestId('order-status').getByText('Dispatched').waitFor();
    expect(await page.getByTestId('order-row').filter({ hasText: declinedOrderNumber }).getByTestId('order-status').innerText()).toBe('Paid');
    expect(await page.getByTestId('order-row').count()).toBe(3); // the declined payment made no second order
    expect(await page.getByTestId('order-row').filter({ hasText: paidOrderNumber }).getByTestId('order-status').innerText()).toBe('Paid');

    expect(errors).toEqual([]);
    expect(adminErrors).toEqual([]);
  }
});
