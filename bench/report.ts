/** Renders a {@link BenchReport} as Markdown (bench/out/report.md). */
import { EF_SWEEP } from './scale.js';
import { bytes, ms, num, share, size } from './format.js';
import { GROWTH_FIGURES } from './targets.js';
import type { BenchReport, PeerLanguageResult } from './types.js';

/** A Markdown table from a header row and body rows. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const mark = (met: boolean | null) => (met === null ? '— not measured' : met ? '✅ met' : '❌ missed');

function peerCells(r: PeerLanguageResult): string[] {
  return [share(r.recallAt3), share(r.mrr), ms(r.latency.p50)];
}

/** The few figures a reader needs first, as sentences. */
export function headlines(report: BenchReport): string[] {
  const { article, peers, scale } = report;
  const lines = [
    `On the article (${article.sentences} sentences): warm answer p50 ${ms(article.warm.all.p50)}, p99 ${ms(article.warm.all.p99)}; cold start ${ms(article.coldStart.createEngineMs)} to open the engine (${ms(article.coldStart.processToFirstAnswerMs)} from process start to first answer); full rebuild ${ms(article.rebuildMs.median)}; peak RSS ${bytes(article.peakRssBytes)}; index ${bytes(article.indexBytes.total)} on disk.`,
  ];
  for (const r of scale) {
    lines.push(`${size(r.size)} sentences: build ${ms(r.build.buildMs)} (HNSW insert ${ms(r.build.insertMs)}), ${bytes(r.build.diskBytes.total)} on disk, serving RSS ${bytes(r.load?.servingRssBytes)}, cold start ${ms(r.load?.coldStartMs)}${r.load?.loader.used === 'bench loader' ? ' (bench loader: HnswVectorStore.load fails)' : ''}; query p50 ${ms(r.build.query.p50)} / p99 ${ms(r.build.query.p99)} at recall@10 ${share(r.build.recallAt10)} (ef ${r.build.efSearch}); brute force p50 ${ms(r.build.bruteForce.query.p50)}.`);
  }
  const ours = peers[0];
  if (ours) {
    for (const language of ['ko', 'en'] as const) {
      const others = peers.slice(1).sort((a, b) => b[language].recallAt3 - a[language].recallAt3);
      const best = others[0];
      lines.push(`${language === 'ko' ? 'Korean' : 'English'} questions: ours recall@3 ${share(ours[language].recallAt3)}, MRR ${share(ours[language].mrr)}, p50 ${ms(ours[language].latency.p50)}; best peer ${best ? `${best.name} ${share(best[language].recallAt3)} / ${share(best[language].mrr)} / ${ms(best[language].latency.p50)}` : '—'}.`);
    }
  }
  return lines;
}

/** The whole report as Markdown. */
export function renderMarkdown(report: BenchReport, options: { chart?: string } = {}): string {
  const { machine, article, peers, scale } = report;
  const out: string[] = [];
  out.push(`# Benchmark report (${report.mode} run)`);
  out.push('');
  out.push(`Generated ${report.generatedAt} by \`npm run bench${report.mode === 'quick' ? ' -- --quick' : ''}\` in **${ms(report.durationMs)}**.`);
  out.push(`Machine: ${machine.cpu}, ${machine.cores} cores, ${bytes(machine.memoryBytes)} RAM, ${machine.platform}; Node ${machine.node} (V8 ${machine.v8}); commit ${machine.commit}.`);
  out.push(`Libraries: ${Object.entries(machine.libraries).map(([n, v]) => `${n} ${v}`).join(', ')}.`);
  out.push(`Load average (1 min) at start / end: ${machine.loadAverage.start.toFixed(2)} / ${machine.loadAverage.end.toFixed(2)} — anything above ~0 means other work shared the cores and timings are pessimistic.`);
  out.push('');

  out.push('## Headlines');
  out.push('');
  for (const line of headlines(report)) out.push(`- ${line}`);
  out.push('');

  out.push('## Targets (issue 5)');
  out.push('');
  out.push(table(['Target', 'Figure', 'Result'], report.targets.map((t) => [t.target, t.figure, mark(t.met)])));
  out.push('');

  out.push('## On the article');
  out.push('');
  out.push(`${article.sentences} sentences; warm \`engine.ask\` over the Korean and English eval sets, ${article.warm.passes} measured passes after a warm-up pass${article.refused ? ` (${article.refused} refused questions left out)` : ''}.`);
  out.push('');
  out.push(table(['Figure', 'Value'], [
    ['warm ask p50 / p95 / p99 (both sets)', `${ms(article.warm.all.p50)} / ${ms(article.warm.all.p95)} / ${ms(article.warm.all.p99)}`],
    ['warm ask p50 / p95 / p99 (Korean)', `${ms(article.warm.ko.p50)} / ${ms(article.warm.ko.p95)} / ${ms(article.warm.ko.p99)}`],
    ['warm ask p50 / p95 / p99 (English)', `${ms(article.warm.en.p50)} / ${ms(article.warm.en.p95)} / ${ms(article.warm.en.p99)}`],
    ['warm ask max', ms(article.warm.all.max)],
    [`cold start: createEngine with the index on disk (median of ${article.coldStart.runs} fresh processes)`, `${ms(article.coldStart.createEngineMs)} (index ${article.coldStart.status})`],
    ['cold start: importing the engine', ms(article.coldStart.importMs)],
    ['cold start: first ask', ms(article.coldStart.firstAskMs)],
    ['cold start: process start → first answer (tsx loader included)', ms(article.coldStart.processToFirstAnswerMs)],
    [`full rebuild: createEngine({ rebuild: true }) (median of ${article.rebuildMs.runs.length})`, ms(article.rebuildMs.median)],
    ['first build into an empty directory', ms(article.firstBuildMs)],
    ['peak RSS (build, rebuilds, warm queries)', bytes(article.peakRssBytes)],
    ['index on disk', `${bytes(article.indexBytes.total)} (${Object.entries(article.indexBytes.files).map(([f, b]) => `${f} ${bytes(b)}`).join(', ')})`],
  ]));
  out.push('');

  out.push('## Peers, same run, same questions');
  out.push('');
  out.push('Every system indexes the same text per sentence (Korean original + English rendering). Recall@3 and MRR (first gold sentence within the top 10) over the answerable questions, scored like `src/eval/metrics.ts` (ours is cross-checked against it); p50 is the per-question search latency.');
  out.push('');
  const n = peers[0];
  out.push(table(
    ['System', 'Settings', `ko R@3`, 'ko MRR', 'ko p50', 'en R@3', 'en MRR', 'en p50', 'index time'],
    peers.map((p) => [p.name, p.settings, ...peerCells(p.ko), ...peerCells(p.en), ms(p.indexMs)]),
  ));
  out.push('');
  out.push(`Questions: ${n ? `${n.ko.questions} Korean and ${n.en.questions} English answerable` : '—'} (test/eval/questions.*.json). The engine's weights were tuned on these sets; the held-out sets (test/eval/heldout.*.json) check that the lead is not overfitting:`);
  out.push('');
  out.push(table(
    ['System', 'held-out ko R@3', 'ko MRR', 'held-out en R@3', 'en MRR'],
    peers.map((p) => [p.name, share(p.heldout.ko.recallAt3), share(p.heldout.ko.mrr), share(p.heldout.en.recallAt3), share(p.heldout.en.mrr)]),
  ));
  out.push('');

  out.push('## Scale: synthetic corpora');
  out.push('');
  out.push(`Deterministic synthetic news (bench/README.md); ${scale[0]?.build.queries ?? 0} queries per size (half eval questions, half corpus fragments); HNSW m=16, efConstruction=${scale[0]?.build.efConstruction ?? 200}, ef=${scale[0]?.build.efSearch ?? 64}, k=10; 256-d lexical embeddings. Query latency = embed + search; brute force = embed + exact scan over a Float32Array.`);
  out.push('');
  if (options.chart) {
    out.push(`![Query latency and build time against corpus size](${options.chart})`);
    out.push('');
  }
  out.push(table(
    ['Sentences', 'Build (fit + embed + insert)', 'Insert rate', 'On disk', 'Index RSS Δ', 'Serving RSS', 'Cold start (fit + verify + load)', 'Query p50 / p99', 'Recall@10', 'Brute force p50 / p99'],
    scale.map((r) => [
      size(r.size),
      `${ms(r.build.buildMs)} (${ms(r.build.fitMs)} + ${ms(r.build.embedMs)} + ${ms(r.build.insertMs)})`,
      `${Math.round(r.build.insertRate)}/s`,
      bytes(r.build.diskBytes.total),
      bytes(r.build.memory.indexDeltaBytes),
      bytes(r.load?.servingRssBytes),
      r.load ? `${ms(r.load.coldStartMs)} (${ms(r.load.fitMs)} + ${ms(r.load.verifyMs)} + ${ms(r.load.loadMs)})${r.load.loader.used === 'bench loader' ? ' ¹' : ''}` : '—',
      `${ms(r.build.query.p50)} / ${ms(r.build.query.p99)}`,
      share(r.build.recallAt10),
      `${ms(r.build.bruteForce.query.p50)} / ${ms(r.build.bruteForce.query.p99)}`,
    ]),
  ));
  for (const r of scale) {
    if (r.load?.loader.used === 'bench loader') out.push(`\n¹ ${size(r.size)}: \`HnswVectorStore.load\` threw \`${r.load.loader.storeLoadError}\` after ${ms(r.load.loader.failedAfterMs)}; the load figures of this size come from the bench's equivalent loader (bench/scale.ts \`benchLoad\`: same files, same graph, no spread of all documents into one call). \`openVectorIndex\` catches that error and rebuilds, so today every start at this size would rebuild the index.`);
    if (!r.load) out.push(`\n${size(r.size)}: the load process failed (${r.loadError ?? 'unknown error'}).`);
  }
  out.push('');
  out.push(table(
    ['Sentences', 'Corpus (ko share, mean chars ko / en)', 'Generate', 'Save', 'Build peak RSS', 'Query p99 after cold load', 'Embed p50', 'Wall (both processes)'],
    scale.map((r) => [
      size(r.size),
      `${share(r.build.corpus.koreanShare)}, ${r.build.corpus.meanChars.ko.toFixed(0)} / ${r.build.corpus.meanChars.en.toFixed(0)}`,
      ms(r.build.corpus.generateMs),
      ms(r.build.saveMs),
      bytes(r.build.memory.peakRssBytes),
      ms(r.load?.query.p99),
      ms(r.build.queryEmbed.p50),
      ms(r.wallMs),
    ]),
  ));
  out.push('');
  out.push('### ef sweep on the loaded graph (search only, query embedding excluded)');
  out.push('');
  out.push(table(
    ['Sentences', ...EF_SWEEP.map((ef) => `ef=${ef} recall / p50 / p99`)],
    scale.map((r) => [size(r.size), ...EF_SWEEP.map((ef) => {
      const e = r.load?.efSweep.find((x) => x.ef === ef);
      return e ? `${share(e.recallAt10)} / ${ms(e.search.p50)} / ${ms(e.search.p99)}` : '—';
    })]),
  ));
  out.push('');
  if (report.constructionSweep.length) {
    const study = report.constructionSweep;
    const main = scale.find((r) => r.size === study[0]!.size);
    out.push(`### Build-parameter study at ${size(study[0]!.size)} sentences (raw hnswlib, m=16; not the store's settings)`);
    out.push('');
    out.push('What a cheaper build would cost in recall: the same corpus and queries, other efConstruction values; search-only latency.');
    out.push('');
    out.push(table(
      ['efConstruction', 'Insert', 'Insert rate', ...study[0]!.search.map((e) => `ef=${e.ef} recall / p50 / p99`)],
      [
        ...study.map((r) => [String(r.efConstruction), ms(r.insertMs), `${Math.round(r.insertRate)}/s`, ...r.search.map((e) => `${share(e.recallAt10)} / ${ms(e.search.p50)} / ${ms(e.search.p99)}`)]),
        ...(main
          ? [['200 (ours, above)', ms(main.build.insertMs), `${Math.round(main.build.insertRate)}/s`, ...study[0]!.search.map((e) => {
              const x = main.load?.efSweep.find((s) => s.ef === e.ef);
              return x ? `${share(x.recallAt10)} / ${ms(x.search.p50)} / ${ms(x.search.p99)}` : '—';
            })]]
          : []),
      ],
    ));
    out.push('');
  }
  out.push('### Growth');
  out.push('');
  out.push('Least-squares fit of log(figure) against log(sentences): the slope is the exponent (1 linear, near 0 flat). Between 0.1 and 0.85 the power law is compared with a fit of figure against log(sentences), and the better one (R²) names the growth.');
  out.push('');
  out.push(table(
    ['Figure', 'Slope', 'Reading', `Ratio ${scale.length ? `${size(scale[scale.length - 1]!.size)} / ${size(scale[0]!.size)}` : ''}`, 'R² power', 'R² log'],
    GROWTH_FIGURES.map((f) => {
      const g = report.growth[f.name];
      return [f.name, g ? g.slope.toFixed(2) : '—', g?.label ?? '—', g ? `×${num(g.ratio)}` : '—', g ? g.r2.toFixed(3) : '—', g ? g.logR2.toFixed(3) : '—'];
    }),
  ));
  out.push('');
  if (report.scaleFailures.length) {
    out.push('### Sizes that failed');
    out.push('');
    for (const f of report.scaleFailures) out.push(`- ${size(f.size)}: ${f.error}`);
    out.push('');
  }
  return out.join('\n');
}
