/** The parts a file name says: indicator, level, period, language (and what else is inside). */
export interface FileNameParts {
  indicator: string;
  level?: string;
  period?: string;
  lang: string;
  /** e.g. "ranking", "full" */
  suffix?: string;
}

const SAFE = /[^a-z0-9-]+/gi;

/** `5g-base-stations_county_2023_en.png`: ASCII only, so it survives every file system and mail client. */
export function exportFileName(parts: FileNameParts, ext: string): string {
  const words = [parts.indicator, parts.suffix, parts.level, parts.period, parts.lang]
    .filter((w): w is string => Boolean(w))
    .map((w) =>
      w
        .replace(SAFE, "-")
        .replace(/^-+|-+$/g, "")
        .toLowerCase(),
    )
    .filter(Boolean);
  return `${words.join("_") || "export"}.${ext}`;
}
