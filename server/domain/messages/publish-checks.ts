/**
 * What keeps a message from going live besides errors in its rule text: a missing channel, greeting or
 * follow-up, a bot not on the channel, an answer not of the bot, no rule.
 */
import type { PublishProblem } from '@proactive/contract/admin';
import type { MessageRecord, Repository } from '../../storage/repository.ts';

/**
 * The problems of a message, empty when it may go live.
 *
 * @example await publishProblems(repository, record) // [{ field: 'greeting', code: 'greeting_required', ... }]
 */
export async function publishProblems(
  repository: Repository,
  record: MessageRecord,
): Promise<PublishProblem[]> {
  const problems: PublishProblem[] = [];
  const channel = await repository.channels.get(record.channel_id);
  if (!channel) {
    problems.push({
      field: 'channel_id',
      code: 'channel_missing',
      message: "The message's channel no longer exists.",
    });
  }
  if (record.greeting.trim() === '') {
    problems.push({
      field: 'greeting',
      code: 'greeting_required',
      message: 'Write the proactive message text (greeting) first.',
    });
  }
  if (record.response.type === 'agent') {
    if (record.response.follow_up.trim() === '') {
      problems.push({
        field: 'response.follow_up',
        code: 'follow_up_required',
        message: 'Write the follow-up message shown before the conversation is handed to an agent.',
      });
    }
  } else {
    const bot = record.response.bot_id ? await repository.bots.get(record.response.bot_id) : null;
    if (!bot || !bot.channel_ids.includes(record.channel_id)) {
      problems.push({
        field: 'response.bot_id',
        code: 'bot_not_on_channel',
        message: "Choose a bot that is published to the message's channel.",
      });
    }
    const answer = record.response.answer_id ? await repository.answers.get(record.response.answer_id) : null;
    if (!answer || answer.bot_id !== bot?.id) {
      problems.push({
        field: 'response.answer_id',
        code: 'answer_required',
        message: "Choose one of the bot's answers as the response.",
      });
    }
  }
  if (!record.rule) {
    const empty = record.rules.trim() === '';
    problems.push({
      field: 'rules',
      code: empty ? 'rules_required' : 'rules_invalid',
      message: empty ? "Add the rule's conditions first." : 'Fix the errors in the rule first.',
    });
  }
  return problems;
}
