import { existsSync } from 'node:fs';
import path from 'node:path';
import { evaluateExternal, loadExternalParagraphs, loadLookalikes } from './eval/external.js';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createEngine, QuestionError, type QaEngine } from './answer/engine.js';
import { ConfigError, loadCoreConfig } from './config.js';
import { evaluate } from './eval/metrics.js';
import { calibrate } from './eval/calibrate.js';
import { loadQuestionSet } from './eval/question-set.js';
import { formatFeedbackSummary, summariseFile } from './cli/feedback.js';
import { formatAnswer, formatEvalTable, formatExternalTable, formatParticipants, styleFor } from './cli/format.js';
import { ClaimChecker } from './answer/claims.js';
import { checkMessageText } from './answer/claim-split.js';
import { formatCheck } from './cli/format-check.js';
import { createLogger } from './log.js';

const USAGE = `Usage (with --json, add --silent after npm run so that npm prints nothing on stdout):
  npm run ask -- "question"                       answer with numbered citations
  npm run --silent ask -- --json "question"       one JSON object
  npm run --silent ask -- --json -                questions from stdin, one per line; JSON Lines out
  npm run check -- "statement(s)"                 check statements against the article (verdict and quote each)
  npm run --silent check -- --json "statement(s)" one JSON object
  npm run --silent check -- --json -              one text per stdin line (a message; \n for a line break); JSON Lines out
  npm run participants -- [--country KR|US] [--kind company|official]
  npm run --silent participants -- --json [--country KR|US] [--kind company|official]
  npm run index                                   rebuild the vector index
  npm run eval                                    quality figures on the question sets in test/eval
  npm run --silent eval -- --json                 the same as JSON
  npm run calibrate                               refit the answerability score (writes src/answer/answerability-model.ts)
  npm run feedback -- [--file path] [--limit n]   votes per answer, worst-rated answers, declined questions
  npm run --silent feedback -- --json [--file path] [--limit n]   the same as JSON`;

/** Exit codes: 0 ok, 1 unexpected failure, 2 bad input or usage. */
class UsageError extends Error {}

/** The shared development paragraphs (KorQuAD, SQuAD), present beside the project on development machines and CI. */
const EXTERNAL_DIR = '../shared/external';
const EXTERNAL_LOOKALIKES = 'test/eval/external-unanswerable.json';

const EVAL_SETS = [
  { name: 'Korean', file: 'test/eval/questions.ko.json' },
  { name: 'English', file: 'test/eval/questions.en.json' },
  { name: 'Korean (held out)', file: 'test/eval/heldout.ko.json' },
  { name: 'English (held out)', file: 'test/eval/heldout.en.json' },
  { name: 'Korean (fresh, blind)', file: 'test/eval/fresh.ko.json' },
  { name: 'English (fresh, blind)', file: 'test/eval/fresh.en.json' },
];

async function openEngine(rebuild = false): Promise<QaEngine> {
  const config = loadCoreConfig();
  // The CLI keeps stdout for answers; routine index messages stay quiet unless LOG_LEVEL asks.
  const log = createLogger(config.LOG_LEVEL ?? 'warn');
  return createEngine({ config, log, rebuild });
}

async function ask(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
  const question = positionals.join(' ');
  if (positionals.length === 0) throw new UsageError('Ask a question, e.g. npm run ask -- "라운드테이블에 참석한 한국 기업은?"');
  const engine = await openEngine();
  if (question === '-') return askBatch(engine);
  try {
    const result = await engine.ask(question);
    process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${formatAnswer(result, styleFor(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR))}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof QuestionError)) throw error;
    if (values.json) process.stdout.write(`${JSON.stringify({ question, error: { code: error.code, message: error.message } })}\n`);
    else process.stderr.write(`${error.message}\n`);
    return 2;
  }
}

/** JSON Lines: one answer per input line, same order; refused lines get an `error` object instead. */
async function askBatch(engine: QaEngine): Promise<number> {
  let failures = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    try {
      process.stdout.write(`${JSON.stringify(await engine.ask(line))}\n`);
    } catch (error) {
      if (!(error instanceof QuestionError)) throw error;
      failures++;
      process.stdout.write(`${JSON.stringify({ question: line, error: { code: error.code, message: error.message } })}\n`);
    }
  }
  return failures > 0 ? 2 : 0;
}

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
  if (positionals.length === 0) throw new UsageError('Give a statement to check, e.g. npm run check -- "기업 10곳이 참석했대"');
  const text = positionals.join(' ');
  const checker = new ClaimChecker(await openEngine());
  if (text === '-') return checkBatch(checker);
  const accepted = checkMessageText(text);
  if (!accepted.ok) {
    if (values.json) process.stdout.write(`${JSON.stringify({ text, error: { code: accepted.problem.code, message: accepted.problem.message } })}\n`);
    else process.stderr.write(`${accepted.problem.message}\n`);
    return 2;
  }
  const result = await checker.check(accepted.text);
  const colour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  process.stdout.write(values.json ? `${JSON.stringify({ text, ...result })}\n` : `${formatCheck(result, styleFor(colour), colour)}\n`);
  return 0;
}

/**
 * JSON Lines: one text per input line, one result per line in the same order. A line is one
 * message; `\n` in it (backslash, n) stands for a line break. Refused lines get an `error` object.
 */
async function checkBatch(checker: ClaimChecker): Promise<number> {
  let failures = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    const accepted = checkMessageText(line.replace(/\\n/g, '\n'));
    if (!accepted.ok) {
      failures++;
      process.stdout.write(`${JSON.stringify({ text: line, error: { code: accepted.problem.code, message: accepted.problem.message } })}\n`);
      continue;
    }
    process.stdout.write(`${JSON.stringify({ text: line, ...(await checker.check(accepted.text)) })}\n`);
  }
  return failures > 0 ? 2 : 0;
}

async function participants(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false }, country: { type: 'string' }, kind: { type: 'string' } } });
  const country = values.country?.toUpperCase();
  if (country !== undefined && country !== 'KR' && country !== 'US') throw new UsageError('--country takes KR or US');
  if (values.kind !== undefined && values.kind !== 'company' && values.kind !== 'official') throw new UsageError('--kind takes company or official');
  const engine = await openEngine();
  const list = engine.participants.filter((p) => (!country || p.country === country) && (!values.kind || p.kind === values.kind));
  if (values.json) {
    const out = list.map(({ eventName: _eventName, countryName: _countryName, ...p }) => p);
    process.stdout.write(`${JSON.stringify({ participants: out })}\n`);
  } else {
    process.stdout.write(`${formatParticipants(list, styleFor(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR))}\n`);
  }
  return 0;
}

async function rebuildIndex(): Promise<number> {
  const started = performance.now();
  const engine = await openEngine(true);
  const ms = performance.now() - started;
  const documents = engine.corpus.documents;
  process.stdout.write(
    `Indexed ${documents.length} document(s), ${engine.passages.length} sentences in ${ms.toFixed(0)} ms\n` +
      documents.map((d) => `  ${d.slug}: ${d.sentences.length} sentences — ${d.title}`).join('\n') +
      '\n',
  );
  return 0;
}

async function evalCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  const engine = await openEngine();
  const reports = [];
  for (const set of EVAL_SETS) reports.push({ name: set.name, report: await evaluate(engine, await loadQuestionSet(set.file)) });
  const external = [];
  const externalDir = path.resolve(EXTERNAL_DIR);
  if (existsSync(externalDir)) {
    const lookalikes = await loadLookalikes(EXTERNAL_LOOKALIKES);
    for (const [name, file] of [['KorQuAD dev sample', 'korquad.dev.jsonl'], ['SQuAD dev sample', 'squad.dev.jsonl']] as const) {
      external.push({ name, report: await evaluateExternal(await loadExternalParagraphs(path.join(externalDir, file)), lookalikes) });
    }
  }
  if (values.json) process.stdout.write(`${JSON.stringify({ sets: reports, external })}\n`);
  else {
    const note = external.length > 0 ? `\n\n${formatExternalTable(external)}` : `\n\n(${externalDir} is absent: the external development samples were skipped.)`;
    process.stdout.write(`${formatEvalTable(reports)}${note}\n`);
  }
  return 0;
}

/** Fits the answerability model on the tuning sets and the external samples, and writes it. */
async function calibrateCommand(): Promise<number> {
  const externalDir = path.resolve(EXTERNAL_DIR);
  const { model, accuracy, counts } = await calibrate(process.cwd(), existsSync(externalDir) ? externalDir : null);
  process.stdout.write(`Wrote src/answer/answerability-model.ts (threshold ${model.threshold}).\n`);
  for (const [group, share] of accuracy) process.stdout.write(`  ${group}: ${(share * 100).toFixed(1)}% right of ${counts.get(group)}\n`);
  if (!existsSync(externalDir)) process.stdout.write(`  (${externalDir} is absent: fitted on the seed sets alone.)\n`);
  return 0;
}

async function feedback(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false }, file: { type: 'string' }, limit: { type: 'string', default: '10' } } });
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a whole number of rows, 1 or more');
  const file = values.file ?? loadCoreConfig().FEEDBACK_FILE;
  const { exists, summary } = await summariseFile(file, limit);
  if (values.json) process.stdout.write(`${JSON.stringify({ file, exists, ...summary })}\n`);
  else process.stdout.write(`${formatFeedbackSummary(file, exists, summary, styleFor(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR), limit)}\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'ask': return ask(args);
    case 'check': return check(args);
    case 'participants': return participants(args);
    case 'index': return rebuildIndex();
    case 'eval': return evalCommand(args);
    case 'feedback': return feedback(args);
    case 'calibrate': return calibrateCommand();
    default: throw new UsageError(USAGE);
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
    } else if (error instanceof Error && error.name === 'TypeError' && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`Something went wrong: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
