/**
 * Texts of Data & methods' account of how the dashboard judges, and of an indicator's
 * measure (also shown in Explore's metadata): loaded with those chunks (see messages.ts).
 */
export const zh = {
  "measure.stock": "存量：年度值为年末（第四季度）值",
  "measure.flow": "流量：年度值为四个季度之和",
  "measure.rate": "比率（%）：变化以百分点计",
  "target.base": "基期 {period}",
  "target.baseValue": "基期 {period}：{value}",
  "target.noBase": "规划未给出基期，从首个数据年份起算",
  "methods.title": "判断方法",
  "methods.intro": "仪表板中的每个判断都由同一组纯函数计算（src/domain/），各视图与导出共用。",
  "methods.change":
    "变化：与上年同期相比（同比）。季度数据与上年同一季度比较，从不与上一季度比较，以免把季节波动当作变化。比率（单位为 %）的变化以百分点计，其他指标以百分比计。",
  "methods.targets":
    "目标进度：路径从规划基期（规划给出的基期值，或该基期的数值）以直线通往目标；规划未给出基期时从首个数据年份起算，并在表中注明。目标年份已过的，按目标年份的数值判断，而不是最新值。判断为“已达成”（达到目标）、“按计划”（在路径上或超前）或“落后”（低于路径，或目标年份已过而未达成）；越低越好的指标方向相反。",
  "methods.behind":
    "哪里落后：按进展而非水平判断。比率看自基期以来提高的百分点，与全省路径同期要求提高的百分点相比；总量看自基期以来的增长倍数，与路径要求的增长倍数相比（差距以本地区基期值的百分比表示）。水平低但进展快的地区不算落后，水平高但下滑的地区算落后。",
  "methods.classes":
    "地图分级：分位数与自然间断（Ckmeans）分级不会留下空级（落在并列值上的分界被去掉）；等距分级可能有空级。进入某市时，颜色沿用全省同层级的分级，与“第几/共几”的排名一致，图例注明分级范围。",
  "methods.measure":
    "存量、流量与比率：存量（如基站数）的年度值等于第四季度值，流量（如零售额）的年度值等于四个季度之和；导入数据时两者均按指标容差核对。",
};

export const en: Record<keyof typeof zh, string> = {
  "measure.stock": "stock: a year is its year-end (Q4) value",
  "measure.flow": "flow: a year is the sum of its quarters",
  "measure.rate": "rate (%): changes in percentage points",
  "target.base": "from {period}",
  "target.baseValue": "from {period}: {value}",
  "target.noBase": "the plan gives no base: measured from the first year of data",
  "methods.title": "How the dashboard judges",
  "methods.intro":
    "Every judgment on the dashboard comes from one set of pure functions (src/domain/), shared by every view and export.",
  "methods.change":
    "Changes are on the same period a year earlier (year on year): a quarter is compared with the same quarter of the year before, never with the quarter before, so that seasonality is not read as change. Changes of rates (unit %) are in percentage points, of other indicators in percent.",
  "methods.targets":
    "Progress against targets: the path runs straight from the plan's base (the base value the plan states, or the value of its base period) to the target; where the plan gives no base, from the first year of data, and the table says so. A target whose year has passed is judged on that year's value, not the latest. Verdicts: achieved (the target is reached), on track (on or ahead of the path), behind (below the path, or the target year passed unmet); mirrored when lower is better.",
  "methods.behind":
    "Where we are behind judges progress, not level: rates by the percentage points gained since the baseline against the points the province's path gains over the same years; amounts by their growth since the baseline against the growth the path asks (the gap in % of the region's baseline). A region with a low level that gains fast is not behind; a high-level region that slides is.",
  "methods.classes":
    'Map classes: quantiles and natural breaks (Ckmeans) never leave a class empty (a break that falls on tied values is dropped); equal intervals may. Drilled into a city, the colours keep the classes of the province\'s whole level, so that they agree with the ranks ("17 / 124"); the legend says which.',
  "methods.measure":
    "Stocks, flows and rates: a stock's year (base stations, say) equals its fourth quarter, a flow's year (retail sales) the sum of its quarters; the importer checks both within the indicator's tolerance.",
};
