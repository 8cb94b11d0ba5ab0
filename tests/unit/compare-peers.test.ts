import { describe, expect, it } from "vitest";
import type { Region } from "../../src/api/contract";
import { selectPeers } from "../../src/domain/peers";

const unit = (code: string, zone: Region["zone"]): Region => ({
  code,
  level: "county",
  parent: "440100",
  name: { zh: code, en: code },
  zone,
  kind: "county",
});
const units = [
  unit("000001", "prd"),
  unit("000002", "prd"),
  unit("000003", "prd"),
  unit("000004", "prd"),
  unit("000005", "prd"),
  unit("000006", "east"),
  unit("000007", "prd"),
];
const values = new Map<string, number | null>([
  ["000001", 50],
  ["000002", 47],
  ["000003", 55],
  ["000004", 90],
  ["000005", 53],
  ["000006", 50], // same value, other zone
  ["000007", null],
]);

describe("peer selection", () => {
  it("takes the nearest units of the same zone, filling the selection up to the maximum", () => {
    expect(selectPeers({ focus: units[0], units, values, selected: ["000001"], max: 4 })).toEqual(["000002", "000005", "000003"]);
  });

  it("never proposes a selected unit, one from another zone, or one without a value", () => {
    const peers = selectPeers({ focus: units[0], units, values, selected: ["000001", "000005"] });
    expect(peers).toEqual(["000002", "000003", "000004"]);
    expect(peers).not.toContain("000006");
    expect(peers).not.toContain("000007");
  });

  it("breaks ties in distance by code, so the answer is stable", () => {
    const tied = new Map(values).set("000002", 45).set("000003", 55).set("000005", 60);
    expect(selectPeers({ focus: units[0], units, values: tied, selected: ["000001"], max: 3 })).toEqual(["000002", "000003"]);
  });

  it("proposes nothing when the selection is full or the focus has no value", () => {
    const eight = ["000001", "a", "b", "c", "d", "e", "f", "g"];
    expect(selectPeers({ focus: units[0], units, values, selected: eight })).toEqual([]);
    expect(selectPeers({ focus: units[6], units, values, selected: ["000007"] })).toEqual([]);
  });

  it("works for a focus that is not yet selected", () => {
    expect(selectPeers({ focus: units[3], units, values, selected: [], max: 2 })).toEqual(["000003", "000005"]);
  });
});
