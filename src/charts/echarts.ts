/** The parts of ECharts the first view uses, registered once (the full bundle costs ~175 KB gzipped more). */
import { LineChart } from "echarts/charts";
import { GridComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import { dispose, getInstanceByDom, init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

// The SVG renderer is registered where it is needed (tests, exports); the map registers its own
// parts. Legends are HTML on screen (charts/legend.ts); exports register ECharts' own.
use([LineChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type { EChartsCoreOption as EChartsOption } from "echarts/core";
/**
 * What the app and echarts-for-react call, named one by one: a namespace import of
 * "echarts/core" would keep all of it, maps' GeoJSON parser included, on the Overview's path.
 * The map (registerMap), exports (graphic) and the wall theme (registerTheme) import theirs.
 */
export const echarts = { init, dispose, getInstanceByDom, use };
