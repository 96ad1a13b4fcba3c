/** The one error shape of the whole API. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** Field-level problems of a request body or query, keyed by field path. */
  fieldErrors?: Record<string, string[]>;
  requestId?: string;
}
