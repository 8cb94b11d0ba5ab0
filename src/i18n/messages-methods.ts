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
  "target.others": "另有 {n} 个地区的分解目标",
  "methods.title": "判断方法",
  "methods.intro": "仪表板中的每个判断都由同一组纯函数计算（src/domain/），各视图与导出共用。",
  "methods.change":
    "变化：与上年同期相比（同比）。季度数据与上年同一季度比较，从不与上一季度比较，以免把季节波动当作变化。比率（单位为 %）的变化以百分点计，其他指标以百分比计。",
  "methods.targets":
    "目标进度（今天是否按计划）：目标路径从规划基期（规划给出的基期值，或该基期的数值）通往目标。总量指标按年均增长率不变（规划以“年均增长”表述目标），即基期值 ×（目标值 ÷ 基期值）^（已过年数 ÷ 总年数）；比率指标（单位为 %）按百分点线性推进；基期值或目标值不大于 0 的总量无法按增长率推进，改为线性。规划未给出基期时从首个数据年份起算，并在表中注明。目标年份已过的，按目标年份的数值判断，而不是最新值。判断为“已达成”（达到目标）、“按计划”（在路径上或超前）或“落后”（低于路径，或目标年份已过而未达成）；越低越好的指标方向相反。",
  "methods.model":
    "目标判断以欧盟“数字十年”（Digital Decade）监测为范本：欧盟委员会联合研究中心（JRC）的方法为每个目标给出“目标轨迹”（到达目标的路径）与“基线轨迹”（按当前趋势的去向），份额类指标采用 S 形曲线，两者之差即“所需努力”。本仪表板对全省及有分解目标的地区逐一计算。",
  "methods.projection":
    "当前趋势预测：取最近至多 6 个年度数值拟合（终值、初步值或估计值均可，空值跳过）。总量指标用对数线性模型（即年均增长率不变），要求各值均大于 0，否则用直线；比率指标用以 0 和 100 为界的逻辑斯蒂（S 形）曲线，对数值的 logit 做最小二乘线性拟合，取 logit 前先把数值限制在 0.5–99.5 之间（0 或 100 没有 logit）；若有数值超出 0–100，或有两个以上数值落在 0.5 以下或 99.5 以上（贴着边界的序列无法确定曲线），改用直线，且直线预测限制在 0–100 之内。少于 3 个数值时用直线，少于 2 个不作预测。表中注明所用方法。",
  "methods.band":
    "80% 预测区间：由拟合残差按标准预测区间公式计算，t 分布自由度为 n − 2，含杠杆项，因此离已有数据越远区间越宽；在对数或 logit 尺度上计算后再变换回数值（指数或逻辑斯蒂函数），所以总量的区间上宽下窄。只有 2 个数值时没有残差可估计离散程度，区间即为中心值，并标明“不确定”。",
  "methods.outlook":
    "到目标年份的判断：“已达成”：判断所用的数值已达到目标；“预计达成”：预测区间较差的一端在目标年份仍达到目标；“存在风险”：中心预测达到目标而较差的一端未达到，或较好的一端达到而中心预测未达到；“预计难以达成”：连较好的一端也未达到。目标年份已过的，按该年数值判断：达到为“已达成”，否则为“预计难以达成”。越低越好的指标，所有比较方向相反（较差的一端是区间上端）。",
  "methods.effort":
    "所需努力：从最新数值到目标，每年需要的变化（比率为每年百分点，总量为年均增长率 %），与自基期以来每年实际达到的变化并列；目标年份已到则不再计算所需努力。数值带符号：负数表示下降。",
  "methods.behind":
    "哪里落后：按进展而非水平判断。数据为某地区给出分解目标的，按该地区自己的目标路径判断（取尚未过去的最近一个目标）；否则与全省路径比较：比率看自基期以来提高的百分点，与全省路径同期要求提高的百分点相比；总量看自基期以来的增长倍数，与路径要求的增长倍数相比（差距以本地区基期值的百分比表示）。水平低但进展快的地区不算落后，水平高但下滑的地区算落后。水平与进展分列两栏。排序先看落后的指标个数，再看最落后一项缺少的进展占路径要求进展的比例（不同单位的指标由此可比）。",
  "methods.warnings":
    "预警（只看年度数值，不看基础数据类指标）：（1）异常变动：与上年相比的变化（比率为百分点，总量为对数比）的稳健 z 值，即（变化 − 中位数）÷（1.4826 × 绝对中位差），同时相对本地区历年变化（至少 5 个）和同级其他地区当年的变化（至少 4 个）超过阈值 3.5，且方向相同；离散程度不低于比率 0.5 个百分点、总量 0.05（约 5% 的增长），以免过于平稳的序列把普通波动当作异常；按四舍五入所允许的最小变化判断，因此 0.1 变为 0.2 这样的小数值不算翻倍。全省没有同级地区，不作此项检验。（2）连续变差：越高越好的指标最近连续两年下降（越低越好则为上升），每次降幅大于末位小数的半个单位（舍入误差）；之后已回升的不再预警。（3）停报：某地区报送过数值，之后同级其他地区仍在报送的每一年都为空。（4）初步值转为终值时的修订幅度：需要两个数据版本才能比较，目前只有一个版本，暂不检验。严重程度以阈值为 1：异常变动为两个 z 值中较小者的绝对值 ÷ 阈值，连续变差为连续下降年数 − 1，停报为停报年数；严重的在前。",
  "methods.findings":
    "要点由同一组计算逐句生成，不使用语言模型：各目标按到目标年份的判断分类计数并列出；进展落后指标最多的地区（并列者一并列出，至多 5 个）；预警按类别计数。",
  "methods.classes":
    "地图分级：分位数与自然间断（Ckmeans）分级不会留下空级（落在并列值上的分界被去掉）；等距分级可能有空级。进入某市时，颜色沿用全省同层级的分级，与“第几/共几”的排名一致，图例注明分级范围。",
  "methods.measure":
    "存量、流量与比率：存量（如基站数）的年度值等于第四季度值，流量（如零售额）的年度值等于四个季度之和；导入数据时两者均按指标容差核对。",
  "methods.fair.title": "公平比较",
  "methods.fair.why":
    "广东各县级单位的常住人口相差十倍以上。按总量（5G 基站数、网络零售额、ICT 从业人数）着色的分级统计图上，最大的区县总是颜色最深，反映的是规模而不是数字化水平；制图学的通行做法是分级统计图只画比率或密度，总量用比例符号表示。同一条线性坐标轴上，小地区的总量也会贴在零线上。",
  "methods.fair.measures":
    "口径：总量指标可以除以分母显示。分母来自指标目录（每个总量指标的 denominators 列表，第一个为其“自然强度口径”，如 5G 基站数每万人、上云中小企业数每千户登记企业、数字基础设施投资占 GDP 比重），都是目录中的基础指标（常住人口、地区生产总值、实有企业数、规上工业企业数、行政村数、社会消费品零售总额），可追溯到数据本身。土地面积总可用作分母：由边界文件在球面上计算，为近似值（平方公里），显示为每千平方公里。口径写入链接（per=population 等）；没有 per= 的旧链接按自然强度口径打开，并提示口径是新增的。",
  "methods.fair.rules":
    "比率规则（src/domain/intensity.ts，各视图、导出与指数共用）：数值 = 分子 ÷ 分母 × 系数，分子与分母取同一地区、同一期；季度值先找同季度的分母，没有则取当年的存量分母（如年末人口）；分母缺失、为零或为负时该比率为空（无数据），从不记为 0 或无穷大。上级地区的比率是比率之和的比：Σ 分子 ÷ Σ 分母（只计两者都有数值的下级地区），即以分母加权的平均，从不取下级比率的简单平均。",
  "methods.fair.circles": "总量的画法：选“总量”时，地图不再着色，而在中性底图上画比例圆（圆面积与数值成正比），并附大小图例。",
  "methods.fair.axes":
    "时间序列：“对比”与“探索”的图表可改用对数坐标（相同的增长率显示为相同的斜率，大小相差悬殊的地区可同图比较；零和负值无法显示，会注明）和“相对变化”（所选区间首期 = 100）；两者都写入链接并带入导出。",
  "methods.fair.index":
    "数字发展指数不奖励规模（OECD/JRC《综合指标编制手册》：先按规模标准化再汇总）：每个总量指标按其自然强度口径（除以目录中第一个可用分母，同一地区、同一年）进入指数，从不使用原始总量；比率指标按原值进入；基础指标从不进入；没有目录分母的总量指标不进入并注明原因（土地面积不作为指数的口径：按面积折算奖励的是密度，仍是规模）。因此把一个地区的各项总量和分母同乘一个数，所有地区的指数和排名都不变（有性质测试验证）。地区画像的优势、短板、百分位、相似地区和对比基准使用同样的数值。下表由指标目录经同一函数（src/domain/index-inputs.ts）生成。",
  "methods.fair.table": "各指标如何进入数字发展指数",
  "methods.fair.scope":
    "指标：七个板块中除基础指标（地区生产总值、人口等，用作分母和权重）外、在该层级发布的指标，取所选年份的年度值；总量指标按其自然强度口径（如每万人、占GDP比重）进入，没有目录分母的总量指标不进入；比率指标按原值；该年份没有任何单位有数值的指标不参与计算。城市在 21 个城市中比较，县区在 124 个县级单位中比较（东莞、中山各作为一个县级单位）。各指标的进入形式见“公平比较”中的表。",
  "methods.fair.col.indicator": "指标",
  "methods.fair.col.pillar": "板块",
  "methods.fair.col.form": "进入指数的形式",
  "methods.fair.col.levels": "计算指数的层级",
  "methods.fair.ratio": "{measure}：{indicator} ÷ {denominator} × {scale}",
  "methods.fair.asIs": "按原值（比率）",
  "methods.fair.out.context": "不进入：基础指标（用作分母和权重）",
  "methods.fair.out.no-denominator": "不进入：总量指标，目录中没有可用的分母（每千平方公里不用于指数）",
  "methods.fair.out.level": "不进入：不在市、县级发布",
};

export const en: Record<keyof typeof zh, string> = {
  "measure.stock": "stock: a year is its year-end (Q4) value",
  "measure.flow": "flow: a year is the sum of its quarters",
  "measure.rate": "rate (%): changes in percentage points",
  "target.base": "from {period}",
  "target.baseValue": "from {period}: {value}",
  "target.noBase": "the plan gives no base: measured from the first year of data",
  "target.others": "targets of {n} other regions (a decomposition)",
  "methods.title": "How the dashboard judges",
  "methods.intro":
    "Every judgment on the dashboard comes from one set of pure functions (src/domain/), shared by every view and export.",
  "methods.change":
    "Changes are on the same period a year earlier (year on year): a quarter is compared with the same quarter of the year before, never with the quarter before, so that seasonality is not read as change. Changes of rates (unit %) are in percentage points, of other indicators in percent.",
  "methods.targets":
    "Progress against targets (today, on track or not): the target trajectory runs from the plan's base (the base value the plan states, or the value of its base period) to the target. For amounts it grows at a constant annual rate, as plans state their targets (average annual growth): base × (target ÷ base)^(years elapsed ÷ years in all); for rates (unit %) it is straight in percentage points; an amount whose base or target is zero or below has no constant growth and is straight too. Where the plan gives no base, from the first year of data, and the table says so. A target whose year has passed is judged on that year's value, not the latest. Verdicts: achieved (the target is reached), on track (on or ahead of the path), behind (below the path, or the target year passed unmet); mirrored when lower is better.",
  "methods.model":
    "The model for judging targets is the EU's Digital Decade monitoring: the European Commission's Joint Research Centre (JRC) method gives each target a target trajectory (the path that reaches it) and a baseline trajectory (where current trends lead), S-curves for shares, and the gap between them as the effort needed. The dashboard computes them for the province and for every region with a target of its own.",
  "methods.projection":
    "Current trend (projection): fitted on the latest up to 6 annual values (final, preliminary or estimated; empty values skipped). Amounts: log-linear (constant annual growth) when every value is above 0, else a straight line. Rates: a logistic S-curve bounded by 0 and 100, fitted by least squares on the logit of the values, clamped to 0.5–99.5 first (0 and 100 have no logit); a straight line instead when a value lies outside 0–100 or more than one lies below 0.5 or above 99.5 (a series pinned at a bound does not determine a curve), and a straight line for a rate is kept within 0–100. Fewer than 3 values: a straight line; fewer than 2: no projection. The table says which method was used.",
  "methods.band":
    "80% prediction band: the standard prediction interval from the fit's residuals, Student's t with n − 2 degrees of freedom and the leverage term, so it widens the further it reaches beyond the data; computed on the log or logit scale and carried back through the exponential or logistic function, so an amount's band is wider above than below. With only 2 values there is no residual to measure the spread: the band is the central value alone, marked as uncertain.",
  "methods.outlook":
    "By the target year: achieved, the value judged already meets the target; on course, the worse end of the band still meets it in the target year; at risk, the central projection meets it but the worse end does not, or the better end meets it while the central projection does not; off course, even the better end misses it. A target whose year has passed is judged on that year's value: achieved, else off course. When lower is better every comparison is mirrored (the worse end is the top of the band).",
  "methods.effort":
    "Effort needed: the change per year the target needs from the latest value (percentage points a year for rates, average annual growth in % for amounts) beside the change per year achieved since the baseline; none is computed once the target year is reached. Signed: a negative number is a fall.",
  "methods.behind":
    "Where we are behind judges progress, not level. A region with a target of its own in the data (a decomposed target) is judged against its own trajectory, to its nearest target not yet passed; any other against the province's: rates by the percentage points gained since the baseline against the points the province's path gains over the same years; amounts by their growth since the baseline against the growth the path asks (the gap in % of the region's baseline). A region with a low level that gains fast is not behind; a high-level region that slides is. Level and progress are shown in separate columns. Regions are ranked by how many indicators they are behind on, then by the share of the progress asked that their worst one misses (which makes indicators in different units comparable).",
  "methods.warnings":
    "Warnings (annual values only; never on base figures): (1) unusual change: the change on the year before (percentage points for rates, log-ratio for amounts) whose robust z-score, (change − median) ÷ (1.4826 × median absolute deviation), exceeds 3.5 both against the region's own changes (at least 5) and against the changes of the other regions of its level that year (at least 4), in the same direction; the spread is taken as at least 0.5 percentage points for rates and 0.05 for amounts (about 5% growth), so that a very regular series does not turn ordinary noise into an outlier; the smallest change the rounding allows is the one judged, so that 0.1 becoming 0.2 is not a doubling. The province has no peers and is not tested for this. (2) Worse two years running: a higher-is-better series that fell in each of its last two years (rose, when lower is better), each time by more than half a unit of its last decimal (rounding); a decline since recovered is not flagged. (3) No longer reported: a region that reported a value and is empty in every later year in which other regions of its level report. (4) Revision of a preliminary figure when it turns final: this needs two versions of the data; only one is published, so it is not checked. Severity, 1 at the threshold: an unusual change's smaller |z| of the two ÷ the threshold; the falls in a row less one; the years no longer reported. The most severe come first.",
  "methods.findings":
    "Key findings are written from the same computations, sentence by sentence, without a language model: the targets counted and listed by their outlook; the regions behind on the most indicators (ties included, at most 5); the warnings counted by kind.",
  "methods.classes":
    'Map classes: quantiles and natural breaks (Ckmeans) never leave a class empty (a break that falls on tied values is dropped); equal intervals may. Drilled into a city, the colours keep the classes of the province\'s whole level, so that they agree with the ranks ("17 / 124"); the legend says which.',
  "methods.measure":
    "Stocks, flows and rates: a stock's year (base stations, say) equals its fourth quarter, a flow's year (retail sales) the sum of its quarters; the importer checks both within the indicator's tolerance.",
  "methods.fair.title": "Fair comparison",
  "methods.fair.why":
    "Guangdong's county-level units differ in population by more than an order of magnitude. A choropleth of totals (5G base stations, online retail sales, ICT employment) colours the largest districts darkest whatever their development: it maps size, not digitalisation. Cartographers draw choropleths of rates or densities only, and totals as proportional symbols. On one linear axis, too, the totals of small regions lie flat on zero.",
  "methods.fair.measures":
    "Measures: an amount can be shown divided by a denominator. The denominators come from the indicator catalogue (each amount's denominators list, the first being its natural intensive form: 5G base stations per 10,000 residents, SMEs on cloud per 1,000 registered enterprises, digital infrastructure investment as a share of GDP) and are base indicators of the catalogue (resident population, GDP, registered enterprises, above-scale industrial enterprises, administrative villages, retail sales), so every ratio can be traced to the data. Land area is always available: computed from the boundary file on the sphere, approximate, in km², shown per 1,000 km². The measure is written into the link (per=population…); an older link without per= opens in the natural intensive form, with a notice that the measure is new.",
  "methods.fair.rules":
    "Ratio rules (src/domain/intensity.ts, shared by every view, export and the index): value = numerator ÷ denominator × scale, both for the same region and period; a quarter takes the denominator of the same quarter, else its year's stock denominator (year-end population, say); a missing, zero or negative denominator leaves the ratio empty (no data), never 0 or infinite. A parent's ratio is the ratio of the sums, Σ numerator ÷ Σ denominator over the children that have both (the mean weighted by the denominators), never a plain mean of the children's ratios.",
  "methods.fair.circles":
    "Totals on the map: with Total chosen, the map is not coloured but draws proportional circles (area ∝ value) over a neutral base map, with a size legend.",
  "methods.fair.axes":
    "Time series: Compare's and Explore's charts can use a log axis (equal growth rates show as equal slopes, so regions of very different size share a chart; zero and negative values cannot be drawn and the chart says so) and relative change (the first period of the range = 100); both are written into the link and carried into exports.",
  "methods.fair.index":
    "The Digital Development Index does not reward size (OECD/JRC Handbook on Constructing Composite Indicators: normalise for size before aggregating): each amount enters in its natural intensive form (divided by the first usable denominator of the catalogue, same region and year), never as a raw total; rates enter as they are; base figures never; an amount without a catalogue denominator is left out, and the table says why (land area is no form for the index: per km² rewards density, which is size again). So multiplying one region's amounts and their denominators by the same factor leaves every region's index and rank unchanged (a property test checks it). The region profile's strengths, weaknesses, percentiles, similar regions and benchmarks use the same values. The table below is generated from the catalogue by the same function (src/domain/index-inputs.ts).",
  "methods.fair.table": "How each indicator enters the Digital Development Index",
  "methods.fair.scope":
    "Indicators: every indicator of the seven pillars published at the level, except the base figures (GDP, population… used as denominators and weights), taking annual values of the chosen year; amounts enter in their natural intensive form (per 10,000 residents, share of GDP…), an amount without a catalogue denominator is left out, rates enter as they are; an indicator that no unit has a value for that year is left out. Cities are compared among the 21 cities, counties among the 124 county-level units (Dongguan and Zhongshan each count as one). How each indicator enters: see the table under Fair comparison.",
  "methods.fair.col.indicator": "Indicator",
  "methods.fair.col.pillar": "Pillar",
  "methods.fair.col.form": "Enters the index as",
  "methods.fair.col.levels": "Levels indexed",
  "methods.fair.ratio": "{measure}: {indicator} ÷ {denominator} × {scale}",
  "methods.fair.asIs": "as published (a rate)",
  "methods.fair.out.context": "left out: a base figure (a denominator and weight)",
  "methods.fair.out.no-denominator":
    "left out: an amount with no usable denominator in the catalogue (per 1,000 km² is not used for the index)",
  "methods.fair.out.level": "left out: not published for cities or counties",
};
