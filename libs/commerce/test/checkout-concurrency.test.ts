import { AppConfig } from '@achievement/platform';
import { dropTestArtifacts, testConfig } from '@achievement/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../../apps/api/src/create-api-app';
import { addToBasketsAtOnce, checkoutsAtOnce, ledgerOf, LoadWorld, p99, prepareLoadWorld, sameKeyCheckoutsAtOnce, statusCounts } from './checkout-load';

/*
 * 50 at once over real HTTP (a listening api with the production pool of 10 connections): 50
 * different staff of one centre add to their baskets at the same moment, then check out on the
 * centre's one credit account at the same moment, then one of them presses Pay 8 times at once with
 * one idempotency key. Nothing answers 5xx; the limit holds; the ledger adds up; the 8 get one order.
 */

const SHOPPERS = 50;
const AFFORDABLE = 20;

describe('Checkout under 50 at once', () => {
  let config: AppConfig;
  let app: NestFastifyApplication;
  let ds: DataSource;
  let world: LoadWorld;

  beforeAll(async () => {
    config = testConfig({
      WEB_DIST_DIR: '/nonexistent',
      TRUST_PROXY: 'true',
      DB_POOL_SIZE: 10,
    });
    app = await createApiApp(config);
    await app.listen(0, '127.0.0.1');
    ds = app.get(DataSource);
    const { port } = app.getHttpServer().address() as AddressInfo;
    world = await prepareLoadWorld(ds, `http://127.0.0.1:${port}`, SHOPPERS, AFFORDABLE);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    if (config) await dropTestArtifacts(config);
  });

  it('adds to 50 baskets at once without a 5xx', async () => {
    const results = await addToBasketsAtOnce(world);
    expect(statusCounts(results)).toEqual({ 201: SHOPPERS });
    expect(p99(results)).toBeLessThan(10_000);
  }, 120_000);

  it('checks out 50 baskets at once on one credit account: no 5xx, the limit holds, the ledger adds up', async () => {
    const results = await checkoutsAtOnce(world, `load-${Date.now()}`);
    const counts = statusCounts(results);
    expect(Object.keys(counts).filter((s) => Number(s) >= 500)).toEqual([]);
    expect(counts).toEqual({ 201: AFFORDABLE, 409: SHOPPERS - AFFORDABLE });
    for (const refused of results.filter((r) => r.status === 409))
      expect(refused.body).toMatchObject({
        statusCode: 409,
        message: expect.stringMatching(/credit limit/),
      });
    const ledger = await ledgerOf(ds, world.centreId);
    expect(ledger.consistent).toBe(true);
    expect(ledger.debits).toBeLessThanOrEqual(ledger.limitPence);
    expect(ledger.owedPence).toBe(AFFORDABLE * world.orderGrossPence);
    expect(ledger.entries).toBe(AFFORDABLE);
    expect(p99(results)).toBeLessThan(10_000);
  }, 120_000);

  it('answers 8 checkouts at once with one idempotency key with one and the same order', async () => {
    const [, second] = world.shoppers;
    await ds.query('UPDATE credit_accounts SET limit_pence = limit_pence + ? WHERE centre_id = ?', [world.orderGrossPence, world.centreId]);
    const basket = (await second.client.request('GET', '/api/basket')).body;
    if (!basket.count) {
      const added = await second.client.request('POST', '/api/basket/items', {
        productId: world.product.id,
        items: [{ documentId: second.documentId, reasonId: world.reasonId }],
      });
      expect(added.status).toBe(201);
    }
    const results = await sameKeyCheckoutsAtOnce(second.client, `same-${Date.now()}`, 8);
    expect(statusCounts(results)).toEqual({ 201: 8 });
    expect(new Set(results.map((r) => r.body.order.id)).size).toBe(1);
    const [orders] = await ds.query('SELECT COUNT(*) AS n FROM orders WHERE id = ?', [results[0].body.order.id]);
    expect(Number(orders.n)).toBe(1);
    expect((await ledgerOf(ds, world.centreId)).consistent).toBe(true);
  }, 120_000);
});
