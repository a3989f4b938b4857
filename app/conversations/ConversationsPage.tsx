/**
 * Screen 7, "Conversations": tickets created from proactive messages, with the customer's details, the
 * message that started them and their tags; opening one shows the messages and lets an agent reply (the
 * reply reaches the visitor's widget). Refreshes every few seconds so new visitor messages show up.
 */
import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import styled from 'styled-components';
import { Anchor, Button } from '@zendeskgarden/react-buttons';
import { Field, Textarea } from '@zendeskgarden/react-forms';
import { Col, Grid, Row } from '@zendeskgarden/react-grid';
import { Alert } from '@zendeskgarden/react-notifications';
import { Table } from '@zendeskgarden/react-tables';
import { Tag } from '@zendeskgarden/react-tags';
import { Paragraph, XXL, LG } from '@zendeskgarden/react-typography';
import { call } from '../api/client.ts';
import { t } from '../i18n.ts';
import { useApi } from '../shell/context.tsx';
import { queryKeys } from '../shell/queries.ts';
import { Loading } from '../shell/Loading.tsx';
import { palette } from '../shell/palette.ts';
import { navigate } from '../shell/router.ts';
import { Transcript } from './Transcript.tsx';

/** The customer link; darker in the selected row, whose blue background would dim Garden's link blue. */
const CustomerLink = styled(Anchor)<{ $selected: boolean }>`
  ${(p) => (p.$selected ? `color: ${palette.blue800};` : '')}
`;

const Tags = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: 4px;
`;

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
/** Conversations refresh this often (TanStack Query pauses polling while the tab is hidden). */
const refreshMs = 5000;

/**
 * The conversations page; `id` opens one conversation.
 *
 * @example <ConversationsPage id="cv1" />
 */
export default function ConversationsPage({ id }: { id?: string }) {
  const api = useApi();
  const list = useQuery({
    queryKey: queryKeys.conversations,
    queryFn: () => call(api.conversations.$get()),
    refetchInterval: refreshMs,
  });
  return (
    <>
      <XXL tag="h1" isBold>
        {t('conversations.title')}
      </XXL>
      <Paragraph>{t('conversations.intro')}</Paragraph>
      {list.error && <Alert type="error">{list.error.message}</Alert>}
      <Grid gutters="lg" style={{ padding: 0, marginTop: 16 }}>
        <Row>
          <Col lg={id ? 6 : 12}>
            {!list.data ? (
              <Loading />
            ) : list.data.length === 0 ? (
              <Paragraph>{t('conversations.empty')}</Paragraph>
            ) : (
              <Table aria-label={t('conversations.title')} size="small">
                <Table.Head>
                  <Table.HeaderRow>
                    <Table.HeaderCell>{t('conversations.customer')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('conversations.message')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('conversations.tags')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('conversations.updated')}</Table.HeaderCell>
                  </Table.HeaderRow>
                </Table.Head>
                <Table.Body>
                  {list.data.map((conversation) => (
                    <Table.Row
                      key={conversation.id}
                      isSelected={conversation.id === id}
                      data-conversation-id={conversation.id}
                    >
                      <Table.Cell>
                        <CustomerLink
                          $selected={conversation.id === id}
                          href={`#/conversations/${encodeURIComponent(conversation.id)}`}
                          onClick={(event) => {
                            event.preventDefault();
                            navigate({ page: 'conversations', id: conversation.id });
                          }}
                        >
                          {conversation.name || conversation.email || t('conversations.anonymous')}
                        </CustomerLink>
                        {conversation.email && conversation.name && (
                          <Paragraph size="small">{conversation.email}</Paragraph>
                        )}
                      </Table.Cell>
                      <Table.Cell>{conversation.message_name ?? '—'}</Table.Cell>
                      <Table.Cell>
                        <Tags>
                          {conversation.tags.map((tag) => (
                            <Tag key={tag} size="small">
                              {tag}
                            </Tag>
                          ))}
                        </Tags>
                      </Table.Cell>
                      <Table.Cell>{timeFormat.format(new Date(conversation.updated_at))}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            )}
          </Col>
          {id && (
            <Col lg={6}>
              <ConversationView key={id} id={id} />
            </Col>
          )}
        </Row>
      </Grid>
    </>
  );
}

function ConversationView({ id }: { id: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const conversation = useQuery({
    queryKey: queryKeys.conversation(id),
    queryFn: () => call(api.conversations[':id'].$get({ param: { id } })),
    refetchInterval: refreshMs,
  });
  const [reply, setReply] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!reply.trim()) {
      setError(t('conversations.replyRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call(api.conversations[':id'].messages.$post({ param: { id }, json: { text: reply.trim() } }));
      setReply('');
      await queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  if (conversation.error) return <Alert type="error">{conversation.error.message}</Alert>;
  const data = conversation.data;
  if (!data) return <Loading />;
  return (
    <section aria-labelledby="conversation-title">
      <LG tag="h2" isBold id="conversation-title">
        {data.name || data.email || t('conversations.anonymous')}
      </LG>
      <Paragraph size="small">
        {t('conversations.details', {
          name: data.name ?? '—',
          email: data.email ?? '—',
          visitor: data.visitor_id,
        })}
      </Paragraph>
      {data.message_name && (
        <Paragraph size="small">{t('conversations.from', { message: data.message_name })}</Paragraph>
      )}
      <Transcript conversation={data} />
      <form onSubmit={send}>
        <Field>
          <Field.Label>{t('conversations.reply')}</Field.Label>
          <Textarea
            value={reply}
            minRows={2}
            maxLength={4000}
            onChange={(event) => setReply(event.target.value)}
            validation={error ? 'error' : undefined}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) void send(event);
            }}
          />
          {error && <Field.Message validation="error">{error}</Field.Message>}
        </Field>
        <Button type="submit" isPrimary disabled={busy} style={{ marginTop: 8 }}>
          {t('conversations.send')}
        </Button>
      </form>
    </section>
  );
}
