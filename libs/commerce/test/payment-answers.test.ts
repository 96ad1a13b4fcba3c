import {
  decryptCrypt,
  encryptCrypt,
  PaymentAnswersService,
  SANDBOX_REPORTING_OUTAGE_KEY,
  sandboxTransactionKey,
  SandboxTransaction,
} from '@achievement/commerce';
import { OrderDetail, PlacedOrder, Product, SANDBOX_TEST_CARDS } from '@achievement/contracts';
import { RedisService } from '@achievement/platform';
import { createCentre, createUser } from '@achievement/testing';
import { createHash } from 'node:crypto';
import { Client, createDocument, DocumentsTestApp, signedIn, startDocumentsApp } from '../../documents/test/document-factory';

/*
 * The card gateway's answers come back through the browser in a Crypt that is AES-CBC without a
 * MAC: anyone can alter its bytes. Here, over real HTTP against the sandbox gateway (which speaks
 * Opayo's Form protocol and its Reporting API): no alteration of a genuine declined answer makes
 * an order paid or answers 5xx; only the gateway's own record decides; a look-up that cannot run
 * leaves the order awaiting payment until a later answer or the scheduled re-check settles it.
 */

const ADDRESS = { name: 'Ada Lovelace', line1: '1 College Road', town: 'Leeds', postcode: 'LS1 1AA', country: 'GB' };
const SANDBOX_KEY = 'SandboxCrypt2026';

describe('Card payment answers', () => {
  let t: DocumentsTestApp;
  let centreId: number;
  let staff: Client;
  let certificate: Product;
  let reasonId: number;
  let redis: RedisService;
  let keys = 0;

  beforeAll(async () => {
    t = await startDocumentsApp({ listen: true });
    redis = t.app.get(RedisService);
    centreId = await createCentre(t.ds, { number: 'C67001', name: 'Cardiff Cards College' });
    staff = await signedIn(t.app, await createUser(t.ds, 'centre_staff', { centreId }));
    certificate = ((await staff.get('/api/store/products')).body as Product[]).find((p) => p.documentTypes.includes('certificate'))!;
    reasonId = ((await staff.get('/api/store/reasons')).body as { id: number }[])[0].id;
  }, 120_000);

  afterAll(async () => {
    await redis?.client.del(SANDBOX_REPORTING_OUTAGE_KEY);
    await t?.close();
  });

  /** A card order of one new document, waiting for its payment. */
  async function cardOrder(): Promise<PlacedOrder> {
    const doc = await createDocument(t.ds, { centreId, firstName: 'Card', lastName: `Holder${++keys}` });
    expect((await staff.post('/api/basket/items', { productId: certificate.id, items: [{ documentId: doc.id, reasonId }] })).status).toBe(201);
    const placed = await staff.post('/api/orders', {
      billingAddress: ADDRESS,
      deliveryAddress: ADDRESS,
      deliveryMethod: 'standard',
      paymentMethod: 'card',
      idempotencyKey: `answers-${Date.now()}-${keys}`,
    });
    expect(placed.status).toBe(201);
    return placed.body as PlacedOrder;
  }

  /** The browser at the sandbox gateway, over HTTP: posts the form, pays with the card, and gives back the crypt the gateway sends it home with. */
  async function payAtGateway(form: PlacedOrder['payment'], card: string): Promise<string> {
    const registered = await fetch(form!.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form!.fields),
    });
    expect(registered.status).toBe(200);
    const session = /name="session" value="([^"]+)"/.exec(await registered.text())![1];
    const paid = await fetch(new URL('/api/sandbox/opayo/pay', form!.action), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ session, cardNumber: card, expiry: '12/39', cv2: '123', action: 'pay' }),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    const back = new URL(paid.headers.get('location')!);
    expect(back.pathname).toBe('/api/payments/opayo/return');
    return back.searchParams.get('crypt')!;
  }

  /** The browser back at the portal with a crypt, over HTTP: the status and where it is sent. */
  async function answer(crypt: string): Promise<{ status: number; location: string | null }> {
    const res = await fetch(`${t.config.PUBLIC_URL}/api/payments/opayo/return?crypt=${encodeURIComponent(crypt)}`, { redirect: 'manual' });
    await res.arrayBuffer();
    return { status: res.status, location: res.headers.get('location') };
  }

  async function orderStatus(id: number): Promise<string> {
    const [row] = await t.ds.query('SELECT status FROM orders WHERE id = ?', [id]);
    return row.status;
  }

  /** The crypt with `mask` xor-ed into the byte at `offset` of its ciphertext. */
  function flipped(crypt: string, offset: number, mask: number): string {
    const bytes = Buffer.from(crypt.slice(1), 'hex');
    bytes[offset] ^= mask;
    return `@${bytes.toString('hex').toUpperCase()}`;
  }

  /** The attack of the issue: 3 bytes of the block before "Status=NOTAUTHED" changed so that it reads "Status=OK&AUTHED". */
  function notauthedToOk(crypt: string): string {
    const text = Buffer.from(
      Object.entries(decryptCrypt(crypt, SANDBOX_KEY)!)
        .map(([k, v]) => `${k}=${v}`)
        .join('&'),
      'utf8',
    );
    const at = text.indexOf('Status=NOTAUTHED') + 'Status='.length;
    const bytes = Buffer.from(crypt.slice(1), 'hex');
    Buffer.from('OK&').forEach((b, i) => (bytes[at + i - 16] ^= text[at + i] ^ b));
    return `@${bytes.toString('hex').toUpperCase()}`;
  }

  it("the issue's 3-byte attack on a declined answer no longer makes the order paid", async () => {
    const placed = await cardOrder();
    const declined = await payAtGateway(placed.payment, SANDBOX_TEST_CARDS.decline);
    const attacked = notauthedToOk(declined);
    // the attack is real: read as the portal used to read it, the altered answer says OK for the right order and amount
    const read = decryptCrypt(attacked, SANDBOX_KEY)!;
    expect(read).toMatchObject({
      Status: 'OK',
      VendorTxCode: decryptCrypt(declined, SANDBOX_KEY)!.VendorTxCode,
      Amount: decryptCrypt(declined, SANDBOX_KEY)!.Amount,
    });

    const res = await answer(attacked);
    expect(res.status).toBe(400); // the garbled block lands in VPSTxId, which is not a {GUID}
    expect(await orderStatus(placed.order.id)).toBe('awaiting_payment');
    // the genuine answer still tells the truth
    expect(await answer(declined)).toEqual({ status: 303, location: `/orders/${placed.order.id}?payment=declined` });
    expect(await orderStatus(placed.order.id)).toBe('awaiting_payment');
  });

  it('no bit flipped at any offset of a genuine declined answer makes an order paid, and none answers 5xx', async () => {
    const placed = await cardOrder();
    const declined = await payAtGateway(placed.payment, SANDBOX_TEST_CARDS.decline);
    const length = (declined.length - 1) / 2;
    expect(length).toBeGreaterThanOrEqual(160);
    const statuses = new Map<number, number>();
    for (let offset = 0; offset < length; offset++) {
      for (const mask of [0x01, 0x80, 0xff]) {
        const res = await answer(flipped(declined, offset, mask));
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status).toBeLessThan(500);
        if (res.status === 303) expect(res.location).not.toMatch(/payment=paid/);
        // an alteration that still reads as a well-formed answer was settled by the gateway's record (declined);
        // put the attempt back to pending so that every alteration goes the whole way
        await t.ds.query(`UPDATE payment_attempts SET status = 'pending', completed_at = NULL, recheck_at = NULL WHERE order_id = ?`, [placed.order.id]);
      }
      expect(await orderStatus(placed.order.id)).toBe('awaiting_payment');
    }
    expect(statuses.get(400)).toBeGreaterThan(0);
    expect([...statuses.keys()].every((s) => s === 400 || s === 303)).toBe(true);
    const [{ paid }] = await t.ds.query(`SELECT COUNT(*) AS paid FROM order_status_history WHERE order_id = ? AND status = 'paid'`, [placed.order.id]);
    expect(Number(paid)).toBe(0);
  }, 300_000);

  it('a genuine authorised answer still pays the order, once', async () => {
    const placed = await cardOrder();
    const ok = await payAtGateway(placed.payment, SANDBOX_TEST_CARDS.success);
    expect(await answer(ok)).toEqual({ status: 303, location: `/orders/${placed.order.id}?payment=paid` });
    expect(await answer(ok)).toEqual({ status: 303, location: `/orders/${placed.order.id}?payment=paid` });
    const detail = (await staff.get(`/api/orders/${placed.order.id}`)).body as OrderDetail;
    expect(detail.status).toBe('paid');
    expect(detail.history.filter((h) => h.status === 'paid')).toHaveLength(1);
  });

  it('the gateway record wins over an answer that says OK for a declined payment (as a leaked key could forge)', async () => {
    const placed = await cardOrder();
    const declined = decryptCrypt(await payAtGateway(placed.payment, SANDBOX_TEST_CARDS.decline), SANDBOX_KEY)!;
    const forged = encryptCrypt(
      { ...declined, Status: 'OK', StatusDetail: '0000 : The Authorisation was Successful.', TxAuthNo: '1234567890', AVSCV2: 'ALL MATCH' },
      SANDBOX_KEY,
    );
    expect(await answer(forged)).toEqual({ status: 303, location: `/orders/${placed.order.id}?payment=declined` });
    expect(await orderStatus(placed.order.id)).toBe('awaiting_payment');
    const [attempt] = await t.ds.query('SELECT status, auth_code FROM payment_attempts WHERE order_id = ?', [placed.order.id]);
    expect(attempt).toEqual({ status: 'notauthed', auth_code: null });
  });

  it('the gateway record wins when it names another amount than the order: not paid', async () => {
    const placed = await cardOrder();
    const ok = await payAtGateway(placed.payment, SANDBOX_TEST_CARDS.success);
    const code = decryptCrypt(ok, SANDBOX_KEY)!.VendorTxCode;
    // the gateway's own record of the transaction says it authorised 1p
    const record = JSON.parse((await redis.client.get(sandboxTransactionKey(code)))!) as SandboxTransaction;
    await redis.client.set(sandboxTransactionKey(code), JSON.stringify({ ...record, amount: '0.01' }), 'KEEPTTL');
    expect(await answer(ok)).toEqual({ status: 303, location: `/orders/${placed.order.id}?payment=failed` });
    expect(await orderStatus(placed.order.id)).toBe('awaiting_payment');
    const [attempt] = await t.ds.query('SELECT status FROM payment_attempts WHERE order_id = ?', [placed.order.id]);
    expect(attempt.status).toBe('error');
  });

  it('refuses a well-formed answer claiming another amount, with a 400, and changes nothing', async () => {
    const placed = await cardOrder();
    const ok = decryptCrypt(await payAtGateway(placed.payment, SANDBOX_TEST_CARDS.success), SANDBOX_KEY)!;
    expect((await answer(encryptCrypt({ ...ok, Amount: '0.01' }, SANDBOX_KEY))).status).toBe(400);
    expect(await orderStatus(placed.order.id)).toBe('awaiting_payment');
    const [attempt] = await t.ds.query('SELECT status FROM payment_attempts WHERE order_id = ?', [placed.order.id]);
    expect(attempt.status).toBe('pending');
  });

  it('while the gateway cannot be asked the order stays awaiting payment and the page says it is being checked; a re-check settles it once', async () => {
    const placed = await cardOrder();
    const ok = await payAtGateway(placed.payment, SANDBOX_TEST_CARDS.success);
    await redis.client.set(SANDBOX_REPORTING_OUTAGE_KEY, '1', 'EX', 300); // the Reporting API answers 503
    try {
      expect(await answer(ok)).toEqual({ status: 303, location: `/orders/${placed.order.id}?payment=checking` });
      expect(await orderStatus(placed.order.id)).toBe('awaiting_payment');
      const answers = t.app.get(PaymentAnswersService);
      // still down at the first re-check: nothing settled, tried again later
      expect(await answers.recheckDue(new Date(t.clock.now().getTime() + 61_000))).toBe(0);
      expect(await orderStatus(placed.order.id)).toBe('awaiting_payment');
    } finally {
      await redis.client.del(SANDBOX_REPORTING_OUTAGE_KEY);
    }
    // the gateway is back: two machines re-check at the same moment; the order is paid once
    const answers = t.app.get(PaymentAnswersService);
    const later = new Date(t.clock.now().getTime() + 10 * 60_000);
    const settled = await Promise.all([answers.recheckDue(later), answers.recheckDue(later)]);
    expect(settled.reduce((a, b) => a + b, 0)).toBe(1);
    const detail = (await staff.get(`/api/orders/${placed.order.id}`)).body as OrderDetail;
    expect(detail.status).toBe('paid');
    expect(detail.history.filter((h) => h.status === 'paid')).toHaveLength(1);
    // the same answer coming late changes nothing more
    expect(await answer(ok)).toEqual({ status: 303, location: `/orders/${placed.order.id}?payment=paid` });
  });

  it('a payment whose answer never came back (the browser closed) is looked up once the card page has expired, and pays the order', async () => {
    const placed = await cardOrder();
    await payAtGateway(placed.payment, SANDBOX_TEST_CARDS.success); // the crypt is never brought back
    const answers = t.app.get(PaymentAnswersService);
    await answers.recheckDue(new Date(t.clock.now().getTime() + 30 * 60_000)); // the customer may still be at the card page
    expect(await orderStatus(placed.order.id)).toBe('awaiting_payment');
    await answers.recheckDue(new Date(t.clock.now().getTime() + 71 * 60_000));
    expect(await orderStatus(placed.order.id)).toBe('paid');
  });

  it("the sandbox's Reporting API answers only commands signed with the reporting user's password", async () => {
    const url = `${t.config.PUBLIC_URL}/api/sandbox/opayo/access/access.htm`;
    const command = (password: string) => {
      const elements = `<command>getTransactionDetail</command><vendor>${t.config.OPAYO_VENDOR}</vendor><user>${t.config.OPAYO_REPORTING_USER}</user><vendortxcode>AP-none</vendortxcode>`;
      const signature = createHash('md5').update(`${elements}<password>${password}</password>`).digest('hex');
      return new URLSearchParams({ XML: `<vspaccess>${elements}<signature>${signature}</signature></vspaccess>` });
    };
    const unsigned = await (await fetch(url, { method: 'POST', body: command('not-the-password') })).text();
    expect(unsigned).toMatch(/<errorcode>0010<\/errorcode>/);
    const signed = await (await fetch(url, { method: 'POST', body: command(t.config.OPAYO_REPORTING_PASSWORD) })).text();
    expect(signed).toMatch(/<errorcode>0043<\/errorcode>/); // signed, but no such transaction
  });
});
