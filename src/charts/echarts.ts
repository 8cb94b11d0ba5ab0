/** The parts of ECharts the first view uses, registered once (the full bundle costs ~175 KB gzipped more). */
import { LineChart } from "echarts/charts";
import { GridComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

// The SVG renderer is registered where it is needed (tests, exports); the map registers its own
// parts. Legends are HTML on screen (charts/legend.ts); exports register ECharts' own.
echarts.use([LineChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type { EChartsCoreOption as EChartsOption } from "echarts/core";
export { echarts };
