// The one way the web app talks to the server: JSON over fetch, same-origin cookies, the CSRF token
// on every write, and every failure turned into an ApiError.

export type FieldIssue = { path: string; code: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly issues: FieldIssue[];

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.issues = issuesOf(details);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function issuesOf(details: unknown): FieldIssue[] {
  if (!isRecord(details) || !Array.isArray(details.issues)) return [];
  return details.issues.filter(
    (i): i is FieldIssue =>
      isRecord(i) &&
      typeof i.path === 'string' &&
      typeof i.code === 'string' &&
      typeof i.message === 'string',
  );
}

/** A numeric field of an error's details (e.g. attemptsLeft), if present. */
export function detailNumber(err: ApiError, key: string): number | undefined {
  const v = isRecord(err.details) ? err.details[key] : undefined;
  return typeof v === 'number' ? v : undefined;
}

/** A string field of an error's details (e.g. lockedUntil), if present. */
export function detailString(err: ApiError, key: string): string | undefined {
  const v = isRecord(err.details) ? err.details[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

let csrfToken: string | null = null;
let onSessionLost: (() => void) | null = null;

/** Set from the current Me (login, /auth/me); sent as X-CSRF-Token on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server answers 401 to a request made with a session that has since ended. */
export function setSessionLostHandler(handler: (() => void) | null): void {
  onSessionLost = handler;
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(`/api/v1${path}`, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'The server cannot be reached.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const e = isRecord(data) && isRecord(data.error) ? data.error : null;
    const err = new ApiError(
      res.status,
      typeof e?.code === 'string' ? e.code : `HTTP_${res.status}`,
      typeof e?.message === 'string' ? e.message : res.statusText || `HTTP ${res.status}`,
      e?.details,
    );
    if (err.status === 401 && err.code === 'UNAUTHENTICATED' && path !== '/auth/me') onSessionLost?.();
    throw err;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
