import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApi } from '../api/client.ts';
import { draftOf } from './draft.ts';
import { ConflictError, runMessageAction, type MessageAction } from './message-actions.ts';
import { plainRuleMessage } from './sample-messages.ts';

const stored = { ...plainRuleMessage, brand_id: 'acme', channel_id: 'demo' };

interface Seen {
  method: string;
  path: string;
  ifMatch: string | null;
  body: unknown;
}

/** An API over a fake server: answers by `METHOD path`, recording every request. */
function fakeApi(answers: Record<string, () => Response>) {
  const seen: Seen[] = [];
  const api = createApi(async (input, init = {}) => {
    const request = new Request(new URL(String(input), 'http://server'), init);
    const path = new URL(request.url, 'http://server').pathname;
    const text = await request.text();
    seen.push({
      method: request.method,
      path,
      ifMatch: request.headers.get('if-match'),
      body: text ? JSON.parse(text) : undefined,
    });
    const answer = answers[`${request.method} ${path}`];
    return answer
      ? answer()
      : Response.json({ error: { code: 'not_found', message: path } }, { status: 404 });
  });
  return { api, seen };
}

const json =
  (body: unknown, status = 200) =>
  () =>
    Response.json(body, { status });

describe('the one save / publish / pause path', () => {
  it('Save writes the draft with If-Match and reports it saved', async () => {
    const saved = { ...stored, name: 'Renamed', version: 4 };
    const { api, seen } = fakeApi({ 'PATCH /api/v1/messages/m1': json(saved) });
    const onSaved = vi.fn();
    const draft = { ...draftOf(stored), name: 'Renamed' };
    await expect(runMessageAction(api, { action: 'save', message: stored, draft, onSaved })).resolves.toEqual(
      saved,
    );
    expect(seen).toEqual([
      expect.objectContaining({
        method: 'PATCH',
        ifMatch: '3',
        body: expect.objectContaining({ name: 'Renamed' }),
      }),
    ]);
    expect(onSaved).toHaveBeenCalledWith(saved);
  });

  it('Publish writes the draft first, then publishes the saved version', async () => {
    const saved = { ...stored, version: 4 };
    const live = { ...saved, status: 'live' as const, version: 5 };
    const { api, seen } = fakeApi({
      'PATCH /api/v1/messages/m1': json(saved),
      'POST /api/v1/messages/m1/publish': json(live),
    });
    const onSaved = vi.fn();
    const result = await runMessageAction(api, {
      action: 'publish',
      message: stored,
      draft: draftOf(stored),
      onSaved,
    });
    expect(result).toEqual(live);
    expect(seen.map((request) => `${request.method} ${request.path}`)).toEqual([
      'PATCH /api/v1/messages/m1',
      'POST /api/v1/messages/m1/publish',
    ]);
    expect(onSaved).toHaveBeenCalledWith(saved);
  });

  it.each<MessageAction>(['publish', 'pause', 'resume'])(
    '%s without unsaved changes only posts the action',
    async (action) => {
      const { api, seen } = fakeApi({ [`POST /api/v1/messages/m1/${action}`]: json(stored) });
      await runMessageAction(api, { action, message: stored, draft: null, onSaved: vi.fn() });
      expect(seen.map((request) => `${request.method} ${request.path}`)).toEqual([
        `POST /api/v1/messages/m1/${action}`,
      ]);
    },
  );

  it('turns a 412 into a ConflictError carrying their version, and never posts the action', async () => {
    const theirs = { ...stored, name: 'Renamed by a colleague', version: 4 };
    const { api, seen } = fakeApi({
      'PATCH /api/v1/messages/m1': json({ error: { code: 'version_conflict', message: 'changed' } }, 412),
      'GET /api/v1/messages/m1': json(theirs),
    });
    const failure = await runMessageAction(api, {
      action: 'publish',
      message: stored,
      draft: draftOf(stored),
      onSaved: vi.fn(),
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConflictError);
    expect((failure as ConflictError).theirs).toEqual(theirs);
    expect(seen.map((request) => request.method)).toEqual(['PATCH', 'GET']);
  });

  it('passes any other failure on as the API error', async () => {
    const { api } = fakeApi({
      'POST /api/v1/messages/m1/publish': json(
        { error: { code: 'rule_invalid', message: 'The rule has errors.' } },
        422,
      ),
    });
    const failure = await runMessageAction(api, {
      action: 'publish',
      message: stored,
      draft: null,
      onSaved: vi.fn(),
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 422, code: 'rule_invalid' });
  });
});
