import { API_ERROR_STATUS, ApiErrorCode } from '@achievement/contracts';
import { BadRequestException, ConflictException, HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ApiError } from '../errors/api-error';
import { toErrorBody } from './api-exception.filter';

describe('toErrorBody: every error answers with a stable code', () => {
  it("answers an ApiError with its code's status, message and field errors", () => {
    const body = toErrorBody(new ApiError('CREDIT_LIMIT_EXCEEDED', 'This order would take your centre past its credit limit.'));
    expect(body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'This order would take your centre past its credit limit.',
      code: 'CREDIT_LIMIT_EXCEEDED',
    });
    expect(toErrorBody(new ApiError('LEARNER_REQUIRED', { message: 'Choose a learner first.', fieldErrors: { learnerId: ['Choose a learner.'] } }))).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Choose a learner first.',
      code: 'LEARNER_REQUIRED',
      fieldErrors: { learnerId: ['Choose a learner.'] },
    });
  });

  it("gives the framework's errors the generic code of their status, or the code they name", () => {
    expect(toErrorBody(new NotFoundException('Cannot GET /api/nothing')).code).toBe('NOT_FOUND');
    expect(toErrorBody(new BadRequestException({ message: 'month must be YYYY-MM' })).code).toBe('BAD_REQUEST');
    expect(toErrorBody(new ConflictException({ message: 'x', code: 'STEP_UP_REQUIRED' })).code).toBe('STEP_UP_REQUIRED');
    expect(toErrorBody(new ConflictException({ message: 'x', code: 'NOT_A_CODE_OF_OURS' })).code).toBe('CONFLICT');
    expect(toErrorBody(new HttpException('Payload Too Large', HttpStatus.PAYLOAD_TOO_LARGE)).code).toBe('PAYLOAD_TOO_LARGE');
    expect(toErrorBody(new ThrottlerException()).code).toBe('TOO_MANY_REQUESTS');
    expect(toErrorBody({ statusCode: 415, message: 'Unsupported Media Type' }).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('codes a lock conflict BUSY, a part not answering SERVICE_UNAVAILABLE, and the unexpected INTERNAL_ERROR', () => {
    expect(toErrorBody(Object.assign(new Error('Deadlock found'), { code: 'ER_LOCK_DEADLOCK', errno: 1213 }))).toMatchObject({ statusCode: 409, code: 'BUSY' });
    expect(toErrorBody(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', sql: 'SELECT 1' }))).toMatchObject({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
    });
    expect(toErrorBody(new TypeError('x is undefined'))).toMatchObject({ statusCode: 500, code: 'INTERNAL_ERROR' });
  });

  it('has a client error or server error status for every code', () => {
    const codes = Object.keys(API_ERROR_STATUS) as ApiErrorCode[];
    expect(codes.length).toBeGreaterThan(100);
    for (const code of codes) {
      expect([code, /^[A-Z][A-Z0-9_]*$/.test(code)]).toEqual([code, true]);
      expect([code, API_ERROR_STATUS[code] >= 400 && API_ERROR_STATUS[code] < 600]).toEqual([code, true]);
    }
  });
});
