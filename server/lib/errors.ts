// One error type for the whole server. Services throw AppError with a code; the code→status table
// below is the only place HTTP statuses are decided. A new code without a status does not compile.

export const errorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'CSRF_TOKEN_INVALID',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONSORTIUM_NOT_FOUND',
  'MEMBER_UNIT_NOT_FOUND',
  'USER_NOT_FOUND',
  'ROLE_NOT_FOUND',
  'CATALOG_NOT_FOUND',
  'CATALOG_ENTRY_NOT_FOUND',
  'LIST_ITEM_NOT_FOUND',
  'POSTING_NOT_FOUND',
  'CANDIDATE_NOT_FOUND',
  'APPLICATION_NOT_FOUND',
  'OUTCOME_NOT_FOUND',
  'PLAN_NOT_FOUND',
  'PLACEMENT_NOT_FOUND',
  'HOST_NOT_FOUND',
  'LOG_NOT_FOUND',
  'FLAG_NOT_FOUND',
  'RULE_NOT_FOUND',
  'USERNAME_TAKEN',
  'CONSORTIUM_CODE_TAKEN',
  'USCC_TAKEN',
  'CONFLICT',
  'INVALID_TRANSITION',
  'ID_CARD_TAKEN',
  'ALREADY_APPLIED',
  'COMPLIANCE_VIOLATION',
  'PASSWORD_TOO_WEAK',
  'PASSWORD_INCORRECT',
  'ROLE_NOT_ALLOWED',
  'LAST_SECRETARIAT',
  'RATE_LIMITED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'PASSWORD_TOO_WEAK':
    case 'ROLE_NOT_ALLOWED':
      return 400;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
    case 'PASSWORD_INCORRECT':
      return 401;
    case 'ACCOUNT_DISABLED':
    case 'CSRF_TOKEN_INVALID':
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
    case 'CONSORTIUM_NOT_FOUND':
    case 'MEMBER_UNIT_NOT_FOUND':
    case 'USER_NOT_FOUND':
    case 'ROLE_NOT_FOUND':
    case 'CATALOG_NOT_FOUND':
    case 'CATALOG_ENTRY_NOT_FOUND':
    case 'LIST_ITEM_NOT_FOUND':
    case 'POSTING_NOT_FOUND':
    case 'CANDIDATE_NOT_FOUND':
    case 'APPLICATION_NOT_FOUND':
    case 'OUTCOME_NOT_FOUND':
    case 'PLAN_NOT_FOUND':
    case 'PLACEMENT_NOT_FOUND':
    case 'HOST_NOT_FOUND':
    case 'LOG_NOT_FOUND':
    case 'FLAG_NOT_FOUND':
    case 'RULE_NOT_FOUND':
      return 404;
    case 'USERNAME_TAKEN':
    case 'CONSORTIUM_CODE_TAKEN':
    case 'USCC_TAKEN':
    case 'CONFLICT':
    case 'INVALID_TRANSITION':
    case 'ID_CARD_TAKEN':
    case 'ALREADY_APPLIED':
    case 'COMPLIANCE_VIOLATION':
    case 'LAST_SECRETARIAT':
      return 409;
    case 'ACCOUNT_LOCKED':
    case 'RATE_LIMITED':
      return 429;
    case 'INTERNAL':
      return 500;
    default: {
      const unhandled: never = code;
      throw new Error(`No HTTP status for error code ${String(unhandled)}`);
    }
  }
}

export type FieldIssue = { path: string; code: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return statusOf(this.code);
  }
}

export function validationError(issues: FieldIssue[]): AppError {
  const first = issues[0];
  const message = first ? `${first.path || 'request'}: ${first.message}` : 'The request is invalid.';
  return new AppError('VALIDATION_FAILED', message, { issues });
}

/** An error whose message is meant for the operator as it is (bad configuration, a locked data dir…). */
export class OperatorError extends Error {}

/**
 * A unique-constraint violation from either driver (PostgreSQL code 23505), possibly wrapped by Drizzle:
 * two requests racing past the same "is it taken?" check. The loser gets 409, not 500.
 */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** The name of the unique constraint a violation broke (either driver), or null. */
export function violatedConstraint(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const x = e as { code?: unknown; constraint?: unknown; message?: unknown };
    if (x.code !== '23505') continue;
    if (typeof x.constraint === 'string') return x.constraint;
    const m = typeof x.message === 'string' ? /unique constraint "([^"]+)"/.exec(x.message) : null;
    return m?.[1] ?? null;
  }
  return null;
}
