// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiOriginOf, createApiClient } from './api.ts';
import { chunkUrl } from './chunk-loader.ts';

afterEach(() => vi.unstubAllGlobals());

describe('api origin', () => {
  it("is the widget script's own origin", () => {
    expect(apiOriginOf('https://help.acme.test/widget.js?x=1', 'https://shop.test/')).toBe(
      'https://help.acme.test',
    );
    expect(apiOriginOf('/widget.js', 'https://shop.test/page')).toBe('https://shop.test');
    expect(apiOriginOf('', 'https://shop.test/page')).toBe('https://shop.test');
  });

  it('loads chunks from next to the widget script', () => {
    expect(chunkUrl('https://help.acme.test/widget.js?v=2', 'widget-panel.js')).toBe(
      'https://help.acme.test/widget/widget-panel.js',
    );
  });
});

describe('api client', () => {
  it('sends If-None-Match and resolves null instead of throwing on network errors', async () => {
    const fetchMock = vi.fn(
      async () => new Response(JSON.stringify({ messages: [] }), { status: 200, headers: { etag: '"e"' } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const api = createApiClient('https://api.test');
    expect(await api.fetchRules('demo', '"old"')).toEqual({
      status: 200,
      etag: '"e"',
      body: { messages: [] },
    });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://api.test/widget/v1/channels/demo/rules');
    expect(init.headers).toEqual({ 'if-none-match': '"old"' });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await api.fetchRules('demo', null)).toBeNull();
  });

  it('treats a body that is not JSON as no body', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>', { status: 200 }));
    expect((await createApiClient('https://api.test').fetchRules('demo', null))?.body).toBeUndefined();
  });

  it('sends events as one beacon of text/plain JSON', async () => {
    const beacon = vi.fn(() => true);
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: beacon });
    createApiClient('https://api.test').sendEvents(
      [{ channel_id: 'c', message_id: 'm', visitor_id: 'v', type: 'shown' }],
      false,
    );
    const [url, blob] = beacon.mock.calls[0] as unknown as [string, Blob];
    expect(url).toBe('https://api.test/widget/v1/events');
    expect(blob.type).toContain('text/plain');
    expect(JSON.parse(await blob.text())).toEqual({
      events: [{ channel_id: 'c', message_id: 'm', visitor_id: 'v', type: 'shown' }],
    });
  });
});
