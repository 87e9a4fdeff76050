// The ECharts pieces the talent pages add to the shared registry (components/charts/echarts.ts registers
// the pie, legend, tooltip and canvas renderer): bars, lines, the funnel and the cartesian grid.
import {
  BarChart,
  FunnelChart,
  LineChart,
  type BarSeriesOption,
  type FunnelSeriesOption,
  type LineSeriesOption,
  type PieSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { echarts } from '../../components/charts/echarts';

echarts.use([BarChart, LineChart, FunnelChart, GridComponent]);

export type TalentChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | FunnelSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

export { echarts };

/** The palette of the talent charts: demand warm, supply cool, rates distinct. */
export const colors = {
  demand: '#c98a1b',
  supply: '#1f6f8b',
  employment: '#3a8f5c',
  local: '#1f6f8b',
  related: '#7a5ea8',
  applications: '#5b7bd5',
};
