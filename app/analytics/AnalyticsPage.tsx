/**
 * Screen 6, "Message analytics": one message's sent / opened / dismissed / replied totals and their daily
 * series over a chosen period, as a chart and a table.
 */
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import styled from 'styled-components';
import { Anchor } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import { Table } from '@zendeskgarden/react-tables';
import { Paragraph, XXL, XL, Span } from '@zendeskgarden/react-typography';
import { call } from '../api/client.ts';
import { t } from '../i18n.ts';
import { useApi } from '../shell/context.tsx';
import { queryKeys } from '../shell/queries.ts';
import { Loading } from '../shell/Loading.tsx';
import { palette } from '../shell/palette.ts';
import { navigate } from '../shell/router.ts';
import { SelectField } from '../shell/SelectField.tsx';
import { LineChart, type ChartSeries } from './LineChart.tsx';

const Totals = styled.div`
  display: grid;
  grid-template-columns: repeat(4, minmax(120px, 1fr));
  gap: 16px;
  margin: 24px 0;
`;

const Tile = styled.div`
  border: 1px solid ${palette.grey300};
  border-radius: 8px;
  padding: 16px;
`;

const Swatch = styled.span<{ $color: string }>`
  display: inline-block;
  width: 10px;
  height: 10px;
  border-radius: 2px;
  margin-right: 6px;
  background: ${(p) => p.$color};
`;

const metrics = [
  { key: 'sent', color: palette.blue600 },
  { key: 'opened', color: palette.green600 },
  { key: 'dismissed', color: palette.yellow600 },
  { key: 'replied', color: palette.red700 },
] as const;

const periods = [7, 30, 90];

/**
 * The analytics page of one message.
 *
 * @example <AnalyticsPage id="m1" />
 */
export default function AnalyticsPage({ id }: { id: string }) {
  const api = useApi();
  const [days, setDays] = useState(30);
  const data = useQuery({
    queryKey: queryKeys.messageStats(id, days),
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const to = new Date();
      const from = new Date(to.getTime() - (days - 1) * 86_400_000);
      const day = (date: Date) => date.toISOString().slice(0, 10);
      const [message, stats] = await Promise.all([
        call(api.messages[':id'].$get({ param: { id } })),
        call(api.messages[':id'].stats.$get({ param: { id }, query: { from: day(from), to: day(to) } })),
      ]);
      return { message, stats };
    },
  });
  if (data.error) return <Alert type="error">{data.error.message}</Alert>;
  if (!data.data) return <Loading />;
  const { message, stats } = data.data;
  const series: ChartSeries[] = metrics.map((metric) => ({
    key: metric.key,
    label: t(`analytics.${metric.key}`),
    color: metric.color,
    values: stats.series.map((day) => day[metric.key]),
  }));
  const rate = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—');
  return (
    <>
      <Anchor
        href={`#/messages/${encodeURIComponent(id)}`}
        onClick={(event) => {
          event.preventDefault();
          navigate({ page: 'editor', id });
        }}
      >
        {t('analytics.back', { name: message.name })}
      </Anchor>
      <XXL tag="h1" isBold>
        {t('analytics.title', { name: message.name })}
      </XXL>
      <div style={{ maxWidth: 240, marginTop: 16 }}>
        <SelectField
          label={t('analytics.period')}
          value={String(days)}
          options={periods.map((value) => ({
            value: String(value),
            label: t('analytics.lastDays', { days: value }),
          }))}
          onChange={(value) => setDays(Number(value))}
          name="period"
        />
      </div>
      <Totals>
        {metrics.map((metric) => (
          <Tile key={metric.key} data-metric={metric.key}>
            <Span>
              <Swatch $color={metric.color} />
              {t(`analytics.${metric.key}`)}
            </Span>
            <XL isBold>{stats.totals[metric.key]}</XL>
            {metric.key !== 'sent' && (
              <Paragraph size="small">
                {t('analytics.rate', { rate: rate(stats.totals[metric.key], stats.totals.sent) })}
              </Paragraph>
            )}
          </Tile>
        ))}
      </Totals>
      <LineChart
        title={t('analytics.chartTitle', { from: stats.from, to: stats.to })}
        labels={stats.series.map((day) => day.date)}
        series={series}
      />
      <Table size="small" aria-label={t('analytics.table')} style={{ marginTop: 24 }}>
        <Table.Head>
          <Table.HeaderRow>
            <Table.HeaderCell>{t('analytics.date')}</Table.HeaderCell>
            {metrics.map((metric) => (
              <Table.HeaderCell key={metric.key}>{t(`analytics.${metric.key}`)}</Table.HeaderCell>
            ))}
          </Table.HeaderRow>
        </Table.Head>
        <Table.Body>
          {stats.series
            .filter((day) => day.sent || day.opened || day.dismissed || day.replied)
            .reverse()
            .map((day) => (
              <Table.Row key={day.date}>
                <Table.Cell>{day.date}</Table.Cell>
                {metrics.map((metric) => (
                  <Table.Cell key={metric.key}>{day[metric.key]}</Table.Cell>
                ))}
              </Table.Row>
            ))}
        </Table.Body>
      </Table>
    </>
  );
}
