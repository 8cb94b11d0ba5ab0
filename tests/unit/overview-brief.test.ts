import { describe, expect, it } from "vitest";
import type { Findings } from "../../src/domain/findings";
import { findingsSentences } from "../../src/features/overview/brief-sections";
import { translator } from "../../src/i18n/format";
import { addMessages } from "../../src/i18n/messages";
import * as overviewTexts from "../../src/i18n/messages-overview";
import { dataset } from "../support/msw";

addMessages(overviewTexts);

const findings: Findings = {
  outlooks: {
    achieved: [{ indicator: "ai-core-industry", period: "2025" }],
    "on-course": [{ indicator: "villages-5g-rate", period: "2025" }],
    "at-risk": [],
    "off-course": [{ indicator: "computing-power", period: "2027" }],
  },
  unjudged: 1,
  mostBehind: [{ region: "441600", behindOn: 3, of: 4 }],
  warnings: { total: 5, byKind: { outlier: 3, reversal: 1, vanished: 1 } },
};

describe("key findings as the briefing prints them", () => {
  it("are the panel's sentences, with every number, in Chinese", () => {
    expect(findingsSentences(findings, dataset.indicators, dataset.regions, "city", "zh", translator("zh"))).toEqual([
      "全省 4 个目标中，1 个已达成，1 个预计达成，0 个存在风险，1 个预计难以达成。 预计难以达成：算力规模（2027年）。",
      "进展落后指标最多的市：河源市 (3/4)。",
      "市级数据共有 5 条预警：异常变动 3 条，连续两年下降 1 条，停报 1 条。",
    ]);
  });

  it("and in English", () => {
    const [targets, behind, warnings] = findingsSentences(
      findings,
      dataset.indicators,
      dataset.regions,
      "county",
      "en",
      translator("en"),
    );
    expect(targets).toMatch(
      /^The province's targets: 4\. Achieved: 1; on course: 1; at risk: 0; off course: 1\. Off course: .+ \(2027\)\.$/,
    );
    expect(behind).toBe("Behind on the most targets by progress (county): Heyuan (3/4).");
    expect(warnings).toBe(
      "Warnings in the county figures: 5 (unusual changes: 3; declines two years running: 1; series no longer reported: 1).",
    );
  });
});
