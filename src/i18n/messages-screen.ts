/**
 * Texts of the command screen (`?screen=big`), loaded with its chunk (see messages.ts). Its
 * panels also use the Overview's judged texts (verdicts, outlooks, warnings).
 */
export const zh = {
  "screen.clock": "北京时间",
  "screen.kpis": "核心指标",
  "screen.targets": "目标进度",
  "screen.targetNow": "当前",
  "screen.targetBy": "到目标年份",
  "screen.mapTitle": "{name}（{period}，按{level}）",
  "screen.legend": "图例（按分级着色）",
  "screen.top": "前五",
  "screen.bottom": "后五",
  "screen.ranking": "排名：{name}",
  "screen.warnings": "预警",
  "screen.warningOf": "{i}/{n}",
  "screen.progress": "第 {i}/{n} 个指标，每 {s} 秒切换",
  "screen.paused": "已暂停（鼠标或焦点离开后继续）",
  "screen.asOf": "数据截至 {time}，正在重试",
  "screen.retrying": "暂时无法加载：{reason}。正在自动重试。",
  "screen.offline": "网络自 {time} 起断开：显示最后获取的数据",
  "screen.loading": "正在加载…",
} as const;

export const en: Record<keyof typeof zh, string> = {
  "screen.clock": "Beijing time",
  "screen.kpis": "Headline figures",
  "screen.targets": "Targets",
  "screen.targetNow": "Now",
  "screen.targetBy": "By target year",
  "screen.mapTitle": "{name} ({period}, by {level})",
  "screen.legend": "Legend (colour classes)",
  "screen.top": "Top five",
  "screen.bottom": "Bottom five",
  "screen.ranking": "Ranking: {name}",
  "screen.warnings": "Warnings",
  "screen.warningOf": "{i}/{n}",
  "screen.progress": "Indicator {i} of {n}, next every {s} s",
  "screen.paused": "Paused (resumes when the pointer or focus leaves)",
  "screen.asOf": "data as of {time}, retrying",
  "screen.retrying": "Cannot load for now: {reason}. Retrying on its own.",
  "screen.offline": "Offline since {time}: showing the last data received",
  "screen.loading": "Loading…",
};
