import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { VerifyBucket, VerifyRateLimiter } from './verify-rate-limiter';
import { ApiError } from '@achievement/platform';

const BUCKET_KEY = 'verification:rate-bucket';

/** The per-address limit of a public verification route (instead of the app-wide Redis throttler, skipped there). */
export const VerifyRateLimit = (bucket: VerifyBucket) => SetMetadata(BUCKET_KEY, bucket);

export const RATE_LIMIT_MESSAGES: Record<VerifyBucket, string> = {
  lookup: 'Too many verifications from your network. Wait a minute and try again.',
  upload: 'Too many PDF checks from your network. Wait a minute and try again.',
};

@Injectable()
export class VerifyRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: VerifyRateLimiter,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const bucket = this.reflector.get<VerifyBucket | undefined>(BUCKET_KEY, context.getHandler());
    if (!bucket) return true;
    const http = context.switchToHttp();
    const req = http.getRequest<{ ip?: string }>();
    const { allowed, retryAfterSeconds } = this.limiter.take(bucket, req.ip ?? 'unknown');
    if (allowed) return true;
    http.getResponse<{ header(name: string, value: string): unknown }>().header('Retry-After', String(retryAfterSeconds));
    throw new ApiError('TOO_MANY_CHECKS', RATE_LIMIT_MESSAGES[bucket]);
  }
}
