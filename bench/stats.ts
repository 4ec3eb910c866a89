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
  /** Ratio of the last value to the first. */
  ratio: number;
  /** Plain-words reading of the slope: "≈constant", "≈log", "sublinear", "≈linear", "superlinear". */
  label: string;
}

/**
 * Fits y ≈ c · n^slope by least squares in log-log space and names the growth.
 *
 * The label reads the slope: below 0.1 the figure barely moves ("≈constant"); from 0.1 to 0.3
 * it grows by a roughly constant step per decade of n, which is what log n looks like over two
 * or three decades ("≈log"); 0.3–0.85 is "sublinear"; 0.85–1.15 "≈linear"; above that
 * "superlinear". Non-positive values are skipped (log undefined).
 */
export function fitGrowth(sizes: readonly number[], values: readonly number[]): GrowthFit | null {
  const points = sizes.map((n, i) => [n, values[i]] as const).filter(([n, y]) => n > 0 && y !== undefined && Number.isFinite(y) && y > 0);
  if (points.length < 2) return null;
  const xs = points.map(([n]) => Math.log(n));
  const ys = points.map(([, y]) => Math.log(y!));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const r2 = syy === 0 || sxx === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  const first = points[0]![1]!;
  const last = points[points.length - 1]![1]!;
  return { slope, r2, ratio: last / first, label: growthLabel(slope) };
}

/** Names a log-log slope (see {@link fitGrowth}). */
export function growthLabel(slope: number): string {
  if (slope < 0.1) return '≈constant';
  if (slope < 0.3) return '≈log';
  if (slope < 0.85) return 'sublinear';
  if (slope <= 1.15) return '≈linear';
  return 'superlinear';
}

/** Rounds to a number of significant digits, keeping integers ≥ 10^digits whole. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const factor = 10 ** (digits - 1 - magnitude);
  return factor >= 1 ? Math.round(value * factor) / factor : Math.round(value);
}
