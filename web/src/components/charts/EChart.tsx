// A small ECharts host: tree-shaken (only the pieces registered in ./echarts are bundled), resizes with
// its box, disposes on unmount.
import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts';

type Props = { option: ChartOption; height?: number; ariaLabel: string };

export function EChart({ option, height = 300, ariaLabel }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
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

  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
