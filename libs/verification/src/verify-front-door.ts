import { AppConfig, FrontDoor, FrontDoorReply, FrontDoorRequest, portalShellPage } from '@achievement/platform';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { verifyingClientOf } from './coarse-client';
import { verificationMethodOf, VerificationService } from './verification.service';
import { RATE_LIMIT_MESSAGES } from './verify-rate-limit.guard';
import { VerifyRateLimiter } from './verify-rate-limiter';

const LOOK_UP_PREFIX = '/api/verify/';
/** The public verification pages of the portal: /verify (the form) and /verify/<code> (a document's page, the QR code's address). */
const PAGE = /^\/verify(?:\/[^/.]+)?$/;

/**
 * The verification look-up (GET /api/verify/:code) and the verification page's shell, answered at
 * the server's front door: a QR code scanned on a phone is the portal's busiest public path.
 *
 * The look-up here is the same as VerifyController's `verify` (which stays, for OpenAPI and
 * in-process requests): the per-address limit first, then `via`, then the logged look-up, with the
 * same answers and messages; a test holds the two to the same bytes.
 */
@Injectable()
export class VerifyFrontDoor implements OnModuleInit {
  constructor(
    private readonly frontDoor: FrontDoor,
    private readonly verification: VerificationService,
    private readonly limiter: VerifyRateLimiter,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.frontDoor.get('verification look-up', isLookUpPath, (req, reply) => this.lookUp(req, reply));
    const shell = portalShellPage(this.config);
    if (shell) this.frontDoor.get('verification page', (path) => PAGE.test(path), (_req, reply) => reply.page(shell));
  }

  private async lookUp(req: FrontDoorRequest, reply: FrontDoorReply): Promise<void> {
    const { allowed, retryAfterSeconds } = this.limiter.take('lookup', req.address);
    if (!allowed) return reply.error(429, RATE_LIMIT_MESSAGES.lookup, { 'Retry-After': String(retryAfterSeconds) });
    const via = new URLSearchParams(req.query).getAll('via');
    const method = verificationMethodOf(via.length > 1 ? via : via[0]);
    reply.jsonText(200, await this.verification.verifyCodeAsJson(codeOf(req.path), method, verifyingClientOf({ ip: req.address, headers: req.raw.headers })));
  }
}

function isLookUpPath(path: string): boolean {
  return path.startsWith(LOOK_UP_PREFIX) && path.length > LOOK_UP_PREFIX.length && path.indexOf('/', LOOK_UP_PREFIX.length) === -1;
}

/** The code segment, decoded as the router would decode a path parameter (a malformed escape is left as it is: no code has one). */
function codeOf(path: string): string {
  const segment = path.slice(LOOK_UP_PREFIX.length);
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
