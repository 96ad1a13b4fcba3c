import { MailDeliveryService, NotificationsModule, OutboxReconcilerTask, OutboxService } from '@achievement/notifications';
import { AppConfig, PlatformModule } from '@achievement/platform';
import { SCHEMA_MIGRATIONS } from '@achievement/schema';
import { dropTestArtifacts, eventually, PrivateRedis, SmtpSink, testConfig } from '@achievement/testing';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';

async function startNotifications(config: AppConfig): Promise<TestingModule> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({ config, migrations: SCHEMA_MIGRATIONS, scheduledTasks: false }),
      NotificationsModule.forRoot({ processors: true, http: false }),
    ],
  }).compile();
  await moduleRef.init();
  return moduleRef;
}

const testMessage = (to: string, eventKey: string) => ({
  to,
  template: 'test-message',
  eventKey,
  data: { requestedBy: 'Ada Admin', emailLogUrl: 'http://localhost:3000/admin/emails' },
});

async function rowFor(ds: DataSource, to: string) {
  const rows = await ds.query('SELECT * FROM outbox_emails WHERE to_address = ?', [to]);
  return rows as { id: number; status: string; attempts: number; last_error: string | null; message_id: string; html: string | null }[];
}

const settle = () => new Promise((r) => setTimeout(r, 600));

describe('email outbox and delivery over SMTP', () => {
  const sink = new SmtpSink();
  let config: AppConfig;
  let moduleRef: TestingModule;
  let outbox: OutboxService;
  let ds: DataSource;

  beforeAll(async () => {
    await sink.start();
    config = testConfig({ SMTP_URL: sink.url });
    moduleRef = await startNotifications(config);
    outbox = moduleRef.get(OutboxService);
    ds = moduleRef.get(DataSource);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await sink.stop();
    await dropTestArtifacts(config);
  });

  it('delivers an email written in a committed transaction, once, with the Message-ID fixed in the outbox', async () => {
    await outbox.transaction(async (_m, o) => o.add(testMessage('ada@example.test', 'case-1')));
    const mail = await sink.waitFor((m) => m.to.includes('ada@example.test'));
    expect(mail.subject).toBe('Test email from Achievement Portal');
    expect(mail.html).toContain('Ada Admin');
    expect(mail.html).toContain('href="http://localhost:3000/admin/emails"');
    expect(mail.text).toContain('Open the Email log: http://localhost:3000/admin/emails');
    const [row] = await eventually(async () => {
      const rows = await rowFor(ds, 'ada@example.test');
      expect(rows[0].status).toBe('sent');
      return rows;
    });
    expect(row.message_id).toBe(mail.messageId);
    await settle();
    expect(sink.received.filter((m) => m.to.includes('ada@example.test'))).toHaveLength(1);
  });

  it('writes no email when the change that caused it rolls back', async () => {
    await expect(
      outbox.transaction(async (_m, o) => {
        await o.add(testMessage('rolled-back@example.test', 'case-2'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await settle();
    expect(await rowFor(ds, 'rolled-back@example.test')).toHaveLength(0);
    expect(sink.received.some((m) => m.to.includes('rolled-back@example.test'))).toBe(false);
  });

  it('writes one email per event however often the event is recorded', async () => {
    const first = await outbox.transaction(async (_m, o) => o.add(testMessage('once@example.test', 'case-3')));
    const second = await outbox.transaction(async (_m, o) => o.add(testMessage('once@example.test', 'case-3')));
    expect(first).toEqual(expect.any(Number));
    expect(second).toBeNull();
    await sink.waitFor((m) => m.to.includes('once@example.test'));
    await settle();
    expect(sink.received.filter((m) => m.to.includes('once@example.test'))).toHaveLength(1);
    expect(await rowFor(ds, 'once@example.test')).toHaveLength(1);
  });

  it('keeps retrying while the SMTP server is down and delivers once it is back', async () => {
    const port = sink.port;
    await sink.stop();
    await outbox.transaction(async (_m, o) => o.add(testMessage('outage@example.test', 'case-4')));
    await eventually(async () => {
      const [row] = await rowFor(ds, 'outage@example.test');
      expect(row.status).toBe('pending');
      expect(row.attempts).toBeGreaterThanOrEqual(1);
      expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
    });
    await sink.start(port);
    await sink.waitFor((m) => m.to.includes('outage@example.test'), 30_000);
    await settle();
    expect(sink.received.filter((m) => m.to.includes('outage@example.test'))).toHaveLength(1);
    const [row] = await rowFor(ds, 'outage@example.test');
    expect(row.status).toBe('sent');
  });

  it('retries a temporary refusal (4xx)', async () => {
    sink.refuseWith(451, 'Try again later');
    await outbox.transaction(async (_m, o) => o.add(testMessage('greylisted@example.test', 'case-5')));
    await eventually(async () => {
      const [row] = await rowFor(ds, 'greylisted@example.test');
      expect(row.last_error).toMatch(/451/);
      expect(row.status).toBe('pending');
    });
    sink.refuseWith(null);
    await sink.waitFor((m) => m.to.includes('greylisted@example.test'), 30_000);
  });

  it('does not retry a permanent refusal (5xx): the email is suppressed with the reason', async () => {
    sink.refuseWith(550, 'No such mailbox');
    try {
      await outbox.transaction(async (_m, o) => o.add(testMessage('nobody@example.test', 'case-6')));
      const [row] = await eventually(async () => {
        const rows = await rowFor(ds, 'nobody@example.test');
        expect(rows[0].status).toBe('suppressed');
        return rows;
      });
      expect(row.attempts).toBe(1);
      expect(row.last_error).toMatch(/550/);
      await new Promise((r) => setTimeout(r, 2500));
      expect((await rowFor(ds, 'nobody@example.test'))[0].attempts).toBe(1);
    } finally {
      sink.refuseWith(null);
    }
  });
});

describe('an email goes out once, or again only with the same Message-ID', () => {
  const sink = new SmtpSink();
  let config: AppConfig;
  let moduleRef: TestingModule;
  let outbox: OutboxService;
  let reconciler: OutboxReconcilerTask;
  let ds: DataSource;
  /** How long a delivery attempt's claim holds unrenewed (the lease): after it, a row left 'sending' is taken up again. */
  const LEASE_MS = 45_000;

  beforeAll(async () => {
    await sink.start();
    config = testConfig({ SMTP_URL: sink.url });
    moduleRef = await startNotifications(config);
    outbox = moduleRef.get(OutboxService);
    reconciler = moduleRef.get(OutboxReconcilerTask);
    ds = moduleRef.get(DataSource);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await sink.stop();
    await dropTestArtifacts(config);
  });

  const copiesTo = (to: string) => sink.dataReceived.filter((m) => m.to.includes(to));

  it('sends every attempt with the Message-ID fixed in the outbox, when the server refused it (4xx) or the connection dropped after DATA', async () => {
    sink.failNext(451, 'drop-after-data');
    await outbox.transaction(async (_m, o) => o.add(testMessage('flaky@example.test', 'once-1')));
    const [row] = await eventually(async () => {
      const rows = await rowFor(ds, 'flaky@example.test');
      expect(rows[0].status).toBe('sent');
      return rows;
    }, 30_000);
    expect(row.attempts).toBe(3);
    const copies = copiesTo('flaky@example.test');
    expect(copies).toHaveLength(3);
    expect(copies.map((m) => m.messageId)).toEqual([row.message_id, row.message_id, row.message_id]);
    expect(row.message_id).toMatch(/^<[^<>@\s]+@localhost>$/);
  });

  it("does not send again a row a dead worker left 'sending' until its lease has expired (within a minute), then with the same Message-ID", async () => {
    const id = (await ds.transaction((m) => outbox.write(m, testMessage('died-mid-send@example.test', 'once-2'))))!;
    // as a worker leaves the row when it is killed during the SMTP transaction (the email may have gone)
    await ds.query("UPDATE outbox_emails SET status = 'sending', attempts = 1, claimed_at = NOW(3) - INTERVAL 10 SECOND WHERE id = ?", [id]);
    const [{ message_id: messageId }] = await rowFor(ds, 'died-mid-send@example.test');

    // the job comes back (Bull's stalled-job recovery), the reconciler runs: nothing is sent while the lease lasts
    expect(await moduleRef.get(MailDeliveryService).deliver(id)).toBe('skipped');
    expect(await reconciler.reconcile(new Date(Date.now() + 20_000))).not.toContain(id);
    await settle();
    expect(copiesTo('died-mid-send@example.test')).toHaveLength(0);
    expect((await rowFor(ds, 'died-mid-send@example.test'))[0].status).toBe('sending');

    // once it has expired (a minute after the dead worker claimed it), the email goes again, with the Message-ID it had
    expect(await reconciler.reconcile(new Date(Date.now() + 50_000))).toContain(id);
    const mail = await sink.waitFor((m) => m.to.includes('died-mid-send@example.test'));
    expect(mail.messageId).toBe(messageId);
    await eventually(async () => expect((await rowFor(ds, 'died-mid-send@example.test'))[0]).toMatchObject({ status: 'sent', attempts: 2 }));
  });

  it('renews the lease while a slow SMTP transaction lasts, so the email is not taken over and sent twice', async () => {
    sink.failNext({ delayMs: 12_000 });
    await outbox.transaction(async (_m, o) => o.add(testMessage('slow-server@example.test', 'once-4')));
    const claimedAt = async () => (await ds.query('SELECT status, claimed_at FROM outbox_emails WHERE to_address = ?', ['slow-server@example.test']))[0];
    const first = await eventually(async () => {
      const row = await claimedAt();
      expect(row.status).toBe('sending');
      return new Date(row.claimed_at).getTime();
    });
    await eventually(async () => expect(new Date((await claimedAt()).claimed_at).getTime()).toBeGreaterThan(first), 15_000, 250);
    // 40 s on, the first claim would have expired; the renewed one has not
    expect(await reconciler.reconcile(new Date(Date.now() + 40_000))).toEqual([]);
    await eventually(async () => expect((await claimedAt()).status).toBe('sent'), 15_000);
    await settle();
    expect(copiesTo('slow-server@example.test')).toHaveLength(1);
  });

  it('records an email the server accepted even when the database fails just after the 250, so it is not sent again', async () => {
    // a real fault of the real database: for the next 3 s, marking a row of these addresses sent fails
    await ds.query('CREATE TABLE test_faults (until DATETIME(3) NOT NULL)');
    await ds.query('INSERT INTO test_faults (until) VALUES (NOW(3) + INTERVAL 3 SECOND)');
    await ds.query(`CREATE TRIGGER outbox_mark_sent_fault BEFORE UPDATE ON outbox_emails FOR EACH ROW
      BEGIN
        IF NEW.status = 'sent' AND OLD.status <> 'sent' AND NEW.to_address LIKE 'db-fault-%' AND NOW(3) < (SELECT MAX(until) FROM test_faults) THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'database away (injected by the test)';
        END IF;
      END`);
    try {
      await outbox.transaction(async (_m, o) => o.add(testMessage('db-fault-1@example.test', 'once-3')));
      await sink.waitFor((m) => m.to.includes('db-fault-1@example.test'));
      await eventually(async () => expect((await rowFor(ds, 'db-fault-1@example.test'))[0].status).toBe('sent'), 30_000);
      // past any lease: a reconciler finds nothing left to send
      expect(await reconciler.reconcile(new Date(Date.now() + LEASE_MS + 60_000))).toEqual([]);
      await settle();
      expect(copiesTo('db-fault-1@example.test')).toHaveLength(1);
    } finally {
      await ds.query('DROP TRIGGER IF EXISTS outbox_mark_sent_fault');
      await ds.query('DROP TABLE IF EXISTS test_faults');
    }
  });
});

describe('email outbox when Redis fails', () => {
  const sink = new SmtpSink();
  const redis = new PrivateRedis();
  let config: AppConfig;
  let moduleRef: TestingModule;
  let outbox: OutboxService;
  let reconciler: OutboxReconcilerTask;
  let ds: DataSource;

  beforeAll(async () => {
    await sink.start();
    await redis.start();
    config = testConfig({ SMTP_URL: sink.url, REDIS_URL: redis.url });
    moduleRef = await startNotifications(config);
    outbox = moduleRef.get(OutboxService);
    reconciler = moduleRef.get(OutboxReconcilerTask);
    ds = moduleRef.get(DataSource);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await redis.stop();
    await sink.stop();
    await dropTestArtifacts(config);
  });

  it('commits the change and its email while Redis is down, and delivers it once Redis is back', async () => {
    await redis.stop();
    const started = Date.now();
    const id = await outbox.transaction(async (_m, o) => o.add(testMessage('redis-down@example.test', 'case-7')));
    expect(Date.now() - started).toBeLessThan(3000); // the change is not held up by the queue
    expect(id).toEqual(expect.any(Number));
    expect((await rowFor(ds, 'redis-down@example.test'))[0].status).toBe('pending');

    await redis.start(); // a restarted Redis holds nothing
    await eventually(
      async () => {
        await reconciler.reconcile(new Date(Date.now() + 10_000));
        await sink.waitFor((m) => m.to.includes('redis-down@example.test'), 1000);
      },
      30_000,
      500,
    );
    await settle();
    expect(sink.received.filter((m) => m.to.includes('redis-down@example.test'))).toHaveLength(1);
  });

  it('re-queues an email whose queue job Redis lost', async () => {
    const id = await ds.transaction((m) => outbox.write(m, testMessage('lost-job@example.test', 'case-8'))); // written, never queued
    await settle();
    expect(sink.received.some((m) => m.to.includes('lost-job@example.test'))).toBe(false);
    const queued = await reconciler.reconcile(new Date(Date.now() + 10_000));
    expect(queued).toContain(id);
    await sink.waitFor((m) => m.to.includes('lost-job@example.test'));
    // a second reconciler run (another machine, or the next tick) sends nothing more
    await reconciler.reconcile(new Date(Date.now() + 10_000));
    await settle();
    expect(sink.received.filter((m) => m.to.includes('lost-job@example.test'))).toHaveLength(1);
  });
});

describe('email capture without SMTP (the demo)', () => {
  let config: AppConfig;
  let moduleRef: TestingModule;

  beforeAll(async () => {
    config = testConfig({ SMTP_URL: '' });
    moduleRef = await startNotifications(config);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await dropTestArtifacts(config);
  });

  it('keeps the rendered email as captured, for the Email log', async () => {
    const ds = moduleRef.get(DataSource);
    await moduleRef.get(OutboxService).transaction(async (_m, o) => o.add(testMessage('captured@example.test', 'case-9')));
    const [row] = await eventually(async () => {
      const rows = await rowFor(ds, 'captured@example.test');
      expect(rows[0].status).toBe('captured');
      return rows;
    });
    expect(row.html).toContain('<a href="http://localhost:3000/admin/emails"');
  });
});
