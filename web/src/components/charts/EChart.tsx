// A small ECharts host: tree-shaken (only the pieces registered in ./echarts are bundled), resizes with
// its box, disposes on unmount. A click on a bar, point, slice or funnel stage goes to `onClick` (pages
// turn it into a link to the records behind the figure).
import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts';

export type ChartClick = { seriesIndex?: number; seriesId?: string; dataIndex: number; name: string };

type Props = {
  option: ChartOption;
  height?: number;
  ariaLabel: string;
  onClick?: (e: ChartClick) => void;
  'data-testid'?: string;
};

export function EChart({ option, height = 300, ariaLabel, onClick, ...rest }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof echarts.init> | null>(null);
  const clickRef = useRef(onClick);

  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (p) => {
      if (typeof p.dataIndex !== 'number') return;
      clickRef.current?.({
        seriesIndex: p.seriesIndex,
        seriesId: p.seriesId ?? undefined,
        dataIndex: p.dataIndex,
        name: p.name,
      });
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={ariaLabel}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
      {...rest}
    />
  );
}
