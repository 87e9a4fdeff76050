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

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A file sent as the raw request body, with its Content-Type. */
export type RawBody = { blob: Blob; contentType: string };

function isRawBody(body: unknown): body is RawBody {
  return isRecord(body) && body.blob instanceof Blob && typeof body.contentType === 'string';
}

async function send(
  method: Method,
  path: string,
  body: unknown,
  query: Query | undefined,
  accept: string,
  extraHeaders?: Record<string, string>,
) {
  const headers: Record<string, string> = { ...extraHeaders, Accept: accept };
  const raw = isRawBody(body);
  if (raw) headers['Content-Type'] = body.contentType;
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(`/api/v1${path}`, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: raw ? body.blob : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'The server cannot be reached.');
  }
  return res;
}

async function failure(res: Response, path: string): Promise<ApiError> {
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  const e = isRecord(data) && isRecord(data.error) ? data.error : null;
  const err = new ApiError(
    res.status,
    typeof e?.code === 'string' ? e.code : `HTTP_${res.status}`,
    typeof e?.message === 'string' ? e.message : res.statusText || `HTTP ${res.status}`,
    e?.details,
  );
  if (err.status === 401 && err.code === 'UNAUTHENTICATED' && path !== '/auth/me') onSessionLost?.();
  return err;
}

/** The file name of a download, from its Content-Disposition (RFC 5987 filename* first). */
function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return fallback;
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain?.[1] ?? fallback;
}

/** Saves a blob as a file through a temporary link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Fetches a file (GET, or POST with a body) and saves it; the name comes from the server's
 * Content-Disposition. Failures are ApiErrors like any other request.
 */
async function download(
  method: 'GET' | 'POST',
  path: string,
  query: Query | undefined,
  fallbackName: string,
  body?: RawBody,
): Promise<void> {
  const res = await send(method, path, body, query, '*/*');
  if (!res.ok) throw await failure(res, path);
  saveBlob(await res.blob(), fileNameOf(res, fallbackName));
}

async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  query?: Query,
  headers?: Record<string, string>,
): Promise<T> {
  const res = await send(method, path, body, query, 'application/json', headers);
  if (!res.ok) throw await failure(res, path);
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
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  /** `headers`: extra request headers (e.g. X-Device-Id on internship logs) */
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    request<T>('POST', path, body ?? {}, undefined, headers),
  patch: <T>(path: string, body: unknown, headers?: Record<string, string>) =>
    request<T>('PATCH', path, body, undefined, headers),
  put: <T>(path: string, body: unknown, query?: Query) => request<T>('PUT', path, body, query),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  /** POST a file as the raw body; the answer is JSON */
  upload: <T>(path: string, file: RawBody, query?: Query) => request<T>('POST', path, file, query),
  /** GET a file and save it */
  download: (path: string, query: Query | undefined, fallbackName: string) =>
    download('GET', path, query, fallbackName),
  /** POST a file and save the file the server answers with */
  exchange: (path: string, file: RawBody, query: Query | undefined, fallbackName: string) =>
    download('POST', path, query, fallbackName, file),
};
