/**
 * Small statistics helpers for the benchmark: percentiles of latency samples and growth fits
 * (log-log slope) of a figure against corpus size.
 */

/** Summary of a sample of durations in milliseconds. */
export interface LatencySummary {
  /** Number of samples. */
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of sorted values, by linear interpolation between closest ranks
 * (the "R-7" definition used by NumPy and most spreadsheets).
 */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = sorted[lower]!;
  const b = sorted[upper]!;
  return a + (b - a) * (position - lower);
}

/** Summarises latency samples (ms): mean, p50, p95, p99, max. */
export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, v) => sum + v, 0);
  return {
    n: sorted.length,
    mean: sorted.length ? total / sorted.length : Number.NaN,
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
  };
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  return quantileSorted([...values].sort((a, b) => a - b), 0.5);
}

/** How a figure grows with corpus size n, fitted as y ≈ c · n^slope. */
export interface GrowthFit {
  /** Exponent of the power-law fit (least squares on log y against log n). */
  slope: number;
  /** Coefficient of determination of the power-law fit (1 when only two points). */
  r2: number;
  /** Coefficient of determination of the logarithmic fit y ≈ a + b · ln n. */
  logR2: number;
  /** Ratio of the last value to the first. */
  ratio: number;
  /** Plain-words reading: "≈constant", "≈log", "sublinear", "≈linear", "superlinear". */
  label: string;
}

/** Least squares of ys on xs: slope and R². */
function leastSquares(xs: readonly number[], ys: readonly number[]): { slope: number; r2: number } {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return { slope: sxx === 0 ? 0 : sxy / sxx, r2: syy === 0 || sxx === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}

/**
 * Fits y ≈ c · n^slope by least squares in log-log space and names the growth.
 *
 * Slope below 0.1: "≈constant"; 0.85–1.15: "≈linear"; above: "superlinear". In between, with
 * three sizes or more, the power law is compared with a logarithmic fit (y ≈ a + b · ln n): the
 * better fit (higher R²) decides between "≈log" and "sublinear"; with two sizes, which cannot tell
 * them apart, a slope below 0.3 reads as "≈log". Non-positive values are skipped (log undefined).
 */
export function fitGrowth(sizes: readonly number[], values: readonly number[]): GrowthFit | null {
  const points = sizes.map((n, i) => [n, values[i]] as const).filter((p): p is readonly [number, number] => p[0] > 0 && p[1] !== undefined && Number.isFinite(p[1]) && p[1] > 0);
  if (points.length < 2) return null;
  const logN = points.map(([n]) => Math.log(n));
  const power = leastSquares(logN, points.map(([, y]) => Math.log(y)));
  const logarithmic = leastSquares(logN, points.map(([, y]) => y));
  const ratio = points[points.length - 1]![1] / points[0]![1];
  return { slope: power.slope, r2: power.r2, logR2: logarithmic.r2, ratio, label: growthLabel(power.slope, points.length >= 3 ? logarithmic.r2 > power.r2 : null) };
}

/** Names a log-log slope (see {@link fitGrowth}); `logFitsBetter` is null when it cannot be told. */
export function growthLabel(slope: number, logFitsBetter: boolean | null = null): string {
  if (slope < 0.1) return '≈constant';
  if (slope > 1.15) return 'superlinear';
  if (slope >= 0.85) return '≈linear';
  if (logFitsBetter === null) return slope < 0.3 ? '≈log' : 'sublinear';
  return logFitsBetter ? '≈log' : 'sublinear';
}
