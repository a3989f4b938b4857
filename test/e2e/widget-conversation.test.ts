/**
 * Widget e2e, part 2: the bubble, the conversation panel (agent and bot responses, hand-over, agent
 * replies), event reports, accessibility and the `window.proactive` API. Real server, Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  createScenario,
  openSite,
  recordEvents,
  sitePage,
  startHarness,
  widget,
  type Harness,
} from './support/widget-harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const panelText = (page: Page) => widget.panel(page).textContent();
const waitForPanelText = (page: Page, text: string) =>
  expect.poll(() => panelText(page), { timeout: 8000 }).toContain(text);

/** Sends a visitor message from the panel's composer and returns the created conversation id when one is created. */
async function reply(page: Page, text: string): Promise<void> {
  const textarea = widget.panel(page).locator('textarea');
  await textarea.fill(text);
  await textarea.press('Enter');
}

describe('the bubble', () => {
  it('shows the greeting with emoji and safe links; {{first_name}} filled when known, dropped when not; X dismisses', async () => {
    const { channelId } = await createScenario(harness, {
      messages: [
        {
          greeting:
            'Hi {{first_name}}! 👋 See [our plans](https://acme.test/pricing) or https://acme.test/docs. [x](javascript:alert(1)) <img src=x onerror=alert(1)>',
          rules: 'when visitor.page_url contains "/" every_time',
        },
      ],
    });
    const site = await openSite(harness, () => sitePage(harness.server.url, channelId));
    await site.goto('/');
    const bubble = widget.bubble(site.page);
    await expect.poll(() => bubble.count(), { timeout: 5000 }).toBe(1);
    expect(await bubble.locator('p').textContent()).toBe(
      'Hi! 👋 See our plans or https://acme.test/docs. x <img src=x onerror=alert(1)>',
    );
    const links = await bubble
      .locator('a')
      .evaluateAll((anchors) =>
        anchors.map((anchor) => [
          anchor.textContent,
          anchor.getAttribute('href'),
          anchor.getAttribute('rel'),
        ]),
      );
    expect(links).toEqual([
      ['our plans', 'https://acme.test/pricing', 'noopener noreferrer'],
      ['https://acme.test/docs', 'https://acme.test/docs', 'noopener noreferrer'],
    ]);
    expect(await bubble.locator('img').count()).toBe(0);
    // The bubble sits above the launcher.
    const [bubbleBox, launcherBox] = [
      await bubble.boundingBox(),
      await widget.launcher(site.page).boundingBox(),
    ];
    expect(bubbleBox!.y + bubbleBox!.height).toBeLessThanOrEqual(launcherBox!.y);

    await bubble.locator('.pw-close').click();
    expect(await bubble.count()).toBe(0);

    await site.page.evaluate(() =>
      (window as unknown as { proactive: { identify(d: object): void } }).proactive.identify({
        name: 'Ada Lovelace',
      }),
    );
    await site.goto('/again');
    await expect
      .poll(() => widget.bubble(site.page).locator('p').textContent(), { timeout: 5000 })
      .toMatch(/^Hi Ada! 👋/);
    expect(site.errors).toEqual([]);
    await site.context.close();
  });
});

describe('agent response', () => {
  it('details form (validated email), follow-up, hand-over with the message tags, agent replies appear', async () => {
    const { channelId, messageIds } = await createScenario(harness, {
      messages: [
        {
          greeting: 'Comparing plans?',
          rules: 'when visitor.page_url contains "pricing" every_time tag "pricing", "sales"',
          response: {
            type: 'agent',
            follow_up: 'Let me connect you with sales.',
            customer_details: ['name', 'email'],
          },
        },
      ],
    });
    const site = await openSite(harness, () => sitePage(harness.server.url, channelId));
    await site.goto('/pricing');
    await expect.poll(() => widget.bubble(site.page).count(), { timeout: 5000 }).toBe(1);
    await widget.bubble(site.page).click();
    const panel = widget.panel(site.page);
    await expect.poll(() => panel.isVisible(), { timeout: 5000 }).toBe(true);
    expect(await panel.getAttribute('role')).toBe('dialog');
    await waitForPanelText(site.page, 'Comparing plans?');

    await reply(site.page, 'Which plan has SSO?');
    await waitForPanelText(site.page, 'Let me connect you with sales.');
    const form = panel.locator('form.pw-form');
    await form.getByLabel('Name').fill('Grace Hopper');
    await form.getByLabel('Email').fill('grace@');
    await form.getByRole('button', { name: 'Send' }).click();
    expect(await form.locator('.pw-error:not([hidden])').textContent()).toContain('valid email');
    expect(await form.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Email').fill('grace@navy.example');
    const created = site.page.waitForResponse((response) =>
      response.url().endsWith('/widget/v1/conversations'),
    );
    await form.getByRole('button', { name: 'Send' }).click();
    const { conversation_id: conversationId } = (await (await created).json()) as { conversation_id: string };
    await waitForPanelText(site.page, 'connected');

    const ticket = await harness.admin<{
      tags: string[];
      name: string;
      email: string;
      message_id: string;
      messages: Array<{ author: string; text: string }>;
    }>('GET', `/conversations/${conversationId}`);
    expect(ticket).toMatchObject({
      name: 'Grace Hopper',
      email: 'grace@navy.example',
      message_id: messageIds[0],
    });
    expect(ticket.tags).toEqual(['pricing', 'sales']);
    expect(ticket.messages.map((message) => message.text)).toContain('Which plan has SSO?');

    // An agent replies from the admin side; the reply appears in the panel.
    await harness.admin('POST', `/conversations/${conversationId}/messages`, {
      text: 'Hi Grace, SSO is on Enterprise.',
    });
    await site.page.clock.runFor(3500);
    await waitForPanelText(site.page, 'Hi Grace, SSO is on Enterprise.');

    // The visitor answers inside the live conversation.
    await reply(site.page, 'Thanks!');
    await expect
      .poll(
        async () =>
          (
            await harness.admin<{ messages: Array<{ text: string }> }>(
              'GET',
              `/conversations/${conversationId}`,
            )
          ).messages.map((m) => m.text),
        { timeout: 5000 },
      )
      .toContain('Thanks!');

    // On the next page: no proactive message during the conversation; a new agent reply shows as unread on the
    // launcher, and the launcher reopens the conversation with its history.
    await site.goto('/pricing/enterprise');
    await site.page.clock.runFor(1000);
    expect(await widget.bubble(site.page).count()).toBe(0);
    await harness.admin('POST', `/conversations/${conversationId}/messages`, { text: 'Anything else?' });
    await site.page.clock.runFor(16_000);
    const badge = widget.launcher(site.page).locator('.pw-badge');
    await expect.poll(() => badge.textContent(), { timeout: 5000 }).toBe('1');
    await widget.launcher(site.page).click();
    await waitForPanelText(site.page, 'Anything else?');
    await waitForPanelText(site.page, 'Which plan has SSO?');
    expect(await badge.isVisible()).toBe(false);
    expect(site.errors).toEqual([]);
    await site.context.close();
  });

  it('asks for nothing when both details were removed, and hands over at once', async () => {
    const { channelId } = await createScenario(harness, {
      messages: [
        {
          greeting: 'Need help?',
          rules: 'when visitor.page_url contains "/" every_time',
          response: { type: 'agent', follow_up: 'Connecting you now.', customer_details: [] },
        },
      ],
    });
    const site = await openSite(harness, () => sitePage(harness.server.url, channelId));
    await site.goto('/');
    await expect.poll(() => widget.bubble(site.page).count(), { timeout: 5000 }).toBe(1);
    await widget.bubble(site.page).click();
    await reply(site.page, 'Hello');
    await waitForPanelText(site.page, 'Connecting you now.');
    await waitForPanelText(site.page, 'connected');
    expect(await widget.panel(site.page).locator('form.pw-form').count()).toBe(0);
    expect(site.errors).toEqual([]);
    await site.context.close();
  });
});

describe('bot response', () => {
  it('shows the chosen answer as the follow-up; "Talk to a person" hands over to an agent', async () => {
    const scenario = await createScenario(harness, {
      bot: {
        name: 'Helper Bot',
        answers: [
          { title: 'Reset your password', body: 'Use "Forgot password" on the sign-in page.' },
          { title: 'Getting started', body: 'Read the quick-start guide: https://acme.test/docs/start' },
        ],
      },
      messages: [
        {
          greeting: 'Stuck?',
          rules: 'when visitor.page_url contains "/docs" every_time tag "docs"',
          response: { type: 'bot', bot_id: '', answer_id: '' },
        },
      ],
    });
    // Choose the second answer.
    const message = await harness.admin<{ version: number }>('GET', `/messages/${scenario.messageIds[0]}`);
    const patched = await fetch(`${harness.server.url}/api/v1/messages/${scenario.messageIds[0]}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${harness.server.adminToken}`,
        'content-type': 'application/json',
        'if-match': String(message.version),
      },
      body: JSON.stringify({
        response: { type: 'bot', bot_id: scenario.botId, answer_id: scenario.answerIds[1] },
      }),
    });
    expect(patched.status).toBe(200);
    await harness.admin('POST', `/messages/${scenario.messageIds[0]}/publish`).catch(() => undefined);

    const site = await openSite(harness, () => sitePage(harness.server.url, scenario.channelId));
    await site.goto('/docs');
    await expect.poll(() => widget.bubble(site.page).count(), { timeout: 5000 }).toBe(1);
    await widget.bubble(site.page).click();
    await waitForPanelText(site.page, 'Getting started');
    await waitForPanelText(site.page, 'Read the quick-start guide');
    expect(await widget.panel(site.page).locator('a[href="https://acme.test/docs/start"]').count()).toBe(1);
    await widget.panel(site.page).getByRole('button', { name: 'Talk to a person' }).click();
    const created = site.page.waitForResponse((response) =>
      response.url().endsWith('/widget/v1/conversations'),
    );
    await reply(site.page, 'The guide did not help');
    const { conversation_id: conversationId } = (await (await created).json()) as { conversation_id: string };
    await waitForPanelText(site.page, 'connected');
    const ticket = await harness.admin<{ tags: string[] }>('GET', `/conversations/${conversationId}`);
    expect(ticket.tags).toEqual(['docs']);
    await harness.admin('POST', `/conversations/${conversationId}/messages`, { text: 'Happy to help!' });
    await site.page.clock.runFor(3500);
    await waitForPanelText(site.page, 'Happy to help!');
    expect(site.errors).toEqual([]);
    await site.context.close();
  });
});

describe('reports', () => {
  it('reports shown, opened, dismissed and replied to /widget/v1/events in batches', async () => {
    const { channelId, messageIds } = await createScenario(harness, {
      messages: [{ greeting: 'Hello there', rules: 'when visitor.page_url contains "/" every_time' }],
    });
    const site = await openSite(harness, () => sitePage(harness.server.url, channelId));
    const events = recordEvents(site.page);
    const batches: number[] = [];
    site.page.on('request', (request) => {
      if (request.url().endsWith('/widget/v1/events'))
        batches.push((JSON.parse(request.postData() ?? '{}').events ?? [1]).length);
    });
    await site.goto('/');
    await expect.poll(() => widget.bubble(site.page).count(), { timeout: 5000 }).toBe(1);
    await widget.bubble(site.page).locator('.pw-close').click();
    await site.page.clock.runFor(2500);
    await site.goto('/2');
    await expect.poll(() => widget.bubble(site.page).count(), { timeout: 5000 }).toBe(1);
    await widget.bubble(site.page).click();
    await reply(site.page, 'Hi');
    await waitForPanelText(site.page, 'connected');
    await site.page.clock.runFor(2500);
    await expect
      .poll(() => events.map((event) => event.type), { timeout: 5000 })
      .toEqual(['shown', 'dismissed', 'shown', 'opened', 'replied']);
    expect(new Set(events.map((event) => event.message_id))).toEqual(new Set(messageIds));
    expect(new Set(events.map((event) => event.visitor_id)).size).toBe(1);
    expect(batches[0]).toBe(2); // shown + dismissed went together
    // The page sent the last batch; the server counts it once that request is handled.
    const totals = async () =>
      (await harness.admin<{ totals: Record<string, number> }>('GET', `/messages/${messageIds[0]}/stats`))
        .totals;
    await expect
      .poll(totals, { timeout: 5000 })
      .toMatchObject({ sent: 2, opened: 1, dismissed: 1, replied: 1 });
    expect(site.errors).toEqual([]);
    await site.context.close();
  });
});

describe('accessibility', () => {
  it('announces the bubble, the panel is a dialog with focus management, works by keyboard, respects reduced motion', async () => {
    const { channelId } = await createScenario(harness, {
      messages: [
        {
          greeting: 'Questions? We are here.',
          rules: 'when visitor.page_url contains "/" every_time',
          response: { type: 'agent', follow_up: 'Sure, tell us your email.', customer_details: ['email'] },
        },
      ],
    });
    const site = await openSite(
      harness,
      () => sitePage(harness.server.url, channelId, { body: '<a href="#top" id="first">Skip</a>' }),
      {
        reducedMotion: 'reduce',
      },
    );
    await site.goto('/');
    await expect.poll(() => widget.bubble(site.page).count(), { timeout: 5000 }).toBe(1);
    const live = widget.live(site.page);
    expect(await live.getAttribute('aria-live')).toBe('polite');
    await site.page.clock.runFor(200);
    await expect.poll(() => live.textContent()).toContain('Questions? We are here.');
    expect(
      await widget.bubble(site.page).evaluate((element) => getComputedStyle(element).animationName),
    ).toBe('none');

    // Keyboard only: Tab reaches the launcher, Enter opens the panel and moves focus into it.
    const launcher = widget.launcher(site.page);
    await launcher.focus();
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    await site.page.keyboard.press('Enter');
    const panel = widget.panel(site.page);
    await expect.poll(() => panel.isVisible(), { timeout: 5000 }).toBe(true);
    const labelledBy = await panel.getAttribute('aria-labelledby');
    expect(await panel.locator(`#${labelledBy}`).textContent()).toBeTruthy();
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    const focused = () =>
      site.page.evaluate(
        () => document.getElementById('proactive-widget')?.shadowRoot?.activeElement?.tagName ?? null,
      );
    expect(await focused()).toBe('TEXTAREA');
    await site.page.keyboard.type('Hello from the keyboard');
    await site.page.keyboard.press('Enter');
    await waitForPanelText(site.page, 'Sure, tell us your email.');
    expect(await focused()).toBe('INPUT');
    await site.page.keyboard.type('kb@example.com');
    await site.page.keyboard.press('Enter');
    await waitForPanelText(site.page, 'connected');
    // Escape closes the dialog and gives focus back to the launcher.
    await site.page.keyboard.press('Escape');
    expect(await panel.isVisible()).toBe(false);
    expect(await focused()).toBe('BUTTON');
    expect(
      await site.page.evaluate(
        () => document.getElementById('proactive-widget')?.shadowRoot?.activeElement?.className,
      ),
    ).toBe('pw-launcher');
    expect(site.errors).toEqual([]);
    await site.context.close();

    const animated = await openSite(harness, () => sitePage(harness.server.url, channelId), {
      reducedMotion: 'no-preference',
    });
    await animated.goto('/');
    await expect.poll(() => widget.bubble(animated.page).count(), { timeout: 5000 }).toBe(1);
    expect(
      await widget.bubble(animated.page).evaluate((element) => getComputedStyle(element).animationName),
    ).toBe('pw-in');
    await animated.context.close();
  });
});

describe('window.proactive', () => {
  it('on(shown|opened|dismissed|replied), identify, open and close', async () => {
    const { channelId } = await createScenario(harness, {
      messages: [
        {
          name: 'Welcome',
          greeting: 'Hey {{first_name}}, welcome!',
          rules: 'when visitor.page_url contains "/" every_time',
          response: { type: 'agent', follow_up: 'Great.', customer_details: ['name', 'email'] },
        },
      ],
    });
    const site = await openSite(harness, () =>
      sitePage(harness.server.url, channelId, {
        head: '<script>window.seen=[];window.addEventListener("proactive:ready",function(){["shown","opened","dismissed","replied"].forEach(function(t){window.proactive.on(t,function(e){window.seen.push(t+":"+e.messageName)})});window.proactive.identify({name:"Linus Torvalds",email:"linus@example.com"})})</script>',
      }),
    );
    await site.goto('/');
    const api = (call: string) => site.page.evaluate(call);
    await expect
      .poll(() => widget.bubble(site.page).locator('p').textContent(), { timeout: 5000 })
      .toBe('Hey Linus, welcome!');
    await api('window.proactive.open()');
    await expect.poll(() => widget.panel(site.page).isVisible(), { timeout: 5000 }).toBe(true);
    await reply(site.page, 'Question');
    // identify() pre-filled the details form.
    expect(await widget.panel(site.page).getByLabel('Email').inputValue()).toBe('linus@example.com');
    await api('window.proactive.close()');
    expect(await widget.panel(site.page).isVisible()).toBe(false);
    await api('window.proactive.open()');
    expect(await widget.panel(site.page).isVisible()).toBe(true);
    expect(await api('window.seen')).toEqual(['shown:Welcome', 'opened:Welcome', 'replied:Welcome']);
    await site.goto('/2');
    await expect.poll(() => widget.bubble(site.page).count(), { timeout: 5000 }).toBe(1);
    await widget.bubble(site.page).locator('.pw-close').click();
    expect(await api('window.seen')).toEqual(['shown:Welcome', 'dismissed:Welcome']);
    expect(site.errors).toEqual([]);
    await site.context.close();
  });
});
