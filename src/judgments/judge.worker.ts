/**
 * The judgments worker: the Overview's assessment, shortfalls and warnings (src/domain/judgments.ts, i.e. the
 * domain's functions) off the page's main thread, where on a phone they blocked input for a
 * quarter of a second. One request at a time, answered with its id.
 */
import { type JudgeRequest, judgeParts } from "../domain/judgments";
import { type PackedSeries, unpackSeries } from "./pack";

/** A request from judge-client.ts, its series packed (pack.ts). */
export interface Ask {
  id: number;
  request: Omit<JudgeRequest, "provinceSeries" | "levelSeries">;
  provinceSeries: PackedSeries;
  levelSeries: PackedSeries;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Ask>) => void) | null;
  postMessage: (message: unknown) => void;
};

scope.onmessage = ({ data: { id, request, provinceSeries, levelSeries } }) => {
  try {
    const result = judgeParts({
      ...request,
      provinceSeries: unpackSeries(provinceSeries),
      levelSeries: unpackSeries(levelSeries),
    });
    scope.postMessage({ id, result });
  } catch (e) {
    scope.postMessage({ id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
};
