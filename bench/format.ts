/** Number formatting for the report: durations, sizes, shares. */

/** A duration in ms, with precision that suits its size (`0.21 ms`, `38 ms`, `2.4 s`, `14.2 min`). */
export function ms(value: number | undefined | null): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '—';
  if (value >= 120_000) return `${(value / 60_000).toFixed(1)} min`;
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  if (value >= 1) return `${value.toFixed(2)} ms`;
  return `${value.toFixed(3)} ms`;
}

/** A size in bytes (`53 KB`, `1.21 GB`); 1 KB = 1024 B. */
export function bytes(value: number | undefined | null): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '—';
  const sign = value < 0 ? '−' : '';
  let v = Math.abs(value);
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let unit = 0;
  while (v >= 1024 && unit < units.length - 1) {
    v /= 1024;
    unit++;
  }
  return `${sign}${v >= 100 || unit === 0 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)} ${units[unit]}`;
}

/** A share in [0, 1] with three decimals (`0.984`). */
export function share(value: number | undefined | null): string {
  return value === undefined || value === null || !Number.isFinite(value) ? '—' : value.toFixed(3);
}

/** A corpus size (`10k`, `1M`). */
export function size(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000}k`;
  return String(n);
}

/** A plain number with a few significant digits. */
export function num(value: number | undefined | null, digits = 3): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '—';
  return Number(value.toPrecision(digits)).toString();
}
