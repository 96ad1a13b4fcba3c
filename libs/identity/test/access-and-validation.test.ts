import { Role } from '@achievement/contracts';
import { createCentre, createUser, TestUser } from '@achievement/testing';
import { Client, createContact, IdentityTestApp, startIdentityApp } from './support/identity-test-app';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Every administrators' route of identity, with a body that would be valid. */
const ADMIN_ROUTES: [Method, string, unknown?][] = [
  ['GET', '/api/admin/registrations'],
  ['GET', '/api/admin/registrations/{id}'],
  ['POST', '/api/admin/registrations/{id}/approve', {}],
  ['POST', '/api/admin/registrations/{id}/reject', { reason: 'No record of you' }],
  ['GET', '/api/admin/centres'],
  ['POST', '/api/admin/centres', { number: 'Q1', name: 'Q', centralEmail: 'q@q.example', addressLine1: '1 Q St', town: 'Q', postcode: 'Q1 1QQ' }],
  ['POST', '/api/admin/centres/contacts/import', { csv: 'centre_number,first_name,last_name,email,date_of_birth\nQ1,A,B,a@b.example,1980-01-01\n' }],
  ['GET', '/api/admin/centres/{id}'],
  ['PATCH', '/api/admin/centres/{id}', { name: 'Renamed' }],
  ['GET', '/api/admin/centres/{id}/contacts'],
  ['POST', '/api/admin/centres/{id}/contacts', { firstName: 'A', lastName: 'B', email: 'a@b.example', dateOfBirth: '1980-01-01' }],
  ['GET', '/api/admin/centres/{id}/contacts/{contactId}'],
  ['PATCH', '/api/admin/centres/{id}/contacts/{contactId}', { firstName: 'C' }],
  ['DELETE', '/api/admin/centres/{id}/contacts/{contactId}'],
  ['GET', '/api/admin/users'],
  ['DELETE', '/api/admin/users/{id}'],
  ['POST', '/api/admin/users/{id}/factors/reset'],
  ['POST', '/api/admin/jobs', {}],
  ['POST', '/api/admin/jobs/csv', {}],
  ['GET', '/api/admin/qualifications'],
  ['PATCH', '/api/admin/qualifications/{id}/display', { displayOnVerify: true }],
  ['PATCH', '/api/admin/documents/{id}/display', { displayOnVerify: null }],
  ['GET', '/api/admin/verifications'],
  ['GET', '/api/admin/products'],
  ['POST', '/api/admin/products', { code: 'Q-1', name: 'Q', description: 'Q', pricePence: 100, documentTypes: ['certificate'], active: true }],
  ['PATCH', '/api/admin/products/{id}', { code: 'Q-1', name: 'Q', description: 'Q', pricePence: 100, documentTypes: ['certificate'], active: true }],
  ['GET', '/api/admin/reasons'],
  ['POST', '/api/admin/reasons', { label: 'Q', active: true }],
  ['PATCH', '/api/admin/reasons/{id}', { label: 'Q', active: true }],
  ['GET', '/api/admin/orders'],
  ['GET', '/api/admin/orders/{id}'],
  ['POST', '/api/admin/orders/{id}/status', { status: 'cancelled' }],
  ['POST', '/api/admin/orders/{id}/lines/{lineId}/replace', {}],
  ['POST', '/api/admin/orders/{id}/lines/{lineId}/cancel', { reason: 'Document revoked' }],
  ['GET', '/api/admin/credit-accounts'],
  ['PUT', '/api/admin/credit-accounts/{centreId}', { limitPence: 1000, open: true }],
  ['POST', '/api/admin/credit-accounts/{centreId}/payments', { amountPence: 100, reference: 'BACS 1' }],
  ['GET', '/api/admin/credit-accounts/{centreId}/ledger'],
  ['GET', '/api/admin/invoices'],
];

/** Routes of the admin area that support staff use as well as administrators (triage, corrections, reading jobs). */
const SUPPORT_ROUTES: [Method, string, unknown?][] = [
  ['GET', '/api/admin/jobs'],
  ['GET', '/api/admin/jobs/{id}'],
  ['GET', '/api/admin/jobs/{id}/documents'],
  ['GET', '/api/admin/reports'],
  ['GET', '/api/admin/reports/{id}'],
  ['POST', '/api/admin/reports/{id}/assign', {}],
  ['POST', '/api/admin/reports/{id}/status', { status: 'in_progress' }],
  ['POST', '/api/admin/reports/{id}/notes', { text: 'Checked the enrolment form.' }],
  ['POST', '/api/admin/reports/{id}/replies', { text: 'We are looking into it.' }],
  ['POST', '/api/admin/documents/{id}/reissue', { reason: 'Surname corrected' }],
  ['POST', '/api/admin/documents/{id}/revoke', { reason: 'Issued in error' }],
];

/** Routes for any signed-in user. */
const SIGNED_IN_ROUTES: [Method, string, unknown?][] = [
  ['GET', '/api/profile'],
  ['PATCH', '/api/profile', { firstName: 'New' }],
  ['POST', '/api/auth/change-password', { currentPassword: 'x', newPassword: 'saffron-kettle-morning-4' }],
];

const NON_ADMIN_ROLES: Role[] = ['centre_staff', 'support', 'learner', 'third_party'];

describe('access: every route checks the role, and a centre sees only its own data', () => {
  let t: IdentityTestApp;
  const clients = new Map<Role, Client>();
  const users = new Map<Role, TestUser>();
  let centreB: number;
  let contactB: number;

  beforeAll(async () => {
    t = await startIdentityApp();
    for (const role of ['administrator', ...NON_ADMIN_ROLES] as Role[]) {
      const user = await createUser(t.ds, role);
      users.set(role, user);
      const client = new Client(t.app);
      await client.signIn(user.email, user.password);
      clients.set(role, client);
    }
    centreB = await createCentre(t.ds, { number: 'BBB1', name: 'Centre B' });
    contactB = await createContact(t.ds, centreB, { firstName: 'Bea', lastName: 'Bee', email: 'bea@b.example', dateOfBirth: '1970-01-01' });
  });

  afterAll(async () => {
    await t?.close();
  });

  const url = (path: string) => path.replace('{id}', String(centreB)).replace('{contactId}', String(contactB)).replace('{lineId}', '1');

  it('covers every administrators route in the OpenAPI document', async () => {
    const doc = (await new Client(t.app).get('/api/docs/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/admin/') && !path.startsWith('/api/admin/emails'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual([...ADMIN_ROUTES, ...SUPPORT_ROUTES].map(([m, p]) => `${m} ${p}`).sort());
  });

  const rows = (routes: [Method, string, unknown?][]) => routes.map(([method, path, body]) => ({ method, path, body }));

  it.each(rows(ADMIN_ROUTES))('$method $path refuses anonymous callers (401) and every role but administrator (403)', async ({ method, path, body }) => {
    const anonymous = await new Client(t.app).request(method, url(path), body);
    expect({ role: 'anonymous', status: anonymous.status }).toEqual({ role: 'anonymous', status: 401 });
    for (const role of NON_ADMIN_ROLES) {
      const res = await clients.get(role)!.request(method, url(path), body);
      expect({ role, status: res.status }).toEqual({ role, status: 403 });
      expect(res.body).toMatchObject({ code: 'FORBIDDEN', message: 'You do not have access to this.' });
    }
  });

  it.each(rows(SUPPORT_ROUTES))(
    '$method $path refuses anonymous callers (401) and every role but support and administrator (403)',
    async ({ method, path, body }) => {
      const anonymous = await new Client(t.app).request(method, url(path), body);
      expect({ role: 'anonymous', status: anonymous.status }).toEqual({ role: 'anonymous', status: 401 });
      for (const role of NON_ADMIN_ROLES.filter((r) => r !== 'support')) {
        const res = await clients.get(role)!.request(method, url(path), body);
        expect({ role, status: res.status }).toEqual({ role, status: 403 });
      }
      for (const role of ['support', 'administrator'] as Role[]) {
        const res = await clients.get(role)!.request(method, url(path), body);
        expect({ role, ok: res.status < 500 && res.status !== 401 && res.status !== 403 }).toEqual({ role, ok: true });
      }
    },
  );

  it('answers the administrator on those routes (never 401/403/500)', async () => {
    const admin = clients.get('administrator')!;
    // deleting an account and resetting its factors end another user's sessions: their own tests cover them
    for (const [method, path, body] of ADMIN_ROUTES.filter(([m, p]) => m !== 'DELETE' && !p.endsWith('/factors/reset'))) {
      const res = await admin.request(method, url(path), body);
      expect({ route: `${method} ${path}`, ok: res.status < 500 && res.status !== 401 && res.status !== 403 }).toEqual({
        route: `${method} ${path}`,
        ok: true,
      });
    }
  });

  it.each(rows(SIGNED_IN_ROUTES))('$method $path needs a signed-in user', async ({ method, path, body }) => {
    expect((await new Client(t.app).request(method, path, body)).status).toBe(401);
  });

  it("keeps centre staff to their own centre's data", async () => {
    const staff = clients.get('centre_staff')!;
    const own = users.get('centre_staff')!;
    const profile = await staff.get('/api/profile');
    const [centre] = await t.ds.query('SELECT number FROM centres WHERE id = ?', [own.centreId]);
    expect(profile.body).toMatchObject({ centre: { number: centre.number } });
    for (const path of [`/api/admin/centres/${centreB}`, `/api/admin/centres/${centreB}/contacts`, `/api/admin/centres/${own.centreId}`]) {
      expect((await staff.get(path)).status).toBe(403);
    }
    const denied = await t.ds.query("SELECT subject_id FROM audit_log WHERE action = 'access.denied' AND actor_user_id = ?", [own.id]);
    expect(denied.length).toBeGreaterThan(0);
  });
});

describe('bad input gets a 4xx with a message, never a 500', () => {
  let t: IdentityTestApp;
  let admin: Client;
  let staff: Client;
  let centreId: number;
  let registrationId: number;

  const registration = {
    firstName: 'Valid',
    lastName: 'Person',
    email: 'valid.person@example.test',
    dateOfBirth: '1985-04-23',
    centreNumber: 'C1',
    phone: '0113 496 0000',
    password: 'saffron-kettle-morning-4',
  };
  const centre = { number: 'V1', name: 'Valid', centralEmail: 'v@v.example', addressLine1: '1 Road', town: 'Leeds', postcode: 'LS1 1AA' };
  const long = (n: number) => 'x'.repeat(n);

  beforeAll(async () => {
    t = await startIdentityApp();
    const adminUser = await createUser(t.ds, 'administrator');
    admin = new Client(t.app);
    await admin.signIn(adminUser.email, adminUser.password);
    const staffUser = await createUser(t.ds, 'centre_staff');
    staff = new Client(t.app);
    await staff.signIn(staffUser.email, staffUser.password);
    centreId = await createCentre(t.ds, { number: 'V0' });
    const pending = await createUser(t.ds, 'centre_staff', { status: 'awaiting_review', centreId: null });
    const result = await t.ds.query("INSERT INTO registrations (user_id, centre_number, status, created_at) VALUES (?, 'V0', 'awaiting_review', NOW(3))", [
      pending.id,
    ]);
    registrationId = Number(result.insertId);
  });

  afterAll(async () => {
    await t?.close();
  });

  type Case = [string, () => Client, Method, string, unknown, Record<string, string>?];
  const anon = () => new Client(t.app);
  const asAdmin = () => admin;
  const asStaff = () => staff;
  const cases = (): Case[] => [
    // registration
    ['registration: nothing', anon, 'POST', '/api/registrations', {}],
    ['registration: null body', anon, 'POST', '/api/registrations', 'null', { 'content-type': 'application/json' }],
    ['registration: a JSON array', anon, 'POST', '/api/registrations', '[]', { 'content-type': 'application/json' }],
    ['registration: a JSON string', anon, 'POST', '/api/registrations', '"hello"', { 'content-type': 'application/json' }],
    ['registration: broken JSON', anon, 'POST', '/api/registrations', '{"firstName": ', { 'content-type': 'application/json' }],
    ['registration: plain text', anon, 'POST', '/api/registrations', 'firstName=Ada', { 'content-type': 'text/plain' }],
    [
      'registration: wrong types',
      anon,
      'POST',
      '/api/registrations',
      { ...registration, firstName: 123, lastName: ['x'], email: { a: 1 }, dateOfBirth: 19850423, phone: true, password: 12345678 },
    ],
    ['registration: bad email', anon, 'POST', '/api/registrations', { ...registration, email: 'not-an-email' }],
    ['registration: 30 February', anon, 'POST', '/api/registrations', { ...registration, dateOfBirth: '2023-02-30' }],
    ['registration: month 13', anon, 'POST', '/api/registrations', { ...registration, dateOfBirth: '1985-13-01' }],
    ['registration: UK date format', anon, 'POST', '/api/registrations', { ...registration, dateOfBirth: '23/04/1985' }],
    ['registration: born in the future', anon, 'POST', '/api/registrations', { ...registration, dateOfBirth: '2999-01-01' }],
    ['registration: born before 1900', anon, 'POST', '/api/registrations', { ...registration, dateOfBirth: '1850-01-01' }],
    ['registration: bad centre number', anon, 'POST', '/api/registrations', { ...registration, centreNumber: 'C1!; DROP' }],
    ['registration: long centre number', anon, 'POST', '/api/registrations', { ...registration, centreNumber: long(17) }],
    ['registration: bad phone', anon, 'POST', '/api/registrations', { ...registration, phone: 'call me' }],
    ['registration: long names', anon, 'POST', '/api/registrations', { ...registration, firstName: long(101), lastName: long(1000) }],
    ['registration: long email', anon, 'POST', '/api/registrations', { ...registration, email: `${long(320)}@example.test` }],
    ['registration: blank names', anon, 'POST', '/api/registrations', { ...registration, firstName: '   ', lastName: '' }],
    ['registration: sets its own role', anon, 'POST', '/api/registrations', { ...registration, role: 'administrator' }],
    ['registration: sets its own status', anon, 'POST', '/api/registrations', { ...registration, status: 'active', centreId: 1 }],
    ['registration: huge password', anon, 'POST', '/api/registrations', { ...registration, password: long(100_000) }],
    // verification and passwords
    ['verify: no token', anon, 'POST', '/api/registrations/verify', {}],
    ['verify: token of the wrong type', anon, 'POST', '/api/registrations/verify', { token: 42 }],
    ['verify: overlong token', anon, 'POST', '/api/registrations/verify', { token: long(500) }],
    ['resend: not an email', anon, 'POST', '/api/registrations/resend', { email: 'x' }],
    ['forgot: null email', anon, 'POST', '/api/auth/forgot-password', { email: null }],
    ['forgot: extra field', anon, 'POST', '/api/auth/forgot-password', { email: 'a@b.example', admin: true }],
    ['reset: made-up token', anon, 'POST', '/api/auth/reset-password', { token: 'abc', password: 'saffron-kettle-morning-4' }],
    ['reset: no password', anon, 'POST', '/api/auth/reset-password', { token: 'A'.repeat(43) }],
    ['sign-in: nothing', anon, 'POST', '/api/auth/sign-in', {}],
    ['sign-in: wrong types', anon, 'POST', '/api/auth/sign-in', { email: 1, password: {} }],
    ['change password: wrong types', asStaff, 'POST', '/api/auth/change-password', { currentPassword: 1, newPassword: null }],
    // profile
    ['profile: bad country', asStaff, 'PATCH', '/api/profile', { country: 'GBR' }],
    ['profile: overlong job title', asStaff, 'PATCH', '/api/profile', { jobTitle: long(101) }],
    ['profile: a JSON array', asStaff, 'PATCH', '/api/profile', '[1,2]', { 'content-type': 'application/json' }],
    // ids and queries
    ['centre id: letters', asAdmin, 'GET', '/api/admin/centres/abc', undefined],
    ['centre id: zero', asAdmin, 'GET', '/api/admin/centres/0', undefined],
    ['centre id: negative', asAdmin, 'GET', '/api/admin/centres/-1', undefined],
    ['centre id: a fraction', asAdmin, 'GET', '/api/admin/centres/1.5', undefined],
    ['centre id: too large', asAdmin, 'GET', '/api/admin/centres/99999999999', undefined],
    ['centre id: unknown', asAdmin, 'GET', '/api/admin/centres/4294967295', undefined],
    ['contact id: letters', asAdmin, 'GET', `/api/admin/centres/${centreId}/contacts/x`, undefined],
    ['contact id: unknown', asAdmin, 'GET', `/api/admin/centres/${centreId}/contacts/999999`, undefined],
    ['registration id: letters', asAdmin, 'GET', '/api/admin/registrations/abc', undefined],
    ['registration id: unknown', asAdmin, 'GET', '/api/admin/registrations/999999', undefined],
    ['user id: letters', asAdmin, 'DELETE', '/api/admin/users/abc', undefined],
    ['registrations: unknown status', asAdmin, 'GET', '/api/admin/registrations?status=bogus', undefined],
    ['registrations: bad cursor', asAdmin, 'GET', '/api/admin/registrations?cursor=abc', undefined],
    ['registrations: limit 0', asAdmin, 'GET', '/api/admin/registrations?limit=0', undefined],
    ['registrations: limit not a number', asAdmin, 'GET', '/api/admin/registrations?limit=lots', undefined],
    ['registrations: unknown query field', asAdmin, 'GET', '/api/admin/registrations?sort=name', undefined],
    ['users: unknown role', asAdmin, 'GET', '/api/admin/users?role=king', undefined],
    ['users: overlong search', asAdmin, 'GET', `/api/admin/users?q=${long(101)}`, undefined],
    ['centres: bad cursor', asAdmin, 'GET', '/api/admin/centres?cursor=%27%20OR%201', undefined],
    // review decisions
    ['approve: contactId not a number', asAdmin, 'POST', `/api/admin/registrations/${registrationId}/approve`, { contactId: 'abc' }],
    ['approve: contactId negative', asAdmin, 'POST', `/api/admin/registrations/${registrationId}/approve`, { contactId: -3 }],
    ['approve: unknown contact', asAdmin, 'POST', `/api/admin/registrations/${registrationId}/approve`, { contactId: 999999 }],
    ['approve: unknown registration', asAdmin, 'POST', '/api/admin/registrations/999999/approve', {}],
    ['reject: no reason', asAdmin, 'POST', `/api/admin/registrations/${registrationId}/reject`, {}],
    ['reject: overlong reason', asAdmin, 'POST', `/api/admin/registrations/${registrationId}/reject`, { reason: long(501) }],
    ['reject: reason of the wrong type', asAdmin, 'POST', `/api/admin/registrations/${registrationId}/reject`, { reason: ['no'] }],
    // centres and contacts
    ['centre: nothing', asAdmin, 'POST', '/api/admin/centres', {}],
    // credit is set in one place, the centre's credit account (the centre form takes none)
    ['centre: a credit limit on the centre', asAdmin, 'POST', '/api/admin/centres', { ...centre, creditLimitPence: 100 }],
    ['centre: a credit account on the centre', asAdmin, 'PATCH', `/api/admin/centres/${centreId}`, { creditAccount: true }],
    ['credit account: negative limit', asAdmin, 'PUT', `/api/admin/credit-accounts/${centreId}`, { limitPence: -1, open: true }],
    ['credit account: fractional limit', asAdmin, 'PUT', `/api/admin/credit-accounts/${centreId}`, { limitPence: 1.5, open: true }],
    ['credit account: limit as text', asAdmin, 'PUT', `/api/admin/credit-accounts/${centreId}`, { limitPence: '100', open: true }],
    ['credit account: huge limit', asAdmin, 'PUT', `/api/admin/credit-accounts/${centreId}`, { limitPence: 1e12, open: true }],
    ['credit account: open "yes"', asAdmin, 'PUT', `/api/admin/credit-accounts/${centreId}`, { limitPence: 100, open: 'yes' }],
    ['credit account: unknown centre', asAdmin, 'PUT', '/api/admin/credit-accounts/999999', { limitPence: 100, open: true }],
    ['centre: bad email', asAdmin, 'POST', '/api/admin/centres', { ...centre, centralEmail: 'centres at v' }],
    ['centre: bad country', asAdmin, 'POST', '/api/admin/centres', { ...centre, country: 'England' }],
    ['centre: null country', asAdmin, 'POST', '/api/admin/centres', { ...centre, country: null }],
    ['centre: null name in an edit', asAdmin, 'PATCH', `/api/admin/centres/${centreId}`, { name: null }],
    ['centre: unknown field', asAdmin, 'PATCH', `/api/admin/centres/${centreId}`, { id: 5 }],
    [
      'contact: 30 February',
      asAdmin,
      'POST',
      `/api/admin/centres/${centreId}/contacts`,
      { firstName: 'A', lastName: 'B', email: 'a@b.example', dateOfBirth: '2023-02-30' },
    ],
    [
      'contact: unknown centre',
      asAdmin,
      'POST',
      '/api/admin/centres/999999/contacts',
      { firstName: 'A', lastName: 'B', email: 'a@b.example', dateOfBirth: '1980-01-01' },
    ],
    ['contact: moved to another centre', asAdmin, 'PATCH', `/api/admin/centres/${centreId}/contacts/1`, { centreId: 2 }],
    ['import: no csv', asAdmin, 'POST', '/api/admin/centres/contacts/import', {}],
    ['import: csv of the wrong type', asAdmin, 'POST', '/api/admin/centres/contacts/import', { csv: 42 }],
    ['import: empty csv', asAdmin, 'POST', '/api/admin/centres/contacts/import', { csv: '' }],
    ['import: garbage', asAdmin, 'POST', '/api/admin/centres/contacts/import', { csv: '\u0000\u0001"' }],
  ];

  it('answers each with a 4xx and a message a person can act on', async () => {
    const results: { name: string; status: number; message: unknown }[] = [];
    for (const [name, who, method, path, body, headers] of cases()) {
      const client = who();
      client.address = `10.99.${results.length >> 8}.${results.length & 255}`; // a fresh address each: no rate limit in the way
      const res = await client.request(method, path, body, headers ?? {});
      const b = res.body as { statusCode?: number; message?: unknown };
      results.push({ name, status: res.status, message: b?.message });
      expect({
        name,
        status: res.status >= 400 && res.status < 500,
        statusCode: b?.statusCode === res.status,
        message: typeof b?.message === 'string' && (b.message as string).length > 0,
      }).toEqual({
        name,
        status: true,
        statusCode: true,
        message: true,
      });
    }
    // spot-check a few messages
    const byName = new Map(results.map((r) => [r.name, r]));
    expect(byName.get('registration: 30 February')).toMatchObject({ status: 400, message: expect.stringContaining('dateOfBirth must be a real date') });
    expect(byName.get('registration: sets its own role')).toMatchObject({ status: 400, message: 'role is not a field this request accepts' });
    expect(byName.get('centre id: letters')).toMatchObject({ status: 400, message: 'id must be a positive whole number' });
    expect(byName.get('centre id: unknown')).toMatchObject({ status: 404 });
    expect(byName.get('approve: unknown contact')).toMatchObject({ status: 404, message: expect.stringContaining('no contact record 999999') });
    expect(byName.get('registration: broken JSON')).toMatchObject({ status: 400, message: 'The request body is not valid JSON.' });
    expect(results.filter((r) => r.status === 400).length).toBeGreaterThan(60);
  });
});
