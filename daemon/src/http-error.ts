import type { EventIssue } from '@tokentally/shared/schema/event-issues';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The body of every error answer (SPEC section 2). */
export interface ErrorBody {
  error: { code: string; message: string; issues?: EventIssue[] };
}

/**
 * A failure with its HTTP status and error code; thrown anywhere in a request and turned into the SPEC error
 * shape by the app's single error handler. `extra` adds top-level fields (e.g. the exceeded `budget` of a 402).
 */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly issues: EventIssue[] | undefined;
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    options: { issues?: EventIssue[]; extra?: Readonly<Record<string, unknown>>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = options.issues;
    this.extra = options.extra ?? {};
  }

  /** The JSON body for this error. */
  body(): ErrorBody & Record<string, unknown> {
    const error = { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) };
    return { ...this.extra, error };
  }
}

/** A 400 naming each bad field: the message is the first issue, the issues list them all. */
export function invalid(code: string, issues: EventIssue[], summary: string): ApiError {
  return new ApiError(400, code, summary, { issues });
}
