// The ECharts pieces the app uses, registered once. Add a chart type here before using it.
import { PieChart, type PieSeriesOption } from 'echarts/charts';
import {
  LegendComponent,
  TooltipComponent,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([PieChart, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<
  PieSeriesOption | LegendComponentOption | TooltipComponentOption
>;
export { echarts };
