import { ApiErrorBody, RecordPage, RecordRow, RecordSort } from '@achievement/contracts';
import { AuthenticatedUser } from '@achievement/platform';
import { DOCUMENTS_MIGRATIONS } from '../src/migrations';
import { createUser, TestUser } from '@achievement/testing';
import { RecordsService } from '../src/records/records.service';
import { Client, createDocument, createJob, DocumentsTestApp, signedIn, startDocumentsApp, TestDocument } from './document-factory';

const day = (iso: string) => new Date(`${iso}T10:00:00.000Z`);

describe('Records: search, sort, keyset paging and counts of the caller centre', () => {
  let t: DocumentsTestApp;
  let staffA: TestUser;
  let a: Client;
  let b: Client;
  const docs: Record<string, TestDocument> = {};
  let otherCentreDoc: TestDocument;
  let total: number;

  beforeAll(async () => {
    t = await startDocumentsApp();
    staffA = await createUser(t.ds, 'centre_staff');
    const staffB = await createUser(t.ds, 'centre_staff');
    const centre = staffA.centreId!;
    const job = await createJob(t.ds, centre, 'J7000001');
    docs.john = await createDocument(t.ds, {
      centreId: centre,
      firstName: 'John',
      lastName: 'Smith',
      enrolmentNumber: '0002124',
      jobId: job.id,
      issuedAt: day('2025-01-10'),
    });
    docs.joanna = await createDocument(t.ds, {
      centreId: centre,
      firstName: 'Joanna',
      lastName: 'Smithson',
      qualificationCode: '600/1111/1',
      qualificationTitle: 'Level 2 Certificate in Motorcycle Maintenance',
      type: 'unit_certificate',
      issuedAt: day('2025-02-10'),
    });
    docs.maryJane = await createDocument(t.ds, {
      centreId: centre,
      firstName: 'Mary-Jane',
      lastName: "O'Neill",
      type: 'record_of_achievement',
      status: 'revoked',
      jobId: job.id,
      issuedAt: day('2025-03-10'),
    });
    docs.zoe = await createDocument(t.ds, { centreId: centre, firstName: 'Zoë', lastName: 'Brontë', issuedAt: day('2025-04-10') });
    // a crowd for paging: shared names and shared issue times, so the id decides ties
    const tie = day('2024-06-01');
    for (let i = 0; i < 26; i++) {
      await createDocument(t.ds, {
        centreId: centre,
        firstName: ['Adam', 'Beth', 'Carl'][i % 3],
        lastName: ['Hughes', 'Patel'][i % 2],
        issuedAt: i % 4 === 0 ? tie : new Date(tie.getTime() + i * 3_600_000),
      });
    }
    otherCentreDoc = await createDocument(t.ds, { centreId: staffB.centreId!, firstName: 'John', lastName: 'Smith', enrolmentNumber: '0009999' });
    total = 30;
    a = await signedIn(t.app, staffA);
    b = await signedIn(t.app, staffB);
  });

  afterAll(async () => {
    await t?.close();
  });

  const search = async (client: Client, query: Record<string, string | number>) => {
    const res = await client.get(`/api/records?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`);
    expect(res.status).toBe(200);
    return res.body as RecordPage;
  };
  const names = async (query: Record<string, string>) => (await search(a, { ...query, limit: 200 })).items.map((r) => r.learner.name).sort();

  it('finds learners by the starts of their names, in any order', async () => {
    expect(await names({ name: 'smi jo' })).toEqual(['Joanna Smithson', 'John Smith']);
    expect(await names({ name: 'jo smith' })).toEqual(['Joanna Smithson', 'John Smith']);
    expect(await names({ name: 'Smith  JOHN' })).toEqual(['John Smith']);
    expect(await names({ name: 'smithson' })).toEqual(['Joanna Smithson']);
    expect(await names({ name: 'xyz' })).toEqual([]);
  });

  it('finds hyphenated, apostrophe and accented names however they are typed', async () => {
    expect(await names({ name: 'jane' })).toEqual(["Mary-Jane O'Neill"]);
    expect(await names({ name: "o'ne mary" })).toEqual(["Mary-Jane O'Neill"]);
    expect(await names({ name: 'oneill' })).toEqual(["Mary-Jane O'Neill"]);
    expect(await names({ name: 'mary-j' })).toEqual(["Mary-Jane O'Neill"]);
    expect(await names({ name: 'zoe bron' })).toEqual(['Zoë Brontë']);
    expect(await names({ name: 'Brontë' })).toEqual(['Zoë Brontë']);
  });

  it('filters by enrolment number, qualification code or title words, job number, type, status and issue dates', async () => {
    expect(await names({ enrolmentNumber: '0002124' })).toEqual(['John Smith']);
    expect(await names({ enrolmentNumber: '0009999' })).toEqual([]); // another centre's learner
    expect(await names({ qualification: '600/1111/1' })).toEqual(['Joanna Smithson']);
    expect(await names({ qualification: 'motorcycle maint' })).toEqual(['Joanna Smithson']);
    expect(await names({ jobNumber: 'J7000001' })).toEqual(['John Smith', "Mary-Jane O'Neill"]);
    expect(await names({ type: 'unit_certificate' })).toEqual(['Joanna Smithson']);
    expect(await names({ status: 'revoked' })).toEqual(["Mary-Jane O'Neill"]);
    expect(await names({ issuedFrom: '2025-02-10', issuedTo: '2025-03-10' })).toEqual(['Joanna Smithson', "Mary-Jane O'Neill"]);
    expect(await names({ issuedFrom: '2025-01-01', issuedTo: '2025-12-31', name: 'jo', qualification: '603/7506/5' })).toEqual(['John Smith']);
  });

  it('answers a row with its learner, qualification, job and report counts', async () => {
    const [row] = (await search(a, { enrolmentNumber: '0002124' })).items;
    expect(row).toEqual({
      id: docs.john.id,
      documentNumber: docs.john.number,
      type: 'certificate',
      status: 'valid',
      version: 1,
      learner: { id: docs.john.learnerId, enrolmentNumber: '0002124', name: 'John Smith', hasEmail: true },
      qualification: { code: '603/7506/5', title: 'Level 3 Diploma in Light Vehicle Maintenance' },
      grade: 'Pass',
      awardDate: '2025-07-01',
      issuedAt: '2025-01-10T10:00:00.000Z',
      job: { id: docs.john.jobId, number: 'J7000001' },
      lastNotifiedAt: null,
      openReportCount: 0,
    });
  });

  it.each(['issued_desc', 'issued_asc', 'name_asc', 'name_desc'] as RecordSort[])('pages through %s by keyset with no duplicates and no gaps', async (sort) => {
    const all = (await search(a, { sort, limit: 200 })).items;
    expect(all).toHaveLength(total);
    const paged: RecordRow[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: RecordPage = await search(a, { sort, limit: 4, ...(cursor ? { cursor } : {}) });
      paged.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(pages).toBe(Math.ceil(total / 4));
    expect(paged.map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(new Set(paged.map((r) => r.id)).size).toBe(total);
    if (sort.startsWith('issued')) {
      const sign = sort === 'issued_desc' ? -1 : 1;
      const expected = [...all].sort((x, y) => sign * (Date.parse(x.issuedAt) - Date.parse(y.issuedAt) || x.id - y.id));
      expect(all.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    }
  });

  it('pages a filtered search by keyset too', async () => {
    const first = await search(a, { name: 'patel', sort: 'name_asc', limit: 5 });
    const second = await search(a, { name: 'patel', sort: 'name_asc', limit: 5, cursor: first.nextCursor! });
    const all = await search(a, { name: 'patel', sort: 'name_asc', limit: 200 });
    expect(all.items).toHaveLength(13);
    expect([...first.items, ...second.items].map((r) => r.id)).toEqual(all.items.slice(0, 10).map((r) => r.id));
  });

  it('refuses a cursor it did not make, or one of another sort, with a 400 that says what to do', async () => {
    const page = await search(a, { sort: 'name_asc', limit: 2 });
    for (const cursor of [
      'not a cursor!',
      Buffer.from('["issued_desc","x",1]').toString('base64url'),
      Buffer.from('{}').toString('base64url'),
      page.nextCursor!,
    ]) {
      const res = await a.get(`/api/records?sort=issued_desc&cursor=${encodeURIComponent(cursor)}`);
      expect(res.status).toBe(400);
      expect((res.body as ApiErrorBody).code).toBe('CURSOR_INVALID');
      expect((res.body as ApiErrorBody).fieldErrors!.cursor).toHaveLength(1);
    }
  });

  it('refuses filters that are not valid, field by field', async () => {
    const res = await a.get('/api/records?type=diploma&issuedFrom=2025-02-30&limit=0&sort=sideways&colour=red');
    expect(res.status).toBe(400);
    expect(Object.keys((res.body as ApiErrorBody).fieldErrors!).sort()).toEqual(['colour', 'issuedFrom', 'limit', 'sort', 'type']);
  });

  it('counts what matches, for "N records" and "select all"', async () => {
    expect((await a.get('/api/records/count')).body).toEqual({ total });
    // the unfiltered count adds up job counts: it must equal the document rows
    const [{ n }] = await t.ds.query('SELECT COUNT(*) AS n FROM documents WHERE centre_id = ?', [staffA.centreId]);
    expect(Number(n)).toBe(total);
    expect((await a.get('/api/records/count?issuedFrom=2000-01-01')).body).toEqual({ total });
    expect((await a.get('/api/records/count?name=smi%20jo')).body).toEqual({ total: 2 });
    expect((await a.get('/api/records/count?name=hughes&sort=name_asc')).body).toEqual({ total: 13 });
    expect((await a.get('/api/records/count?status=revoked')).body).toEqual({ total: 1 });
  });

  it('resolves a selection: listed ids, or every match of a filter less the ones unticked', async () => {
    const service = t.app.get(RecordsService);
    const user: AuthenticatedUser = { id: staffA.id, email: staffA.email, name: 'Test', role: 'centre_staff', centreId: staffA.centreId, sessionId: 's' };
    expect(await service.resolveSelection(user, { ids: [docs.zoe.id, docs.john.id] })).toEqual([docs.john.id, docs.zoe.id].sort((x, y) => x - y));
    expect(await service.resolveSelection(user, { filter: { name: 'smi jo' }, exceptIds: [docs.joanna.id] })).toEqual([docs.john.id]);
    await expect(service.resolveSelection(user, { ids: [docs.john.id, otherCentreDoc.id] })).rejects.toMatchObject({ status: 404 });
    await expect(service.resolveSelection(user, { filter: { name: 'nobody' } })).rejects.toMatchObject({ status: 400 });
  });

  it('shows a centre only its own records', async () => {
    const items = (await search(b, { limit: 200 })).items;
    expect(items.map((r) => r.id)).toEqual([otherCentreDoc.id]);
    expect((await b.get('/api/records/count')).body).toEqual({ total: 1 });
    expect((await search(b, { name: 'jo smi' })).items.map((r) => r.id)).toEqual([otherCentreDoc.id]);
  });

  it('is for centre staff only', async () => {
    const support = await signedIn(t.app, await createUser(t.ds, 'support'));
    expect((await support.get('/api/records')).status).toBe(403);
    expect((await support.get('/api/records/count')).status).toBe(403);
    expect((await new Client(t.app).get('/api/records')).status).toBe(401);
  });
});

describe('Records: letters folded beyond accents, and qualification code prefixes', () => {
  let t: DocumentsTestApp;
  let a: Client;
  let centre: number;

  beforeAll(async () => {
    t = await startDocumentsApp();
    const staff = await createUser(t.ds, 'centre_staff');
    centre = staff.centreId!;
    await createDocument(t.ds, {
      centreId: centre,
      firstName: 'Emre',
      lastName: 'Kılıç',
      qualificationCode: '601/0566/2',
      qualificationTitle: 'Level 1 Award in Tyres',
    });
    await createDocument(t.ds, {
      centreId: centre,
      firstName: 'Søren',
      lastName: 'Straße',
      qualificationCode: '601/0567/9',
      qualificationTitle: 'Level 1 Award in Brakes',
    });
    await createDocument(t.ds, { centreId: centre, firstName: 'Łukasz', lastName: 'Ærø', qualificationCode: '603/7506/5' });
    a = await signedIn(t.app, staff);
  });

  afterAll(async () => {
    await t?.close();
  });

  const names = async (query: Record<string, string>) => {
    const res = await a.get(`/api/records?${new URLSearchParams({ ...query, limit: '200' })}`);
    expect(res.status).toBe(200);
    return (res.body as RecordPage).items.map((r) => r.learner.name).sort();
  };

  it('finds ı, ß, ø, æ and ł as an English keyboard types them, and as written', async () => {
    expect(await names({ name: 'kilic' })).toEqual(['Emre Kılıç']);
    expect(await names({ name: 'KILIÇ emre' })).toEqual(['Emre Kılıç']);
    expect(await names({ name: 'strasse soren' })).toEqual(['Søren Straße']);
    expect(await names({ name: 'Straße' })).toEqual(['Søren Straße']);
    expect(await names({ name: 'lukasz aero' })).toEqual(['Łukasz Ærø']);
  });

  it('folds the words indexed before folding existed (the migration)', async () => {
    // words as the index held them before: accents removed, ı and ł left as they were
    await t.ds.query(`UPDATE record_name_words SET word = 'kılıç', name_words = ' emre kılıç ' WHERE centre_id = ? AND word = 'kilic'`, [centre]);
    expect(await names({ name: 'kilic' })).toEqual([]);
    const migration = DOCUMENTS_MIGRATIONS.find((m) => m.name === 'RecordsLetterFolding1764390000000')!;
    const runner = t.ds.createQueryRunner();
    try {
      await new migration().up(runner);
    } finally {
      await runner.release();
    }
    expect(await names({ name: 'kilic' })).toEqual(['Emre Kılıç']);
    expect(await names({ name: 'emre' })).toEqual(['Emre Kılıç']);
  });

  it('sorts by learner by surname, then first name, issued through the API (a surname of two words included)', async () => {
    const admin = await signedIn(t.app, await createUser(t.ds, 'administrator'));
    const person = (n: number, firstName: string, lastName: string) => ({
      enrolmentNumber: `SORT${n}`,
      firstName,
      lastName,
      dateOfBirth: '2001-02-03',
      qualificationCode: '603/7506/5',
      qualificationTitle: 'Level 3 Diploma in Light Vehicle Maintenance',
      documentType: 'certificate',
      awardDate: '2025-07-14',
    });
    const issued = await admin.post('/api/admin/jobs', {
      centreId: centre,
      documents: [person(1, 'Zac', 'Adams'), person(2, 'Amy', 'Young'), person(3, 'Ben', 'Adams'), person(4, 'Carla', 'Da Silva'), person(5, 'Anna', 'Silva')],
    });
    expect(issued.status).toBe(201);
    const five = ['Zac Adams', 'Amy Young', 'Ben Adams', 'Carla Da Silva', 'Anna Silva'];
    const sorted = async (sort: RecordSort) => {
      const res = await a.get(`/api/records?sort=${sort}&qualification=603%2F7506%2F5&limit=200`);
      expect(res.status).toBe(200);
      return (res.body as RecordPage).items.map((r) => r.learner.name).filter((n) => five.includes(n));
    };
    expect(await sorted('name_asc')).toEqual(['Ben Adams', 'Zac Adams', 'Carla Da Silva', 'Anna Silva', 'Amy Young']);
    expect(await sorted('name_desc')).toEqual(['Amy Young', 'Anna Silva', 'Carla Da Silva', 'Zac Adams', 'Ben Adams']);
  });

  it('finds the records of every qualification whose code starts with what was typed', async () => {
    expect(await names({ qualification: '601/0566' })).toEqual(['Emre Kılıç']);
    expect(await names({ qualification: '601/05' })).toEqual(['Emre Kılıç', 'Søren Straße']);
    expect(await names({ qualification: '601/0566/2' })).toEqual(['Emre Kılıç']);
    expect(await names({ qualification: 'tyres' })).toEqual(['Emre Kılıç']);
    expect(await names({ qualification: '601/0%' })).toEqual([]);
  });
});
