import type { Region } from "../api/contract";
import { byCodeUnits } from "./order";

/** What peer selection needs: the focused region, its level's units and their values for one period. */
export interface PeerInput {
  focus: Region;
  /** Every unit of the focus's level (counties: the 124 county-level units). */
  units: readonly Region[];
  /** The current indicator's value per unit for the current period. */
  values: ReadonlyMap<string, number | null>;
  /** Already selected (the focus first): never proposed again. */
  selected: readonly string[];
  max?: number;
}

/**
 * The focus's automatic peers: the units of its level in its zone (prd/east/west/north) whose
 * value is nearest to the focus's, enough to fill the selection up to `max`. Ties go to the
 * lower code, so the answer is stable. Units without a value are never peers; a focus without
 * a value has none (nearness is undefined). Peers never cross zones, so a small zone may
 * leave the selection short of `max`.
 */
export function selectPeers({ focus, units, values, selected, max = 8 }: PeerInput): string[] {
  const room = max - selected.length;
  const own = values.get(focus.code) ?? null;
  if (room <= 0 || own === null || focus.zone === null) return [];
  const taken = new Set([...selected, focus.code]);
  return units
    .flatMap((u) => {
      const v = values.get(u.code) ?? null;
      return u.zone === focus.zone && !taken.has(u.code) && v !== null ? [{ code: u.code, distance: Math.abs(v - own) }] : [];
    })
    .sort((a, b) => a.distance - b.distance || byCodeUnits(a.code, b.code))
    .slice(0, room)
    .map((p) => p.code);
}
