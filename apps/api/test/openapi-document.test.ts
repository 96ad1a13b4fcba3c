import { API_ERROR_STATUS } from '@achievement/contracts';
import { AppConfig, operationIdOf } from '@achievement/platform';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { ApiClient, dropTestArtifacts, testConfig } from '@achievement/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../src/create-api-app';

/**
 * The OpenAPI document is the contract the web apps' client is generated from (and what an
 * integrator reads): every operation has a stable id, a typed answer, a typed body when it takes
 * one, and the one error shape with its codes. A route added without its types fails here.
 */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  additionalProperties?: Schema | boolean;
}
interface Response {
  description?: string;
  content?: Record<string, { schema?: Schema }>;
}
interface Operation {
  operationId?: string;
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, Response>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const ERROR_REF = '#/components/schemas/ApiErrorBody';

describe('the OpenAPI document', () => {
  let config: AppConfig;
  let app: NestFastifyApplication;
  let doc: Document;
  let operations: { name: string; op: Operation }[];

  beforeAll(async () => {
    config = testConfig({ WEB_DIST_DIR: '/nonexistent' });
    app = await createApiApp(config);
    doc = (await new ApiClient(app).get('/api/docs/openapi.json')).body as Document;
    operations = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
    );
  });

  afterAll(async () => {
    await app?.close();
    await dropTestArtifacts(config);
  });

  /** Every $ref under `schema` that names no schema of the document. */
  function danglingRefs(schema: Schema | undefined, seen = new Set<string>()): string[] {
    if (!schema) return [];
    const out: string[] = [];
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      if (!doc.components.schemas[name]) return [schema.$ref];
      if (seen.has(name)) return [];
      seen.add(name);
      out.push(...danglingRefs(doc.components.schemas[name], seen));
    }
    for (const child of [...Object.values(schema.properties ?? {}), schema.items, ...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
      out.push(...danglingRefs(child, seen));
    }
    if (typeof schema.additionalProperties === 'object') out.push(...danglingRefs(schema.additionalProperties, seen));
    return out;
  }

  it('names every operation after its controller and method, once', () => {
    expect(operations.length).toBeGreaterThan(100);
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.filter((id) => !id || !/^[a-z][A-Za-z0-9]+$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/api/store/products'].get.operationId).toBe('storeProducts');
  });

  it('types the answer of every operation that answers with a body', () => {
    const untyped = operations.flatMap(({ name, op }) => {
      const answers = Object.entries(op.responses).filter(([status]) => /^[23]/.test(status));
      if (answers.length === 0) return [`${name}: no 2xx or 3xx answer`];
      return answers
        .filter(([status]) => status !== '204' && !status.startsWith('3'))
        .flatMap(([status, response]) => {
          const contents = Object.entries(response.content ?? {});
          if (contents.length === 0) return [`${name} ${status}: no content type`];
          return contents.flatMap(([type, { schema }]) => {
            if (!schema) return [`${name} ${status} ${type}: no schema`];
            return danglingRefs(schema).map((ref) => `${name} ${status}: ${ref} is not in the document`);
          });
        });
    });
    expect(untyped).toEqual([]);
  });

  it('types every request body', () => {
    const untyped = operations.flatMap(({ name, op }) =>
      Object.entries(op.requestBody?.content ?? {}).flatMap(([type, { schema }]) => {
        if (!schema) return [`${name} ${type}: no schema`];
        if (type === 'application/json' && !schema.$ref && !schema.properties) return [`${name}: a JSON body of no known shape`];
        return danglingRefs(schema).map((ref) => `${name}: ${ref} is not in the document`);
      }),
    );
    expect(untyped).toEqual([]);
  });

  it('describes every failure as ApiErrorBody, with every stable code', () => {
    const error = doc.components.schemas.ApiErrorBody;
    expect(error.properties?.code.enum).toEqual(Object.keys(API_ERROR_STATUS).sort());
    const wrong = operations.flatMap(({ name, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => status === 'default' || /^[45]/.test(status))
        .filter(([, response]) => {
          const schema = response.content?.['application/json']?.schema;
          return schema?.$ref !== ERROR_REF && !schema?.allOf?.some((part) => part.$ref === ERROR_REF);
        })
        .map(([status]) => `${name} ${status}`),
    );
    expect(wrong).toEqual([]);
    expect(operations.every(({ op }) => op.responses.default)).toBe(true);
  });

  it('describes every query parameter a route reads', () => {
    const byId = new Map(operations.map(({ op }) => [op.operationId, op]));
    const missing: string[] = [];
    for (const module of app.get(ModulesContainer).values()) {
      for (const { metatype } of module.controllers.values()) {
        if (!metatype) continue;
        for (const method of Object.getOwnPropertyNames(metatype.prototype)) {
          const op = byId.get(operationIdOf(metatype.name, method));
          if (!op) continue; // not a route, or a route the document leaves out on purpose (the sandbox card form)
          const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, method) ?? {}) as Record<string, { data?: unknown }>;
          for (const [key, { data }] of Object.entries(args)) {
            if (Number(key.split(':')[0]) !== RouteParamtypes.QUERY || typeof data !== 'string') continue;
            if (!op.parameters?.some((p) => p.in === 'query' && p.name === data)) missing.push(`${op.operationId}: ?${data}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
    expect(byId.get('learnerFile')?.parameters?.map((p) => p.name)).toContain('download');
  });
});
