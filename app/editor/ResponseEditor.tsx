/**
 * "Choose how to respond": Agent (a follow-up message and the Customer details to ask for, as chips: X
 * removes one, the down arrow adds it back, removing both removes the request) or Bot (the bot published
 * to the channel, Edit bot to pick another, Response = one of its answers, Edit answer).
 */
import { useEffect, useState } from 'react';
import styled from 'styled-components';
import { Button } from '@zendeskgarden/react-buttons';
import { Combobox, Field as DropdownField, Option } from '@zendeskgarden/react-dropdowns';
import { Field, Input, Textarea, Tiles } from '@zendeskgarden/react-forms';
import { Modal } from '@zendeskgarden/react-modals';
import { Alert } from '@zendeskgarden/react-notifications';
import { Paragraph, Span } from '@zendeskgarden/react-typography';
import type { Bot, BotAnswer, MessageResponse } from '@proactive/contract/admin';
import { call } from '../api/client.ts';
import type { CustomerDetail } from '@proactive/contract/widget';
import { t } from '../i18n.ts';
import { useApi } from '../shell/context.tsx';
import { useBotAnswers, useBots } from './queries.ts';
import { SelectField } from '../shell/SelectField.tsx';
import { describeError } from '../messages/errors.ts';

const Stack = styled.div`
  display: flex;
  flex-direction: column;
  gap: 16px;
`;

const BotLine = styled.div`
  display: flex;
  align-items: center;
  gap: 12px;
`;

const detailOrder: CustomerDetail[] = ['name', 'email'];

export interface ResponseEditorProps {
  channelId: string;
  response: MessageResponse;
  onChange: (response: MessageResponse) => void;
  errors: Record<string, string>;
}

/**
 * The response part of Compose messages.
 *
 * @example <ResponseEditor channelId="demo" response={response} onChange={setResponse} errors={{}} />
 */
export function ResponseEditor({ channelId, response, onChange, errors }: ResponseEditorProps) {
  const bots = useBots(channelId);
  const [agentMemory, setAgentMemory] = useState<MessageResponse>(
    response.type === 'agent'
      ? response
      : { type: 'agent', follow_up: '', customer_details: ['name', 'email'] },
  );
  const [botMemory, setBotMemory] = useState<MessageResponse>(
    response.type === 'bot' ? response : { type: 'bot', bot_id: null, answer_id: null },
  );

  function choose(type: string) {
    if (type === response.type) return;
    if (response.type === 'agent') setAgentMemory(response);
    else setBotMemory(response);
    if (type === 'agent') onChange(agentMemory);
    else {
      const firstBot = bots.data?.[0];
      onChange(
        botMemory.type === 'bot' && !botMemory.bot_id && firstBot
          ? { ...botMemory, bot_id: firstBot.id }
          : botMemory,
      );
    }
  }

  return (
    <Stack>
      <Field>
        <Field.Label>{t('compose.respond')}</Field.Label>
      </Field>
      <Tiles
        name="response-type"
        value={response.type}
        onChange={(event) => choose(event.target.value)}
        aria-label={t('compose.respond')}
      >
        <div style={{ display: 'flex', gap: 16 }}>
          <Tiles.Tile value="agent" style={{ flex: 1 }}>
            <Tiles.Label>{t('compose.agent')}</Tiles.Label>
            <Tiles.Description>{t('compose.agentHint')}</Tiles.Description>
          </Tiles.Tile>
          <Tiles.Tile value="bot" style={{ flex: 1 }}>
            <Tiles.Label>{t('compose.bot')}</Tiles.Label>
            <Tiles.Description>{t('compose.botHint')}</Tiles.Description>
          </Tiles.Tile>
        </div>
      </Tiles>
      {response.type === 'agent' ? (
        <AgentResponse response={response} onChange={onChange} errors={errors} />
      ) : (
        <BotResponse
          response={response}
          onChange={onChange}
          errors={errors}
          bots={bots.data ?? []}
          loading={bots.isPending}
        />
      )}
    </Stack>
  );
}

function AgentResponse({
  response,
  onChange,
  errors,
}: {
  response: Extract<MessageResponse, { type: 'agent' }>;
  onChange: (response: MessageResponse) => void;
  errors: Record<string, string>;
}) {
  return (
    <Stack>
      <Field>
        <Field.Label>{t('compose.followUp')}</Field.Label>
        <Field.Hint>{t('compose.followUpHint')}</Field.Hint>
        <Textarea
          value={response.follow_up}
          minRows={2}
          maxLength={2000}
          onChange={(event) => onChange({ ...response, follow_up: event.target.value })}
          validation={errors.follow_up ? 'error' : undefined}
        />
        {errors.follow_up && <Field.Message validation="error">{errors.follow_up}</Field.Message>}
      </Field>
      <DropdownField>
        <DropdownField.Label>{t('compose.customerDetails')}</DropdownField.Label>
        <DropdownField.Hint>{t('compose.customerDetailsHint')}</DropdownField.Hint>
        <Combobox
          isEditable={false}
          isMultiselectable
          selectionValue={response.customer_details}
          placeholder={response.customer_details.length === 0 ? t('compose.noDetails') : undefined}
          data-field="customer-details"
          onChange={(changes) => {
            if (!Array.isArray(changes.selectionValue)) return;
            const chosen = changes.selectionValue as string[];
            onChange({
              ...response,
              customer_details: detailOrder.filter((detail) => chosen.includes(detail)),
            });
          }}
        >
          {detailOrder.map((detail) => (
            <Option
              key={detail}
              value={detail}
              label={t(`compose.detail.${detail}`)}
              tagProps={{ removeLabel: t('compose.removeDetail', { detail: t(`compose.detail.${detail}`) }) }}
            />
          ))}
        </Combobox>
        {response.customer_details.length === 0 && (
          <DropdownField.Hint>{t('compose.noDetailsHint')}</DropdownField.Hint>
        )}
      </DropdownField>
    </Stack>
  );
}

function BotResponse({
  response,
  onChange,
  errors,
  bots,
  loading,
}: {
  response: Extract<MessageResponse, { type: 'bot' }>;
  onChange: (response: MessageResponse) => void;
  errors: Record<string, string>;
  bots: Bot[];
  loading: boolean;
}) {
  const [pickingBot, setPickingBot] = useState(false);
  const [editing, setEditing] = useState<BotAnswer | null>(null);
  const bot = bots.find((candidate) => candidate.id === response.bot_id);
  useEffect(() => {
    if (!response.bot_id && bots[0]) onChange({ ...response, bot_id: bots[0].id });
  }, [bots, response, onChange]);
  const answers = useBotAnswers(response.bot_id);
  const answer = answers.data?.find((candidate) => candidate.id === response.answer_id);

  if (!loading && bots.length === 0)
    return (
      <Alert type="warning">
        <Alert.Title>{t('compose.noBotTitle')}</Alert.Title>
        {t('compose.noBot')}
      </Alert>
    );
  return (
    <Stack>
      <BotLine>
        <Span isBold>{t('compose.botLabel')}</Span>
        <Span data-bot-name="">{bot?.name ?? t('compose.noBotChosen')}</Span>
        <Button size="small" isBasic onClick={() => setPickingBot((value) => !value)}>
          {t('compose.editBot')}
        </Button>
      </BotLine>
      {pickingBot && (
        <SelectField
          label={t('compose.chooseBot')}
          hint={t('compose.chooseBotHint')}
          value={response.bot_id}
          options={bots.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          onChange={(botId) => {
            setPickingBot(false);
            if (botId !== response.bot_id) onChange({ type: 'bot', bot_id: botId, answer_id: null });
          }}
          name="bot"
        />
      )}
      <SelectField
        label={t('compose.response')}
        hint={t('compose.responseHint')}
        value={response.answer_id}
        placeholder={t('compose.chooseAnswer')}
        options={(answers.data ?? []).map((candidate) => ({ value: candidate.id, label: candidate.title }))}
        onChange={(answerId) => onChange({ ...response, answer_id: answerId })}
        error={errors.answer_id}
        name="answer"
      />
      {answer && (
        <div>
          <Paragraph size="small" data-answer-body="">
            {answer.body}
          </Paragraph>
          <Button size="small" isBasic onClick={() => setEditing(answer)}>
            {t('compose.editAnswer')}
          </Button>
        </div>
      )}
      {editing && response.bot_id && (
        <AnswerModal
          botId={response.bot_id}
          answer={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void answers.refetch();
          }}
        />
      )}
    </Stack>
  );
}

function AnswerModal({
  botId,
  answer,
  onClose,
}: {
  botId: string;
  answer: BotAnswer;
  onClose: (saved: boolean) => void;
}) {
  const api = useApi();
  const [title, setTitle] = useState(answer.title);
  const [body, setBody] = useState(answer.body);
  const [failure, setFailure] = useState<string | null>(null);
  async function save() {
    try {
      await call(
        api.bots[':id'].answers[':answer_id'].$patch({
          param: { id: botId, answer_id: answer.id },
          json: { title, body },
        }),
      );
      onClose(true);
    } catch (error) {
      setFailure(describeError(error, answer.title));
    }
  }
  return (
    <Modal onClose={() => onClose(false)} aria-label={t('compose.editAnswer')}>
      <Modal.Header tag="h2">{t('compose.editAnswer')}</Modal.Header>
      <Modal.Body>
        {failure && <Alert type="error">{failure}</Alert>}
        <Field>
          <Field.Label>{t('compose.answerTitle')}</Field.Label>
          <Input value={title} onChange={(event) => setTitle(event.target.value)} />
        </Field>
        <Field style={{ marginTop: 16 }}>
          <Field.Label>{t('compose.answerBody')}</Field.Label>
          <Textarea value={body} minRows={4} onChange={(event) => setBody(event.target.value)} />
        </Field>
      </Modal.Body>
      <Modal.Footer>
        <Modal.FooterItem>
          <Button isBasic onClick={() => onClose(false)}>
            {t('common.cancel')}
          </Button>
        </Modal.FooterItem>
        <Modal.FooterItem>
          <Button isPrimary onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Modal.FooterItem>
      </Modal.Footer>
      <Modal.Close aria-label={t('common.close')} />
    </Modal>
  );
}
