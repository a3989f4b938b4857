/**
 * All domain services of one app instance, sharing its repository, bus and change announcer.
 */
import type { Repository } from '../storage/repository.ts';
import { createAttributeService } from './attributes.ts';
import { createBotService } from './bots.ts';
import { createBrandService } from './brands.ts';
import type { Bus } from './bus.ts';
import type { Changes } from './changes.ts';
import { createChannelService } from './channels.ts';
import type { Clock } from './clock.ts';
import { createConversationService, type ConversationServiceDeps } from './conversations.ts';
import { createMessageService } from './messages/service.ts';
import { createScheduleService } from './schedules.ts';

export interface ServiceDeps {
  repository: Repository;
  bus: Bus;
  changes: Changes;
  clock?: Clock;
  /** What each channel's widget is served (see ConversationServiceDeps). */
  servedMessages: ConversationServiceDeps['servedMessages'];
}

/**
 * The services.
 *
 * @example const { messages, brands } = createServices({ repository, bus, changes, servedMessages })
 */
export function createServices(deps: ServiceDeps) {
  return {
    brands: createBrandService(deps),
    schedules: createScheduleService(deps),
    channels: createChannelService(deps),
    bots: createBotService(deps),
    attributes: createAttributeService(deps),
    messages: createMessageService(deps),
    conversations: createConversationService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
