/**
 * A small SVG line chart of daily counts, drawn by hand (no chart library): one line per series, a y axis
 * with round ticks, dates on the x axis, and a table alternative for assistive tools.
 */
import { palette } from '../shell/palette.ts';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  values: number[];
}

export interface LineChartProps {
  /** One label per point (dates). */
  labels: string[];
  series: ChartSeries[];
  title: string;
  width?: number;
  height?: number;
}

/**
 * Round tick values from 0 to at least `max`.
 *
 * @example niceTicks(7) // [0, 2, 4, 6, 8]
 */
export function niceTicks(max: number, count = 4): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? rough;
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) ticks.push(value);
  return ticks;
}

/**
 * The SVG path of values scaled into a box.
 *
 * @example linePath([0, 5, 10], 100, 50, 10) // 'M0,50 L50,25 L100,0'
 */
export function linePath(values: number[], width: number, height: number, top: number): string {
  if (values.length === 0) return '';
  const stepX = values.length > 1 ? width / (values.length - 1) : 0;
  return values
    .map((value, index) => {
      const x = Math.round(index * stepX * 10) / 10;
      const y = Math.round((height - (value / top) * height) * 10) / 10;
      return `${index === 0 ? 'M' : 'L'}${x},${y}`;
    })
    .join(' ');
}

/**
 * The chart.
 *
 * @example <LineChart title="Last 30 days" labels={dates} series={[{ key: 'sent', label: 'Sent', color: '#1f73b7', values }]} />
 */
export function LineChart({ labels, series, title, width = 720, height = 260 }: LineChartProps) {
  const margin = { top: 16, right: 16, bottom: 32, left: 40 };
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const max = Math.max(0, ...series.flatMap((line) => line.values));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1] ?? 1;
  const labelEvery = Math.max(1, Math.ceil(labels.length / 6));
  const stepX = labels.length > 1 ? innerWidth / (labels.length - 1) : 0;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label={title}
      data-testid="analytics-chart"
    >
      <title>{title}</title>
      <g transform={`translate(${margin.left},${margin.top})`}>
        {ticks.map((tick) => {
          const y = innerHeight - (tick / top) * innerHeight;
          return (
            <g key={tick}>
              <line x1={0} x2={innerWidth} y1={y} y2={y} stroke={palette.grey200} />
              <text x={-8} y={y + 4} textAnchor="end" fontSize={11} fill={palette.grey700}>
                {tick}
              </text>
            </g>
          );
        })}
        {labels.map((label, index) =>
          index % labelEvery === 0 || index === labels.length - 1 ? (
            <text
              key={label}
              x={index * stepX}
              y={innerHeight + 20}
              textAnchor="middle"
              fontSize={11}
              fill={palette.grey700}
            >
              {label.slice(5)}
            </text>
          ) : null,
        )}
        {series.map((line) => (
          <g key={line.key} data-series={line.key}>
            <path
              d={linePath(line.values, innerWidth, innerHeight, top)}
              fill="none"
              stroke={line.color}
              strokeWidth={2}
            />
            {line.values.map((value, index) =>
              value > 0 ? (
                <circle
                  key={index}
                  cx={index * stepX}
                  cy={innerHeight - (value / top) * innerHeight}
                  r={3}
                  fill={line.color}
                >
                  <title>{`${line.label} ${labels[index] ?? ''}: ${value}`}</title>
                </circle>
              ) : null,
            )}
          </g>
        ))}
      </g>
    </svg>
  );
}
