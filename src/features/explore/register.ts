import { BarChart } from "echarts/charts";
import { echarts } from "../../charts/echarts";

// Registered here, not in charts/echarts.ts, so that the bars of the funding and talent chart
// stay in the lazy Explore chunk (the pattern of charts/map/register.ts).
echarts.use([BarChart]);
