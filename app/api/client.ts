/**
 * The admin API client: Hono's `hc` typed by the server's own route declarations (`AdminApi`), so every
 * path, parameter, body and response type comes from the contract's zod schemas. Served standalone at
 * `/admin/` it calls the same origin with the admin token (`Authorization: Bearer`); inside Zendesk it
 * sends requests through the app framework client, signed with the app's secure shared secret (a JWT the
 * server verifies), so the secret never reaches the browser.
 *
 * @example
 * const api = createApi(fetchTransport(storedToken));
 * const brands = await call(api.brands.$get());
 * const message = await call(api.messages[':id'].$get({ param: { id } }), schemas.message);
 */
import { hc, type ClientResponse } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { JSONParsed } from 'hono/utils/types';
import type { z } from 'zod';
import type { ErrorBody } from '@proactive/contract/admin';
import type { AdminApi } from '@proactive/server';

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

/** How requests travel: `fetch`'s signature, so `hc` can use it. */
export type Transport = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** The typed admin API: `api.messages[':id'].$get({ param: { id } })` and so on, rooted at `/api/v1`. */
export type Api = ReturnType<typeof hc<AdminApi>>;

/** The subset of the Zendesk app framework client the app uses. */
export interface ZafClient {
  request(options: Record<string, unknown>): Promise<unknown>;
  metadata(): Promise<{ settings: Record<string, unknown> }>;
  invoke?(name: string, ...args: unknown[]): unknown;
}

/**
 * The typed client over a transport; `baseUrl` is the server's origin ('' for the page's own).
 *
 * @example const api = createApi(fetchTransport('', storedToken))
 */
export function createApi(transport: Transport, baseUrl = ''): Api {
  return hc<AdminApi>(`${baseUrl}/api/v1`, { fetch: transport });
}

type SuccessBody<R> =
  R extends ClientResponse<infer Body, infer Status, infer _Format>
    ? Status extends 204
      ? undefined
      : Status extends SuccessStatusCode
        ? Body
        : never
    : never;

function errorOf(status: number, statusText: string, body: Partial<ErrorBody> | undefined): ApiError {
  const error = body?.error;
  return new ApiError(
    status,
    error?.code ?? `http_${status}`,
    error?.message ?? (statusText || 'Request failed'),
    error?.details,
  );
}

/**
 * `S` when its JSON is exactly the success body of `R` (so the schema given to {@link call} is the one the
 * route declares), else `never`.
 */
type DeclaredBy<R, S extends z.ZodType> = [JSONParsed<z.output<S>>] extends [SuccessBody<R>]
  ? [SuccessBody<R>] extends [JSONParsed<z.output<S>>]
    ? S
    : never
  : never;

/**
 * Awaits a typed request and resolves with its success body (undefined for 204); any other status
 * rejects with an {@link ApiError} carrying the server's code.
 *
 * Given the route's response schema from @proactive/contract, the body is checked with it and typed as
 * its output: hc types bodies as parsed JSON, which cannot express recursive shapes such as the rule AST.
 *
 * @example const brands = await call(api.brands.$get())
 * @example const message = await call(api.messages[':id'].$get({ param: { id } }), schemas.message)
 */
export async function call<R extends ClientResponse<unknown, number, string>>(
  request: Promise<R>,
): Promise<SuccessBody<R>>;
export async function call<R extends ClientResponse<unknown, number, string>, S extends z.ZodType>(
  request: Promise<R>,
  schema: S & DeclaredBy<R, S>,
): Promise<z.output<S>>;
export async function call(
  request: Promise<ClientResponse<unknown, number, string>>,
  schema?: z.ZodType,
): Promise<unknown> {
  const response = await request;
  if (!response.ok) {
    let body: Partial<ErrorBody> | undefined;
    try {
      body = (await response.json()) as Partial<ErrorBody>;
    } catch {
      body = undefined;
    }
    throw errorOf(response.status, response.statusText, body);
  }
  if (response.status === 204) return undefined;
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!schema) return body;
  const checked = schema.safeParse(body);
  if (!checked.success) {
    throw new ApiError(
      response.status,
      'invalid_response',
      `The server answered an unexpected shape: ${checked.error.message}`,
    );
  }
  return checked.data;
}

/**
 * A transport over `fetch` with the admin token.
 *
 * @example const api = createApi(fetchTransport(() => sessionStorage.getItem('proactive.token')))
 */
export function fetchTransport(token: () => string | null): Transport {
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Accept', 'application/json');
    const current = token();
    if (current) headers.set('Authorization', `Bearer ${current}`);
    try {
      return await fetch(input, { ...init, headers });
    } catch (error) {
      throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
    }
  };
}

/** How long a signed request stays valid: well under the server's limit (5 minutes by default). */
const signedRequestSeconds = 120;

/**
 * A transport through the Zendesk app framework: Zendesk's request proxy signs each request with the app's
 * secure `shared_secret` setting (an HS256 JWT with `iat` and `exp`, sent as `Authorization: Bearer`), so
 * the secret never reaches the browser. `iss` names the Zendesk account (`issuer`), `aud` the server.
 *
 * @example const api = createApi(zafTransport(client, server, 'https://acme.zendesk.com'), server)
 */
export function zafTransport(client: ZafClient, baseUrl: string, issuer: string): Transport {
  return async (input, init = {}) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      if (name !== 'content-type') headers[name] = value;
    });
    const json = (status: number, body: unknown) =>
      new Response(status === 204 || body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
    try {
      const data = await client.request({
        url: input instanceof Request ? input.url : String(input),
        type: init.method ?? 'GET',
        contentType: 'application/json',
        headers: { ...headers, Authorization: 'Bearer {{jwt.token}}' },
        data: typeof init.body === 'string' ? init.body : undefined,
        secure: true,
        jwt: {
          algorithm: 'HS256',
          secret_key: '{{setting.shared_secret}}',
          expiry: signedRequestSeconds,
          claims: { iss: issuer, aud: baseUrl },
        },
        dataType: 'json',
      });
      // The framework resolves with the parsed body only; every success is a 2xx, which is all call() needs.
      return json(200, data);
    } catch (error) {
      const failure = error as { status?: number; responseJSON?: Partial<ErrorBody>; statusText?: string };
      if (!failure.status) throw errorOf(0, failure.statusText ?? 'Request failed', failure.responseJSON);
      return json(failure.status, failure.responseJSON ?? {});
    }
  };
}
