/**
 * Who a client is, for rate limits and stream caps. Behind `trustedProxies` reverse proxies, each proxy
 * appends the address it received the request from to `X-Forwarded-For`, so only the right-most
 * `trustedProxies` hops are known to be true; everything left of them may be forged by the client.
 * The client is therefore the hop just left of the trusted ones (counting the socket's peer as the
 * nearest proxy). `cf-connecting-ip` is honoured only by the Workers entry, where Cloudflare sets it.
 */

const maxLength = 100;

/**
 * The client address given the socket's peer, the `X-Forwarded-For` header and how many proxies in
 * front of this server are trusted (0: the socket's peer is the client).
 *
 * @example forwardedClient('198.51.100.7, 203.0.113.9', '10.0.0.2', 1) // '203.0.113.9'
 * @example forwardedClient('forged, 203.0.113.9', '10.0.0.2', 1) // '203.0.113.9'
 */
export function forwardedClient(
  forwardedFor: string | undefined,
  socketAddress: string,
  trustedProxies: number,
): string {
  if (trustedProxies <= 0 || !forwardedFor) return socketAddress.slice(0, maxLength);
  const hops = forwardedFor
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  const chain = [...hops, socketAddress];
  const client = chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? socketAddress;
  return client.slice(0, maxLength);
}

/**
 * Reads `PROACTIVE_TRUST_PROXY`: unset or `0` for none, else the number of trusted proxies in front of
 * the server (`1` for one reverse proxy). Throws a clear error for anything else.
 *
 * @example trustedProxyCount('1') // 1
 */
export function trustedProxyCount(value: string | undefined): number {
  const text = value?.trim() ?? '';
  if (text === '') return 0;
  if (!/^\d{1,2}$/.test(text)) {
    throw new Error(
      `PROACTIVE_TRUST_PROXY must be the number of reverse proxies in front of this server (0 to 99, e.g. 1), got "${value}".`,
    );
  }
  return Number(text);
}
