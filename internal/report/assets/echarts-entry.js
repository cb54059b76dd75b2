// The entry of the echarts build that kompass embeds (build-echarts.sh):
// only the charts, components and renderer the report's options use, so
// that the self-contained report stays small. Exposed as the global
// `echarts` with what init.js and the browser tests call.
import { use } from 'echarts/core';
import { RadarChart, BarChart } from 'echarts/charts';
import {
  TitleComponent, // title (hidden; the page has the heading)
  LegendComponent, // legend, plain and type "scroll"
  TooltipComponent, // tooltip
  GridComponent, // grid, xAxis, yAxis of the bar chart
  RadarComponent, // radar (RadarChart installs it too)
  AriaComponent, // aria
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([RadarChart, BarChart, TitleComponent, LegendComponent, TooltipComponent, GridComponent, RadarComponent, AriaComponent, SVGRenderer]);

// chart.setOption, resize, getOption and dispatchAction are methods of
// what init returns.
export { init, getInstanceByDom, dispose, version } from 'echarts/core';
