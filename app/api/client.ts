/**
 * The admin API client. Served standalone at `/admin/` it calls the same origin with the admin token
 * (`Authorization: Bearer`); inside Zendesk it sends requests through the app framework client, signed
 * with the app's secure shared secret (a JWT the server verifies), so the secret never reaches the browser.
 */
import type { ApiErrorBody } from './types.ts';

/** An API error with the server's stable code; `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

/** Sends one request and resolves with the parsed JSON body (undefined for 204). */
export type Transport = (method: string, path: string, options?: RequestOptions) => Promise<unknown>;

/** The subset of the Zendesk app framework client the app uses. */
export interface ZafClient {
  request(options: Record<string, unknown>): Promise<unknown>;
  metadata(): Promise<{ settings: Record<string, unknown> }>;
  invoke?(name: string, ...args: unknown[]): unknown;
}

async function parseError(response: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> | undefined;
  try {
    body = (await response.json()) as Partial<ApiErrorBody>;
  } catch {
    body = undefined;
  }
  const error = body?.error;
  return new ApiError(
    response.status,
    error?.code ?? `http_${response.status}`,
    error?.message ?? response.statusText ?? 'Request failed',
    error?.details,
  );
}

/**
 * A transport over `fetch` with the admin token.
 *
 * @example const send = fetchTransport('', () => sessionStorage.getItem('proactive.token'));
 */
export function fetchTransport(baseUrl: string, token: () => string | null): Transport {
  return async (method, path, options = {}) => {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    const current = token();
    if (current) headers.Authorization = `Bearer ${current}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    } catch (error) {
      throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) throw await parseError(response);
    if (response.status === 204) return undefined;
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
}

/** How long a signed request stays valid: well under the server's limit (5 minutes by default). */
const signedRequestSeconds = 120;

/**
 * A transport through the Zendesk app framework: Zendesk's request proxy signs each request with the app's
 * secure `shared_secret` setting (an HS256 JWT with `iat` and `exp`, sent as `Authorization: Bearer`), so
 * the secret never reaches the browser. `iss` names the Zendesk account (`issuer`), `aud` the server.
 *
 * @example const send = zafTransport(client, 'https://proactive.example.com', 'https://acme.zendesk.com');
 */
export function zafTransport(client: ZafClient, baseUrl: string, issuer: string): Transport {
  return async (method, path, options = {}) => {
    try {
      return await client.request({
        url: `${baseUrl}${path}`,
        type: method,
        contentType: 'application/json',
        headers: { ...options.headers, Authorization: 'Bearer {{jwt.token}}' },
        data: options.body === undefined ? undefined : JSON.stringify(options.body),
        secure: true,
        jwt: {
          algorithm: 'HS256',
          secret_key: '{{setting.shared_secret}}',
          expiry: signedRequestSeconds,
          claims: { iss: issuer, aud: baseUrl },
        },
        dataType: 'json',
      });
    } catch (error) {
      const failure = error as { status?: number; responseJSON?: Partial<ApiErrorBody>; statusText?: string };
      const body = failure.responseJSON?.error;
      throw new ApiError(
        failure.status ?? 0,
        body?.code ?? `http_${failure.status ?? 0}`,
        body?.message ?? failure.statusText ?? 'Request failed',
        body?.details,
      );
    }
  };
}

/**
 * Reads a list from a response that is either an array or an object holding one (`{messages: [...]}`).
 *
 * @example asList<Brand>({ brands: [{ id: 'b1' }] }) // [{ id: 'b1' }]
 */
export function asList<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  if (body && typeof body === 'object') {
    for (const value of Object.values(body)) if (Array.isArray(value)) return value as T[];
  }
  return [];
}

/** The app's API: typed helpers over a transport. */
export class Api {
  constructor(private readonly send: Transport) {}

  /** GET a JSON document. */
  get<T>(path: string): Promise<T> {
    return this.send('GET', path) as Promise<T>;
  }

  /** GET a list (array or `{items: [...]}`). */
  async list<T>(path: string): Promise<T[]> {
    return asList<T>(await this.send('GET', path));
  }

  /** POST a JSON body. */
  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.send('POST', path, { body }) as Promise<T>;
  }

  /** PATCH with `If-Match: <version>` (the server answers 412 when someone else saved first). */
  patch<T>(path: string, body: unknown, version?: number): Promise<T> {
    const headers: Record<string, string> = version === undefined ? {} : { 'If-Match': String(version) };
    return this.send('PATCH', path, { body, headers }) as Promise<T>;
  }

  /** DELETE a resource. */
  async delete(path: string): Promise<void> {
    await this.send('DELETE', path);
  }
}
