// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { compile } from '@proactive/dsl';
import { parse } from '@proactive/dsl';
import type { ApiClient } from './api.ts';
import { createController } from './controller.ts';
import { saveConversation } from './conversation.ts';
import { createHost } from './host.ts';
import { PANEL_CHUNK, type MountPanel, type PanelOptions } from './panel/contract.ts';
import type { ChannelRules, WidgetMessage } from '@proactive/contract/widget';
import { createEmitter } from './public-api.ts';
import { siteCalls } from './api-calls/calls.ts';
import { CALLS_CHUNK } from './api-calls/contract.ts';
import { EXTRAS_CHUNK, type Extras } from './extras/contract.ts';
import { extras } from './extras/extras.ts';
import { literalIndex } from '@proactive/dsl/evaluator';
import { INDEX_CHUNK, INDEXED_RULES } from './rule-index/contract.ts';

function message(id: string, rules: string, greeting = id): WidgetMessage {
  const { rule } = parse(rules);
  if (!rule) throw new Error(`bad rule ${rules}`);
  return {
    id,
    name: `Name ${id}`,
    greeting,
    response: { type: 'agent', follow_up: 'Follow-up', customer_details: ['email'] },
    tags: rule.tags,
    rule: compile(rule),
  };
}

const rulesOf = (...messages: WidgetMessage[]): ChannelRules => ({
  channel_id: 'demo',
  brand: { id: 'b', name: 'Acme' },
  version: '1',
  messages,
  schedules: {},
});

function setup(chunks: Record<string, unknown> = {}) {
  document.body.replaceChildren();
  const host = createHost();
  const reported: string[] = [];
  const emitted: string[] = [];
  const emitter = createEmitter();
  for (const type of ['shown', 'opened', 'dismissed', 'replied'] as const)
    emitter.on(type, (event) => emitted.push(`${type}:${event.messageId}`));
  const mounted: PanelOptions[] = [];
  const mount: MountPanel = (options) => {
    mounted.push(options);
    let open = false;
    return {
      show: () => void (open = true),
      hide: () => void (open = false),
      isOpen: () => open,
      destroy: () => undefined,
    };
  };
  const api: ApiClient = {
    origin: 'https://api.test',
    fetchRules: async () => null,
    sendEvents: () => undefined,
  };
  const controller = createController({
    host,
    api,
    channelId: 'demo',
    reporter: { report: (id, type) => reported.push(`${type}:${id}`), flush: () => undefined },
    emitter,
    load: async <T>(file: string) => (file === PANEL_CHUNK ? mount : (chunks[file] ?? null)) as T | null,
  });
  const bubble = () => host.root.querySelector<HTMLElement>('.pw-bubble');
  const launcher = () => host.root.querySelector<HTMLButtonElement>('.pw-launcher')!;
  return { host, controller, reported, emitted, mounted, bubble, launcher };
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  history.replaceState({}, '', '/pricing');
});

describe('controller', () => {
  it('shows the first matching message in channel order, one at a time', () => {
    const { controller, bubble, reported, emitted, launcher } = setup();
    controller.setRules(
      rulesOf(
        message('m0', 'when visitor.page_url contains "docs" every_time'),
        message('m1', 'when visitor.page_url contains "pricing" every_time'),
        message('m2', 'when visitor.page_url contains "pricing" every_time'),
      ),
    );
    expect(launcher().hidden).toBe(true);
    controller.check({ type: 'page_load' });
    expect(bubble()?.textContent).toContain('m1');
    expect(launcher().hidden).toBe(false);
    controller.check({ type: 'page_load' });
    expect(reported).toEqual(['shown:m1']);
    expect(emitted).toEqual(['shown:m1']);
  });

  it('matches the event: on_page rules only at their own threshold', () => {
    const { controller, bubble } = setup();
    controller.setRules(
      rulesOf(message('m1', 'when visitor.page_url contains "pricing" for 0:30 every_time')),
    );
    expect(controller.thresholds()).toEqual([30]);
    controller.check({ type: 'page_load' });
    controller.check({ type: 'on_page', seconds: 10 });
    expect(bubble()).toBeNull();
    controller.check({ type: 'on_page', seconds: 30 });
    expect(bubble()).not.toBeNull();
  });

  it('X dismisses (reported, once_per_visit remembered); clicking opens the panel', async () => {
    const { controller, bubble, reported, mounted } = setup();
    controller.setRules(
      rulesOf(message('m1', 'when visitor.page_url contains "pricing" once_per_visit', 'Hi {{first_name}}!')),
    );
    controller.check({ type: 'page_load' });
    expect(bubble()?.querySelector('p')?.textContent).toBe('Hi!');
    bubble()!.querySelector<HTMLButtonElement>('.pw-close')!.click();
    expect(bubble()).toBeNull();
    controller.check({ type: 'page_load' });
    expect(bubble()).toBeNull();
    expect(reported).toEqual(['shown:m1', 'dismissed:m1']);

    localStorage.clear();
    controller.identify({ name: 'Ada Lovelace' });
    controller.check({ type: 'page_load' });
    expect(bubble()?.querySelector('p')?.textContent).toBe('Hi Ada!');
    bubble()!.click();
    await vi.waitFor(() => expect(mounted).toHaveLength(1));
    expect(mounted[0]).toMatchObject({
      greeting: 'Hi Ada!',
      brandName: 'Acme',
      identity: { name: 'Ada Lovelace' },
    });
    expect(mounted[0]?.message?.id).toBe('m1');
    expect(reported.slice(-2)).toEqual(['shown:m1', 'opened:m1']);
  });

  it('shows nothing during an active conversation, and ignores rules it cannot evaluate', () => {
    const { controller, bubble } = setup();
    const broken = message('bad', 'when visitor.page_url contains "pricing" every_time');
    (broken.rule as unknown as { when: unknown }).when = { t: 'nope' };
    controller.setRules(
      rulesOf(broken, message('m1', 'when visitor.page_url contains "pricing" every_time')),
    );
    saveConversation('demo', { id: 'c1', message_id: 'm1', updated_at: Date.now() });
    controller.check({ type: 'page_load' });
    expect(bubble()).toBeNull();
    localStorage.clear();
    controller.check({ type: 'page_load' });
    expect(bubble()?.textContent).toContain('m1');
  });
});

describe('rules beyond the seed language', () => {
  it('wait for the extras chunk: checks made meanwhile run, in channel order, once it is there', async () => {
    let arrive: (value: Extras) => void = () => undefined;
    const { controller, bubble } = setup({
      [EXTRAS_CHUNK]: new Promise<Extras>((resolve) => (arrive = resolve)),
    });
    controller.setRules(
      rulesOf(
        message('m1', 'when visitor.pages_viewed >= 1 every_time'),
        message('m2', 'when visitor.page_url contains "pricing" every_time'),
      ),
    );
    controller.check({ type: 'page_load' });
    expect(bubble()).toBeNull();
    arrive(extras);
    await vi.waitFor(() => expect(bubble()?.textContent).toContain('m1'));
  });

  it('never fire when the extras chunk cannot be loaded; seed rules still do', async () => {
    const { controller, bubble } = setup();
    controller.setRules(
      rulesOf(
        message('m1', 'when visitor.pages_viewed >= 1 every_time'),
        message('m2', 'when visitor.page_url contains "pricing" every_time'),
      ),
    );
    controller.check({ type: 'page_load' });
    await vi.waitFor(() => expect(bubble()?.textContent).toContain('m2'));
  });

  it('a trigger with a parameter fires each rule at its own threshold', async () => {
    const { controller, bubble } = setup({ [EXTRAS_CHUNK]: extras });
    controller.setRules(
      rulesOf(message('m1', 'when visitor.page_url contains "pricing" on scroll 50% every_time')),
    );
    await vi.waitFor(() => {
      controller.check({ type: 'scroll', percent: 25 });
      controller.check({ type: 'scroll', percent: 50 });
      expect(bubble()?.textContent).toContain('m1');
    });
  });

  it('track: the calls chunk checks the custom event with its properties', async () => {
    const { controller, bubble } = setup({ [EXTRAS_CHUNK]: extras, [CALLS_CHUNK]: siteCalls });
    controller.setRules(
      rulesOf(message('m1', 'when event.properties["value"] > 40 on event "added" every_time')),
    );
    controller.track('added', { value: 10 });
    controller.track('other', { value: 99 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(bubble()).toBeNull();
    controller.track('added', { value: 42 });
    await vi.waitFor(() => expect(bubble()?.textContent).toContain('m1'));
  });

  it('identify: changed attributes check the page again; name and email as before', async () => {
    const { controller, bubble } = setup({ [EXTRAS_CHUNK]: extras, [CALLS_CHUNK]: siteCalls });
    controller.setRules(
      rulesOf(message('m1', 'when visitor.attributes["plan"] is "pro" every_time', 'Hi {{first_name}}')),
    );
    controller.check({ type: 'page_load' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(bubble()).toBeNull();
    controller.identify({ name: 'Ada', attributes: { plan: 'pro' } });
    await vi.waitFor(() => expect(bubble()?.textContent).toContain('Hi Ada'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    controller.identify('Ada');
    await vi.waitFor(() => expect(warn).toHaveBeenCalledOnce());
    warn.mockRestore();
  });
});

describe('large channels', () => {
  const many = (count: number) =>
    Array.from({ length: count }, (_, index) =>
      message(`m${index}`, `when visitor.page_url contains "/product-${index}/" every_time`),
    );

  it('load the literal index chunk and show the message whose literal the page holds', async () => {
    const loaded: string[] = [];
    const chunks: Record<string, unknown> = { [INDEX_CHUNK]: literalIndex };
    const { controller, bubble } = setup(
      new Proxy(chunks, { get: (target, file: string) => (loaded.push(file), target[file]) }),
    );
    history.replaceState({}, '', '/product-42/specs');
    controller.setRules(rulesOf(...many(INDEXED_RULES + 10)));
    await vi.waitFor(() => expect(loaded).toContain(INDEX_CHUNK));
    controller.check({ type: 'page_load' });
    expect(bubble()?.textContent).toContain('m42');
  });

  it('of up to INDEXED_RULES rules test every rule without the chunk; without the chunk large ones still work', async () => {
    const loaded: string[] = [];
    const { controller, bubble } = setup(
      new Proxy({} as Record<string, unknown>, { get: (_, file: string) => (loaded.push(file), null) }),
    );
    history.replaceState({}, '', '/product-7/specs');
    controller.setRules(rulesOf(...many(INDEXED_RULES)));
    controller.check({ type: 'page_load' });
    expect(bubble()?.textContent).toContain('m7');
    expect(loaded).not.toContain(INDEX_CHUNK);
    controller.setRules(rulesOf(...many(INDEXED_RULES + 1)));
    await vi.waitFor(() => expect(loaded).toContain(INDEX_CHUNK));
  });
});
