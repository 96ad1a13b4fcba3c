import { API_ERROR_STATUS, ApiErrorCode } from '@achievement/contracts';

/** What an error says besides its code: the sentence for a person, and what a form needs. */
export interface ApiErrorParts {
  message: string;
  /** Problems of single fields of the request, keyed by field path. */
  fieldErrors?: Record<string, string[]>;
  details?: Record<string, { status: string; message?: string }>;
}

/**
 * A refusal of the portal's, thrown where it is decided (services, guards, pipes) with a stable
 * code (contracts' API_ERROR_STATUS) and a sentence a person can act on. It knows nothing of HTTP:
 * the API's exception filter answers it with the code's status, in the one error shape.
 *
 *   throw new ApiError('CREDIT_LIMIT_EXCEEDED', `This order would take your centre past its credit limit…`);
 */
export class ApiError extends Error {
  readonly fieldErrors?: Record<string, string[]>;
  readonly details?: ApiErrorParts['details'];

  constructor(
    readonly code: ApiErrorCode,
    parts: string | ApiErrorParts,
  ) {
    const { message, fieldErrors, details } = typeof parts === 'string' ? { message: parts } : parts;
    super(message);
    this.name = 'ApiError';
    this.fieldErrors = fieldErrors;
    this.details = details;
  }

  /** The HTTP status the code is answered with. */
  get status(): number {
    return API_ERROR_STATUS[this.code];
  }
}
