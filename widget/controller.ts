/**
 * The widget's brain: on each check (page load, time on page) it picks the first message of the channel,
 * in the channel's order, whose rule fires and whose frequency allows it — unless a message is already on
 * screen or the visitor has an active conversation — shows its bubble, and runs open / dismiss.
 */
import type { ContextEvent } from '@proactive/dsl/evaluator';
import { createMatcher, type RuleContext } from '@proactive/dsl/evaluator';
import type { ApiClient } from './api.ts';
import { showBubble, type Bubble } from './bubble.ts';
import { buildContext } from './context.ts';
import {
  activeConversation,
  endConversation,
  saveConversation,
  type ActiveConversation,
} from './conversation.ts';
import type { EventReporter } from './events.ts';
import { mayShow, recordClosed, recordShown } from './frequency.ts';
import { fillFirstName } from './greeting.ts';
import type { WidgetHost } from './host.ts';
import { knownIdentity, rememberIdentity } from './identity.ts';
import { createLauncher } from './launcher.ts';
import type { MountPanel, PanelInstance } from './panel/contract.ts';
import type { ChannelRules, WidgetEventType, WidgetMessage } from '@proactive/contract/widget';
import type { Emitter } from './public-api.ts';
import { touchVisit } from './visit.ts';

type Matcher = (context: RuleContext) => boolean;

export interface ControllerOptions {
  host: WidgetHost;
  api: ApiClient;
  channelId: string;
  reporter: EventReporter;
  emitter: Emitter;
  loadPanel(): Promise<MountPanel | null>;
  now?: () => number;
}

export interface Controller {
  /** The channel's rules; null when the channel is gone (nothing is shown any more). */
  setRules(rules: ChannelRules | null): void;
  check(event: ContextEvent): void;
  /** The `for M:SS` durations, in seconds, of the rules in play. */
  thresholds(): number[];
  open(): void;
  close(): void;
  identify(details: { name?: unknown; email?: unknown }): void;
  visitorId(): string;
}

/**
 * Creates the controller for one channel.
 *
 * @example const controller = createController({ host, api, channelId: 'demo', reporter, emitter, loadPanel });
 */
export function createController(options: ControllerOptions): Controller {
  const { host, channelId, reporter, emitter } = options;
  const now = options.now ?? (() => Date.now());
  let rules: ChannelRules | null = null;
  const matchers = new Map<WidgetMessage, Matcher | null>();
  let bubble: { message: WidgetMessage; view: Bubble } | null = null;
  let panel: { instance: PanelInstance; key: string } | null = null;
  let lastOpened: WidgetMessage | null = null;
  let opening = false;
  let visitorId = touchVisit(now()).visitorId;

  const launcher = createLauncher(host.container, () => toggle());

  const conversation = () => activeConversation(channelId, now());
  const refreshLauncher = () => {
    launcher.setVisible(!!bubble || !!panel || !!conversation());
    launcher.setExpanded(!!panel?.instance.isOpen());
    launcher.setLabel(
      panel?.instance.isOpen() ? 'Close chat' : bubble ? 'Open chat: reply to the message' : 'Open chat',
    );
  };
  refreshLauncher();

  const notify = (message: WidgetMessage, type: WidgetEventType) => {
    reporter.report(message.id, type);
    emitter.emit({ type, messageId: message.id, messageName: message.name });
  };

  const matcherOf = (message: WidgetMessage): Matcher | null => {
    if (!matchers.has(message)) {
      let matcher: Matcher | null = null;
      try {
        matcher = createMatcher(message.rule);
      } catch {
        // Unknown compiled version or malformed rule: this message is never shown.
      }
      matchers.set(message, matcher);
    }
    return matchers.get(message) ?? null;
  };

  const greetingOf = (message: WidgetMessage) => fillFirstName(message.greeting, knownIdentity().name);

  const show = (message: WidgetMessage) => {
    const text = greetingOf(message);
    bubble = {
      message,
      view: showBubble(host.container, text, { onOpen: () => open(), onDismiss: () => dismiss() }),
    };
    recordShown(message.id);
    host.announce(`New message${rules?.brand.name ? ` from ${rules.brand.name}` : ''}: ${text}`);
    refreshLauncher();
    notify(message, 'shown');
  };

  const dismiss = () => {
    if (!bubble) return;
    const { message, view } = bubble;
    bubble = null;
    view.remove();
    recordClosed(message.id, now());
    refreshLauncher();
    notify(message, 'dismissed');
  };

  const check = (event: ContextEvent) => {
    if (!rules || bubble || panel?.instance.isOpen() || opening || conversation()) return;
    const at = now();
    const visit = touchVisit(at);
    visitorId = visit.visitorId;
    const context = buildContext(event, visit.history, rules.schedules, at);
    for (const message of rules.messages) {
      const expected = message.rule.event;
      if (expected.type !== event.type) continue;
      if (event.type === 'on_page' && expected.type === 'on_page' && expected.seconds !== event.seconds)
        continue;
      if (!mayShow({ id: message.id, frequency: message.rule.frequency }, at)) continue;
      const matches = matcherOf(message);
      if (!matches) continue;
      let fires: boolean;
      try {
        fires = matches(context);
      } catch {
        fires = false;
      }
      if (fires) return show(message);
    }
  };

  const mountUnsafe = async (
    message: WidgetMessage | null,
    resume: ActiveConversation | null,
    show: boolean,
  ) => {
    const key = resume ? `c:${resume.id}` : `m:${message?.id ?? ''}`;
    if (panel && panel.key !== key) {
      panel.instance.destroy();
      panel = null;
    }
    if (!panel) {
      opening = true;
      const mountPanel = await options.loadPanel();
      opening = false;
      if (!mountPanel) return refreshLauncher();
      panel = {
        key,
        instance: mountPanel({
          container: host.container,
          root: host.root,
          origin: options.api.origin,
          channelId,
          visitorId,
          brandName: rules?.brand.name ?? '',
          message,
          greeting: message ? greetingOf(message) : '',
          conversation: resume,
          identity: knownIdentity(),
          onClose: () => close(),
          onReplied: () => message && notify(message, 'replied'),
          onIdentify: (details) => rememberIdentity(details),
          onConversationStarted: (started) => {
            saveConversation(channelId, started);
            if (panel) panel.key = `c:${started.id}`;
          },
          onConversationActivity: () => {
            const current = conversation();
            if (current) saveConversation(channelId, { ...current, updated_at: now() });
          },
          onConversationEnded: () => {
            endConversation(channelId);
            refreshLauncher();
          },
          onUnread: (count) => launcher.setUnread(count),
        }),
      };
    }
    if (show) panel.instance.show();
    refreshLauncher();
  };
  /** Opens (or prepares) the panel; a failure leaves the page as it was and never reaches the host page. */
  const mount = (
    message: WidgetMessage | null,
    resume: ActiveConversation | null,
    show = true,
  ): Promise<void> =>
    mountUnsafe(message, resume, show).catch(() => {
      opening = false;
      refreshLauncher();
    });

  const open = () => {
    if (opening) return;
    if (bubble) {
      const { message, view } = bubble;
      bubble = null;
      view.remove();
      lastOpened = message;
      recordClosed(message.id, now());
      notify(message, 'opened');
      void mount(message, null);
      return;
    }
    const resume = conversation();
    if (panel && (!resume || panel.key === `c:${resume.id}`)) {
      panel.instance.show();
      return refreshLauncher();
    }
    if (resume) return void mount(null, resume);
    if (lastOpened) void mount(lastOpened, null);
  };

  const close = () => {
    if (!panel?.instance.isOpen()) return;
    panel.instance.hide();
    refreshLauncher();
    launcher.element.focus();
  };

  const toggle = () => (panel?.instance.isOpen() ? close() : open());

  return {
    setRules(next) {
      rules = next;
      matchers.clear();
      // A conversation started on an earlier page keeps receiving replies (the launcher counts unread ones).
      const resumed = conversation();
      if (resumed && !panel && !opening) void mount(null, resumed, false);
    },
    check,
    thresholds() {
      return (rules?.messages ?? []).flatMap((message) =>
        message.rule.event.type === 'on_page' ? [message.rule.event.seconds] : [],
      );
    },
    open,
    close,
    identify(details) {
      rememberIdentity(details);
      if (bubble) {
        const message = bubble.message;
        bubble.view.remove();
        bubble = {
          message,
          view: showBubble(host.container, greetingOf(message), {
            onOpen: () => open(),
            onDismiss: () => dismiss(),
          }),
        };
      }
    },
    visitorId: () => visitorId,
  };
}
