import { VERIFICATION_CODE_NOT_FOUND, VERIFICATION_NOT_CHECKED, VERIFICATION_TOO_MANY_CHECKS } from '@achievement/contracts';
import { ApiError, AppConfig, FrontDoor, FrontDoorReply, FrontDoorRequest, portalShellPage } from '@achievement/platform';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { verifyingClientOf } from './coarse-client';
import { verificationProblemHtml } from './page/verification-page';
import { verificationMethodOf, VerificationService } from './verification.service';
import { RATE_LIMIT_MESSAGES } from './verify-rate-limit.guard';
import { VerifyRateLimiter } from './verify-rate-limiter';

const LOOK_UP_PREFIX = '/api/verify/';
const PAGE_PREFIX = '/verify/';
/** A document's verification page, /verify/<code> (the QR code's address). */
const DOCUMENT_PAGE = /^\/verify\/[^/.]+$/;

/**
 * The verification look-up (GET /api/verify/:code), a document's verification page and the
 * portal's page of the code form (/verify, the Angular shell), answered at the server's front
 * door: a QR code scanned on a phone is the portal's busiest public path.
 *
 * The look-up here is the same as VerifyController's `verify` (which stays, for OpenAPI and
 * in-process requests): the per-address limit first, then `via`, then the logged look-up, with the
 * same answers and messages; a test holds the two to the same bytes.
 *
 * The document's page is written here as plain HTML with the live facts (page/verification-page.ts):
 * no script, no web font, one round trip on a phone. It takes a look-up of the same per-address
 * limit and is logged the same way, as `qr` unless the code was typed (`?via=code`). Its answers are
 * pages too: 404 for an unknown code, 429 with Retry-After when the network checked too often, and
 * 503 (the error logged) when the look-up failed.
 */
@Injectable()
export class VerifyFrontDoor implements OnModuleInit {
  private readonly logger = new Logger('VerifyFrontDoor');

  constructor(
    private readonly frontDoor: FrontDoor,
    private readonly verification: VerificationService,
    private readonly limiter: VerifyRateLimiter,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.frontDoor.get('verification look-up', isLookUpPath, (req, reply) => this.lookUp(req, reply));
    this.frontDoor.get(
      'verification page',
      (path) => DOCUMENT_PAGE.test(path),
      (req, reply) => this.page(req, reply),
    );
    const shell = portalShellPage(this.config);
    if (shell)
      this.frontDoor.get(
        'verification form',
        (path) => path === '/verify',
        (_req, reply) => reply.page(shell),
      );
  }

  private async lookUp(req: FrontDoorRequest, reply: FrontDoorReply): Promise<void> {
    const { allowed, retryAfterSeconds } = this.limiter.take('lookup', req.address);
    if (!allowed) return reply.error(429, RATE_LIMIT_MESSAGES.lookup, { 'Retry-After': String(retryAfterSeconds) }, 'TOO_MANY_CHECKS');
    const via = new URLSearchParams(req.query).getAll('via');
    const method = verificationMethodOf(via.length > 1 ? via : via[0]);
    reply.jsonText(
      200,
      await this.verification.verifyCodeAsJson(codeOf(req.path, LOOK_UP_PREFIX), method, verifyingClientOf({ ip: req.address, headers: req.raw.headers })),
    );
  }

  private async page(req: FrontDoorRequest, reply: FrontDoorReply): Promise<void> {
    const again = req.query ? `${req.path}?${req.query}` : req.path;
    const { allowed, retryAfterSeconds } = this.limiter.take('lookup', req.address);
    if (!allowed) return reply.html(429, verificationProblemHtml(VERIFICATION_TOO_MANY_CHECKS, again), { 'Retry-After': String(retryAfterSeconds) });
    const method = new URLSearchParams(req.query).get('via') === 'code' ? 'code' : 'qr';
    let html: string;
    try {
      html = await this.verification.verifyCodeAsPage(codeOf(req.path, PAGE_PREFIX), method, verifyingClientOf({ ip: req.address, headers: req.raw.headers }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERIFICATION_CODE_NOT_FOUND')
        return reply.html(404, verificationProblemHtml(VERIFICATION_CODE_NOT_FOUND, null));
      this.logger.error({ err, requestId: req.id, url: req.path }, 'The verification page could not look the code up');
      return reply.html(503, verificationProblemHtml(VERIFICATION_NOT_CHECKED, again), { 'Retry-After': '10' });
    }
    reply.html(200, html);
  }
}

function isLookUpPath(path: string): boolean {
  return path.startsWith(LOOK_UP_PREFIX) && path.length > LOOK_UP_PREFIX.length && path.indexOf('/', LOOK_UP_PREFIX.length) === -1;
}

/** The code segment after `prefix`, decoded as the router would decode a path parameter (a malformed escape is left as it is: no code has one). */
function codeOf(path: string, prefix: string): string {
  const segment = path.slice(prefix.length);
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
