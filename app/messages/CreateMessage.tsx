/**
 * Screen 2, "Create proactive message": Name, Brand (only when there are several) and Channel (only the
 * chosen brand's web widgets), then Next creates the draft and opens its configuration page.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import styled from 'styled-components';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Alert } from '@zendeskgarden/react-notifications';
import { XXL, Paragraph } from '@zendeskgarden/react-typography';
import { call } from '../api/client.ts';
import { t } from '../i18n.ts';
import { useApi } from '../shell/context.tsx';
import { queryKeys } from '../shell/queries.ts';
import { Loading } from '../shell/Loading.tsx';
import { navigate } from '../shell/router.ts';
import { SelectField } from '../shell/SelectField.tsx';
import { describeError } from './errors.ts';

const Form = styled.form`
  max-width: 560px;
  display: flex;
  flex-direction: column;
  gap: 20px;
`;

const Actions = styled.div`
  display: flex;
  gap: 12px;
`;

/**
 * The create page.
 *
 * @example <CreateMessage />
 */
export function CreateMessage() {
  const api = useApi();
  const brandsQuery = useQuery({ queryKey: queryKeys.brands, queryFn: () => call(api.brands.$get()) });
  const channelsQuery = useQuery({
    queryKey: queryKeys.channels,
    queryFn: () => call(api.channels.$get({ query: {} })),
  });
  const [name, setName] = useState('');
  const [chosenBrand, setBrandId] = useState<string | null>(null);
  const [chosenChannel, setChannelId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The first brand until one is chosen; its only channel when it has just one.
  const brands = useMemo(() => brandsQuery.data ?? [], [brandsQuery.data]);
  const brandId = chosenBrand ?? brands[0]?.id ?? null;
  const channels = useMemo(
    () => (channelsQuery.data ?? []).filter((channel) => channel.brand_id === brandId),
    [channelsQuery.data, brandId],
  );
  const channelId =
    chosenChannel && channels.some((channel) => channel.id === chosenChannel)
      ? chosenChannel
      : channels.length === 1
        ? (channels[0]?.id ?? null)
        : null;
  const loadError = brandsQuery.error ?? channelsQuery.error;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('create.nameRequired');
    if (!brandId) found.brand = t('create.brandRequired');
    if (!channelId) found.channel = t('create.channelRequired');
    setErrors(found);
    if (Object.keys(found).length > 0 || !brandId || !channelId) return;
    setBusy(true);
    setFailure(null);
    try {
      const message = await call(
        api.messages.$post({ json: { name: name.trim(), brand_id: brandId, channel_id: channelId } }),
      );
      navigate({ page: 'editor', id: message.id });
    } catch (error) {
      setFailure(describeError(error, name));
    } finally {
      setBusy(false);
    }
  }

  if (brandsQuery.isPending || channelsQuery.isPending) return <Loading />;
  return (
    <Form onSubmit={submit} noValidate aria-labelledby="create-title">
      <div>
        <XXL tag="h1" isBold id="create-title">
          {t('create.title')}
        </XXL>
        <Paragraph>{t('create.intro')}</Paragraph>
      </div>
      {(failure || loadError) && (
        <Alert type="error" role="alert">
          {failure ?? loadError?.message}
        </Alert>
      )}
      <Field>
        <Field.Label>{t('create.name')}</Field.Label>
        <Field.Hint>{t('create.nameHint')}</Field.Hint>
        <Input
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
          validation={errors.name ? 'error' : undefined}
        />
        {errors.name && <Field.Message validation="error">{errors.name}</Field.Message>}
      </Field>
      {brands.length > 1 && (
        <SelectField
          label={t('create.brand')}
          hint={t('create.brandHint')}
          value={brandId}
          options={brands.map((brand) => ({ value: brand.id, label: brand.name }))}
          onChange={setBrandId}
          error={errors.brand}
          name="brand"
        />
      )}
      <SelectField
        label={t('create.channel')}
        hint={t('create.channelHint')}
        value={channelId}
        placeholder={t('create.channelPlaceholder')}
        options={channels.map((channel) => ({ value: channel.id, label: channel.name }))}
        onChange={setChannelId}
        error={errors.channel ?? (channels.length === 0 ? t('create.noChannels') : null)}
        name="channel"
      />
      <Actions>
        <Button isBasic onClick={() => navigate({ page: 'messages' })}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" isPrimary disabled={busy}>
          {t('common.next')}
        </Button>
      </Actions>
    </Form>
  );
}
