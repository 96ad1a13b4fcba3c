/** The one error shape of the whole API. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** A stable code for the client to act on, where a sentence is not enough (e.g. STEP_UP_REQUIRED). */
  code?: string;
  /** Field-level problems of a request body or query, keyed by field path. */
  fieldErrors?: Record<string, string[]>;
  /** Of each part the service depends on, whether it answers (GET /api/health when one does not). */
  details?: Record<string, { status: string; message?: string }>;
  requestId?: string;
}
