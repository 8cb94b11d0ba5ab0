/** Texts of the measure control (total, per resident, per GDP, per km²) and the time-series axis options, shared by the views that offer them. */
export const zh = {
  "measure.label": "口径",
  "measure.total": "总量",
  "measure.help": "总量随地区规模变大；按人口、GDP 或面积折算后，大小不同的地区才能公平比较。",
  "measure.new": "新：总量指标默认按“{measure}”显示，以便公平比较大小不同的地区。要看总量，在“口径”中选择“总量”。",
  "measure.dismiss": "知道了",
  "measure.areaNote": "土地面积由边界文件在球面上计算，为近似值（平方公里）。",
  "measure.of": "{numerator} ÷ {denominator}",
  "measure.column": "{name}（{unit}）",
  "measure.periodColumn": "{name}期间",
  "measure.areaColumn": "土地面积（平方公里，近似值）",
  "measure.km2": "平方公里",
  "measure.sizeScale": "圆面积与数值成正比，按全省{n}个{level}统一比例",
  "axis.log": "对数坐标",
  "axis.relative": "相对变化（首期 = 100）",
  "axis.relativeUnit": "首期 = 100",
  "axis.logNonPositive": "对数坐标无法显示零或负值，这些点未画出。",
} as const;

export const en: Record<keyof typeof zh, string> = {
  "measure.label": "Measure",
  "measure.total": "Total",
  "measure.help":
    "Totals grow with a region's size; per resident, per GDP or per km², regions of very different size compare fairly.",
  "measure.new":
    "New: amounts are now shown {measure} by default, so that regions of very different size compare fairly. Choose Total under Measure to see the totals.",
  "measure.dismiss": "Got it",
  "measure.areaNote": "Land area is computed from the boundary file on the sphere and is approximate (km²).",
  "measure.of": "{numerator} ÷ {denominator}",
  "measure.column": "{name} ({unit})",
  "measure.periodColumn": "{name} period",
  "measure.areaColumn": "Land area (km², approximate)",
  "measure.km2": "km²",
  "measure.sizeScale": "circle area ∝ value, one scale for all {n} {level} units",
  "axis.log": "Log scale",
  "axis.relative": "Relative change (first period = 100)",
  "axis.relativeUnit": "first period = 100",
  "axis.logNonPositive": "A log scale cannot show zero or negative values; those points are not drawn.",
};
