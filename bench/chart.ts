/**
 * The scale chart, written as SVG by hand: query latency and build time against corpus size,
 * ours (HNSW) against brute force, both axes logarithmic.
 */
import { size as formatSize } from './format.js';
import type { ScaleResult } from './types.js';

/** One line of a panel. */
export interface Series {
  label: string;
  color: string;
  dashed?: boolean;
  points: { x: number; y: number }[];
}

/** One log-log panel. */
export interface Panel {
  title: string;
  yLabel: string;
  series: Series[];
}

const WIDTH = 460;
const HEIGHT = 340;
const MARGIN = { left: 64, right: 16, top: 36, bottom: 96 };
const OURS = '#1f77b4';
const BRUTE = '#d62728';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Decades 10^a … 10^b that enclose the values. */
function decades(values: readonly number[]): [number, number] {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return [0, 1];
  const low = Math.floor(Math.log10(Math.min(...positive)));
  let high = Math.ceil(Math.log10(Math.max(...positive)));
  if (high === low) high = low + 1;
  return [low, high];
}

/** A tick label for 10^exponent: corpus sizes as `10k`/`1M`, other values as plain numbers. */
function tickLabel(exponent: number, sizes = false): string {
  const value = 10 ** exponent;
  if (sizes && exponent >= 6) return `${value / 1e6}M`;
  if (sizes && exponent >= 3) return `${value / 1e3}k`;
  return exponent < 0 ? value.toFixed(-exponent) : String(value);
}

/** Renders one panel as an SVG group at horizontal offset `dx`. */
export function renderPanel(panel: Panel, dx: number): string {
  const all = panel.series.flatMap((s) => s.points);
  // x: a quarter decade of room either side of the measured sizes, so markers do not sit on the frame.
  const xs = all.map((p) => Math.log10(p.x)).filter(Number.isFinite);
  const x0 = xs.length ? Math.min(...xs) - 0.25 : 0;
  const x1 = xs.length ? Math.max(...xs) + 0.25 : 1;
  const [y0, y1] = decades(all.map((p) => p.y));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const sx = (x: number) => MARGIN.left + ((Math.log10(x) - x0) / (x1 - x0)) * plotW;
  const sy = (y: number) => MARGIN.top + plotH - ((Math.log10(y) - y0) / (y1 - y0)) * plotH;
  const parts: string[] = [`<g transform="translate(${dx},0)">`];
  parts.push(`<text x="${MARGIN.left + plotW / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${escape(panel.title)}</text>`);
  // Grid and ticks: every decade labelled, 2…9 as faint minor lines.
  for (let e = y0; e <= y1; e++) {
    const y = sy(10 ** e);
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${y}" y2="${y}" stroke="#ccc"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${y + 4}" text-anchor="end" font-size="11">${tickLabel(e)}</text>`);
    if (e < y1) for (let m = 2; m < 10; m++) parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${sy(m * 10 ** e)}" y2="${sy(m * 10 ** e)}" stroke="#eee"/>`);
  }
  for (let e = Math.ceil(x0); e <= Math.floor(x1); e++) {
    const x = sx(10 ** e);
    parts.push(`<line x1="${x}" x2="${x}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#ccc"/>`);
    parts.push(`<text x="${x}" y="${MARGIN.top + plotH + 16}" text-anchor="middle" font-size="11">${tickLabel(e, true)}</text>`);
  }
  parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`);
  parts.push(`<text x="${MARGIN.left + plotW / 2}" y="${MARGIN.top + plotH + 34}" text-anchor="middle" font-size="12">corpus size (sentences, log scale)</text>`);
  parts.push(`<text transform="translate(16,${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle" font-size="12">${escape(panel.yLabel)}</text>`);
  // Lines and markers.
  for (const series of panel.series) {
    const pts = series.points.filter((p) => p.x > 0 && p.y > 0);
    if (pts.length === 0) continue;
    const d = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${series.color}" stroke-width="2"${series.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    for (const p of pts) parts.push(`<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="3.5" fill="${series.color}"><title>${escape(`${series.label}: ${formatSize(p.x)} → ${p.y.toPrecision(3)}`)}</title></circle>`);
  }
  // Legend below the plot.
  panel.series.forEach((series, i) => {
    const lx = MARGIN.left + (i % 2) * (plotW / 2);
    const ly = MARGIN.top + plotH + 54 + Math.floor(i / 2) * 18;
    parts.push(`<line x1="${lx}" x2="${lx + 24}" y1="${ly - 4}" y2="${ly - 4}" stroke="${series.color}" stroke-width="2"${series.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    parts.push(`<text x="${lx + 30}" y="${ly}" font-size="11">${escape(series.label)}</text>`);
  });
  parts.push('</g>');
  return parts.join('\n');
}

/** The two panels of the scale chart from the measured sizes. */
export function scalePanels(scale: readonly ScaleResult[]): Panel[] {
  const point = (pick: (r: ScaleResult) => number) => scale.map((r) => ({ x: r.size, y: pick(r) }));
  return [
    {
      title: 'Query latency (embed + search, k=10)',
      yLabel: 'milliseconds (log scale)',
      series: [
        { label: 'HNSW p50', color: OURS, points: point((r) => r.build.query.p50) },
        { label: 'HNSW p99', color: OURS, dashed: true, points: point((r) => r.build.query.p99) },
        { label: 'brute force p50', color: BRUTE, points: point((r) => r.build.bruteForce.query.p50) },
        { label: 'brute force p99', color: BRUTE, dashed: true, points: point((r) => r.build.bruteForce.query.p99) },
      ],
    },
    {
      title: 'Build time',
      yLabel: 'seconds (log scale)',
      series: [
        { label: 'HNSW: fit + embed + insert', color: OURS, points: point((r) => r.build.buildMs / 1000) },
        { label: 'brute force: fit + embed', color: BRUTE, points: point((r) => r.build.bruteForce.buildMs / 1000) },
        { label: 'HNSW cold start: fit + verify + load', color: OURS, dashed: true, points: point((r) => (r.load ? r.load.coldStartMs / 1000 : Number.NaN)) },
      ],
    },
  ];
}

/** The complete chart: both panels side by side, with a caption line. */
export function renderChart(scale: readonly ScaleResult[], caption: string): string {
  const panels = scalePanels(scale);
  const width = WIDTH * panels.length;
  const height = HEIGHT + 24;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    ...panels.map((panel, i) => renderPanel(panel, i * WIDTH)),
    `<text x="${width / 2}" y="${height - 8}" text-anchor="middle" font-size="11" fill="#555">${escape(caption)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
