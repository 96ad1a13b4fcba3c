import { createUser } from '@achievement/testing';
import { Client, IdentityTestApp, startIdentityApp } from './support/identity-test-app';

describe('centres and their contact records (administrators)', () => {
  let t: IdentityTestApp;
  let admin: Client;

  const northfield = {
    number: 'c 3001',
    name: 'Northfield College',
    centralEmail: 'Centres@Northfield.example',
    addressLine1: '1 College Road',
    town: 'Leeds',
    postcode: 'ls2 9jt',
  };

  const count = async (sql: string, params: unknown[] = []) => Number((await t.ds.query(sql, params))[0].n);

  beforeAll(async () => {
    t = await startIdentityApp();
    const adminUser = await createUser(t.ds, 'administrator');
    admin = new Client(t.app);
    await admin.signIn(adminUser.email, adminUser.password);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('centres', () => {
    let id: number;

    it('creates a centre, normalising its number, and refuses a second one with the same number', async () => {
      const res = await admin.post('/api/admin/centres', northfield);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        number: 'C3001',
        name: 'Northfield College',
        centralEmail: 'centres@northfield.example',
        postcode: 'LS2 9JT',
        country: 'GB',
        addressLine2: null,
        contactCount: 0,
      });
      id = (res.body as { id: number }).id;
      const again = await admin.post('/api/admin/centres', { ...northfield, number: 'C3001', name: 'Another' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ message: 'Another centre already has the number C3001. Centre numbers are unique.' });
      expect(await count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'centre.created' AND subject_id = ?", [String(id)])).toBe(1);
    });

    it('checks the postcode against the country, on create and on edit', async () => {
      const wrong = await admin.post('/api/admin/centres', { ...northfield, number: 'C3900', postcode: 'ZZZ' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.fieldErrors).toEqual({ postcode: ['postcode must be a UK postcode, such as SW1A 1AA'] });
      const abroad = await admin.post('/api/admin/centres', { ...northfield, number: 'C3901', town: 'Dublin', postcode: 'd02 x285', country: 'IE' });
      expect(abroad.body).toMatchObject({ postcode: 'D02 X285', country: 'IE' });
      const id = (abroad.body as { id: number }).id;
      expect((await admin.patch(`/api/admin/centres/${id}`, { country: 'GB' })).body.fieldErrors).toEqual({
        postcode: ['postcode must be a UK postcode, such as SW1A 1AA'],
      });
      expect((await admin.patch(`/api/admin/centres/${id}`, { country: 'GB', postcode: 'bt1 1aa' })).body).toMatchObject({
        postcode: 'BT1 1AA',
        country: 'GB',
      });
    });

    it('shows, lists (searching and page by page) and edits centres', async () => {
      expect((await admin.get(`/api/admin/centres/${id}`)).body).toMatchObject({ id, number: 'C3001' });
      for (const n of ['C3002', 'C3003']) await admin.post('/api/admin/centres', { ...northfield, number: n, name: `Branch ${n}` });
      const page1 = await admin.get('/api/admin/centres?q=C300&limit=2');
      expect(page1.body).toMatchObject({ items: [{ number: 'C3001' }, { number: 'C3002' }], nextCursor: 'C3002' });
      const page2 = await admin.get('/api/admin/centres?q=C300&limit=2&cursor=C3002');
      expect(page2.body).toMatchObject({ items: [{ number: 'C3003' }], nextCursor: null });
      expect((await admin.get('/api/admin/centres?q=branch')).body).toMatchObject({ items: [{ number: 'C3002' }, { number: 'C3003' }] });

      const edited = await admin.patch(`/api/admin/centres/${id}`, { town: 'Bradford', addressLine2: 'Block B' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ town: 'Bradford', addressLine2: 'Block B' });
      const [audit] = await t.ds.query("SELECT before_state, after_state FROM audit_log WHERE action = 'centre.updated' AND subject_id = ?", [String(id)]);
      expect(audit.before_state).toEqual({ town: 'Leeds', addressLine2: null });
      expect(audit.after_state).toEqual({ town: 'Bradford', addressLine2: 'Block B' });
      // credit is the credit account's (edited under credit accounts, audited there): the centre takes none
      const credit = await admin.patch(`/api/admin/centres/${id}`, { creditAccount: true, creditLimitPence: 220000 });
      expect(credit.status).toBe(400);
      expect((await admin.get(`/api/admin/centres/${id}`)).body).not.toHaveProperty('creditLimitPence');
      const saved = await admin.request('PUT', `/api/admin/credit-accounts/${id}`, { limitPence: 220000, open: true });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ limitPence: 220000, open: true, owedPence: 0 });
      const [creditAudit] = await t.ds.query("SELECT after_state FROM audit_log WHERE action = 'credit_account.saved' AND subject_id = ?", [String(id)]);
      expect(creditAudit.after_state).toEqual({ limitPence: 220000, open: true });

      expect((await admin.patch(`/api/admin/centres/${id}`, { number: 'C3002' })).status).toBe(409);
      expect((await admin.patch(`/api/admin/centres/${id}`, { name: null })).status).toBe(400);
      expect((await admin.patch('/api/admin/centres/999999', { name: 'Nowhere' })).status).toBe(404);
      expect((await admin.get('/api/admin/centres/999999')).body).toMatchObject({ statusCode: 404, message: 'There is no centre 999999.' });
    });

    it('manages the contact records of a centre', async () => {
      const base = `/api/admin/centres/${id}/contacts`;
      const created = await admin.post(base, { firstName: 'Ada', lastName: 'Lovelace', email: 'Ada@Northfield.example', dateOfBirth: '1985-04-23' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ centreId: id, email: 'ada@northfield.example', dateOfBirth: '1985-04-23' });
      const contactId = (created.body as { id: number }).id;
      const dup = await admin.post(base, { firstName: 'Other', lastName: 'Person', email: 'ADA@northfield.example', dateOfBirth: '1990-01-01' });
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({ message: expect.stringContaining('already has a contact record with the email ada@northfield.example') });

      expect((await admin.get(base)).body).toMatchObject({ items: [{ id: contactId }], nextCursor: null });
      expect((await admin.get(`${base}/${contactId}`)).body).toMatchObject({ firstName: 'Ada' });
      const patched = await admin.patch(`${base}/${contactId}`, { lastName: 'King', dateOfBirth: '1985-04-24' });
      expect(patched.body).toMatchObject({ lastName: 'King', dateOfBirth: '1985-04-24' });
      expect((await admin.get(`/api/admin/centres/${id}`)).body).toMatchObject({ contactCount: 1 });

      // a record is reached only through its own centre
      const [other] = await t.ds.query("SELECT id FROM centres WHERE number = 'C3002'");
      expect((await admin.get(`/api/admin/centres/${other.id}/contacts/${contactId}`)).status).toBe(404);
      expect((await admin.patch(`/api/admin/centres/${other.id}/contacts/${contactId}`, { lastName: 'X' })).status).toBe(404);
      expect((await admin.delete(`/api/admin/centres/${other.id}/contacts/${contactId}`)).status).toBe(404);
      expect((await admin.get('/api/admin/centres/999999/contacts')).status).toBe(404);

      expect((await admin.delete(`${base}/${contactId}`)).status).toBe(204);
      expect((await admin.get(`${base}/${contactId}`)).status).toBe(404);
      const actions = await t.ds.query("SELECT action FROM audit_log WHERE subject_type = 'centre_contact' AND subject_id = ? ORDER BY id", [
        String(contactId),
      ]);
      expect(actions.map((a: { action: string }) => a.action)).toEqual(['contact.created', 'contact.updated', 'contact.deleted']);
    });
  });

  describe('CSV import', () => {
    beforeAll(async () => {
      await admin.post('/api/admin/centres', { ...northfield, number: 'IMP1', name: 'Import One' });
      await admin.post('/api/admin/centres', { ...northfield, number: 'IMP2', name: 'Import Two' });
    });

    const importCsv = (csv: string) => admin.post('/api/admin/centres/contacts/import', { csv });
    const contactsOf = (number: string) =>
      t.ds.query(
        'SELECT cc.first_name, cc.last_name, cc.email, cc.date_of_birth FROM centre_contacts cc JOIN centres c ON c.id = cc.centre_id WHERE c.number = ? ORDER BY cc.email',
        [number],
      );

    it('imports a good file whole: quoted values, a byte-order mark, CRLF line ends and columns in any order', async () => {
      const csv =
        '\ufeffemail,first_name,last_name,centre_number,date_of_birth\r\n' +
        'mary@one.example,Mary,"Shelley, née Godwin",imp1,1979-08-30\r\n' +
        '"percy@one.example",Percy,"Bysshe ""PB"" Shelley",IMP1,1972-08-04\r\n' +
        '\r\n' +
        'ada@two.example,Ada,Byron,imp 2,1985-12-10\r\n';
      const res = await importCsv(csv);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ imported: 3, created: 3, updated: 0 });
      expect(await contactsOf('IMP1')).toEqual([
        { first_name: 'Mary', last_name: 'Shelley, née Godwin', email: 'mary@one.example', date_of_birth: '1979-08-30' },
        { first_name: 'Percy', last_name: 'Bysshe "PB" Shelley', email: 'percy@one.example', date_of_birth: '1972-08-04' },
      ]);
      const [audit] = await t.ds.query("SELECT details FROM audit_log WHERE action = 'contacts.imported'");
      expect(audit.details).toMatchObject({ imported: 3, created: 3, updated: 0 });

      // importing again updates the records the centre already holds (by email)
      const again = await importCsv(
        'centre_number,first_name,last_name,email,date_of_birth\nIMP2,Ada,Lovelace,ADA@two.example,1985-12-10\nIMP2,Charles,Babbage,charles@two.example,1971-12-26\n',
      );
      expect(again.body).toEqual({ imported: 2, created: 1, updated: 1 });
      expect(await contactsOf('IMP2')).toEqual([
        expect.objectContaining({ email: 'ada@two.example', last_name: 'Lovelace' }),
        expect.objectContaining({ email: 'charles@two.example' }),
      ]);
    });

    it('imports nothing from a file with errors, and reports each with its line', async () => {
      const before = await count('SELECT COUNT(*) AS n FROM centre_contacts');
      const csv = [
        'centre_number,first_name,last_name,email,date_of_birth', // line 1
        'IMP1,Emily,Bronte,emily@one.example,1978-07-30', // line 2: fine
        'IMP1,Anne,Bronte,not-an-email,1980-01-17', // line 3: bad email
        'IMP2,Charlotte,Bronte,charlotte@two.example,1976-04-21', // line 4: fine
        'IMP2,Branwell,Bronte,branwell@two.example,2023-02-30', // line 5: no such date
      ].join('\n');
      const res = await importCsv(csv);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        code: 'CONTACT_ROWS_INVALID',
        message: expect.stringContaining('Nothing was imported: the file has 2 problems (lines 3, 5)'),
        rowErrors: [
          { line: 3, field: 'email', message: 'email must be an email address' },
          { line: 5, field: 'date_of_birth', message: expect.stringContaining('date_of_birth must be a real date') },
        ],
        requestId: expect.any(String),
      });
      expect(await count('SELECT COUNT(*) AS n FROM centre_contacts')).toBe(before);
    });

    it('reports unknown centres, repeated rows, short rows and a broken header', async () => {
      const before = await count('SELECT COUNT(*) AS n FROM centre_contacts');
      const header = 'centre_number,first_name,last_name,email,date_of_birth';
      const unknown = await importCsv(`${header}\nIMP1,Jane,Austen,jane@one.example,1975-12-16\nNOPE9,Cass,Austen,cass@x.example,1973-01-09\n`);
      expect(unknown.body).toMatchObject({ rowErrors: [{ line: 3, field: 'centre_number', message: 'There is no centre with the number NOPE9' }] });

      const repeated = await importCsv(`${header}\nIMP1,Jane,Austen,jane@one.example,1975-12-16\nIMP1,Jane,Austen,JANE@one.example,1975-12-16\n`);
      expect(repeated.body).toMatchObject({ rowErrors: [{ line: 3, field: 'email', message: expect.stringContaining('on line 2') }] });

      const short = await importCsv(`${header}\nIMP1,Jane,Austen\n,,,,\n`);
      expect((short.body as { rowErrors: { line: number; field: string }[] }).rowErrors).toEqual([
        { line: 2, field: 'row', message: 'The row has 3 values but the header names 5 columns' },
        expect.objectContaining({ line: 3, field: 'centre_number' }),
        expect.objectContaining({ line: 3, field: 'first_name' }),
        expect.objectContaining({ line: 3, field: 'last_name' }),
        expect.objectContaining({ line: 3, field: 'email' }),
        expect.objectContaining({ line: 3, field: 'date_of_birth' }),
      ]);

      const badHeader = await importCsv('centre;first_name;last_name;email;date_of_birth\nIMP1;Jane;Austen;jane@one.example;1975-12-16\n');
      expect(badHeader.status).toBe(400);
      expect((badHeader.body as { rowErrors: { line: number }[] }).rowErrors.every((e) => e.line === 1)).toBe(true);

      const quote = await importCsv(`${header}\nIMP1,"Jane,Austen,jane@one.example,1975-12-16\n`);
      expect(quote.body).toMatchObject({ rowErrors: [{ line: 2, field: 'row', message: expect.stringContaining('not closed') }] });
      const headerOnly = await importCsv(`${header}\n`);
      expect(headerOnly.body).toMatchObject({ rowErrors: [{ line: 1, message: expect.stringContaining('no rows') }] });

      // a quoted value over two lines: the lines are counted as a person sees them (and a line break is no part of a name)
      const multi = await importCsv(`${header}\nIMP1,"Jane\nMarie",Austen,jane2@one.example,1975-12-16\nIMP1,Cass,Austen,bad,1973-01-09\n`);
      expect(multi.body).toMatchObject({
        rowErrors: [
          { line: 2, field: 'first_name', message: 'first_name must not contain control characters' },
          { line: 4, field: 'email', message: 'email must be an email address' },
        ],
      });
      for (const r of [unknown, repeated, short, quote, headerOnly, multi]) expect(r.status).toBe(400);
      expect(await count('SELECT COUNT(*) AS n FROM centre_contacts')).toBe(before);
    });
  });
});
