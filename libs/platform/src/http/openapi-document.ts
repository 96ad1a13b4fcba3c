import { API_ERROR_STATUS } from '@achievement/contracts';
import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** Where the answer of every failed call is described (libs/contracts/src/errors.ts: ApiErrorBody). */
export const API_ERROR_SCHEMA = 'ApiErrorBody';

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * An operation's id: its controller and its method, e.g. StoreController.products → storeProducts.
 * Unique (a controller's methods are) and stable, so the generated client's function names are too.
 */
export function operationIdOf(controllerKey: string, methodKey: string): string {
  return lowerFirst(controllerKey.replace(/Controller$/, '')) + upperFirst(methodKey);
}

/** The schema of ApiErrorBody, with every stable code and the status it comes with. */
function apiErrorSchema(): Record<string, unknown> {
  const codes = Object.keys(API_ERROR_STATUS).sort();
  return {
    type: 'object',
    description: 'The answer to every call that fails (4xx and 5xx). Choose by `code`; `message` is for people.',
    required: ['statusCode', 'error', 'message', 'code'],
    properties: {
      statusCode: { type: 'integer', example: 404 },
      error: { type: 'string', example: 'Not Found' },
      message: { type: 'string', description: 'What went wrong and what to do, in words a person can act on' },
      code: {
        type: 'string',
        enum: codes,
        description:
          'What went wrong, as a stable code. Each comes with one status:\n\n' +
          codes.map((c) => `- \`${c}\`: ${API_ERROR_STATUS[c as keyof typeof API_ERROR_STATUS]}`).join('\n'),
      },
      fieldErrors: {
        type: 'object',
        description: 'Field-level problems of a request body or query, keyed by field path',
        additionalProperties: { type: 'array', items: { type: 'string' } },
      },
      details: {
        type: 'object',
        description: 'Of each part the service depends on, whether it answers (GET /api/health when one does not)',
        additionalProperties: {
          type: 'object',
          required: ['status'],
          properties: { status: { type: 'string' }, message: { type: 'string' } },
        },
      },
      requestId: { type: 'string', description: 'The X-Request-Id of the call, for the logs' },
    },
  };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/**
 * Every error response (the ones a route declares, and a default for the rest) answers with
 * ApiErrorBody, so a client knows the shape of a failure without reading the code.
 */
function describeErrors(document: OpenAPIObject): void {
  document.components = document.components ?? {};
  document.components.schemas = { ...document.components.schemas, [API_ERROR_SCHEMA]: apiErrorSchema() };
  const error = { $ref: `#/components/schemas/${API_ERROR_SCHEMA}` };
  const content = { 'application/json': { schema: error } };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!response || !/^[45]/.test(status) || !('description' in response)) continue;
        const own = response.content?.['application/json']?.schema;
        // an error with more to say (IssueJobErrorBody's rowErrors) is still an ApiErrorBody
        response.content = own ? { 'application/json': { schema: { allOf: [error, own] } } } : content;
      }
      operation.responses.default = { description: 'An error: see ApiErrorBody for its code', content };
    }
  }
}

/** The OpenAPI document of the API: the contract its clients are generated from (npm run generate:api). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Achievement Portal API')
      .setDescription('The HTTP API of the Achievement Portal. Cookie sessions; writes need the X-XSRF-TOKEN header.')
      .setVersion('0.1.0')
      .addCookieAuth('ap_session')
      .build(),
    { operationIdFactory: operationIdOf },
  );
  describeErrors(document);
  return document;
}
