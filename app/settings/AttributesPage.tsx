/**
 * Settings, "Visitor attributes": per brand, the keys the site sends with `proactive('identify',
 * {attributes})`, each with a type and a label. The rule editor offers them (builder, completion, hover),
 * checks the type of the values compared with them, and warns about keys not declared here.
 */
import { useState } from 'react';
import styled from 'styled-components';
import { Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import { Table } from '@zendeskgarden/react-tables';
import { Code, Paragraph, XXL } from '@zendeskgarden/react-typography';
import type { Attribute } from '@proactive/contract/admin';
import { t } from '../i18n.ts';
import { Loading } from '../shell/Loading.tsx';
import { SelectField } from '../shell/SelectField.tsx';
import { AttributeForm, type AttributeDraft } from './AttributeForm.tsx';
import { useAttributeChange, useAttributes, useBrands } from './queries.ts';
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

const Toolbar = styled.div`
  max-width: 320px;
  margin-bottom: 16px;
`;

const TableScroll = styled.div`
  overflow-x: auto;
  & > table {
    min-width: 560px;
  }
`;

const Actions = styled.div`
  display: flex;
  gap: 8px;
  justify-content: flex-end;
`;

/**
 * The page.
 *
 * @example <AttributesPage />
 */
export default function AttributesPage() {
  const brands = useBrands();
  const [chosenBrand, setChosenBrand] = useState<string | null>(null);
  const brandId = chosenBrand ?? brands.data?.[0]?.id;
  const attributes = useAttributes(brandId);
  const change = useAttributeChange(brandId ?? '');
  const [editing, setEditing] = useState<Attribute | 'new' | null>(null);
  const [removing, setRemoving] = useState<Attribute | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function save(draft: AttributeDraft) {
    if (!brandId) return;
    const key = draft.key.trim();
    const label = draft.label.trim();
    if (editing === 'new' || editing === null) {
      await change.mutateAsync({
        action: 'create',
        input: { brand_id: brandId, key, type: draft.type, ...(label ? { label } : {}) },
      });
    } else {
      await change.mutateAsync({
        action: 'update',
        id: editing.id,
        patch: { key, type: draft.type, label: label || key },
      });
    }
    setEditing(null);
  }

  async function remove(attribute: Attribute) {
    setRemoving(null);
    setProblem(null);
    try {
      await change.mutateAsync({ action: 'remove', id: attribute.id });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  const rows = attributes.data ?? [];
  return (
    <>
      <Heading>
        <div>
          <XXL tag="h1" isBold>
            {t('attributes.title')}
          </XXL>
          <Paragraph>{t('attributes.intro')}</Paragraph>
        </div>
        <Button isPrimary disabled={!brandId} onClick={() => setEditing('new')}>
          {t('attributes.add')}
        </Button>
      </Heading>
      {(brands.data?.length ?? 0) > 1 && (
        <Toolbar>
          <SelectField
            label={t('attributes.brand')}
            value={brandId ?? null}
            options={(brands.data ?? []).map((brand) => ({ value: brand.id, label: brand.name }))}
            onChange={setChosenBrand}
            name="brand"
          />
        </Toolbar>
      )}
      {problem && (
        <Alert type="error" role="alert">
          <Alert.Title>{t('attributes.failed')}</Alert.Title>
          {problem}
          <Alert.Close aria-label={t('common.close')} onClick={() => setProblem(null)} />
        </Alert>
      )}
      {(brands.error ?? attributes.error) && (
        <Alert type="error">{(brands.error ?? attributes.error)?.message}</Alert>
      )}
      {brands.isPending || (brandId && attributes.isPending) ? (
        <Loading />
      ) : !brandId ? (
        <Paragraph>{t('attributes.noBrand')}</Paragraph>
      ) : rows.length === 0 ? (
        <Paragraph>{t('attributes.empty')}</Paragraph>
      ) : (
        <TableScroll>
          <Table aria-label={t('attributes.title')}>
            <Table.Head>
              <Table.HeaderRow>
                <Table.HeaderCell width="30%">{t('attributes.column.key')}</Table.HeaderCell>
                <Table.HeaderCell>{t('attributes.column.label')}</Table.HeaderCell>
                <Table.HeaderCell width="140px">{t('attributes.column.type')}</Table.HeaderCell>
                <Table.HeaderCell width="200px">
                  <span hidden>{t('attributes.column.actions')}</span>
                </Table.HeaderCell>
              </Table.HeaderRow>
            </Table.Head>
            <Table.Body>
              {rows.map((attribute) => (
                <Table.Row key={attribute.id} data-attribute-key={attribute.key}>
                  <Table.Cell>
                    <Code>{attribute.key}</Code>
                  </Table.Cell>
                  <Table.Cell>{attribute.label}</Table.Cell>
                  <Table.Cell>{t(`attributes.type.${attribute.type}`)}</Table.Cell>
                  <Table.Cell>
                    <Actions>
                      <Button
                        size="small"
                        aria-label={t('attributes.edit', { key: attribute.key })}
                        onClick={() => setEditing(attribute)}
                      >
                        {t('list.action.edit')}
                      </Button>
                      <Button
                        size="small"
                        isDanger
                        aria-label={t('attributes.remove', { key: attribute.key })}
                        onClick={() => setRemoving(attribute)}
                      >
                        {t('list.action.delete')}
                      </Button>
                    </Actions>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {editing !== null && (
        <AttributeForm
          editing={editing === 'new' ? null : editing}
          onSave={save}
          onClose={() => setEditing(null)}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('attributes.removeTitle')}
          body={t('attributes.removeConfirm', { key: removing.key })}
          cancelLabel={t('common.cancel')}
          confirmLabel={t('list.action.delete')}
          onCancel={() => setRemoving(null)}
          onConfirm={() => void remove(removing)}
        />
      )}
    </>
  );
}
