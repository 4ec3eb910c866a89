import { existsSync } from 'node:fs';
import path from 'node:path';
import { evaluateExternal, loadExternalParagraphs, loadLookalikes } from './eval/external.js';
import { evaluateArticles, loadArticleQuestions } from './eval/invented-articles.js';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createEngine, QuestionError, type QaEngine } from './answer/engine.js';
import { MAX_QUESTION_LENGTH, QUESTION_PROBLEMS } from './answer/question.js';
import { readLines } from './cli/lines.js';
import { ConfigError, loadCoreConfig } from './config.js';
import { evaluate } from './eval/metrics.js';
import { calibrate } from './eval/calibrate.js';
import { loadQuestionSet } from './eval/question-set.js';
import { formatFeedbackSummary, summariseFile } from './cli/feedback.js';
import { formatAnswer, formatArticlesTable, formatConversationTable, formatEvalTable, formatExternalTable, formatParticipants, styleFor } from './cli/format.js';
import { evaluateConversations, loadConversations } from './eval/conversations.js';
import { ClaimChecker } from './answer/claims.js';
import { checkMessageText } from './answer/claim-split.js';
import { formatCheck } from './cli/format-check.js';
import { createLogger } from './log.js';

const USAGE = `Usage (with --json, add --silent after npm run so that npm prints nothing on stdout):
  npm run ask -- "question"                       answer with numbered citations
  npm run --silent ask -- --json "question"       one JSON object
  npm run --silent ask -- --json -                questions from stdin, one per line; JSON Lines out
  npm run ask -- -- "-1 question"                -- ends the options: for a question starting with "-"
  npm run --silent ask -- --json --conversation -   the same, each line read as a follow-up of the last
                                                  answered line when it does not stand alone (adds readAs)
  npm run check -- "statement(s)"                 check statements against the article (verdict and quote each)
  npm run --silent check -- --json "statement(s)" one JSON object
  npm run --silent check -- --json -              one text per stdin line (a message; \n for a line break); JSON Lines out
  npm run participants -- [--country KR|US] [--kind company|official]
  npm run --silent participants -- --json [--country KR|US] [--kind company|official]
  npm run index                                   rebuild the vector index
  npm run index -- --sentences                    the same, then every sentence with its id and kind (to check a new scrape)
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
/** Invented articles nobody tuned for, each asked as the only article (see test/eval/articles.README.md). */
const ARTICLE_SETS = [
  { dir: 'test/eval/articles', questions: 'test/eval/articles.questions.json', label: '' },
  { dir: 'test/eval/articles2', questions: 'test/eval/articles2.questions.json', label: ' (set 2)' },
  { dir: 'test/eval/articles3', questions: 'test/eval/articles3.questions.json', label: ' (set 3)' },
  { dir: 'test/eval/articles4', questions: 'test/eval/articles4.questions.json', label: ' (set 4)' },
];
const CONVERSATIONS = [
  { file: 'test/eval/conversations.json', label: '' },
  { file: 'test/eval/blind2.conversations.json', label: ' (blind2)' },
];

const EVAL_SETS = [
  { name: 'Korean', file: 'test/eval/questions.ko.json' },
  { name: 'English', file: 'test/eval/questions.en.json' },
  { name: 'Korean (held out)', file: 'test/eval/heldout.ko.json' },
  { name: 'English (held out)', file: 'test/eval/heldout.en.json' },
  { name: 'Korean (fresh, blind)', file: 'test/eval/fresh.ko.json' },
  { name: 'English (fresh, blind)', file: 'test/eval/fresh.en.json' },
  { name: 'Korean (blind2)', file: 'test/eval/blind2.ko.json' },
  { name: 'English (blind2)', file: 'test/eval/blind2.en.json' },
  { name: 'Korean (blind3)', file: 'test/eval/blind3.ko.json' },
  { name: 'English (blind3)', file: 'test/eval/blind3.en.json' },
  { name: 'Korean (blind4)', file: 'test/eval/blind4.ko.json' },
  { name: 'English (blind4)', file: 'test/eval/blind4.en.json' },
  { name: 'Korean (blind5)', file: 'test/eval/blind5.ko.json' },
  { name: 'English (blind5)', file: 'test/eval/blind5.en.json' },
  { name: 'Korean (blind6)', file: 'test/eval/blind6.ko.json' },
  { name: 'English (blind6)', file: 'test/eval/blind6.en.json' },
  { name: 'Korean (blind7)', file: 'test/eval/blind7.ko.json' },
  { name: 'English (blind7)', file: 'test/eval/blind7.en.json' },
  { name: 'Korean (blind8)', file: 'test/eval/blind8.ko.json' },
  { name: 'English (blind8)', file: 'test/eval/blind8.en.json' },
];

async function openEngine(rebuild = false): Promise<QaEngine> {
  const config = loadCoreConfig();
  // The CLI keeps stdout for answers; routine index messages stay quiet unless LOG_LEVEL asks.
  const log = createLogger(config.LOG_LEVEL ?? 'warn');
  return createEngine({ config, log, rebuild });
}

/** Longest refused question echoed back in an error object, in characters. */
const ECHO_LENGTH = 200;
/** A line of stdin longer than this cannot be a question within {@link MAX_QUESTION_LENGTH} characters (UTF-8: up to 4 bytes each). */
const MAX_LINE_BYTES = MAX_QUESTION_LENGTH * 4;

/** The beginning of a refused question, so that an error line stays small whatever was sent. */
function echo(question: string): string {
  const chars = [...question.slice(0, ECHO_LENGTH * 2)];
  return chars.length > ECHO_LENGTH ? `${chars.slice(0, ECHO_LENGTH - 1).join('')}…` : chars.join('');
}

/** The JSON line for a refused question. */
const refusal = (question: string, code: string, message: string) => `${JSON.stringify({ question: echo(question), error: { code, message } })}\n`;

/** A reader that stops reading (`| head -1`) is no failure: stop quietly with 0, as Unix tools do. */
function exitQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}

async function ask(args: string[]): Promise<number> {
  // `--` ends the options (util.parseArgs), so `ask -- -- "-1 question"` asks about "-1 question".
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false }, conversation: { type: 'boolean', default: false } }, allowPositionals: true });
  const question = positionals.join(' ');
  if (positionals.length === 0) throw new UsageError('Ask a question, e.g. npm run ask -- "누가 참석했어?"');
  if (values.conversation && question !== '-') throw new UsageError('--conversation reads the questions from stdin: npm run --silent ask -- --json --conversation -');
  const engine = await openEngine();
  if (question === '-') return askBatch(engine, values.conversation);
  try {
    const result = await engine.ask(question);
    process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${formatAnswer(result, styleFor(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR))}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof QuestionError)) throw error;
    if (values.json) process.stdout.write(refusal(question, error.code, error.message));
    else process.stderr.write(`${error.message}\n`);
    return 2;
  }
}

/**
 * JSON Lines: one answer per input line (split at `\n` or `\r\n` only), same order; refused lines
 * get an `error` object instead, echoing at most {@link ECHO_LENGTH} characters. A line too long to
 * be a question is refused as it streams past, never held whole. In a conversation, each line is
 * asked with the last answered line as it was read (declined and refused lines leave the
 * conversation as it was), and every answer carries `readAs` (null when the line was read alone).
 */
async function askBatch(engine: QaEngine, conversation: boolean): Promise<number> {
  let failures = 0;
  let previous: string | undefined;
  for await (const line of readLines(process.stdin, MAX_LINE_BYTES)) {
    if (line.tooLong) {
      failures++;
      process.stdout.write(refusal(line.text, 'too-long', QUESTION_PROBLEMS['too-long']));
      continue;
    }
    try {
      const result = await engine.ask(line.text, conversation ? { previous } : {});
      if (!conversation) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        continue;
      }
      const { question, language, readAs, ...rest } = result;
      process.stdout.write(`${JSON.stringify({ question, language, readAs: readAs ?? null, ...rest })}\n`);
      if (result.answered) previous = readAs ?? question;
    } catch (error) {
      if (!(error instanceof QuestionError)) throw error;
      failures++;
      process.stdout.write(refusal(line.text, error.code, error.message));
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

async function rebuildIndex(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { sentences: { type: 'boolean', default: false } } });
  const started = performance.now();
  const engine = await openEngine(true);
  const ms = performance.now() - started;
  const documents = engine.corpus.documents;
  if (!engine.index.saved) {
    process.stderr.write(`The index was built but could not be saved: ${engine.index.saveProblem}. Set INDEX_DIR to a folder this user may write.\n`);
    return 1;
  }
  process.stdout.write(
    `Indexed ${documents.length} document(s), ${engine.passages.length} sentences in ${ms.toFixed(0)} ms\n` +
      documents.map((d) => `  ${d.slug}: ${d.sentences.length} sentences — ${d.title}`).join('\n') +
      '\n',
  );
  // How the text was read, to check a new scrape: each sentence with its id and kind, one line each.
  if (values.sentences) {
    for (const d of documents) {
      process.stdout.write(`\n${d.slug}${d.publisher ? ` (${d.publisher})` : ''}\n`);
      for (const sentence of d.sentences) process.stdout.write(`  ${sentence.id.padEnd(4)} ${sentence.kind.padEnd(11)} ${sentence.text.replace(/\s+/g, ' ')}\n`);
    }
  }
  return 0;
}

async function evalCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  const engine = await openEngine();
  const reports = [];
  for (const set of EVAL_SETS) reports.push({ name: set.name, report: await evaluate(engine, await loadQuestionSet(set.file)) });
  const conversations = [];
  for (const { file, label } of CONVERSATIONS) {
    const dialogues = await loadConversations(file);
    for (const [name, language] of [['Korean', 'ko'], ['English', 'en']] as const) conversations.push({ name: `${name}${label}`, report: await evaluateConversations(engine, dialogues.filter((c) => c.language === language)) });
  }
  const external = [];
  const externalDir = path.resolve(EXTERNAL_DIR);
  if (existsSync(externalDir)) {
    const lookalikes = await loadLookalikes(EXTERNAL_LOOKALIKES);
    for (const [name, file] of [['KorQuAD dev sample', 'korquad.dev.jsonl'], ['SQuAD dev sample', 'squad.dev.jsonl']] as const) {
      external.push({ name, report: await evaluateExternal(await loadExternalParagraphs(path.join(externalDir, file)), lookalikes) });
    }
  }
  const articles = [];
  for (const set of ARTICLE_SETS.filter((a) => existsSync(a.questions))) {
    const questions = await loadArticleQuestions(set.questions);
    for (const [name, suffix] of [['Korean', '.ko.txt'], ['English', '.en.txt']] as const) {
      articles.push({ name: `${name}${set.label}`, report: await evaluateArticles(set.dir, questions.filter((q) => q.article.endsWith(suffix))) });
    }
  }
  if (values.json) process.stdout.write(`${JSON.stringify({ sets: reports, conversations, articles, external })}\n`);
  else {
    const note = external.length > 0 ? `\n\n${formatExternalTable(external)}` : `\n\n(${externalDir} is absent: the external development samples were skipped.)`;
    const invented = articles.length > 0 ? `\n\n${formatArticlesTable(articles)}` : '';
    process.stdout.write(`${formatEvalTable(reports)}\n\n${formatConversationTable(conversations)}${invented}${note}\n`);
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
  exitQuietlyWhenStdoutCloses();
  const [command, ...args] = argv;
  switch (command) {
    case 'ask': return ask(args);
    case 'check': return check(args);
    case 'participants': return participants(args);
    case 'index': return rebuildIndex(args);
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
