/**
 * What the initial script and the lazily loaded panel script agree on. The panel script registers its
 * mount function on its file name (PANEL_CHUNK); the initial script calls it.
 */
import type { ActiveConversation } from '../conversation.ts';
import type { Identity } from '../identity.ts';
import type { WidgetMessage } from '@proactive/contract/widget';

/** The chunk's file (next to widget.js), under which it registers. */
export const PANEL_CHUNK = 'widget-panel.js';

export interface PanelOptions {
  container: HTMLElement;
  root: ShadowRoot;
  /** The widget API's origin (the widget script's own). */
  origin: string;
  channelId: string;
  visitorId: string;
  brandName: string;
  /** The proactive message the visitor opened; null when resuming a conversation. */
  message: WidgetMessage | null;
  /** The greeting as the visitor saw it (first name filled). */
  greeting: string;
  conversation: ActiveConversation | null;
  identity: Identity;
  onClose(): void;
  onReplied(): void;
  onIdentify(identity: Identity): void;
  onConversationStarted(conversation: ActiveConversation): void;
  onConversationActivity(): void;
  onConversationEnded(): void;
  onUnread(count: number): void;
}

export interface PanelInstance {
  show(): void;
  hide(): void;
  isOpen(): boolean;
  destroy(): void;
}

export type MountPanel = (options: PanelOptions) => PanelInstance;
