import { Fragment, type ReactNode } from "react";

/**
 * A translated template ("{n} targets: {list}") with its placeholders filled by React nodes
 * (links, emphasis), so that a sentence can link its numbers without giving up its word order
 * in either language. Text stays text: nothing is parsed as markup.
 */
export function Interpolate({ template, parts }: { template: string; parts: Record<string, ReactNode> }) {
  const pieces = template.split(/\{(\w+)\}/);
  return (
    <>
      {pieces.map((piece, i) =>
        // Odd pieces are placeholder names.
        // biome-ignore lint/suspicious/noArrayIndexKey: the template's pieces are fixed
        i % 2 === 1 ? <Fragment key={i}>{piece in parts ? parts[piece] : `{${piece}}`}</Fragment> : piece,
      )}
    </>
  );
}
