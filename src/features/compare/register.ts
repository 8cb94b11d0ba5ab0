import { BarChart, RadarChart } from "echarts/charts";
import { RadarComponent } from "echarts/components";
import { echarts } from "../../charts/echarts";

// Registered here, not in charts/echarts.ts, so that bars and radars stay in the lazy Compare chunk.
echarts.use([BarChart, RadarChart, RadarComponent]);
