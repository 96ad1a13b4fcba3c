import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ApiErrorBody, genericErrorCode, isApiErrorCode } from '@achievement/contracts';
import { STATUS_CODES } from 'node:http';
import { BUSY_MESSAGE, isLockConflict } from '../database/lock-conflict';
import { ApiError } from '../errors/api-error';
import { unavailablePartOf } from './unavailable-part';

/** How long a client is asked to wait (Retry-After) when a part the api needs is not answering. */
export const RETRY_AFTER_SECONDS = 5;

interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: unknown): void;
  sent?: boolean;
}

/**
 * The one error shape of the API: { statusCode, error, message, code, fieldErrors?, requestId }.
 * An ApiError is answered with its code's status; an HttpException (the framework's, or one of an
 * edge that names its code) keeps its status, and its code, or the generic code of the status.
 * A part the api needs that does not answer (the database, Redis: refused or lost connections,
 * too many connections, a pool that cannot hand one out) is a 503 with Retry-After, logged as a
 * warning naming the part. Other unexpected errors are logged with their stack and answered with a
 * generic 500.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<ReplyLike>();
    const req = ctx.getRequest<{ id?: string; method?: string; url?: string }>();
    const body = toErrorBody(exception);
    body.requestId = req.id;
    const unavailable = body.statusCode === 503 ? unavailablePartOf(exception) : null;
    if (unavailable) {
      this.logger.warn({ err: exception, part: unavailable, requestId: req.id, method: req.method, url: req.url }, `The ${unavailable} is not answering`);
    } else if (body.statusCode >= 500 && body.statusCode !== 503) {
      this.logger.error({ err: exception, requestId: req.id, method: req.method, url: req.url }, 'Unhandled error');
    }
    if (reply.sent) return;
    if (body.statusCode === 503) reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
    reply.status(body.statusCode).header('Cache-Control', 'no-store').send(body);
  }
}

export function toErrorBody(exception: unknown): ApiErrorBody {
  if (exception instanceof ApiError) {
    return {
      statusCode: exception.status,
      error: STATUS_CODES[exception.status] ?? 'Error',
      message: exception.message,
      code: exception.code,
      ...(exception.fieldErrors ? { fieldErrors: exception.fieldErrors } : {}),
      ...(exception.details ? { details: exception.details } : {}),
    };
  }
  if (exception instanceof ThrottlerException) {
    return { statusCode: 429, error: 'Too Many Requests', message: 'Too many requests. Wait a minute and try again.', code: 'TOO_MANY_REQUESTS' };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const error = STATUS_CODES[statusCode] ?? 'Error';
    if (typeof response === 'string') return { statusCode, error, message: FRAMEWORK_MESSAGES[response] ?? response, code: genericErrorCode(statusCode) };
    const r = response as { message?: unknown; code?: unknown; fieldErrors?: Record<string, string[]>; details?: ApiErrorBody['details'] };
    const message = Array.isArray(r.message) ? r.message.join('; ') : typeof r.message === 'string' ? (FRAMEWORK_MESSAGES[r.message] ?? r.message) : error;
    return {
      statusCode,
      error,
      message,
      code: isApiErrorCode(r.code) ? r.code : genericErrorCode(statusCode),
      ...(r.fieldErrors ? { fieldErrors: r.fieldErrors } : {}),
      ...(r.details ? { details: r.details } : {}),
    };
  }
  if (unavailablePartOf(exception)) {
    return {
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      error: 'Service Unavailable',
      message: 'The service is unavailable for a moment. Please try again in a few seconds.',
      code: 'SERVICE_UNAVAILABLE',
    };
  }
  const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return {
      statusCode: fastifyError.statusCode,
      error: STATUS_CODES[fastifyError.statusCode] ?? 'Error',
      message: clientMessageFor(fastifyError),
      code: isApiErrorCode(fastifyError.code) ? fastifyError.code : genericErrorCode(fastifyError.statusCode),
    };
  }
  // a deadlock or lock wait that no retry absorbed: the request changed nothing and can be sent again
  if (isLockConflict(exception)) return { statusCode: HttpStatus.CONFLICT, error: 'Conflict', message: BUSY_MESSAGE, code: 'BUSY' };
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    error: 'Internal Server Error',
    message: 'Something went wrong on our side. Please try again; if it keeps happening, contact support with the request id.',
    code: 'INTERNAL_ERROR',
  };
}

/** Fastify's own wording for request problems, said in words a person can act on. */
const FRAMEWORK_MESSAGES: Record<string, string> = {
  "Body is not valid JSON but content-type is set to 'application/json'": 'The request body is not valid JSON.',
  "Body cannot be empty when content-type is set to 'application/json'": 'The request body is empty; send JSON.',
  'Request body is too large': 'The request body is too large.',
  'Unsupported Media Type': 'This content type is not accepted here; send JSON.',
  'Request body size did not match Content-Length': 'The request body is incomplete.',
};

function clientMessageFor(err: { message?: string }): string {
  return (err.message && FRAMEWORK_MESSAGES[err.message]) ?? err.message ?? 'The request could not be processed.';
}
