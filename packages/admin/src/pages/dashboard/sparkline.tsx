/** Drawing box of every sparkline, in SVG units; the CSS scales it. */
const WIDTH = 120;
const HEIGHT = 32;
const PAD = 3;

/**
 * A small line of a series with gaps where a value is null (a period without data is not 0), the
 * latest value marked. Decorative shape only: `label` says every value for screen readers.
 */
export function Sparkline({ values, label }: { values: readonly (number | null)[]; label: string }) {
  const known = values.filter((v): v is number => v !== null);
  const low = Math.min(...known);
  const high = Math.max(...known);
  const x = (i: number) => PAD + (values.length > 1 ? (i * (WIDTH - 2 * PAD)) / (values.length - 1) : (WIDTH - 2 * PAD) / 2);
  // A flat series sits in the middle rather than on the floor.
  const y = (v: number) => (high === low ? HEIGHT / 2 : PAD + ((high - v) * (HEIGHT - 2 * PAD)) / (high - low));
  const runs: [number, number][][] = [];
  values.forEach((value, i) => {
    if (value === null) return runs.push([]);
    if (runs.length === 0) runs.push([]);
    runs[runs.length - 1]!.push([x(i), y(value)]);
  });
  const last = values.length - 1;
  const latest = values[last];
  return (
    <svg class="sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="xMinYMid meet" role="img" aria-label={label}>
      {runs
        .filter((run) => run.length > 1)
        .map((run, i) => (
          <polyline key={i} points={run.map(([px, py]) => `${px},${py}`).join(' ')} fill="none" stroke="currentColor" stroke-width="2" />
        ))}
      {/* A value with no neighbour has no line to be part of: a dot. */}
      {runs
        .flatMap((run) => (run.length === 1 ? run : []))
        .map(([px, py], i) => (
          <circle key={`dot-${i}`} cx={px} cy={py} r="2" fill="currentColor" />
        ))}
      {latest !== null && latest !== undefined && <circle class="sparkline-latest" cx={x(last)} cy={y(latest)} r="3" />}
    </svg>
  );
}
