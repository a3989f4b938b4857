/**
 * The widget's brain: on each check (page load, time on page, a trigger's event, a tracked event) it
 * picks the first message of the channel, in the channel's order, whose rule fires and whose frequency
 * allows it — unless a message is already on screen or the visitor has an active conversation — shows
 * its bubble, and runs open / dismiss. Rules beyond the seed language wait for the extras chunk: checks
 * made while it loads run, in order, once it is there.
 */
import type { ChannelEvaluator, ContextEvent, EvaluatorOptions, RuleIndex } from '@proactive/dsl/evaluator';
import type { Behaviour } from './behaviour/contract.ts';
import { builtinRuntimeKinds, createChannelEvaluator } from '@proactive/dsl/evaluator';
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
import { CALLS_CHUNK, type SiteCalls } from './api-calls/contract.ts';
import { EXTRAS_CHUNK, type Extras } from './extras/contract.ts';
import { mayShow, recordClosed, recordShown } from './frequency.ts';
import { fillFirstName } from './greeting.ts';
import type { WidgetHost } from './host.ts';
import { knownIdentity, rememberIdentity } from './identity.ts';
import { createLauncher } from './launcher.ts';
import { PANEL_CHUNK, type MountPanel, type PanelInstance } from './panel/contract.ts';
import type { ChannelRules, WidgetEventType, WidgetMessage } from '@proactive/contract/widget';
import type { Emitter } from './public-api.ts';
import { needsExtras } from './needs.ts';
import { INDEX_CHUNK, INDEXED_RULES } from './rule-index/contract.ts';
import { touchVisit } from './visit.ts';

export interface ControllerOptions {
  host: WidgetHost;
  api: ApiClient;
  channelId: string;
  reporter: EventReporter;
  emitter: Emitter;
  /**
   * Loads a chunk by file name: the panel (on first open), the extras (rules beyond the seed language;
   * without them such rules never fire), the site's calls (`identify` attributes and `track`).
   */
  load<T>(file: string): Promise<T | null>;
  now?: () => number;
}

export interface Controller {
  /** The channel's rules; null when the channel is gone (nothing is shown any more). */
  setRules(rules: ChannelRules | null): void;
  check(event: ContextEvent): void;
  /** The `for M:SS` durations, in seconds, of the rules in play. */
  thresholds(): number[];
  /** A new page of the visit (single-page-app navigation): counts it and restarts the detectors. */
  navigated(): void;
  open(): void;
  close(): void;
  /** `proactive('identify', details)`: name and email, and attributes (a changed attribute checks the page again). */
  identify(details: unknown): void;
  /** `proactive('track', name, properties)`: checks the rules waiting for that event. */
  track(name: unknown, properties?: unknown): void;
  visitorId(): string;
}

/** The parameter that tells two events of one type apart (seconds, percent or name). */
const parameterOf = (event: object): unknown => {
  const { seconds, percent, name } = event as Record<string, unknown>;
  return seconds ?? percent ?? name;
};

/**
 * Creates the controller for one channel.
 *
 * @example const controller = createController({ host, api, channelId: 'demo', reporter, emitter, load });
 */
export function createController(options: ControllerOptions): Controller {
  const { host, channelId, reporter, emitter } = options;
  const now = options.now ?? (() => Date.now());
  let rules: ChannelRules | null = null;
  let channel: ChannelEvaluator | undefined;
  /** The literal index, for channels of more than {@link INDEXED_RULES} rules. */
  let index: RuleIndex | undefined;
  let bubble: { message: WidgetMessage; view: Bubble } | null = null;
  let panel: { instance: PanelInstance; key: string } | null = null;
  let lastOpened: WidgetMessage | null = null;
  let opening = false;
  let visit = touchVisit(now(), true);
  let visitorId = visit.visitorId;
  let extras: Extras | null = null;
  let matcherOptions: EvaluatorOptions | undefined;
  let behaviour: Behaviour | undefined;
  /** Checks waiting for the extras chunk, while it loads. */
  let waiting: ContextEvent[] | null = null;

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

  /** The channel's rules evaluated together, built on the first check after the rules or options change. */
  const channelOf = (messages: readonly WidgetMessage[]): ChannelEvaluator =>
    (channel ??= createChannelEvaluator(
      messages.map((message) => message.rule),
      { ...matcherOptions, index },
    ));

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
    if (waiting) return void waiting.push(event);
    if (!rules || bubble || panel?.instance.isOpen() || opening || conversation()) return;
    const at = now();
    visit = touchVisit(at);
    visitorId = visit.visitorId;
    const context = buildContext(event, visit.history, rules.schedules, at);
    extras?.addFacts(context, visit);
    const messages = rules.messages;
    let firing: number[];
    try {
      firing = channelOf(messages).firing(context);
    } catch {
      // A context the rules cannot read: nothing fires (rules that cannot be built never do).
      firing = [];
    }
    for (const index of firing) {
      const message = messages[index] as WidgetMessage;
      // Each rule is shown at its own threshold (or for its own custom event), not at later ones.
      if (parameterOf(message.rule.event) !== parameterOf(event)) continue;
      if (mayShow({ id: message.id, frequency: message.rule.frequency }, at)) return show(message);
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
      const mountPanel = await options.load<MountPanel>(PANEL_CHUNK);
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

  /** Loads the extras chunk once; checks made meanwhile wait for it, then run in order. */
  const useExtras = () => {
    if (extras || waiting) return;
    waiting = [];
    void options.load<Extras>(EXTRAS_CHUNK).then((loaded) => {
      extras = loaded;
      matcherOptions = loaded?.options(builtinRuntimeKinds);
      channel = undefined;
      watch();
      const events = waiting;
      waiting = null;
      events?.forEach(check);
    });
  };

  /** Starts the detectors of the rules in play (the extras chunk loads the behaviour chunk if needed). */
  const watch = () => {
    behaviour?.stop();
    behaviour = extras?.watch(
      (rules?.messages ?? []).map((message) => message.rule.event),
      check,
      options.load,
    );
  };

  const calls = () => options.load<SiteCalls>(CALLS_CHUNK);

  return {
    setRules(next) {
      rules = next;
      channel = undefined;
      // Loaded once (tried again with the next rules if it failed).
      if (next?.messages.some((message) => needsExtras(message.rule))) useExtras();
      if (!index && next && next.messages.length > INDEXED_RULES)
        void options.load<RuleIndex>(INDEX_CHUNK).then((loaded) => {
          index = loaded ?? undefined;
          channel = undefined;
        });
      watch();
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
    navigated() {
      visit = touchVisit(now(), true);
      behaviour?.reset();
    },
    open,
    close,
    identify(details) {
      const valid = typeof details === 'object' && !!details;
      // The calls chunk checks what the widget cannot use, and stores attributes.
      if (!valid || 'attributes' in details) void calls().then((loaded) => loaded?.identify(details, check));
      if (!valid) return;
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
    track(name, properties) {
      void calls().then((loaded) => loaded?.track(check, name, properties));
    },
    visitorId: () => visitorId,
  };
}
