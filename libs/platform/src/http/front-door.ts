import { ApiErrorBody, ApiErrorCode, genericErrorCode } from '@achievement/contracts';
import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse, STATUS_CODES } from 'node:http';
import { AppConfig } from '../config/app-config';
import { RETRY_AFTER_SECONDS, toErrorBody } from './api-exception.filter';
import { clientAddressResolver } from './client-address';
import { requestIdOf } from './request-id';
import { securityHeadersOf } from './security-headers';

/** What a front-door route is told of its request. */
export interface FrontDoorRequest {
  raw: IncomingMessage;
  /** the request id (from a trusted X-Request-Id, or new), sent back as X-Request-Id */
  id: string;
  /** the path, not decoded, without the query */
  path: string;
  /** the query string, without the "?" ('' when none) */
  query: string;
  /** the client address, through trusted proxies as Fastify works it out */
  address: string;
}

export type FrontDoorHandler = (req: FrontDoorRequest, reply: FrontDoorReply) => void | Promise<void>;

interface FrontDoorRoute {
  name: string;
  matches(path: string): boolean;
  handler: FrontDoorHandler;
}

/**
 * A few public, read-only, high-traffic GET routes answered before the framework sees the request
 * (the public verification look-up and its page): no Nest pipeline, no per-request logger, no
 * cookie parsing, headers worked out once. Everything else, and every other method, goes on to
 * Fastify and Nest unchanged.
 *
 * What such a route still gets, the same as any answer of the api: the security headers, the
 * request id, `Cache-Control: no-store` on JSON, the one error shape ({ statusCode, error, message,
 * requestId }; a thrown HttpException answers as from a controller), HEAD, the client address through trusted proxies only, an access log line at the
 * info level, and a logged 500 for an unexpected error. Routes are added at start (module init);
 * a route must still exist as a documented Nest route too, for OpenAPI and for in-process `inject`.
 */
export class FrontDoor {
  private readonly routes: FrontDoorRoute[] = [];
  /** How many requests the front door has answered (the rest went on to Fastify). */
  answered = 0;
  private readonly logger = new Logger('HTTP');
  private readonly securityHeaders: Readonly<Record<string, string>>;
  private readonly addressOf: (req: IncomingMessage) => string;
  /** whether the access log is on (LOG_LEVEL info or more detailed), as pino-http logs every other request */
  private readonly logsRequests: boolean;

  constructor(config: AppConfig) {
    this.securityHeaders = securityHeadersOf(config);
    this.addressOf = clientAddressResolver(config.TRUST_PROXY);
    this.logsRequests = ['info', 'debug', 'trace'].includes(config.LOG_LEVEL);
  }

  /** Answers GET and HEAD of the paths `matches` accepts (it sees the raw path, without the query). */
  get(name: string, matches: (path: string) => boolean, handler: FrontDoorHandler): void {
    this.routes.push({ name, matches, handler });
  }

  /** An HTTP server whose requests go to a front-door route when one matches, else to `fallback` (Fastify's handler). */
  createServer(fallback: (req: IncomingMessage, res: ServerResponse) => void): Server {
    return createServer((req, res) => {
      if (!this.handle(req, res)) fallback(req, res);
    });
  }

  /** Answers the request if a route matches (true), or leaves it alone (false). */
  handle(raw: IncomingMessage, res: ServerResponse): boolean {
    if ((raw.method !== 'GET' && raw.method !== 'HEAD') || this.routes.length === 0) return false;
    const url = raw.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const route = this.routes.find((r) => r.matches(path));
    if (!route) return false;
    // an odd address (a broken %-escape, bytes that are not UTF-8, an escaped NUL) goes the long way, where the input guard answers it as for any route
    if (url.includes('%') && !decodesCleanly(url)) return false;
    this.answered++;

    const req: FrontDoorRequest = { raw, id: requestIdOf(raw), path, query: q === -1 ? '' : url.slice(q + 1), address: this.addressOf(raw) };
    const reply = new FrontDoorReply(req, res, this.securityHeaders);
    if (this.logsRequests) {
      const started = process.hrtime.bigint();
      res.once('finish', () => {
        this.logger.log(
          {
            req: { id: req.id, method: raw.method, url: path },
            res: { statusCode: res.statusCode },
            responseTime: Number(process.hrtime.bigint() - started) / 1e6,
          },
          'request completed',
        );
      });
    }
    // a thrown HttpException answers as it would from a controller; anything else is a logged 500
    const failed = (err: unknown) => {
      const body = toErrorBody(err);
      if (body.statusCode >= 500) this.logger.error({ err, requestId: req.id, method: raw.method, url: path }, 'Unhandled error');
      if (res.headersSent) res.destroy();
      else reply.error(body.statusCode, body.message, body.statusCode === 503 ? { 'Retry-After': String(RETRY_AFTER_SECONDS) } : {}, body.code);
    };
    try {
      const done = route.handler(req, reply);
      if (done) done.catch(failed);
    } catch (err) {
      failed(err);
    }
    return true;
  }
}

/** Whether every %-escape of the path and query is whole, spells UTF-8 and is not a NUL. */
function decodesCleanly(url: string): boolean {
  try {
    return !url.split(/[?&=]/).some((part) => decodeURIComponent(part).includes('\u0000'));
  } catch {
    return false;
  }
}

/** The answer of a front-door route: JSON, an error in the API's shape, a page made for the request, or a fixed page. */
export class FrontDoorReply {
  constructor(
    private readonly req: FrontDoorRequest,
    private readonly res: ServerResponse,
    private readonly securityHeaders: Readonly<Record<string, string>>,
  ) {}

  json(statusCode: number, body: unknown, headers: Record<string, string> = {}): void {
    this.jsonText(statusCode, JSON.stringify(body), headers);
  }

  /** JSON already serialized (an answer made once and sent many times). */
  jsonText(statusCode: number, text: string, headers: Record<string, string> = {}): void {
    this.send(statusCode, text, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    });
  }

  error(statusCode: number, message: string, headers: Record<string, string> = {}, code: ApiErrorCode = genericErrorCode(statusCode)): void {
    const body: ApiErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, code, requestId: this.req.id };
    this.json(statusCode, body, headers);
  }

  /** A page made for this request (not kept by the browser: what it says is live). */
  html(statusCode: number, body: string, headers: Record<string, string> = {}): void {
    this.send(statusCode, body, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  }

  /** A fixed page (built once); answers 304 when the browser already holds this version. */
  page(page: FixedPage): void {
    if (this.req.raw.headers['if-none-match'] === page.etag) {
      this.send(304, null, { ETag: page.etag, 'Cache-Control': 'no-cache' });
      return;
    }
    this.send(200, page.body, { 'Content-Type': page.contentType, ETag: page.etag, 'Cache-Control': 'no-cache' });
  }

  /** Headers and body leave in one write: a string body goes out with the head (a Buffer would make a second chunk). */
  private send(statusCode: number, body: string | null, headers: Record<string, string>): void {
    const all: Record<string, string | number> = { ...this.securityHeaders, 'X-Request-Id': this.req.id, ...headers };
    if (body !== null) all['Content-Length'] = Buffer.byteLength(body);
    this.res.writeHead(statusCode, all);
    this.res.end(this.req.raw.method === 'HEAD' ? undefined : (body ?? undefined));
  }
}

/** A page kept in memory with its validator (the portal's index.html). */
export class FixedPage {
  readonly etag: string;
  constructor(
    readonly body: string,
    readonly contentType: string,
  ) {
    this.etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  }
}
