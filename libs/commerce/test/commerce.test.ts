import { Basket, CheckoutDefaults, OrderDetail, PlacedOrder, Product, SANDBOX_TEST_CARDS, StoreDocument, StoreLearner } from '@achievement/contracts';
import { encryptCrypt, UnpaidOrderExpiryTask } from '@achievement/commerce';
import { createCentre, createUser } from '@achievement/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, createDocument, DocumentsTestApp, signedIn, startDocumentsApp, TestDocument } from '../../documents/test/document-factory';

/*
 * Commerce over the API on the real database, Redis, SMTP sink and the sandbox gateway (which
 * speaks the Opayo Form protocol): the store, the basket, card and credit checkouts, the gateway's
 * answers (genuine, forged, replayed), the credit limit under concurrent checkouts, fulfilment.
 */

const ADDRESS = { name: 'Ada Lovelace', line1: '1 College Road', town: 'Leeds', postcode: 'LS1 1AA', country: 'GB' };
const ABROAD = { name: 'Aoife Byrne', line1: '12 Harcourt Street', town: 'Dublin', postcode: 'd02  x285', country: 'IE' };

describe('Commerce', () => {
  let t: DocumentsTestApp;
  let centreId: number;
  let staff: Client;
  let admin: Client;
  let certificate: Product;
  let learnerA: TestDocument[];
  let learnerB: TestDocument;
  let otherCentreDoc: TestDocument;
  let reasonId: number;
  let keys = 0;
  let lastCardPage = '';
  const key = () => `checkout-${Date.now()}-${++keys}`;

  beforeAll(async () => {
    t = await startDocumentsApp({ listen: true }); // the api confirms payments with the sandbox gateway's Reporting API over HTTP
    centreId = await createCentre(t.ds, { number: 'C66001', name: 'Printwell College' });
    const first = await createDocument(t.ds, { centreId, firstName: 'Amal', lastName: 'Zed', enrolmentNumber: 'AZ0001' });
    learnerA = [first, await createDocument(t.ds, { centreId, learnerId: first.learnerId, qualificationCode: '610/0001/1', qualificationTitle: 'Welding' })];
    learnerB = await createDocument(t.ds, { centreId, firstName: 'Bea', lastName: 'Young', enrolmentNumber: 'BY0001' });
    otherCentreDoc = await createDocument(t.ds, { centreId: await createCentre(t.ds), firstName: 'Olu', lastName: 'Other' });
    staff = await signedIn(t.app, await createUser(t.ds, 'centre_staff', { centreId }));
    admin = await signedIn(t.app, await createUser(t.ds, 'administrator'));
    certificate = ((await staff.get('/api/store/products')).body as Product[]).find((p) => p.documentTypes.includes('certificate'))!;
    reasonId = (await staff.get('/api/store/reasons')).body[0].id;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  async function fillBasket(client: Client, docs: TestDocument[]): Promise<Basket> {
    const res = await client.post('/api/basket/items', { productId: certificate.id, items: docs.map((d) => ({ documentId: d.id, reasonId })) });
    expect(res.status).toBe(201);
    return res.body as Basket;
  }

  /** The browser at the sandbox gateway: posts the form, fills the card page, follows the gateway back to the portal. */
  async function payAtGateway(form: PlacedOrder['payment'], card: string): Promise<string> {
    const action = new URL(form!.action);
    const posted = await t.app.inject({
      method: 'POST',
      url: action.pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(form!.fields).toString(),
    });
    // Post/Redirect/Get: the registration answers 303 to the card page, a GET
    expect(posted.statusCode).toBe(303);
    const cardPage = new URL(String(posted.headers.location), `http://portal${action.pathname}`);
    const registered = await t.app.inject({ method: 'GET', url: cardPage.pathname + cardPage.search });
    expect(registered.statusCode).toBe(200);
    expect(registered.body).toContain('Pay now');
    const session = /name="session" value="([^"]+)"/.exec(registered.body)![1];
    lastCardPage = cardPage.pathname + cardPage.search;
    const paid = await t.app.inject({
      method: 'POST',
      url: '/api/sandbox/opayo/pay',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ session, cardNumber: card, expiry: '12/39', cv2: '123', action: 'pay' }).toString(),
    });
    expect(paid.statusCode).toBe(303);
    const back = new URL(String(paid.headers.location));
    expect(back.pathname).toBe('/api/payments/opayo/return');
    return back.pathname + back.search;
  }

  async function followReturn(returnUrl: string): Promise<string> {
    const res = await t.app.inject({ method: 'GET', url: returnUrl });
    expect(res.statusCode).toBe(303);
    return String(res.headers.location);
  }

  /** A gateway return that is refused: its status (a 4xx with the error shape, never a redirect). */
  async function refusedReturn(returnUrl: string): Promise<number> {
    const res = await t.app.inject({ method: 'GET', url: returnUrl });
    expect(res.headers.location).toBeUndefined();
    expect(res.json()).toMatchObject({ statusCode: res.statusCode, message: expect.stringContaining('not a valid answer of the card gateway') });
    return res.statusCode;
  }

  it('finds the centre’s learners and their documents for a product, never another centre’s', async () => {
    const learners = (await staff.get(`/api/store/learners?productId=${certificate.id}&q=zed`)).body as StoreLearner[];
    expect(learners).toEqual([expect.objectContaining({ name: 'Amal Zed', enrolmentNumber: 'AZ0001', documentCount: 2 })]);
    const docs = (await staff.get(`/api/store/documents?productId=${certificate.id}&learnerId=${learnerA[0].learnerId}`)).body as StoreDocument[];
    expect(docs.map((d) => d.id).sort()).toEqual(learnerA.map((d) => d.id).sort());
    expect((await staff.get(`/api/store/documents?productId=${certificate.id}&learnerId=${otherCentreDoc.learnerId}`)).body).toEqual([]);
    const foreign = await staff.post('/api/basket/items', { productId: certificate.id, items: [{ documentId: otherCentreDoc.id, reasonId }] });
    expect(foreign.status).toBe(404);
  });

  it('pays by card at the gateway: the order is paid once, the basket emptied, and a replayed or forged answer changes nothing', async () => {
    const basket = await fillBasket(staff, [learnerA[0], learnerB]);
    expect(basket.count).toBe(2);
    expect(basket.subtotal.netPence).toBe(2 * certificate.price.netPence);
    expect(basket.subtotal.vatPence).toBe(2 * certificate.price.vatPence);
    const sameKey = key();
    const order = { billingAddress: ADDRESS, deliveryAddress: ADDRESS, deliveryMethod: 'tracked', paymentMethod: 'card', idempotencyKey: sameKey };
    const placed = (await staff.post('/api/orders', order)).body as PlacedOrder;
    expect(placed.order).toMatchObject({ status: 'awaiting_payment', itemCount: 2 });
    expect(placed.order.total.grossPence).toBe(basket.subtotal.grossPence + placed.order.delivery.price.grossPence);
    // a double-clicked Pay: the same order and the same payment, which the gateway takes once
    const again = (await staff.post('/api/orders', order)).body as PlacedOrder;
    expect(again.order.id).toBe(placed.order.id);
    expect(again.payment).toEqual(placed.payment);

    const returnUrl = await payAtGateway(placed.payment, SANDBOX_TEST_CARDS.success);
    const secondRegistration = await t.app.inject({
      method: 'POST',
      url: new URL(again.payment!.action).pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(again.payment!.fields).toString(),
    });
    expect(secondRegistration.statusCode).toBe(400);
    expect(secondRegistration.body).toContain('VendorTxCode has been used before');

    expect(await followReturn(returnUrl)).toBe(`/orders/${placed.order.id}?payment=paid`);
    const paid = (await staff.get(`/api/orders/${placed.order.id}`)).body as OrderDetail;
    expect(paid.status).toBe('paid');
    expect(((await staff.get('/api/basket')).body as Basket).count).toBe(0);
    await t.smtp.waitFor((m) => /order P\d+ has been placed/.test(m.subject));
    await t.smtp.waitFor((m) => new RegExp(`${paid.number} is now paid`).test(m.subject));

    // the same answer again: handled already
    expect(await followReturn(returnUrl)).toBe(`/orders/${placed.order.id}?payment=paid`);
    expect(((await staff.get(`/api/orders/${placed.order.id}`)).body as OrderDetail).history.filter((h) => h.status === 'paid')).toHaveLength(1);

    // forged: an answer not encrypted with our password, or one claiming another amount: refused with a 400, nothing changed
    const [attempt] = await t.ds.query('SELECT vendor_tx_code, amount_pence FROM payment_attempts WHERE order_id = ?', [placed.order.id]);
    const forged = encryptCrypt({ VendorTxCode: attempt.vendor_tx_code, Status: 'OK', Amount: '0.01', StatusDetail: 'x' }, 'NotOurPassword12');
    expect(await refusedReturn(`/api/payments/opayo/return?crypt=${forged}`)).toBe(400);
    expect(await refusedReturn('/api/payments/opayo/return?crypt=@00112233')).toBe(400);
    expect(((await staff.get(`/api/orders/${placed.order.id}`)).body as OrderDetail).history.filter((h) => h.status === 'paid')).toHaveLength(1);
  });

  it('leaves the order unpaid and the basket intact when the card is declined, and the order can be paid again', async () => {
    await fillBasket(staff, [learnerA[1]]);
    const placed = (
      await staff.post('/api/orders', {
        billingAddress: ADDRESS,
        deliveryAddress: ADDRESS,
        deliveryMethod: 'standard',
        paymentMethod: 'card',
        idempotencyKey: key(),
      })
    ).body as PlacedOrder;
    const returnUrl = await payAtGateway(placed.payment, SANDBOX_TEST_CARDS.decline);
    expect(await followReturn(returnUrl)).toBe(`/orders/${placed.order.id}?payment=declined`);
    const detail = (await staff.get(`/api/orders/${placed.order.id}`)).body as OrderDetail;
    expect(detail).toMatchObject({ status: 'awaiting_payment', lastPayment: { status: 'notauthed' } });
    expect(((await staff.get('/api/basket')).body as Basket).count).toBe(1);

    const retry = await staff.post(`/api/orders/${placed.order.id}/pay`);
    expect(retry.status).toBe(200);
    expect(retry.body.fields.Crypt).not.toBe(placed.payment!.fields.Crypt);
    expect(await followReturn(await payAtGateway(retry.body, SANDBOX_TEST_CARDS.success))).toBe(`/orders/${placed.order.id}?payment=paid`);
    expect(((await staff.get('/api/basket')).body as Basket).count).toBe(0);
  });

  it('takes prices from the products, never from the browser', async () => {
    const res = await staff.post('/api/basket/items', { productId: certificate.id, pricePence: 1, items: [{ documentId: learnerA[0].id, reasonId }] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toMatch(/pricePence is not a field this request accepts/);
    const order = await staff.post('/api/orders', {
      billingAddress: ADDRESS,
      deliveryAddress: ADDRESS,
      deliveryMethod: 'standard',
      paymentMethod: 'card',
      idempotencyKey: key(),
      total: 1,
    });
    expect(order.status).toBe(400);
  });

  it('charges centre credit within the limit, even for checkouts at the same moment', async () => {
    expect(
      (await admin.request('PUT', `/api/admin/credit-accounts/${centreId}`, { limitPence: Math.round(certificate.price.grossPence * 1.5) + 2000, open: true }))
        .status,
    ).toBe(200);
    const colleague = await signedIn(t.app, await createUser(t.ds, 'centre_staff', { centreId }));
    await fillBasket(staff, [learnerA[0]]);
    await fillBasket(colleague, [learnerB]);
    const checkout = (client: Client) =>
      client.post('/api/orders', {
        billingAddress: ADDRESS,
        deliveryAddress: ADDRESS,
        deliveryMethod: 'standard',
        paymentMethod: 'centre_credit',
        idempotencyKey: key(),
      });
    const results = await Promise.all([checkout(staff), checkout(colleague)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const refused = results.find((r) => r.status === 409)!;
    expect(refused.body.code).toBe('CREDIT_LIMIT_EXCEEDED');
    const [account] = await t.ds.query('SELECT owed_pence, limit_pence FROM credit_accounts WHERE centre_id = ?', [centreId]);
    expect(Number(account.owed_pence)).toBeLessThanOrEqual(Number(account.limit_pence));
    const placed = results.find((r) => r.status === 201)!.body as PlacedOrder;
    expect(placed).toMatchObject({ payment: null, order: { status: 'invoiced', paymentMethod: 'centre_credit' } });
    expect(Number(account.owed_pence)).toBe(placed.order.total.grossPence);
    const defaults = (await staff.get('/api/checkout')).body as CheckoutDefaults;
    expect(defaults.centreCredit).toMatchObject({ available: true, owedPence: placed.order.total.grossPence });

    // the monthly invoice lists it
    const month = placed.order.placedAt.slice(0, 7);
    const invoice = await staff.getRaw(`/api/invoices?month=${month}`);
    expect(invoice.statusCode).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'ap-invoice-'));
    try {
      writeFileSync(join(dir, 'invoice.pdf'), invoice.rawPayload);
      expect(execFileSync('pdftotext', ['-layout', join(dir, 'invoice.pdf'), '-'], { encoding: 'utf8' })).toContain(placed.order.number);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // cancelling gives the credit back
    const cancelled = await admin.post(`/api/admin/orders/${placed.order.id}/status`, { status: 'cancelled', note: 'Ordered twice' });
    expect(cancelled.status).toBe(200);
    const [after] = await t.ds.query('SELECT owed_pence FROM credit_accounts WHERE centre_id = ?', [centreId]);
    expect(Number(after.owed_pence)).toBe(0);
  });

  it('moves orders on only as fulfilment allows, with a tracking reference for dispatch, and tells the customer', async () => {
    const [paid] = await t.ds.query(`SELECT id, number FROM orders WHERE status = 'paid' ORDER BY id LIMIT 1`);
    expect((await admin.post(`/api/admin/orders/${paid.id}/status`, { status: 'delivered' })).status).toBe(409);
    expect((await admin.post(`/api/admin/orders/${paid.id}/status`, { status: 'in_production' })).status).toBe(200);
    const noTracking = await admin.post(`/api/admin/orders/${paid.id}/status`, { status: 'dispatched' });
    expect(noTracking.status).toBe(400);
    const dispatched = await admin.post(`/api/admin/orders/${paid.id}/status`, { status: 'dispatched', trackingReference: 'RM123456789GB' });
    expect(dispatched.body).toMatchObject({ status: 'dispatched', trackingReference: 'RM123456789GB' });
    await t.smtp.waitFor((m) => m.subject.includes(`${paid.number} is now dispatched`) && m.text.includes('RM123456789GB'));
    const mine = (await staff.get(`/api/orders/${paid.id}`)).body as OrderDetail;
    expect(mine.status).toBe('dispatched');
    expect((await staff.post(`/api/admin/orders/${paid.id}/status`, { status: 'delivered' })).status).toBe(403);
  });

  it('lets a learner order copies of their own documents only, and shows orders only to whom they belong', async () => {
    const learnerUser = await createUser(t.ds, 'learner');
    await t.ds.query('UPDATE users SET learner_id = ? WHERE id = ?', [learnerB.learnerId, learnerUser.id]);
    const learner = await signedIn(t.app, learnerUser);
    const own = (await learner.get(`/api/store/documents?productId=${certificate.id}`)).body as StoreDocument[];
    expect(own.map((d) => d.id)).toEqual([learnerB.id]);
    expect((await learner.post('/api/basket/items', { productId: certificate.id, items: [{ documentId: learnerA[0].id, reasonId }] })).status).toBe(404);
    await fillBasket(learner, [learnerB]);
    const credit = await learner.post('/api/orders', {
      billingAddress: ADDRESS,
      deliveryAddress: ADDRESS,
      deliveryMethod: 'standard',
      paymentMethod: 'centre_credit',
      idempotencyKey: key(),
    });
    expect(credit.status).toBe(400);
    const placed = (
      await learner.post('/api/orders', {
        billingAddress: ADDRESS,
        deliveryAddress: ABROAD,
        deliveryMethod: 'international',
        paymentMethod: 'card',
        idempotencyKey: key(),
      })
    ).body as PlacedOrder;
    expect(placed.order.deliveryAddress).toMatchObject({ postcode: 'D02 X285', country: 'IE' });
    expect((await learner.get('/api/orders')).body.items.map((o: { id: number }) => o.id)).toEqual([placed.order.id]);
    // another centre's staff cannot see it; the learner cannot see the centre's orders
    const stranger = await signedIn(t.app, await createUser(t.ds, 'centre_staff'));
    expect((await stranger.get(`/api/orders/${placed.order.id}`)).status).toBe(404);
    const [centreOrder] = await t.ds.query('SELECT id FROM orders WHERE centre_id = ? LIMIT 1', [centreId]);
    expect((await learner.get(`/api/orders/${centreOrder.id}`)).status).toBe(404);
  });

  it('refuses other roles, and explains bad checkout input', async () => {
    const thirdParty = await signedIn(t.app, await createUser(t.ds, 'third_party'));
    expect((await thirdParty.get('/api/basket')).status).toBe(403);
    expect((await new Client(t.app).get('/api/basket')).status).toBe(401);
    for (const item of ((await staff.get('/api/basket')).body as Basket).items)
      expect((await staff.request('DELETE', `/api/basket/items/${item.id}`)).status).toBe(200);
    const empty = await staff.post('/api/orders', {
      billingAddress: ADDRESS,
      deliveryAddress: ADDRESS,
      deliveryMethod: 'standard',
      paymentMethod: 'card',
      idempotencyKey: key(),
    });
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('BASKET_EMPTY');
    const badAddress = await staff.post('/api/orders', {
      billingAddress: { ...ADDRESS, country: 'Britain' },
      deliveryAddress: ADDRESS,
      deliveryMethod: 'drone',
      paymentMethod: 'card',
      idempotencyKey: key(),
    });
    expect(badAddress.status).toBe(400);
    expect(badAddress.body.code).toBe('VALIDATION_FAILED');
    expect(badAddress.body.message).toMatch(/country must be a 2-letter country code/);
  });

  it("checks postcodes by the profile's rule, and delivers abroad only by international delivery", async () => {
    const order = (deliveryAddress: object, deliveryMethod: string) =>
      staff.post('/api/orders', { billingAddress: ADDRESS, deliveryAddress, deliveryMethod, paymentMethod: 'card', idempotencyKey: key() });
    const notUk = await order({ ...ADDRESS, postcode: 'ZZZ' }, 'standard');
    expect(notUk.status).toBe(400);
    expect(notUk.body.fieldErrors).toEqual({ 'deliveryAddress.postcode': ['postcode must be a UK postcode, such as SW1A 1AA'] });
    const standardAbroad = await order(ABROAD, 'standard');
    expect(standardAbroad.status).toBe(400);
    expect(standardAbroad.body).toMatchObject({
      code: 'DELIVERY_NOT_AVAILABLE',
      fieldErrors: { deliveryMethod: ['This address is outside the UK: choose international delivery.'] },
    });
    const internationalAtHome = await order(ADDRESS, 'international');
    expect(internationalAtHome.body).toMatchObject({
      code: 'DELIVERY_NOT_AVAILABLE',
      message: expect.stringMatching(/International delivery is for addresses outside the UK/),
    });
    // abroad the looser shape holds, so a postcode the profile saved for France is taken here too
    expect((await order({ ...ABROAD, postcode: 'ZZZ', country: 'FR' }, 'international')).body.code).toBe('BASKET_EMPTY');
  });
  const cardOrder = (deliveryMethod = 'standard') => ({
    billingAddress: ADDRESS,
    deliveryAddress: ADDRESS,
    deliveryMethod,
    paymentMethod: 'card',
    idempotencyKey: key(),
  });
  /** Emails written to the outbox (delivered or not) of a template about an order. */
  const emailsAbout = async (number: string, template: string) =>
    Number(
      (
        await t.ds.query(`SELECT COUNT(*) AS n FROM outbox_emails WHERE template = ? AND JSON_UNQUOTE(JSON_EXTRACT(data, '$.orderNumber')) = ?`, [
          template,
          number,
        ])
      )[0].n,
    );
  const emptyBasket = async (client: Client) => {
    for (const item of ((await client.get('/api/basket')).body as Basket).items)
      expect((await client.request('DELETE', `/api/basket/items/${item.id}`)).status).toBe(200);
  };

  describe('one order per basket checkout', () => {
    it('pays the same order when the customer checks out the same basket again after a decline: no second order, one "placed" email, once paid', async () => {
      const shopper = await signedIn(t.app, await createUser(t.ds, 'centre_staff', { centreId }));
      await fillBasket(shopper, [learnerA[0]]);
      const first = (await shopper.post('/api/orders', cardOrder())).body as PlacedOrder;
      expect(first.order.paymentDueAt).toEqual(expect.any(String));
      expect(await emailsAbout(first.order.number, 'order-placed')).toBe(0); // not placed until paid
      expect(await followReturn(await payAtGateway(first.payment, SANDBOX_TEST_CARDS.decline))).toBe(`/orders/${first.order.id}?payment=declined`);
      const declined = (await shopper.get(`/api/orders/${first.order.id}`)).body as OrderDetail;
      expect(declined.lastPayment).toMatchObject({ status: 'notauthed', detail: expect.stringMatching(/declined/i) });
      expect(declined.lastPayment!.detail).not.toMatch(/2000|NOTAUTHED/);

      // Pay again from checkout (a new idempotency key): the same order, a new payment at the gateway
      const again = await shopper.post('/api/orders', cardOrder());
      expect(again.status).toBe(201);
      expect(again.body.order.id).toBe(first.order.id);
      expect(again.body.payment.fields.Crypt).not.toBe(first.payment!.fields.Crypt);
      // back from the gateway without paying, and Pay again once more: still the same order
      const third = (await shopper.post('/api/orders', cardOrder())).body as PlacedOrder;
      expect(third.order.id).toBe(first.order.id);
      expect(await followReturn(await payAtGateway(third.payment, SANDBOX_TEST_CARDS.success))).toBe(`/orders/${first.order.id}?payment=paid`);
      const [{ n }] = await t.ds.query('SELECT COUNT(*) AS n FROM orders WHERE user_id = (SELECT user_id FROM orders WHERE id = ?)', [first.order.id]);
      expect(Number(n)).toBe(1);
      await t.smtp.waitFor((m) => m.subject === `Your order ${first.order.number} has been placed`);
      expect(await emailsAbout(first.order.number, 'order-placed')).toBe(1);
      expect(((await shopper.get('/api/basket')).body as Basket).count).toBe(0);
    });

    it('withdraws the unpaid order when the basket changed before paying again, and the new order alone is open', async () => {
      const shopper = await signedIn(t.app, await createUser(t.ds, 'centre_staff', { centreId }));
      await fillBasket(shopper, [learnerA[0]]);
      const first = (await shopper.post('/api/orders', cardOrder())).body as PlacedOrder;
      await fillBasket(shopper, [learnerB]);
      const second = (await shopper.post('/api/orders', cardOrder())).body as PlacedOrder;
      expect(second.order.id).not.toBe(first.order.id);
      expect(second.order.itemCount).toBe(2);
      expect(((await shopper.get(`/api/orders/${first.order.id}`)).body as OrderDetail).status).toBe('cancelled');
      const open = ((await shopper.get('/api/orders')).body.items as { id: number; status: string }[]).filter((o) => o.status === 'awaiting_payment');
      expect(open.map((o) => o.id)).toEqual([second.order.id]);
      await emptyBasket(shopper);
    });

    it('expires unpaid card orders after the configured time, once, even with two workers at it: the customer is told, the basket kept, the queue cleared', async () => {
      const shopper = await signedIn(t.app, await createUser(t.ds, 'centre_staff', { centreId }));
      await fillBasket(shopper, [learnerB]);
      const placed = (await shopper.post('/api/orders', cardOrder())).body as PlacedOrder;
      const task = t.app.get(UnpaidOrderExpiryTask);
      expect(await task.expireDue(new Date(Date.now() + 23 * 3_600_000))).toBe(0);
      const later = new Date(Date.now() + t.config.UNPAID_ORDER_EXPIRY_HOURS * 3_600_000 + 60_000);
      const runs = await Promise.all([task.expireDue(later), task.expireDue(later)]);
      expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
      const detail = (await shopper.get(`/api/orders/${placed.order.id}`)).body as OrderDetail;
      expect(detail.status).toBe('expired');
      expect(detail.history.filter((h) => h.status === 'expired')).toHaveLength(1);
      expect(await emailsAbout(placed.order.number, 'order-expired')).toBe(1);
      await t.smtp.waitFor((m) => m.subject === `Your order ${placed.order.number} was not paid and has expired`);
      expect(((await shopper.get('/api/basket')).body as Basket).count).toBe(1);
      expect((await shopper.post(`/api/orders/${placed.order.id}/pay`)).status).toBe(409);
      const queue = (await admin.get('/api/admin/orders')).body.items as { id: number }[];
      expect(queue.map((o) => o.id)).not.toContain(placed.order.id);
      expect(((await admin.get('/api/admin/orders?status=expired')).body.items as { id: number }[]).map((o) => o.id)).toContain(placed.order.id);
      // checking out again makes a new order (the expired one stays expired)
      const fresh = (await shopper.post('/api/orders', cardOrder())).body as PlacedOrder;
      expect(fresh.order.id).not.toBe(placed.order.id);
      await emptyBasket(shopper);
    });

    it('answers the gateway and Back with redirects to GET pages (Post/Redirect/Get)', async () => {
      const shopper = await signedIn(t.app, await createUser(t.ds, 'centre_staff', { centreId }));
      await fillBasket(shopper, [learnerA[1]]);
      const placed = (await shopper.post('/api/orders', cardOrder())).body as PlacedOrder;
      const returnUrl = await payAtGateway(placed.payment, SANDBOX_TEST_CARDS.decline);
      // the answer posted by the browser: 303 to the order page
      const crypt = new URL(returnUrl, 'http://portal').searchParams.get('crypt')!;
      const posted = await t.app.inject({
        method: 'POST',
        url: '/api/payments/opayo/return',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ crypt }).toString(),
      });
      expect(posted.statusCode).toBe(303);
      expect(posted.headers.location).toBe(`/orders/${placed.order.id}?payment=declined`);
      // Back to the gateway's card page after paying: a GET that sends the browser on to the answer again
      const back = await t.app.inject({ method: 'GET', url: lastCardPage });
      expect(back.statusCode).toBe(303);
      expect(String(back.headers.location)).toContain('/api/payments/opayo/return?crypt=');
      expect(await followReturn(new URL(String(back.headers.location)).pathname + new URL(String(back.headers.location)).search)).toBe(
        `/orders/${placed.order.id}?payment=declined`,
      );
      await emptyBasket(shopper);
    });
  });

  describe('orders holding revoked or superseded documents', () => {
    it('flags them, refuses production and dispatch, replaces a superseded line with the current version and cancels a revoked one with the credit given back', async () => {
      expect((await admin.request('PUT', `/api/admin/credit-accounts/${centreId}`, { limitPence: 1_000_000, open: true })).status).toBe(200);
      const shopper = await signedIn(t.app, await createUser(t.ds, 'centre_staff', { centreId }));
      const kept = await createDocument(t.ds, { centreId, firstName: 'Kim', lastName: 'Kept' });
      const toRevoke = await createDocument(t.ds, { centreId, firstName: 'Rae', lastName: 'Revoked' });
      const toSupersede = await createDocument(t.ds, { centreId, firstName: 'Sam', lastName: 'Superseded' });
      await fillBasket(shopper, [kept, toRevoke, toSupersede]);
      const placed = (
        await shopper.post('/api/orders', {
          billingAddress: ADDRESS,
          deliveryAddress: ADDRESS,
          deliveryMethod: 'standard',
          paymentMethod: 'centre_credit',
          idempotencyKey: key(),
        })
      ).body as PlacedOrder;
      const [before] = await t.ds.query('SELECT owed_pence FROM credit_accounts WHERE centre_id = ?', [centreId]);

      // after the order: one document revoked, one reissued (the old one superseded by a new version)
      await t.ds.query(`UPDATE documents SET status = 'revoked', revoked_at = NOW(3) WHERE id = ?`, [toRevoke.id]);
      const successor = await createDocument(t.ds, { centreId, learnerId: toSupersede.learnerId, version: 2, supersedesId: toSupersede.id });
      await t.ds.query(`UPDATE documents SET status = 'superseded' WHERE id = ?`, [toSupersede.id]);

      const flagged = (await admin.get(`/api/admin/orders/${placed.order.id}`)).body as OrderDetail;
      expect(flagged.needsAttention).toBe(true);
      const line = (n: string) => flagged.lines.find((l) => l.documentNumber === n)!;
      expect(line(kept.number).documentProblem).toBeNull();
      expect(line(toRevoke.number).documentProblem).toEqual({ status: 'revoked', currentDocumentNumber: null });
      expect(line(toSupersede.number).documentProblem).toEqual({ status: 'superseded', currentDocumentNumber: successor.number });
      const queue = (await admin.get('/api/admin/orders?status=invoiced')).body.items as { id: number; needsAttention: boolean }[];
      expect(queue.find((o) => o.id === placed.order.id)!.needsAttention).toBe(true);
      const refused = await admin.post(`/api/admin/orders/${placed.order.id}/status`, { status: 'in_production' });
      expect(refused.status).toBe(409);
      expect(refused.body.message).toContain(toRevoke.number);

      expect((await admin.post(`/api/admin/orders/${placed.order.id}/lines/${line(toRevoke.number).id}/replace`)).status).toBe(409);
      const replaced = await admin.post(`/api/admin/orders/${placed.order.id}/lines/${line(toSupersede.number).id}/replace`);
      expect(replaced.status).toBe(200);
      expect((replaced.body as OrderDetail).lines.find((l) => l.id === line(toSupersede.number).id)).toMatchObject({
        documentNumber: successor.number,
        replacesDocumentNumber: toSupersede.number,
        documentProblem: null,
      });

      expect((await admin.post(`/api/admin/orders/${placed.order.id}/lines/${line(toRevoke.number).id}/cancel`, {})).status).toBe(400);
      const cancelled = await admin.post(`/api/admin/orders/${placed.order.id}/lines/${line(toRevoke.number).id}/cancel`, { reason: 'Document revoked' });
      expect(cancelled.status).toBe(200);
      expect((cancelled.body as OrderDetail).lines.find((l) => l.id === line(toRevoke.number).id)).toMatchObject({ cancelled: true, documentProblem: null });
      expect((cancelled.body as OrderDetail).needsAttention).toBe(false);
      const lineGross = line(toRevoke.number).line.grossPence;
      const [after] = await t.ds.query('SELECT owed_pence FROM credit_accounts WHERE centre_id = ?', [centreId]);
      expect(Number(after.owed_pence)).toBe(Number(before.owed_pence) - lineGross);
      const [ledger] = await t.ds.query(`SELECT kind, amount_pence FROM credit_ledger WHERE order_id = ? ORDER BY id DESC LIMIT 1`, [placed.order.id]);
      expect(ledger).toMatchObject({ kind: 'cancellation', amount_pence: -lineGross });
      const [refund] = await t.ds.query('SELECT amount_pence, order_line_id FROM order_refunds WHERE order_id = ?', [placed.order.id]);
      expect(refund).toMatchObject({ amount_pence: lineGross, order_line_id: line(toRevoke.number).id });
      const [audited] = await t.ds.query(
        `SELECT COUNT(*) AS n FROM audit_log WHERE action IN ('order.line_cancelled', 'order.line_replaced') AND subject_id = ?`,
        [String(placed.order.id)],
      );
      expect(Number(audited.n)).toBe(2);

      expect((await admin.post(`/api/admin/orders/${placed.order.id}/status`, { status: 'in_production' })).status).toBe(200);
      // cancelling the order now gives back only what is left
      expect((await admin.post(`/api/admin/orders/${placed.order.id}/status`, { status: 'cancelled', note: 'No longer needed' })).status).toBe(200);
      const [end] = await t.ds.query('SELECT owed_pence FROM credit_accounts WHERE centre_id = ?', [centreId]);
      expect(Number(end.owed_pence)).toBe(Number(before.owed_pence) - placed.order.total.grossPence);
    });
  });
});
