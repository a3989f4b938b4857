/**
 * The expandable "Condition key": every object, field, operator and value the builder offers, with its
 * documentation, straight from the catalog, as a table (one row per field), then the brand's declared
 * visitor attributes, then the events.
 */
import styled from 'styled-components';
import { Accordion } from '@zendeskgarden/react-accordions';
import { Table } from '@zendeskgarden/react-tables';
import { Code, Paragraph, Span } from '@zendeskgarden/react-typography';
import {
  catalog,
  encodeString,
  events,
  fields,
  objects,
  operatorByName,
  type AttributeDeclaration,
  type ValueControl,
} from '@proactive/dsl';
import { catalogText, t } from '../i18n.ts';

/** What a field without symbols takes, by the control its kind edits values with. */
const anyValueKeys: Record<ValueControl['control'], string> = {
  chips: 'rules.keyAnyText',
  select: 'rules.keyAnyText',
  language: 'rules.keyAnyLanguage',
  number: 'rules.keyAnyNumber',
  boolean: 'rules.keyAnyBoolean',
  typed: 'rules.keyAnyTyped',
};

/** How a comparison of each declared type reads. */
const attributeExamples: Record<AttributeDeclaration['type'], string> = {
  text: 'is "pro"',
  number: '>= 10',
  boolean: 'is true',
};

const Scroll = styled.div`
  overflow-x: auto;
  margin-bottom: 16px;
  & > table {
    min-width: 720px;
  }
  td {
    vertical-align: top;
  }
  code {
    overflow-wrap: anywhere;
  }
`;

/**
 * The reference accordion; `attributes` are the brand's declared visitor attributes, listed when any.
 *
 * @example <ConditionKey attributes={[{ key: 'plan', type: 'text', label: 'Plan' }]} />
 */
export function ConditionKey({ attributes = [] }: { attributes?: readonly AttributeDeclaration[] }) {
  return (
    <Accordion level={3} isCompact isCollapsible isExpandable defaultExpandedSections={[]}>
      <Accordion.Section>
        <Accordion.Header>
          <Accordion.Label>{t('rules.key')}</Accordion.Label>
        </Accordion.Header>
        <Accordion.Panel>
          <Scroll>
            <Table size="small" aria-label={t('rules.key')} data-testid="condition-key">
              <Table.Head>
                <Table.HeaderRow>
                  <Table.HeaderCell width="18%">{t('rules.keyColumn.object')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('rules.keyColumn.field')}</Table.HeaderCell>
                  <Table.HeaderCell width="22%">{t('rules.keyColumn.operators')}</Table.HeaderCell>
                  <Table.HeaderCell width="16%">{t('rules.keyColumn.values')}</Table.HeaderCell>
                  <Table.HeaderCell width="24%">{t('rules.keyColumn.example')}</Table.HeaderCell>
                </Table.HeaderRow>
              </Table.Head>
              <Table.Body>
                {objects.flatMap((object) => {
                  const own = fields.filter((field) => field.object === object.name);
                  return own.map((field, index) => (
                    <Table.Row key={field.name}>
                      {index === 0 && (
                        <Table.Cell rowSpan={own.length}>
                          <Span isBold>{catalogText('objects', object)}</Span>
                          <Paragraph size="small">{catalogText('objects', object, 'doc')}</Paragraph>
                        </Table.Cell>
                      )}
                      <Table.Cell>
                        <Span isBold>{catalogText('fields', field)}</Span>
                        <div>
                          <Code>{field.name}</Code>
                        </div>
                        <Paragraph size="small">{catalogText('fields', field, 'doc')}</Paragraph>
                      </Table.Cell>
                      <Table.Cell>
                        {field.operators
                          .map((name) => catalogText('operators', operatorByName(name)))
                          .join(', ')}
                      </Table.Cell>
                      <Table.Cell>
                        {field.symbols?.map((symbol) => catalogText('values', symbol)).join(', ') ??
                          t(anyValueKeys[catalog.kindOf(field).valueControl(field).control])}
                      </Table.Cell>
                      <Table.Cell>
                        <Code>{`${field.name}${field.key ? `[${field.key.example}]` : ''} ${operatorByName(field.operators[0] ?? 'is').keyword} ${field.example}`}</Code>
                      </Table.Cell>
                    </Table.Row>
                  ));
                })}
              </Table.Body>
            </Table>
          </Scroll>
          {attributes.length > 0 && (
            <Scroll>
              <Table
                size="small"
                aria-label={t('rules.keyAttributes')}
                data-testid="condition-key-attributes"
              >
                <Table.Head>
                  <Table.HeaderRow>
                    <Table.HeaderCell width="30%">{t('attributes.column.key')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('attributes.column.label')}</Table.HeaderCell>
                    <Table.HeaderCell width="16%">{t('attributes.column.type')}</Table.HeaderCell>
                    <Table.HeaderCell width="30%">{t('rules.keyColumn.example')}</Table.HeaderCell>
                  </Table.HeaderRow>
                </Table.Head>
                <Table.Body>
                  {attributes.map((attribute) => (
                    <Table.Row key={attribute.key}>
                      <Table.Cell>
                        <Code>{attribute.key}</Code>
                      </Table.Cell>
                      <Table.Cell>{attribute.label ?? attribute.key}</Table.Cell>
                      <Table.Cell>{t(`attributes.type.${attribute.type}`)}</Table.Cell>
                      <Table.Cell>
                        <Code>{`visitor.attributes[${encodeString(attribute.key)}] ${attributeExamples[attribute.type]}`}</Code>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </Scroll>
          )}
          <Table size="small" aria-label={t('rules.when')}>
            <Table.Head>
              <Table.HeaderRow>
                <Table.HeaderCell width="30%">{t('rules.event')}</Table.HeaderCell>
                <Table.HeaderCell>{t('rules.keyColumn.meaning')}</Table.HeaderCell>
              </Table.HeaderRow>
            </Table.Head>
            <Table.Body>
              {events.map((event) => (
                <Table.Row key={event.name}>
                  <Table.Cell>
                    <Span isBold>{catalogText('events', event)}</Span>
                  </Table.Cell>
                  <Table.Cell>{catalogText('events', event, 'doc')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </Accordion.Panel>
      </Accordion.Section>
    </Accordion>
  );
}
