/** Growth fits of the scale figures and the check of issue 5's targets against a run. */
import { bytes, ms, share, size } from './format.js';
import { fitGrowth, type GrowthFit } from './stats.js';
import type { BenchReport, PeerResult, ScaleGrowth, ScaleResult, TargetCheck } from './types.js';

/** The scale figures whose growth is fitted, with how to read each from a result. */
export const GROWTH_FIGURES: readonly { name: string; unit: 'ms' | 'bytes' | 'share'; pick: (r: ScaleResult) => number }[] = [
  { name: 'build: fit + embed + insert', unit: 'ms', pick: (r) => r.build.buildMs },
  { name: 'build: HNSW insert only', unit: 'ms', pick: (r) => r.build.insertMs },
  { name: 'build: fit + embed (= brute force build)', unit: 'ms', pick: (r) => r.build.fitMs + r.build.embedMs },
  { name: 'index on disk', unit: 'bytes', pick: (r) => r.build.diskBytes.total },
  { name: 'index memory (RSS delta)', unit: 'bytes', pick: (r) => r.build.memory.indexDeltaBytes },
  { name: 'serving RSS (loaded, corpus text included)', unit: 'bytes', pick: (r) => r.load?.servingRssBytes ?? Number.NaN },
  { name: 'cold start: fit + verify + load', unit: 'ms', pick: (r) => r.load?.coldStartMs ?? Number.NaN },
  { name: 'query p50 (HNSW, embed + search)', unit: 'ms', pick: (r) => r.build.query.p50 },
  { name: 'query p99 (HNSW, embed + search)', unit: 'ms', pick: (r) => r.build.query.p99 },
  { name: 'brute force query p50', unit: 'ms', pick: (r) => r.build.bruteForce.query.p50 },
  { name: 'HNSW miss rate (1 − recall@10)', unit: 'share', pick: (r) => 1 - r.build.recallAt10 },
];

/** Fits every growth figure over the measured sizes. */
export function fitScaleGrowth(scale: readonly ScaleResult[]): ScaleGrowth {
  const sizes = scale.map((r) => r.size);
  return Object.fromEntries(GROWTH_FIGURES.map((f) => [f.name, fitGrowth(sizes, scale.map(f.pick))]));
}

/** Extrapolates a figure to `n` from the largest measured size and the fitted slope. */
export function project(scale: readonly ScaleResult[], fit: GrowthFit | null | undefined, pick: (r: ScaleResult) => number, n: number): number | null {
  const last = scale[scale.length - 1];
  if (!last || !fit) return null;
  return pick(last) * (n / last.size) ** fit.slope;
}

const MILLION = 1_000_000;

/** Best peer (not ours) on a language by recall@3. */
function bestPeer(peers: readonly PeerResult[], pick: (p: PeerResult) => number): PeerResult | undefined {
  return peers.slice(1).reduce<PeerResult | undefined>((best, p) => (!best || pick(p) > pick(best) ? p : best), undefined);
}

/** Checks the targets of issue 5 against a report; `quickDurationMs` comes from the last --quick run when this one is full. */
export function checkTargets(report: Omit<BenchReport, 'targets'>, quickDurationMs: number | null): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const warm = report.article.warm;
  checks.push({
    target: 'Per question on the article: p99 ≤ 5 ms',
    figure: `p99 ${ms(warm.all.p99)} (ko ${ms(warm.ko.p99)}, en ${ms(warm.en.p99)}; p50 ${ms(warm.all.p50)})`,
    met: warm.all.p99 <= 5,
  });

  const million = report.scale.find((r) => r.size === MILLION);
  const growthOf = (name: string) => report.growth[name];
  const projected = (name: string, pick: (r: ScaleResult) => number, format: (v: number) => string) => {
    const value = project(report.scale, growthOf(name), pick, MILLION);
    const largest = report.scale[report.scale.length - 1];
    return value === null || !largest ? 'not measured' : `not measured in this run; projected ≈ ${format(value)} from the ${report.scale.map((r) => size(r.size)).join('/')} fit`;
  };
  if (million) {
    const load = million.load;
    const viaBench = load?.loader.used === 'bench loader' ? ` (loaded by the bench loader: HnswVectorStore.load fails at this size — ${load.loader.storeLoadError})` : '';
    const sweepMeeting = load?.efSweep.find((e) => e.recallAt10 >= 0.95);
    checks.push({
      target: '1M sentences: query p99 ≤ 20 ms',
      figure: `p99 ${ms(million.build.query.p99)} after build, ${load ? ms(load.query.p99) : 'not measured'} after a cold load (p50 ${ms(million.build.query.p50)})`,
      met: million.build.query.p99 <= 20 && (!load || load.query.p99 <= 20),
    });
    checks.push({
      target: `1M sentences: HNSW recall@10 ≥ 0.95 (ef = ${million.build.efSearch})`,
      figure: `${share(million.build.recallAt10)}${load ? (sweepMeeting ? `; ef = ${sweepMeeting.ef} reaches ${share(sweepMeeting.recallAt10)} at search p99 ${ms(sweepMeeting.search.p99)}` : '; no ef up to 512 reaches 0.95') : ''}`,
      met: million.build.recallAt10 >= 0.95,
    });
    checks.push({
      target: '1M sentences: build ≤ 5 min',
      figure: `${ms(million.build.buildMs)} (fit ${ms(million.build.fitMs)}, embed ${ms(million.build.embedMs)}, HNSW insert ${ms(million.build.insertMs)})`,
      met: million.build.buildMs <= 5 * 60_000,
    });
    checks.push({
      target: '1M sentences: RSS ≤ 4 GB',
      figure: `serving ${load ? bytes(load.servingRssBytes) : 'not measured'} (index loaded, corpus text held)${viaBench}; build process peak ${bytes(million.build.memory.peakRssBytes)} (also holds brute-force vectors)`,
      met: load ? load.servingRssBytes <= 4 * 1024 ** 3 : null,
    });
  } else {
    checks.push({ target: '1M sentences: query p99 ≤ 20 ms', figure: projected('query p99 (HNSW, embed + search)', (r) => r.build.query.p99, ms), met: null });
    checks.push({ target: '1M sentences: HNSW recall@10 ≥ 0.95', figure: projected('HNSW miss rate (1 − recall@10)', (r) => 1 - r.build.recallAt10, (v) => `recall ${share(1 - v)}`), met: null });
    checks.push({ target: '1M sentences: build ≤ 5 min', figure: projected('build: fit + embed + insert', (r) => r.build.buildMs, ms), met: null });
    checks.push({ target: '1M sentences: RSS ≤ 4 GB', figure: projected('serving RSS (loaded, corpus text included)', (r) => r.load?.servingRssBytes ?? Number.NaN, bytes), met: null });
  }

  const languages = (['ko', 'en'] as const).map((language) => {
    const mine = report.peers[0]?.[language].recallAt3 ?? 0;
    const best = bestPeer(report.peers, (p) => p[language].recallAt3);
    const heldMine = report.peers[0]?.heldout[language].recallAt3 ?? 0;
    const heldBest = bestPeer(report.peers, (p) => p.heldout[language].recallAt3);
    return {
      met: best ? mine > best[language].recallAt3 : true,
      text: `${language}: ${share(mine)} vs best peer ${share(best?.[language].recallAt3)} (${best?.name ?? '—'}); held-out ${share(heldMine)} vs ${share(heldBest?.heldout[language].recallAt3)}`,
    };
  });
  checks.push({ target: 'recall@3 ahead of every peer in both languages', figure: languages.map((l) => l.text).join('; '), met: languages.every((l) => l.met) });

  const quick = report.mode === 'quick' ? report.durationMs : quickDurationMs;
  const hundredK = report.scale.find((r) => r.size === 100_000);
  checks.push({
    target: '--quick (≤ 100k sentences) under 2 min on 2 cores',
    figure: quick === null
      ? 'no --quick run recorded'
      : `${ms(quick)}${report.mode === 'quick' ? '' : ' (last --quick run)'}${hundredK ? `; the 100k HNSW insert alone takes ${ms(hundredK.build.insertMs)} on one core (hnswlib-node inserts single-threaded)` : ''}`,
    met: quick === null ? null : quick <= 120_000,
  });
  return checks;
}
