import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { answerabilityFeatures, type AnswerabilityFeatures, type AnswerabilityModel } from '../answer/answerability.js';
import { createEngine, createMemoryEngine, QuestionError, type QaEngine } from '../answer/engine.js';
import { loadExternalParagraphs, type UnanswerableQuestion } from './external.js';
import { loadQuestionSet } from './question-set.js';

/** One question's features, whether the article answers it, and the group it is balanced within. */
export interface Sample {
  features: AnswerabilityFeatures;
  answerable: boolean;
  group: string;
}

const FEATURES: (keyof AnswerabilityFeatures)[] = ['support', 'similarity', 'nameMissing', 'unknownName', 'shapeMissing', 'missingFocus', 'unseenShare', 'noMatch', 'shapeNowhere'];

async function sample(engine: QaEngine, q: string, answerable: boolean, group: string): Promise<Sample | null> {
  try {
    const { understood, ranked } = await engine.inspect(q, 3);
    const best = ranked[0];
    const features: AnswerabilityFeatures = best
      ? answerabilityFeatures(best, understood, ranked.slice(1, 3))
      : { support: 0, similarity: 0, nameMissing: 1, unknownName: 0, shapeMissing: 0, missingFocus: 1, unseenShare: 1, noMatch: 1, shapeNowhere: 0 };
    return { features, answerable, group };
  } catch (error) {
    if (error instanceof QuestionError) return null;
    throw error;
  }
}

/** Features of every question of the seed-article sets and the external paragraphs. */
export async function collectSamples(options: { seeds: string; sets: readonly string[]; external?: string; lookalikes?: string }): Promise<Sample[]> {
  const samples: Sample[] = [];
  const indexDir = mkdtempSync(path.join(tmpdir(), 'qa-calibrate-'));
  try {
    const engine = await createEngine({ config: { SEEDS_DIR: options.seeds, INDEX_DIR: indexDir, EMBEDDING_DIM: 256 } });
    for (const file of options.sets) {
      for (const item of await loadQuestionSet(file)) {
        const answerable = item.gold.length > 0;
        const s = await sample(engine, item.q, answerable, `seed ${answerable ? 'answerable' : 'unanswerable'}`);
        if (s) samples.push(s);
      }
    }
  } finally {
    rmSync(indexDir, { recursive: true, force: true });
  }
  if (options.external) {
    const lookalikes: UnanswerableQuestion[] = options.lookalikes && existsSync(options.lookalikes) ? JSON.parse(await readFile(options.lookalikes, 'utf8')) : [];
    for (const name of ['korquad', 'squad']) {
      const paragraphs = await loadExternalParagraphs(path.join(options.external, `${name}.dev.jsonl`));
      for (const [i, paragraph] of paragraphs.entries()) {
        const engine = await createMemoryEngine(new Map([[`external-${i}.txt`, paragraph.context]]));
        for (const qa of paragraph.qas) {
          const s = await sample(engine, qa.q, true, `${name} answerable`);
          if (s) samples.push(s);
        }
        for (const qa of paragraphs[(i + 1) % paragraphs.length]!.qas) {
          const s = await sample(engine, qa.q, false, `${name} other article`);
          if (s) samples.push(s);
        }
        for (const item of lookalikes.filter((l) => l.id === paragraph.id)) {
          const s = await sample(engine, item.q, false, `${name} look-alike`);
          if (s) samples.push(s);
        }
      }
    }
  }
  return samples;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Logistic regression by gradient descent, each group weighing the same in total so that 300
 * external questions do not drown 60 seed questions; a little L2 keeps weights finite.
 */
export function fitLogistic(samples: readonly Sample[], iterations = 4000, rate = 0.5, l2 = 0.001): Omit<AnswerabilityModel, 'threshold'> {
  const groupSize = new Map<string, number>();
  for (const s of samples) groupSize.set(s.group, (groupSize.get(s.group) ?? 0) + 1);
  const sampleWeight = samples.map((s) => 1 / groupSize.get(s.group)! / groupSize.size);
  let bias = 0;
  const w = FEATURES.map(() => 0);
  for (let it = 0; it < iterations; it++) {
    let gradBias = 0;
    const grad = FEATURES.map(() => 0);
    samples.forEach((s, i) => {
      const x = FEATURES.map((f) => s.features[f]);
      const p = sigmoid(bias + x.reduce((sum, v, j) => sum + v * w[j]!, 0));
      const error = (p - (s.answerable ? 1 : 0)) * sampleWeight[i]!;
      gradBias += error;
      x.forEach((v, j) => (grad[j]! += error * v));
    });
    bias -= rate * gradBias;
    w.forEach((_, j) => (w[j]! -= rate * (grad[j]! + l2 * w[j]!)));
  }
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return { bias: round(bias), weights: Object.fromEntries(FEATURES.map((f, j) => [f, round(w[j]!)])) as AnswerabilityModel['weights'] };
}

/** Accuracy per group at a threshold (answerable: answered; unanswerable: declined). */
export function groupAccuracy(samples: readonly Sample[], model: AnswerabilityModel): Map<string, number> {
  const totals = new Map<string, { right: number; all: number }>();
  for (const s of samples) {
    let z = model.bias;
    for (const f of FEATURES) z += model.weights[f] * s.features[f];
    const answered = sigmoid(z) >= model.threshold;
    const t = totals.get(s.group) ?? { right: 0, all: 0 };
    t.all++;
    if (answered === s.answerable) t.right++;
    totals.set(s.group, t);
  }
  return new Map([...totals].map(([g, t]) => [g, t.right / t.all]));
}

/** Least share of questions about another article that each source must decline: off-topic questions stay out. */
export const OFF_TOPIC_FLOOR = 0.985;

/**
 * The lowest threshold at which every "other article" group is still declined at least
 * {@link OFF_TOPIC_FLOOR}: decline what is plainly off topic, and otherwise answer with the quoted
 * sentence, since a wrong decline hides an answer the reader could have checked.
 */
export function fitThreshold(samples: readonly Sample[], model: Omit<AnswerabilityModel, 'threshold'>): number {
  for (let t = 0.05; t <= 0.951; t += 0.01) {
    const accuracy = groupAccuracy(samples, { ...model, threshold: t });
    const offTopicKept = [...accuracy].every(([group, share]) => !group.endsWith(' other article') || share >= OFF_TOPIC_FLOOR);
    if (offTopicKept) return Math.round(t * 100) / 100;
  }
  return 0.95;
}

/** Renders the fitted model as the TypeScript module the engine imports. */
export function modelSource(model: AnswerabilityModel, provenance: string): string {
  return `import type { AnswerabilityModel } from './answerability.js';

/**
 * Fitted by \`npm run calibrate\` (src/eval/calibrate.ts); do not edit by hand.
${provenance.split('\n').map((line) => ` * ${line}`).join('\n')}
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = ${JSON.stringify(model, null, 2).replace(/"(\w+)":/g, '$1:')};
`;
}

/** `npm run calibrate`: fit the answerability model and write it to src/answer/answerability-model.ts. */
export async function calibrate(root: string, externalDir: string | null): Promise<{ model: AnswerabilityModel; accuracy: Map<string, number>; counts: Map<string, number> }> {
  const candidates = ['questions.ko', 'questions.en', 'fresh.ko', 'fresh.en'].map((n) => path.join(root, 'test/eval', `${n}.json`)).filter((f) => existsSync(f));
  const samples = await collectSamples({
    seeds: path.join(root, 'seeds'),
    sets: candidates,
    external: externalDir ?? undefined,
    lookalikes: path.join(root, 'test/eval/external-unanswerable.json'),
  });
  const fitted = fitLogistic(samples);
  const model = { ...fitted, threshold: fitThreshold(samples, fitted) };
  const accuracy = groupAccuracy(samples, model);
  const counts = new Map<string, number>();
  for (const s of samples) counts.set(s.group, (counts.get(s.group) ?? 0) + 1);
  const provenance = [
    `Fitted on ${samples.length} questions: ${[...counts].map(([g, n]) => `${g} ${n}`).join(', ')}.`,
    `Seed sets: ${candidates.map((c) => path.basename(c)).join(', ')} (the held-out sets are never used here).`,
    `Accuracy per group at the threshold: ${[...accuracy].map(([g, a]) => `${g} ${(a * 100).toFixed(1)}%`).join(', ')}.`,
  ].join('\n');
  await writeFile(path.join(root, 'src/answer/answerability-model.ts'), modelSource(model, provenance));
  return { model, accuracy, counts };
}
