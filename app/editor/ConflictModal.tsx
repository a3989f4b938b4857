/**
 * The 412 dialog: someone else saved this message since it was opened. The admin reloads their version
 * (dropping these edits) or compares both side by side and, having seen theirs, may keep editing on top of
 * their version (the next Save then overwrites knowingly). Nothing is ever overwritten silently.
 */
import { useState } from 'react';
import styled from 'styled-components';
import { Button } from '@zendeskgarden/react-buttons';
import { Modal } from '@zendeskgarden/react-modals';
import { Table } from '@zendeskgarden/react-tables';
import { Paragraph } from '@zendeskgarden/react-typography';
import type { Message, MessageResponse } from '@proactive/contract/admin';
import { t } from '../i18n.ts';

const Pre = styled.pre`
  white-space: pre-wrap;
  margin: 0;
  font-size: 12px;
`;

export interface ConflictModalProps {
  mine: { name: string; greeting: string; response: MessageResponse; rules?: string };
  theirs: Message;
  onReload: () => void;
  onKeepMine: () => void;
  onClose: () => void;
}

const describeResponse = (response: MessageResponse) =>
  response.type === 'agent'
    ? `${t('compose.agent')}: ${response.follow_up} [${response.customer_details.join(', ')}]`
    : `${t('compose.bot')}: ${response.bot_id ?? '—'} / ${response.answer_id ?? '—'}`;

/**
 * The conflict dialog.
 *
 * @example <ConflictModal mine={patch} theirs={message} onReload={reload} onKeepMine={keep} onClose={close} />
 */
export function ConflictModal({ mine, theirs, onReload, onKeepMine, onClose }: ConflictModalProps) {
  const [comparing, setComparing] = useState(false);
  const rows: [string, string, string][] = [
    [t('create.name'), mine.name, theirs.name],
    [t('compose.greeting'), mine.greeting, theirs.greeting],
    [t('compose.respond'), describeResponse(mine.response), describeResponse(theirs.response)],
    [t('editor.rules'), mine.rules ?? '', theirs.rules],
  ];
  return (
    <Modal onClose={onClose} isLarge={comparing} aria-label={t('conflict.title')} data-testid="conflict">
      <Modal.Header tag="h2" isDanger>
        {t('conflict.title')}
      </Modal.Header>
      <Modal.Body>
        <Paragraph>{t('conflict.body')}</Paragraph>
        {comparing && (
          <Table size="small" aria-label={t('conflict.compare')}>
            <Table.Head>
              <Table.HeaderRow>
                <Table.HeaderCell width="20%">{t('conflict.field')}</Table.HeaderCell>
                <Table.HeaderCell>{t('conflict.mine')}</Table.HeaderCell>
                <Table.HeaderCell>{t('conflict.theirs')}</Table.HeaderCell>
              </Table.HeaderRow>
            </Table.Head>
            <Table.Body>
              {rows.map(([label, left, right]) => (
                <Table.Row key={label} isStriped={left !== right}>
                  <Table.Cell>{label}</Table.Cell>
                  <Table.Cell>
                    <Pre>{left}</Pre>
                  </Table.Cell>
                  <Table.Cell>
                    <Pre>{right}</Pre>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Modal.Body>
      <Modal.Footer>
        {comparing ? (
          <Modal.FooterItem>
            <Button onClick={onKeepMine}>{t('conflict.keepMine')}</Button>
          </Modal.FooterItem>
        ) : (
          <Modal.FooterItem>
            <Button onClick={() => setComparing(true)}>{t('conflict.compare')}</Button>
          </Modal.FooterItem>
        )}
        <Modal.FooterItem>
          <Button isPrimary onClick={onReload}>
            {t('conflict.reload')}
          </Button>
        </Modal.FooterItem>
      </Modal.Footer>
      <Modal.Close aria-label={t('common.close')} />
    </Modal>
  );
}
