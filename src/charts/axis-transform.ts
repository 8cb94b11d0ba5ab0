/**
 * Log axis and relative change for the time-series charts of Compare and Explore (`scale=log`,
 * `relative=1`): pure transforms of a chart's lines, applied before the shared multi-line
 * builder, and the log axis applied to its option, so that screen and export draw the same.
 *
 * Rules:
 * - relative change: each line divided by its base × 100. The base is the line's value in the
 *   first period of the chart when it is positive; a line whose first value is missing, zero or
 *   negative starts at its first positive value instead (= 100 there, nothing drawn before), and
 *   the note names it; a line with no positive value is drawn empty. Targets are left out
 *   (they are amounts, not indices).
 * - log axis: values ≤ 0 (and targets ≤ 0) are not drawn, and counted for the note.
 */
import type { Indicator, Observation, Text } from "../api/contract";
import { comparePeriods } from "../domain/periods";
import type { Translate } from "../i18n/format";
import type { EChartsOption } from "./echarts";
import type { Line, SeriesInput } from "./series-option";

export interface AxisMode {
  log: boolean;
  relative: boolean;
}

export const LINEAR: AxisMode = { log: false, relative: false };

/** An observation of a relative line: its index, the figure it came from and the base period. */
export type RelativeObservation = Observation & { raw: number | null; basePeriod: string | null };

/** What the transforms changed, for the note under the chart. */
export interface AxisNotes {
  /** Lines that start later than the chart's first period (their first positive value), with that period. */
  lateBase: { name: string; period: string }[];
  /** Lines with no positive value at all (drawn empty in relative change). */
  noBase: string[];
  /** Points not drawn on a log axis (zero or negative). */
  nonPositive: number;
}

const positive = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v) && v > 0;

/** A line's base: its first positive value (periods in order), or null. */
export function relativeBase(observations: readonly Observation[]): { period: string; value: number } | null {
  const first = [...observations].sort((a, b) => comparePeriods(a.period, b.period)).find((o) => positive(o.value));
  return first ? { period: first.period, value: first.value as number } : null;
}

/** The indicator of a relative chart: an index (first period = 100), one decimal, no targets. */
export function relativeIndicator(ind: Indicator, unit: Text): Indicator {
  return { ...ind, unit, decimals: 1, targets: [], measure: "stock" };
}

/**
 * The chart's input as the axis mode draws it, and what it left out. `relativeUnit` names the
 * index ("index, first period = 100") in both languages.
 */
export function applyAxisMode(input: SeriesInput, mode: AxisMode, relativeUnit: Text): { input: SeriesInput; notes: AxisNotes } {
  const notes: AxisNotes = { lateBase: [], noBase: [], nonPositive: 0 };
  let { indicator, lines, targets } = input;
  if (mode.relative) {
    const firsts = lines.flatMap((l) => l.observations.map((o) => o.period)).sort(comparePeriods);
    const start = firsts[0];
    lines = lines.map((line): Line => {
      const base = relativeBase(line.observations);
      if (!base) {
        if (line.observations.length) notes.noBase.push(line.name);
      } else if (base.period !== start) {
        notes.lateBase.push({ name: line.name, period: base.period });
      }
      return {
        ...line,
        observations: line.observations.map(
          (o): RelativeObservation => ({
            ...o,
            raw: o.value,
            basePeriod: base?.period ?? null,
            value: base && o.value !== null && comparePeriods(o.period, base.period) >= 0 ? (o.value / base.value) * 100 : null,
          }),
        ),
      };
    });
    indicator = relativeIndicator(indicator, relativeUnit);
    targets = [];
  }
  if (mode.log) {
    lines = lines.map((line) => ({
      ...line,
      observations: line.observations.map((o) => {
        if (o.value === null || positive(o.value)) return o;
        notes.nonPositive++;
        return { ...o, value: null };
      }),
    }));
    targets = targets?.filter((x) => positive(x.value));
  }
  return { input: { ...input, indicator, lines, targets, outlook: mode.relative ? undefined : input.outlook }, notes };
}

/** The builder's option on a log axis (base 10); unchanged for a linear one. */
export function withLogAxis<T extends EChartsOption>(option: T, log: boolean): T {
  if (!log) return option;
  const { yAxis } = option as { yAxis?: Record<string, unknown> };
  const { scale: _scale, ...rest } = yAxis ?? {};
  return { ...option, yAxis: { ...rest, type: "log", logBase: 10 } };
}

/** The note under a chart saying what the axis mode shifted or left out; empty when nothing. */
export function axisNoteText(notes: AxisNotes, t: Translate): string {
  const list = (names: readonly string[]) => names.join(t("compare.export.separator"));
  return [
    notes.lateBase.length
      ? t("compare.axisMode.lateBase", { list: list(notes.lateBase.map((l) => `${l.name} (${l.period})`)) })
      : "",
    notes.noBase.length ? t("compare.axisMode.noBase", { list: list(notes.noBase) }) : "",
    notes.nonPositive ? t("axis.logNonPositive") : "",
  ]
    .filter(Boolean)
    .join(" ");
}
