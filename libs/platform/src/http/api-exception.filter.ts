import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ApiErrorBody } from '@achievement/contracts';
import { STATUS_CODES } from 'node:http';

interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: unknown): void;
  sent?: boolean;
}

/**
 * The one error shape of the API: { statusCode, error, message, fieldErrors?, requestId }.
 * Unexpected errors are logged with their stack and answered with a generic 500.
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
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: req.id, method: req.method, url: req.url }, 'Unhandled error');
    }
    if (reply.sent) return;
    reply.status(body.statusCode).header('Cache-Control', 'no-store').send(body);
  }
}

export function toErrorBody(exception: unknown): ApiErrorBody {
  if (exception instanceof ThrottlerException) {
    return { statusCode: 429, error: 'Too Many Requests', message: 'Too many requests. Wait a minute and try again.' };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const error = STATUS_CODES[statusCode] ?? 'Error';
    if (typeof response === 'string') return { statusCode, error, message: response };
    const r = response as { message?: unknown; fieldErrors?: Record<string, string[]> };
    const message = Array.isArray(r.message) ? r.message.join('; ') : typeof r.message === 'string' ? r.message : error;
    return { statusCode, error, message, ...(r.fieldErrors ? { fieldErrors: r.fieldErrors } : {}) };
  }
  const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return {
      statusCode: fastifyError.statusCode,
      error: STATUS_CODES[fastifyError.statusCode] ?? 'Error',
      message: clientMessageFor(fastifyError),
    };
  }
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    error: 'Internal Server Error',
    message: 'Something went wrong on our side. Please try again; if it keeps happening, contact support with the request id.',
  };
}

function clientMessageFor(err: { code?: string; message?: string }): string {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is not valid JSON.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'This content type is not accepted here; send JSON.';
    default:
      return err.message ?? 'The request could not be processed.';
  }
}
