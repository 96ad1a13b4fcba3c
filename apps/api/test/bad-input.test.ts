import { AppConfig } from '@achievement/platform';
import { ApiClient, ApiResponse, createUser, dropTestArtifacts, testConfig } from '@achievement/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/create-api-app';

/**
 * Bad input of every kind, sent to every operation of the OpenAPI document, as an anonymous
 * caller and as signed-in users of several roles: no answer is a 5xx, and every 4xx is in the one
 * error shape. The list of operations comes from the document, so a new route is covered the day
 * it is added.
 */

interface Schema {
  type?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}
interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header' | 'cookie'; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
interface Op {
  method: string;
  path: string;
  op: Operation;
}

/** A payload: a JSON value (sent as JSON) or raw bytes/text with its content type. */
type Payload = { name: string; json: unknown } | { name: string; raw: string | Buffer; contentType: string };

const DEEP = 5000;
const HUGE = 'x'.repeat(100_000);
const LONE = '\ud83d';
const deepArrays = '['.repeat(DEEP) + ']'.repeat(DEEP);
const deepObjects = '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP);
/** ids that exist nowhere: a handler that is reached answers 404 and changes nothing */
const NO_SUCH_ID = '4294967295';
/** operations that end the caller's session: sent only anonymously, so the signed-in callers stay signed in */
const ENDS_SESSION = new Set(['POST /api/auth/sign-out', 'POST /api/auth/sign-out-everywhere']);

describe('bad input gets a 4xx in the error shape on every operation, never a 5xx', () => {
  let config: AppConfig;
  let app: NestFastifyApplication;
  let doc: OpenApiDocument;
  let ops: Op[];
  const callers = new Map<string, () => ApiClient>();
  let addressSeq = 0;

  beforeAll(async () => {
    config = testConfig({ WEB_DIST_DIR: '/nonexistent', TRUST_PROXY: 'true' });
    app = await createApiApp(config);
    const ds = app.get(DataSource);
    doc = (await new ApiClient(app).get('/api/docs/openapi.json')).body as OpenApiDocument;
    ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
    callers.set('anonymous', () => new ApiClient(app));
    for (const role of ['administrator', 'centre_staff', 'learner', 'third_party'] as const) {
      const user = await createUser(ds, role);
      const client = new ApiClient(app);
      await client.signIn(user.email, user.password);
      callers.set(role, () => client);
    }
  });

  afterAll(async () => {
    await app?.close();
    await dropTestArtifacts(config);
  });

  /** The schema of an operation's JSON body, with $refs resolved (one level of properties is enough here). */
  function bodySchema(op: Operation): Schema | undefined {
    const schema = op.requestBody?.content['application/json']?.schema;
    return schema ? resolve(schema) : undefined;
  }
  function resolve(schema: Schema): Schema {
    if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.split('/').pop()!] ?? {});
    if (schema.allOf?.length) return { ...schema, properties: Object.assign({}, ...schema.allOf.map((s) => resolve(s).properties ?? {})) };
    return schema;
  }

  /** Bad bodies for an operation: built on its documented fields where it has any, else on a made-up one. */
  function payloadsFor(op: Operation): Payload[] {
    const props = Object.entries(bodySchema(op)?.properties ?? { field: { type: 'string' } });
    const every = (value: (schema: Schema) => unknown) => Object.fromEntries(props.map(([name, schema]) => [name, value(resolve(schema))]));
    const wrongType = (s: Schema): unknown =>
      s.type === 'string' ? 12345 : s.type === 'array' ? { not: 'an array' } : s.type === 'object' ? 'not an object' : 'not a number';
    const [first] = props[0];
    return [
      { name: 'wrong types', json: every(wrongType) },
      { name: 'nulls, arrays and objects everywhere', json: Object.fromEntries(props.map(([name], i) => [name, [null, [], {}, true, -1.5][i % 5]])) },
      { name: `arrays nested ${DEEP} deep`, raw: deepArrays, contentType: 'application/json' },
      { name: `objects nested ${DEEP} deep`, raw: deepObjects, contentType: 'application/json' },
      { name: `a field nested ${DEEP} deep`, raw: `{"${first}":${deepArrays}}`, contentType: 'application/json' },
      { name: 'lone surrogates', json: every(() => LONE) },
      { name: 'a lone surrogate in an email', json: every(() => `ab${LONE}@example.test`) },
      { name: 'a lone surrogate in a field name', json: { [`x${LONE}`]: 'y' } },
      { name: 'NUL bytes', json: every(() => 'a\u0000b') },
      { name: 'huge strings', json: every(() => HUGE) },
      { name: 'huge arrays', json: every(() => Array.from({ length: 2_000 }, () => 'x')) },
      { name: 'broken JSON', raw: '{"a": ', contentType: 'application/json' },
      { name: 'not JSON at all', raw: 'hello=world', contentType: 'application/json' },
      { name: 'an empty JSON body', raw: '', contentType: 'application/json' },
      {
        name: 'bytes that are not UTF-8',
        raw: Buffer.concat([Buffer.from(`{"${first}":"`), Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0xbd]), Buffer.from('"}')]),
        contentType: 'application/json',
      },
      { name: 'an array instead of an object', json: [every(() => 'x')] },
      { name: 'a bare string', raw: '"x"', contentType: 'application/json' },
      { name: 'null', raw: 'null', contentType: 'application/json' },
      { name: 'prototype poisoning', raw: `{"__proto__":{"admin":true},"${first}":"x"}`, contentType: 'application/json' },
      { name: 'a form body with NUL', raw: `${first}=a%00b`, contentType: 'application/x-www-form-urlencoded' },
      { name: 'a form body with broken escapes', raw: `${first}=%zz%ED%A0%BD&__proto__=x&__proto__=y`, contentType: 'application/x-www-form-urlencoded' },
      { name: 'garbage as a PDF', raw: Buffer.from('%PDF-1.7\n\u0000\u00ff garbage'), contentType: 'application/pdf' },
      { name: 'a broken multipart body', raw: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc', contentType: 'multipart/form-data; boundary=x' },
      { name: 'text', raw: 'a\u0000b', contentType: 'text/plain' },
    ];
  }

  const url = (path: string, value = NO_SUCH_ID) => path.replace(/\{[^}]+\}/g, value); // values are written already %-encoded
  const queryNames = (op: Operation) => (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);

  /** Bad path parameters and query strings for an operation. */
  function addressesFor({ path, op }: Op): { name: string; url: string }[] {
    const out: { name: string; url: string }[] = [];
    if (path.includes('{')) {
      for (const [name, value] of [
        ['NUL', '%00'],
        ['broken UTF-8', '%ED%A0%BD'],
        ['a broken escape', '%E0%A4%A'],
        ['huge', 'x'.repeat(5000)],
        ['letters', 'abc'],
        ['negative', '-1'],
      ]) {
        out.push({ name: `path parameter: ${name}`, url: url(path, value) });
      }
    }
    const names = [...queryNames(op), 'unknown'];
    for (const [name, value] of [
      ['NUL', '%00'],
      ['broken UTF-8', '%ED%A0%BD%FF'],
      ['a broken escape', '%zz'],
      ['huge', 'x'.repeat(5000)],
      ['repeated', 'a&{q}=b'],
    ]) {
      out.push({ name: `query: ${name}`, url: `${url(path)}?${names.map((q) => `${q}=${value.replace('{q}', q)}`).join('&')}` });
    }
    return out;
  }

  function send(client: ApiClient, method: string, target: string, payload?: Payload): Promise<ApiResponse> {
    const headers = { 'x-forwarded-for': `10.77.${(addressSeq >> 8) & 255}.${addressSeq++ & 255}` }; // no per-address limit in the way
    if (!payload) return client.request(method, target, undefined, headers);
    if ('json' in payload) return client.request(method, target, JSON.stringify(payload.json), { ...headers, 'content-type': 'application/json' });
    return client.request(method, target, payload.raw, { ...headers, 'content-type': payload.contentType });
  }

  /** What is wrong with an answer (null when it is fine): a 5xx, or a 4xx not in the error shape. */
  function problemOf(res: ApiResponse): string | null {
    if (res.status >= 500) return `answered ${res.status}: ${res.text.slice(0, 200)}`;
    if (res.status < 400) return null;
    const b = res.body as Record<string, unknown>;
    const shaped =
      typeof b === 'object' &&
      b !== null &&
      b.statusCode === res.status &&
      typeof b.error === 'string' &&
      typeof b.message === 'string' &&
      (b.message as string).length > 0 &&
      typeof b.requestId === 'string' &&
      b.requestId === res.headers['x-request-id'];
    return shaped ? null : `answered ${res.status} not in the error shape: ${res.text.slice(0, 200)}`;
  }

  it('covers the operations of the OpenAPI document', () => {
    expect(ops.length).toBeGreaterThan(100);
    expect(ops.filter((o) => o.op.requestBody).length).toBeGreaterThan(40);
  });

  /**
   * Who sends to an operation: always an anonymous caller, and the signed-in role the operation is
   * for (so the request gets past the role check to the handler's own validation): administrators
   * for the admin area, learners and third parties for theirs, centre staff for the rest.
   */
  function callersOf({ method, path }: Op): [string, ApiClient][] {
    const role = path.startsWith('/api/admin/')
      ? 'administrator'
      : path.startsWith('/api/learner')
        ? 'learner'
        : path.startsWith('/api/third-party')
          ? 'third_party'
          : 'centre_staff';
    const who: string[] = ENDS_SESSION.has(`${method} ${path}`) ? ['anonymous'] : ['anonymous', role];
    return who.map((w) => [w, callers.get(w)!()]);
  }

  /** Runs the requests a few at a time (as many as the database pool takes), collecting every problem. */
  async function runAll(requests: { label: string; send: () => Promise<ApiResponse>; expect400?: boolean }[]): Promise<string[]> {
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const r = requests[next++];
        const res = await r.send();
        const problem = problemOf(res);
        if (problem) failures.push(`${r.label}: ${problem}`);
        else if (r.expect400 && res.status !== 400) failures.push(`${r.label}: answered ${res.status}, not 400`);
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    return failures.sort();
  }

  it('answers bad bodies on every operation, anonymous or signed in, with a 4xx in the error shape', async () => {
    const requests = ops
      .filter((o) => o.method !== 'GET' && o.method !== 'DELETE') // (no body)
      .flatMap((o) =>
        callersOf(o).flatMap(([who, client]) =>
          payloadsFor(o.op).map((payload) => ({
            label: `${o.method} ${o.path} as ${who}, ${payload.name}`,
            send: () => send(client, o.method, url(o.path), payload),
            // input no body may hold is refused at the edge, before anything else (who asks included)
            expect400: /nested|surrogate|NUL|UTF-8/.test(payload.name),
          })),
        ),
      );
    expect(await runAll(requests)).toEqual([]);
  }, 180_000); // about 10 s alone; more while other test files share the machine

  it('answers bad path parameters and query strings on every operation with a 4xx in the error shape', async () => {
    const requests = ops.flatMap((o) =>
      callersOf(o)
        .filter(([who]) => o.method !== 'DELETE' || who === 'anonymous') // a DELETE as someone allowed to is not bad input
        .flatMap(([who, client]) =>
          addressesFor(o).map((address) => ({
            label: `${o.method} ${o.path} as ${who}, ${address.name}`,
            send: () => send(client, o.method, address.url, o.method === 'GET' ? undefined : { name: 'empty', json: {} }),
            expect400: /NUL|UTF-8|escape/.test(address.name),
          })),
        ),
    );
    expect(await runAll(requests)).toEqual([]);
  }, 180_000);

  it('answers odd addresses of the front door (the verification look-up, over a real socket) as the documented route does', async () => {
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const code = 'A'.repeat(32);
    const results = [];
    for (const path of [
      '/api/verify/%00',
      `/api/verify/${code}%00`,
      '/api/verify/%ED%A0%BD',
      '/api/verify/%zz',
      `/api/verify/${code}?via=%00`,
      `/api/verify/${code}?via=%zz`,
      `/api/verify/${code}?via=%ED%A0%BD`,
      `/api/verify/${code}?via=${'x'.repeat(5000)}`,
    ]) {
      const headers = { 'x-forwarded-for': `10.78.0.${addressSeq++ & 255}` };
      const socket = await fetch(`${base}${path}`, { headers });
      const text = await socket.text();
      const nest = await app.inject({ method: 'GET', url: path, headers });
      const withoutId = (t: string) => t.replace(/"requestId":"[^"]+"/, '');
      results.push({
        path,
        status: socket.status,
        problem: problemOf({
          status: socket.status,
          headers: { 'x-request-id': socket.headers.get('x-request-id') ?? undefined },
          body: JSON.parse(text),
          text,
        }),
        sameAsNest: socket.status === nest.statusCode && withoutId(text) === withoutId(nest.body),
      });
    }
    expect(results).toEqual(results.map((r) => ({ path: r.path, status: r.status < 500 ? r.status : '4xx', problem: null, sameAsNest: true })));
    // a long code is no odd address: the front door answers it, as an unknown code, in the error shape
    const long = await fetch(`${base}/api/verify/${'x'.repeat(5000)}`, { headers: { 'x-forwarded-for': '10.78.1.1' } });
    expect({ status: long.status, body: await long.json() }).toEqual({
      status: 404,
      body: expect.objectContaining({ statusCode: 404, requestId: long.headers.get('x-request-id') }),
    });
  });

  it('names the field that holds a lone surrogate, on each form that takes an email', async () => {
    const forms: [string, Record<string, unknown>][] = [
      ['/api/auth/sign-in', { email: `a${LONE}@example.test`, password: 'whatever-it-is' }],
      ['/api/auth/forgot-password', { email: `a${LONE}@example.test` }],
      ['/api/registrations/resend', { email: `a${LONE}@example.test` }],
    ];
    const documented = Object.keys(doc.paths);
    for (const path of documented.filter((p) => /registrations$|register$/.test(p) && doc.paths[p].post)) {
      forms.push([path, { email: `a${LONE}@example.test` }]);
    }
    for (const path of documented.filter((p) => /^\/api\/admin\/centres\/\{id\}\/contacts$/.test(p))) forms.push([path, { email: `a${LONE}@example.test` }]);
    expect(forms.length).toBeGreaterThanOrEqual(7); // sign-in, forgot, resend, three registrations, the admin contact form
    const admin = callers.get('administrator')!();
    for (const [path, body] of forms) {
      const client = path.startsWith('/api/admin/') ? admin : new ApiClient(app);
      const res = await send(client, 'POST', url(path, '1'), { name: 'surrogate', json: body });
      expect({ path, status: res.status, body: res.body }).toEqual({
        path,
        status: 400,
        body: expect.objectContaining({ statusCode: 400, fieldErrors: { email: [expect.stringContaining('valid Unicode')] } }),
      });
    }
  });

  it('refuses a body nested too deeply with a message that says so, before validation', async () => {
    const res = await send(new ApiClient(app), 'POST', '/api/auth/sign-in', {
      name: 'deep',
      raw: `{"email":${deepArrays},"password":"x"}`,
      contentType: 'application/json',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.stringContaining('nested too deeply') });
  });

  it('refuses a body of a million values on an anonymous route at once, before the pipes spend seconds on it', async () => {
    const started = Date.now();
    const res = await send(new ApiClient(app), 'POST', '/api/auth/sign-in', { name: 'many', json: { email: Array(1_000_000).fill(0), password: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, message: expect.stringContaining('too many values') });
    expect(Date.now() - started).toBeLessThan(2000); // (the validation pipe took 10 s over such a body)
  });

  it('still accepts good input once the bad has been refused', async () => {
    for (const [who, client] of callers) {
      const session = await client().get('/api/auth/session');
      expect({ who, signedIn: (session.body as { user: unknown }).user !== null }).toEqual({ who, signedIn: who !== 'anonymous' });
    }
    const res = await new ApiClient(app).post('/api/auth/sign-in', { email: 'nobody@example.test', password: 'zoë-and-🎓-emoji' });
    expect(res.status).toBe(401);
  });
});
