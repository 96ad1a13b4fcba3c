import { Product } from '@achievement/contracts';
import { createCentre, createUser } from '@achievement/testing';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { createDocument } from '../../documents/test/document-factory';

/*
 * The 50-at-once load of checkout and add-to-basket over real HTTP (a listening api, fetch with a
 * cookie jar and the anti-CSRF header like the browser): used by checkout-concurrency.test.ts and
 * by bench/checkout/run.ts.
 */

const ADDRESS = {
  name: 'Ada Lovelace',
  line1: '1 College Road',
  town: 'Leeds',
  postcode: 'LS1 1AA',
  country: 'GB',
};

export interface Timed {
  status: number;
  ms: number;
  body: any;
}

/** A browser over a real socket: keeps cookies, sends X-XSRF-TOKEN on writes, comes from an address of its own. */
export class HttpClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    private readonly address: string,
  ) {}

  async request(method: string, path: string, body?: unknown): Promise<Timed> {
    if (method !== 'GET' && !this.cookies.has('XSRF-TOKEN')) await this.request('GET', '/api/auth/session');
    const headers: Record<string, string> = { 'x-forwarded-for': this.address };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET') headers['x-xsrf-token'] = this.cookies.get('XSRF-TOKEN') ?? '';
    if (body !== undefined) headers['content-type'] = 'application/json';
    const started = performance.now();
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    });
    const text = await res.text();
    const ms = performance.now() - started;
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, ms, body: parsed };
  }

  async signIn(email: string, password: string): Promise<void> {
    const res = await this.request('POST', '/api/auth/sign-in', {
      email,
      password,
    });
    if (res.status !== 200) throw new Error(`Sign-in as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

export interface LoadWorld {
  centreId: number;
  product: Product;
  reasonId: number;
  /** what one checkout of one certificate with standard delivery costs (pence, with VAT) */
  orderGrossPence: number;
  limitPence: number;
  shoppers: { client: HttpClient; documentId: number }[];
}

let lastAddress = 0;

/**
 * One centre with an open credit account whose limit covers `affordable` one-certificate orders,
 * and `n` distinct signed-in staff of it, each with a document of the centre's to order.
 */
export async function prepareLoadWorld(ds: DataSource, baseUrl: string, n: number, affordable: number): Promise<LoadWorld> {
  const centreId = await createCentre(ds);
  const shoppers: LoadWorld['shoppers'] = [];
  const users = [];
  for (let i = 0; i < n; i++) {
    const doc = await createDocument(ds, {
      centreId,
      firstName: 'Load',
      lastName: `Learner${i}`,
    });
    users.push({
      user: await createUser(ds, 'centre_staff', { centreId }),
      documentId: doc.id,
    });
  }
  for (let i = 0; i < users.length; i += 10) {
    await Promise.all(
      users.slice(i, i + 10).map(async ({ user, documentId }) => {
        lastAddress++;
        const client = new HttpClient(baseUrl, `10.77.${(lastAddress >> 8) & 255}.${lastAddress & 255}`);
        await client.signIn(user.email, user.password);
        shoppers.push({ client, documentId });
      }),
    );
  }
  const first = shoppers[0].client;
  const product = ((await first.request('GET', '/api/store/products')).body as Product[]).find((p) => p.documentTypes.includes('certificate'))!;
  const reasonId = (await first.request('GET', '/api/store/reasons')).body[0].id as number;
  const [standard] = await ds.query(`SELECT price_pence FROM delivery_options WHERE method = 'standard'`);
  const delivery = Number(standard.price_pence);
  const orderGrossPence = product.price.grossPence + delivery + Math.round((delivery * 20) / 100);
  const limitPence = orderGrossPence * affordable;
  await ds.query('INSERT INTO credit_accounts (centre_id, limit_pence, owed_pence, open) VALUES (?, ?, 0, 1)', [centreId, limitPence]);
  return { centreId, product, reasonId, orderGrossPence, limitPence, shoppers };
}

/** Every shopper adds their document to their basket, all at the same moment. */
export function addToBasketsAtOnce(world: LoadWorld): Promise<Timed[]> {
  return Promise.all(
    world.shoppers.map(({ client, documentId }) =>
      client.request('POST', '/api/basket/items', {
        productId: world.product.id,
        items: [{ documentId, reasonId: world.reasonId }],
      }),
    ),
  );
}

export function checkoutBody(idempotencyKey: string) {
  return {
    billingAddress: ADDRESS,
    deliveryAddress: ADDRESS,
    deliveryMethod: 'standard',
    paymentMethod: 'centre_credit',
    idempotencyKey,
  };
}

/** Every shopper checks out their basket on the centre's credit, all at the same moment. */
export function checkoutsAtOnce(world: LoadWorld, tag: string): Promise<Timed[]> {
  return Promise.all(world.shoppers.map(({ client }, i) => client.request('POST', '/api/orders', checkoutBody(`${tag}-${i}`))));
}

/** One shopper's checkout sent `n` times at once with one idempotency key (a Pay button pressed again and again). */
export function sameKeyCheckoutsAtOnce(client: HttpClient, key: string, n: number): Promise<Timed[]> {
  return Promise.all(Array.from({ length: n }, () => client.request('POST', '/api/orders', checkoutBody(key))));
}

export function p99(results: Timed[]): number {
  const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
}

export function statusCounts(results: Timed[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

/** The credit account and its ledger agree: every entry's owed-after follows from the one before, and the sum is what is owed. */
export async function ledgerOf(
  ds: DataSource,
  centreId: number,
): Promise<{
  owedPence: number;
  limitPence: number;
  debits: number;
  consistent: boolean;
  entries: number;
}> {
  const [account] = await ds.query('SELECT owed_pence, limit_pence FROM credit_accounts WHERE centre_id = ?', [centreId]);
  const entries: { amount_pence: number; owed_after_pence: number }[] = await ds.query(
    'SELECT amount_pence, owed_after_pence FROM credit_ledger WHERE centre_id = ? ORDER BY id',
    [centreId],
  );
  let owed = 0;
  let consistent = true;
  let debits = 0;
  for (const e of entries) {
    owed += Number(e.amount_pence);
    if (Number(e.amount_pence) > 0) debits += Number(e.amount_pence);
    if (owed !== Number(e.owed_after_pence)) consistent = false;
  }
  if (owed !== Number(account.owed_pence)) consistent = false;
  return {
    owedPence: Number(account.owed_pence),
    limitPence: Number(account.limit_pence),
    debits,
    consistent,
    entries: entries.length,
  };
}
