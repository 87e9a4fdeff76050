// A horizontal bar chart of a few categories and one or two series (e.g. capacity vs placed), drawn by the
// shared chart host.
import { Grid } from 'antd';
import { useMemo } from 'react';
import { EChart } from '../../components/charts/EChart';
import type { ChartOption } from '../../components/charts/echarts';

export type BarSeriesSpec = { name: string; values: number[]; color: string };

type Props = {
  categories: string[];
  series: BarSeriesSpec[];
  ariaLabel: string;
  /** bars overlap (e.g. placed drawn over capacity) instead of standing side by side */
  overlap?: boolean;
};

export function BarChart({ categories, series, ariaLabel, overlap }: Props) {
  const height = Math.max(160, categories.length * 28 + 70);
  // on a phone the names get less room and the value axis fewer ticks
  const wide = Grid.useBreakpoint().md ?? true;

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, splitNumber: wide ? 5 : 3 },
      yAxis: {
        type: 'category',
        // the first category on top
        data: [...categories].reverse(),
        axisLabel: { width: wide ? 180 : 96, overflow: 'truncate' },
      },
      series: series.map((s, i) => ({
        type: 'bar',
        name: s.name,
        data: [...s.values].reverse(),
        itemStyle: { color: s.color },
        barMaxWidth: 18,
        ...(overlap && i > 0 ? { barGap: '-100%' } : {}),
      })),
    }),
    [categories, series, overlap, wide],
  );

  return <EChart option={option} height={height} ariaLabel={ariaLabel} />;
}
