/**
 * The widget's entry point (`widget.js`). Embed with
 * `<script src="https://HOST/widget.js" data-channel="CHANNEL_ID" async></script>`: the API origin is the
 * script's own origin. Everything runs inside a guard: whatever goes wrong, nothing is thrown into the
 * host page and nothing is shown.
 */
import { apiOriginOf, createApiClient } from './api.ts';
import { createController } from './controller.ts';
import { createEventReporter } from './events.ts';
import { createHost, HOST_ID } from './host.ts';
import { loadChunk } from './chunk-loader.ts';
import { createEmitter, installApi } from './public-api.ts';
import { cachedRules, refreshRules } from './rules-client.ts';
import { startTriggers } from './triggers.ts';
import { touchVisit } from './visit.ts';

const ACTIVITY_THROTTLE_MS = 30_000;

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.dataset.channel) return current;
  return document.querySelector<HTMLScriptElement>('script[data-channel][src*="widget"]');
}

function boot(script: HTMLScriptElement): void {
  const channelId = script.dataset.channel?.trim();
  if (!channelId || document.getElementById(HOST_ID)) return;
  const api = createApiClient(apiOriginOf(script.src, location.href));
  const widgetSrc = script.src || `${api.origin}/widget.js`;
  const chunk = <T>(file: string) => loadChunk<T>(widgetSrc, file);
  const host = createHost();
  const emitter = createEmitter();
  // Read at report time: the visitor id changes when the visitor clears storage mid-page.
  const reporter = createEventReporter(api, channelId, () => controller.visitorId());
  const controller = createController({
    host,
    api,
    channelId,
    reporter,
    emitter,
    load: chunk,
  });
  installApi({
    on: emitter.on,
    off: emitter.off,
    // The controller's methods are closures (no `this`).
    identify: controller.identify,
    track: controller.track,
    open: controller.open,
    close: controller.close,
  });

  const cached = cachedRules(channelId);
  if (cached) controller.setRules(cached);
  const triggers = startTriggers({
    onCheck: (event) => controller.check(event),
    onNavigate: controller.navigated,
  });
  triggers.setThresholds(controller.thresholds());

  void refreshRules(api, channelId).then((fresh) => {
    if (fresh === 'unchanged') return;
    controller.setRules(fresh === 'gone' ? null : fresh);
    controller.check({ type: 'page_load' });
    triggers.setThresholds(controller.thresholds());
  });

  let lastActivity = 0;
  const onActivity = () => {
    const at = Date.now();
    if (at - lastActivity < ACTIVITY_THROTTLE_MS) return;
    lastActivity = at;
    touchVisit(at);
  };
  for (const name of ['pointerdown', 'keydown', 'scroll']) {
    window.addEventListener(name, onActivity, { passive: true, capture: true });
  }
}

try {
  const script = findScript();
  if (script) {
    const start = () => {
      try {
        boot(script);
      } catch {
        // Never break the host page.
      }
    };
    if (document.body) start();
    else document.addEventListener('DOMContentLoaded', start, { once: true });
  }
} catch {
  // Never break the host page.
}
