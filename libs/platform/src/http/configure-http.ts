import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { FastifyError, FastifyReply } from 'fastify';
import { INestApplication } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { RequestListener, Server } from 'node:http';
import { SwaggerModule } from '@nestjs/swagger';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig } from '../config/app-config';
import { ApiExceptionFilter, toErrorBody } from './api-exception.filter';
import { FixedPage, FrontDoor } from './front-door';
import { guardInput } from './input-guard';
import { buildOpenApiDocument } from './openapi-document';
import { requestIdOf } from './request-id';
import { securityHeadersOf } from './security-headers';
import { parseTrustProxy } from './trust-proxy';
import { createValidationPipe } from './validation.pipe';
import { webFileCacheControl } from './web-files';

/** The largest body people send is a job's CSV (up to 20,000 documents, a few MiB); larger is refused with 413 (before it is parsed). */
const BODY_LIMIT = 8 * 1024 * 1024;

/** The Fastify adapter: request ids, trusted proxies (only as configured), body limit; the front door's routes (if given) answered first. */
export function createFastifyAdapter(config: AppConfig, frontDoor?: FrontDoor): FastifyAdapter {
  const hasPortal = existsSync(join(webRoots(config).portal, 'index.html'));
  const securityHeaders = securityHeadersOf(config);
  return new FastifyAdapter({
    trustProxy: parseTrustProxy(config.TRUST_PROXY),
    // The portal is a single-page app: a page address (no /api, no file extension) gets its index.html.
    rewriteUrl: (req: { url?: string; method?: string }) => {
      const url = req.url ?? '/';
      if (hasPortal && isPageAddress(req.method, url)) return '/';
      return isAdminPageAddress(req.method, url) ? '/admin-remote/' : url;
    },
    genReqId: requestIdOf,
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT,
    logger: false,
    // a path Fastify's router cannot decode (a broken %-escape) never reaches Nest: answer it in the one error shape here
    frameworkErrors: ((error: FastifyError, req: { id: string }, reply: FastifyReply) => {
      const body = { ...toErrorBody(error), requestId: req.id };
      if (error.code === 'FST_ERR_BAD_URL') body.message = 'The address is not valid: it holds a broken %-escape.';
      reply.headers(securityHeaders).header('X-Request-Id', req.id).header('Cache-Control', 'no-store').code(body.statusCode).send(body);
    }) as never, // (typed for Fastify without the cookie plugin's additions)
    ...(frontDoor ? { serverFactory: (handler: RequestListener, options: ServerTimeouts) => serverWithFrontDoor(frontDoor, handler, options) } : {}),
  });
}

/** The timeouts among the options Fastify passes to a server factory. */
interface ServerTimeouts {
  keepAliveTimeout?: number;
  requestTimeout?: number;
  connectionTimeout?: number;
  maxRequestsPerSocket?: number;
}

/** What Fastify's own factory does for an HTTP/1 server (timeouts), with the front door before Fastify's handler. */
function serverWithFrontDoor(frontDoor: FrontDoor, handler: RequestListener, options: ServerTimeouts): Server {
  const server = frontDoor.createServer(handler);
  if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
  if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
  if (options.connectionTimeout !== undefined) server.setTimeout(options.connectionTimeout);
  if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
  return server;
}

/** The built portal's index.html (the shell of every portal page), kept in memory; null when the portal is not built. */
export function portalShellPage(config: AppConfig): FixedPage | null {
  const index = join(webRoots(config).portal, 'index.html');
  return existsSync(index) ? new FixedPage(readFileSync(index, 'utf8'), 'text/html; charset=utf-8') : null;
}

/**
 * Everything every HTTP app of the portal has: security headers, cookies, validation, the error
 * shape, no-store on API answers, OpenAPI at /api/docs, and the built Angular apps.
 */
export async function configureHttp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.setGlobalPrefix('api', { exclude: [] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();
  guardInput(app, BODY_LIMIT);

  const fastify = app.getHttpAdapter().getInstance();
  await app.register(fastifyCookie as never);
  const securityHeaders = securityHeadersOf(config);
  fastify.addHook(
    'onRequest',
    (req: { id: string; url: string }, reply: { headers(h: object): unknown; header(n: string, v: string): unknown }, done: () => void) => {
      reply.headers(securityHeaders);
      reply.header('X-Request-Id', req.id);
      if (req.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
      done();
    },
  );
  const document = buildOpenApiDocument(app as unknown as INestApplication);
  SwaggerModule.setup('api/docs', app as unknown as INestApplication, document, { jsonDocumentUrl: 'api/docs/openapi.json' });

  await serveWebApps(app, config);
}

function webRoots(config: AppConfig) {
  const root = resolve(config.WEB_DIST_DIR);
  return { portal: join(root, 'portal', 'browser'), admin: join(root, 'admin', 'browser') };
}

function isPageAddress(method: string | undefined, url: string): boolean {
  const path = url.split('?')[0];
  return (
    (method === 'GET' || method === 'HEAD') &&
    path !== '/' &&
    !path.startsWith('/api/') &&
    path !== '/api' &&
    !path.startsWith('/admin-remote/') &&
    !/\.[A-Za-z0-9]+$/.test(path)
  );
}

/** A page of the admin micro-frontend run on its own (under /admin-remote/), not one of its files. */
function isAdminPageAddress(method: string | undefined, url: string): boolean {
  const path = url.split('?')[0];
  return (method === 'GET' || method === 'HEAD') && path.startsWith('/admin-remote/') && path !== '/admin-remote/' && !/\.[A-Za-z0-9]+$/.test(path);
}

/**
 * Serves the built portal at / and the admin remote at /admin-remote/: the brotli or gzip copy made
 * at build time when the browser takes it (`Vary: Accept-Encoding`), and hashed files cached for a
 * year (see web-files.ts).
 */
async function serveWebApps(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const { portal, admin } = webRoots(config);
  const files = {
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply: FastifyReply, path: string) => reply.header('Cache-Control', webFileCacheControl(path)),
  };
  if (existsSync(admin)) {
    await app.register(fastifyStatic as never, { root: admin, prefix: '/admin-remote/', decorateReply: false, ...files });
  }
  if (existsSync(join(portal, 'index.html'))) {
    await app.register(fastifyStatic as never, { root: portal, prefix: '/', wildcard: true, ...files });
  }
}
