import { describe, expect, it } from 'vitest';
import { optionsFromEnv } from '../node.ts';
import { forwardedClient, trustedProxyCount } from './client-address.ts';

describe('the client address behind trusted proxies', () => {
  it('is the socket peer without trusted proxies, whatever X-Forwarded-For says', () => {
    expect(forwardedClient('198.51.100.1', '203.0.113.5', 0)).toBe('203.0.113.5');
  });

  it('is the right-most hop the trusted proxies did not add', () => {
    // client -> proxy A (adds client) -> proxy B (adds A) -> server (socket = B)
    expect(forwardedClient('198.51.100.1', '10.0.0.2', 1)).toBe('198.51.100.1');
    expect(forwardedClient('198.51.100.1, 10.0.0.1', '10.0.0.2', 2)).toBe('198.51.100.1');
    // A client forging hops only adds to the left: the hop the proxy appended stays the key.
    expect(forwardedClient('forged-1, forged-2, 198.51.100.1', '10.0.0.2', 1)).toBe('198.51.100.1');
    expect(forwardedClient(' , 198.51.100.1 ,', '10.0.0.2', 1)).toBe('198.51.100.1');
  });

  it('is the left-most hop when fewer hops came than proxies are trusted, and the socket without the header', () => {
    expect(forwardedClient('198.51.100.1', '10.0.0.2', 3)).toBe('198.51.100.1');
    expect(forwardedClient(undefined, '10.0.0.2', 1)).toBe('10.0.0.2');
  });

  it('reads PROACTIVE_TRUST_PROXY as a count, 1 meaning one proxy, and refuses anything else clearly', () => {
    expect(trustedProxyCount(undefined)).toBe(0);
    expect(trustedProxyCount('0')).toBe(0);
    expect(trustedProxyCount('1')).toBe(1);
    expect(trustedProxyCount(' 2 ')).toBe(2);
    expect(() => trustedProxyCount('yes')).toThrow(
      /PROACTIVE_TRUST_PROXY must be the number of reverse proxies.*got "yes"/,
    );
    expect(optionsFromEnv({ PROACTIVE_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(optionsFromEnv({}).trustProxy).toBe(0);
    expect(() => optionsFromEnv({ PROACTIVE_RATE_LIMIT_STORE: 'disk' })).toThrow(
      /PROACTIVE_RATE_LIMIT_STORE must be one of auto, memory, redis, postgres/,
    );
  });
});
