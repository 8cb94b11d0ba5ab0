/**
 * Series packed for the trip to the judgments worker: structured-cloning some 9,000
 * observation objects cost the page ~100 ms at a phone's speed (4× CPU), about what judging
 * them did. Packed, they are a table of the distinct strings (regions, periods, statuses) and
 * typed arrays that are transferred, not copied; unpacked, the same objects field for field.
 */
import type { Observation } from "../api/contract";

/** Observations by series id, as typed arrays over one table of strings. */
export interface PackedSeries {
  strings: string[];
  ids: string[];
  /** Where each series starts in the arrays below; one more than `ids`, the last = the total. */
  starts: Uint32Array;
  region: Uint32Array;
  period: Uint32Array;
  status: Uint32Array;
  /** 0 where the value is null (then `value` holds 0). */
  present: Uint8Array;
  value: Float64Array;
}

export function packSeries(series: Record<string, readonly Observation[]>): PackedSeries {
  const ids = Object.keys(series);
  const total = ids.reduce((n, id) => n + series[id].length, 0);
  const strings: string[] = [];
  const index = new Map<string, number>();
  const code = (s: string) => {
    let k = index.get(s);
    if (k === undefined) {
      k = strings.push(s) - 1;
      index.set(s, k);
    }
    return k;
  };
  const out: PackedSeries = {
    strings,
    ids,
    starts: new Uint32Array(ids.length + 1),
    region: new Uint32Array(total),
    period: new Uint32Array(total),
    status: new Uint32Array(total),
    present: new Uint8Array(total),
    value: new Float64Array(total),
  };
  let k = 0;
  ids.forEach((id, s) => {
    out.starts[s] = k;
    for (const o of series[id]) {
      out.region[k] = code(o.region);
      out.period[k] = code(o.period);
      out.status[k] = code(o.status);
      if (o.value !== null) {
        out.present[k] = 1;
        out.value[k] = o.value;
      }
      k++;
    }
  });
  out.starts[ids.length] = k;
  return out;
}

export function unpackSeries(p: PackedSeries): Record<string, Observation[]> {
  const out: Record<string, Observation[]> = {};
  p.ids.forEach((id, s) => {
    const list: Observation[] = [];
    for (let k = p.starts[s]; k < p.starts[s + 1]; k++)
      list.push({
        region: p.strings[p.region[k]],
        period: p.strings[p.period[k]],
        value: p.present[k] ? p.value[k] : null,
        status: p.strings[p.status[k]] as Observation["status"],
      });
    out[id] = list;
  });
  return out;
}

/** The buffers to transfer with a message holding `p`. */
export const buffersOf = (p: PackedSeries): ArrayBuffer[] =>
  [p.starts, p.region, p.period, p.status, p.present, p.value].map((a) => a.buffer as ArrayBuffer);
