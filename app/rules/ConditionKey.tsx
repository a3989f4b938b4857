/**
 * The expandable "Condition key": every object, field, operator and value the builder offers, with its
 * documentation, straight from the catalog.
 */
import styled from 'styled-components';
import { Accordion } from '@zendeskgarden/react-accordions';
import { Code, Paragraph, Span } from '@zendeskgarden/react-typography';
import { events, fields, objects, operatorByName } from '@proactive/dsl';
import { catalogText, t } from '../i18n.ts';

const Entry = styled.div`
  margin-bottom: 12px;
`;

/**
 * The reference accordion.
 *
 * @example <ConditionKey />
 */
export function ConditionKey() {
  return (
    <Accordion level={3} isCompact isCollapsible isExpandable defaultExpandedSections={[]}>
      <Accordion.Section>
        <Accordion.Header>
          <Accordion.Label>{t('rules.key')}</Accordion.Label>
        </Accordion.Header>
        <Accordion.Panel>
          {objects.map((object) => (
            <Entry key={object.name}>
              <Span isBold>{catalogText('objects', object)}</Span> <Code>{object.name}</Code>
              <Paragraph size="small">{catalogText('objects', object, 'doc')}</Paragraph>
              {fields
                .filter((field) => field.object === object.name)
                .map((field) => (
                  <Entry key={field.name} style={{ marginLeft: 16 }}>
                    <Span isBold>{catalogText('fields', field)}</Span> <Code>{field.name}</Code>
                    <Paragraph size="small">{catalogText('fields', field, 'doc')}</Paragraph>
                    <Paragraph size="small">
                      {t('rules.keyOperators')}{' '}
                      {field.operators
                        .map((name) => catalogText('operators', operatorByName(name)))
                        .join(', ')}
                    </Paragraph>
                    {field.symbols && (
                      <Paragraph size="small">
                        {t('rules.keyValues')}{' '}
                        {field.symbols.map((symbol) => catalogText('values', symbol)).join(', ')}
                      </Paragraph>
                    )}
                    <Paragraph size="small">
                      {t('rules.keyExample')}{' '}
                      <Code>{`${field.name} ${operatorByName(field.operators[0] ?? 'is').keyword} ${field.example}`}</Code>
                    </Paragraph>
                  </Entry>
                ))}
            </Entry>
          ))}
          <Entry>
            <Span isBold>{t('rules.when')}</Span>
            {events.map((event) => (
              <Paragraph key={event.name} size="small">
                <Span isBold>{catalogText('events', event)}</Span>: {catalogText('events', event, 'doc')}
              </Paragraph>
            ))}
          </Entry>
        </Accordion.Panel>
      </Accordion.Section>
    </Accordion>
  );
}
