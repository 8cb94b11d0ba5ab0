/** A tiny line of a series' shape (decorative: the numbers are in the text beside it). Nulls are gaps. */
export function Sparkline({
  values,
  width = 120,
  height = 28,
}: {
  values: readonly (number | null)[];
  width?: number;
  height?: number;
}) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const [min, max] = [Math.min(...known), Math.max(...known)];
  const x = (i: number) => (values.length === 1 ? width / 2 : (i * (width - 4)) / (values.length - 1) + 2);
  const y = (v: number) => (max === min ? height / 2 : height - 3 - ((v - min) * (height - 6)) / (max - min));
  let d = "";
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  });
  const lastIndex = values.length - 1 - [...values].reverse().findIndex((v) => v !== null);
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx={x(lastIndex)} cy={y(values[lastIndex] as number)} r="2.5" fill="currentColor" />
    </svg>
  );
}
