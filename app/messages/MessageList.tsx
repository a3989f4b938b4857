/**
 * Screen 1, "Proactive messages": the messages with their status, channel and figures, one page at a time
 * (paged and sorted by the server: `GET /messages?page=&per_page=&sort=&direction=`, Garden Pagination); a
 * row menu with Edit, Clone, Publish, Pause, Resume and Delete (confirmed); "Create proactive message".
 */
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import styled from 'styled-components';
import { Button, IconButton } from '@zendeskgarden/react-buttons';
import { Menu, Item } from '@zendeskgarden/react-dropdowns';
import { Alert } from '@zendeskgarden/react-notifications';
import { OffsetPagination } from '@zendeskgarden/react-pagination';
import { Table } from '@zendeskgarden/react-tables';
import { Anchor } from '@zendeskgarden/react-buttons';
import { XXL, Paragraph } from '@zendeskgarden/react-typography';
import type { Message, MessageSort } from '@proactive/contract/admin';
import { call } from '../api/client.ts';
import { t } from '../i18n.ts';
import { useApi } from '../shell/context.tsx';
import { queryKeys } from '../shell/queries.ts';
import { OverflowIcon } from '../shell/icons.tsx';
import { Loading } from '../shell/Loading.tsx';
import { navigate } from '../shell/router.ts';
import { StatusTag } from './status.tsx';
import { describeError } from './errors.ts';
import { ConfirmDialog } from '../shell/ConfirmDialog.tsx';

const Heading = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: flex-start;
  justify-content: space-between;
  gap: 16px;
  margin-bottom: 24px;
  & > button {
    flex-shrink: 0;
  }
`;

/** Lets the table scroll sideways inside the page when the window is narrower than its columns. */
const TableScroll = styled.div`
  overflow-x: auto;
  & > table {
    min-width: 720px;
  }
`;

type SortKey = Extract<
  MessageSort,
  'name' | 'status' | 'channel' | 'sent' | 'opened' | 'replied' | 'updated_at'
>;
type Direction = 'asc' | 'desc';
/** What the row actions need of a message. */
type Row = Pick<Message, 'id' | 'name'>;

/** The columns; `width` fits the content (the name takes what is left). */
const columns: { key: SortKey; label: string; numeric?: boolean; width?: string }[] = [
  { key: 'name', label: 'list.column.name' },
  { key: 'status', label: 'list.column.status', width: '140px' },
  { key: 'channel', label: 'list.column.channel', width: '16%' },
  { key: 'sent', label: 'list.column.sent', numeric: true, width: '80px' },
  { key: 'opened', label: 'list.column.opened', numeric: true, width: '88px' },
  { key: 'replied', label: 'list.column.replied', numeric: true, width: '104px' },
  { key: 'updated_at', label: 'list.column.updated', width: '176px' },
];

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Rows per page. */
export const pageSize = 25;

/**
 * The list page.
 *
 * @example <MessageList />
 */
export function MessageList() {
  const api = useApi();
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({
    key: 'updated_at',
    direction: 'desc',
  });
  const [page, setPage] = useState(1);
  const messages = useQuery({
    queryKey: queryKeys.messagePage(page, sort.key, sort.direction),
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const query = {
        page: String(page),
        per_page: String(pageSize),
        sort: sort.key,
        direction: sort.direction,
      };
      // Typed by the route's declaration; not parsed with the contract's zod schema, so that zod and the
      // rule language stay out of the first screen's JavaScript (the list shows no rule).
      const body = await call(api.messages.$get({ query }));
      if (Array.isArray(body)) throw new Error('The server answered the whole list instead of a page.');
      return body;
    },
  });
  const [confirmDelete, setConfirmDelete] = useState<Row | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const rows = messages.data?.items ?? [];
  const totalPages = Math.max(1, Math.ceil((messages.data?.total ?? 0) / pageSize));

  async function act(message: Row, action: string) {
    setProblem(null);
    try {
      if (action === 'edit') return navigate({ page: 'editor', id: message.id });
      if (action === 'analytics') return navigate({ page: 'analytics', id: message.id });
      if (action === 'delete') return setConfirmDelete(message);
      if (action === 'clone') {
        const copy = await call(api.messages[':id'].clone.$post({ param: { id: message.id } }));
        return navigate({ page: 'editor', id: copy.id });
      }
      if (action === 'publish' || action === 'pause' || action === 'resume') {
        await call(api.messages[':id'][action].$post({ param: { id: message.id } }));
      }
      void messages.refetch();
    } catch (error) {
      setProblem(describeError(error, message.name));
    }
  }

  async function remove(message: Row) {
    setConfirmDelete(null);
    try {
      await call(api.messages[':id'].$delete({ param: { id: message.id } }));
      void messages.refetch();
    } catch (error) {
      setProblem(describeError(error, message.name));
    }
  }

  return (
    <>
      <Heading>
        <div>
          <XXL tag="h1" isBold>
            {t('list.title')}
          </XXL>
          <Paragraph>{t('list.intro')}</Paragraph>
        </div>
        <Button isPrimary onClick={() => navigate({ page: 'create' })}>
          {t('list.create')}
        </Button>
      </Heading>
      {problem && (
        <Alert type="error" role="alert">
          <Alert.Title>{t('list.actionFailed')}</Alert.Title>
          {problem}
          <Alert.Close aria-label={t('common.close')} onClick={() => setProblem(null)} />
        </Alert>
      )}
      {messages.error && <Alert type="error">{messages.error.message}</Alert>}
      {messages.isPending ? (
        <Loading />
      ) : rows.length === 0 && page === 1 ? (
        <Paragraph>{t('list.empty')}</Paragraph>
      ) : (
        <TableScroll>
          <Table aria-label={t('list.title')}>
            <Table.Head>
              <Table.HeaderRow>
                {columns.map((column) => (
                  <Table.SortableCell
                    key={column.key}
                    width={column.width}
                    sort={sort.key === column.key ? sort.direction : undefined}
                    onClick={() => {
                      setPage(1);
                      setSort((current) => ({
                        key: column.key,
                        direction: current.key === column.key && current.direction === 'asc' ? 'desc' : 'asc',
                      }));
                    }}
                  >
                    {t(column.label)}
                  </Table.SortableCell>
                ))}
                <Table.HeaderCell hasOverflow width="56px">
                  <span hidden>{t('list.column.actions')}</span>
                </Table.HeaderCell>
              </Table.HeaderRow>
            </Table.Head>
            <Table.Body>
              {rows.map((message) => (
                <Table.Row key={message.id} data-message-id={message.id}>
                  <Table.Cell>
                    <Anchor
                      href={`#/messages/${encodeURIComponent(message.id)}`}
                      onClick={(event) => {
                        event.preventDefault();
                        navigate({ page: 'editor', id: message.id });
                      }}
                    >
                      {message.name}
                    </Anchor>
                  </Table.Cell>
                  <Table.Cell>
                    <StatusTag status={message.status} />
                  </Table.Cell>
                  <Table.Cell>{message.channel.name || message.channel_id}</Table.Cell>
                  <Table.Cell>{message.sent ?? 0}</Table.Cell>
                  <Table.Cell>{message.opened ?? 0}</Table.Cell>
                  <Table.Cell>{message.replied ?? 0}</Table.Cell>
                  <Table.Cell>
                    {message.updated_at ? dateFormat.format(new Date(message.updated_at)) : ''}
                  </Table.Cell>
                  <Table.Cell hasOverflow>
                    <Menu
                      button={(props) => (
                        <IconButton
                          {...props}
                          aria-label={t('list.rowMenu', { name: message.name })}
                          size="small"
                        >
                          <OverflowIcon />
                        </IconButton>
                      )}
                      placement="bottom-end"
                      onChange={(change) => {
                        if (change.type?.includes('click') || change.type?.includes('keyDown'))
                          if (change.value) void act(message, change.value);
                      }}
                    >
                      <Item value="edit">{t('list.action.edit')}</Item>
                      <Item value="analytics">{t('list.action.analytics')}</Item>
                      <Item value="clone">{t('list.action.clone')}</Item>
                      {(message.status === 'draft' || message.status === 'contains_errors') && (
                        <Item value="publish">{t('list.action.publish')}</Item>
                      )}
                      {message.status === 'live' && <Item value="pause">{t('list.action.pause')}</Item>}
                      {message.status === 'paused' && <Item value="resume">{t('list.action.resume')}</Item>}
                      <Item value="delete" type="danger">
                        {t('list.action.delete')}
                      </Item>
                    </Menu>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {totalPages > 1 && (
        <OffsetPagination
          aria-label={t('list.pages')}
          totalPages={totalPages}
          currentPage={Math.min(page, totalPages)}
          onChange={setPage}
        />
      )}
      {confirmDelete && (
        <ConfirmDialog
          title={t('list.deleteTitle')}
          body={t('list.deleteConfirm', { name: confirmDelete.name })}
          cancelLabel={t('common.cancel')}
          confirmLabel={t('list.action.delete')}
          onCancel={() => setConfirmDelete(null)}
          onConfirm={() => void remove(confirmDelete)}
        />
      )}
    </>
  );
}
