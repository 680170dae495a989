/**
 * Recognizer benchmark: huibot's recognizer vs nlp.js (node-nlp, language 'zh') trained on the
 * same knowledge phrasings (knowledge/nlu/intents.yaml + every policy item's questions, one
 * nlp.js intent per item). Both are plugged into the same Q&A answer builder and run on the
 * eval files (eval/shared/dev.jsonl, eval/*.jsonl, or the files given); prints pass rates
 * and milliseconds per message side by side.
 *
 *   npm run bench:nlu [-- FILE…]
 *
 * `npm run bench:nlu` runs under the heap flags `npm start` gives the server: recognition is timed
 * with the young generation the bot really has (with the default one, scavenges land in p99).
 *
 * Shared, not compared: entity extraction and the "名 the honour → answer the tier" rule are
 * applied to nlp.js results too, since the answer builder needs them.
 */
process.env.DOTENV_CONFIG_QUIET = 'true';
import path from 'node:path';
import { getKnowledge } from '../src/knowledge/loader';
import { canDecideTier } from '../src/knowledge/tiers';
import { checkReply, defaultEvalFiles, isOutOfScopeCase, loadCases, type EvalCase } from '../src/eval/cases';
import { createLocalBot, type RecognizeFn } from '../src/eval/localBot';
import { advisorStandIn } from '../src/eval/advisorStandIn';
import { EntityExtractor } from '../src/nlu/entities';
import { isFollowUp } from '../src/nlu/followUp';
import { HuiRecognizer, trainingExamples } from '../src/nlu/recognizer';
import type { Recognition } from '../src/nlu/types';
import type { Intent } from '../src/domain/vocabulary';
import type { KnowledgeBase } from '../src/knowledge/types';

const ROOT = path.resolve(__dirname, '..');
/** nlp.js answers below this score count as "not understood" (its own default threshold). */
const NLPJS_THRESHOLD = 0.5;
const ITEM_PREFIX = 'kb.';

interface NlpManagerLike {
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, utterance: string): Promise<{ intent: string; score: number }>;
}

async function trainNlpJs(kb: KnowledgeBase): Promise<NlpManagerLike> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { NlpManager } = require('node-nlp') as { NlpManager: new (settings: object) => NlpManagerLike };
  const manager = new NlpManager({ languages: ['zh'], forceNER: false, autoSave: false, nlu: { log: false } });
  for (const [intent, def] of Object.entries(kb.intents)) {
    if (intent === 'policy_question') continue;
    for (const text of def?.examples ?? []) manager.addDocument('zh', text, intent);
  }
  for (const item of kb.items) for (const text of item.questions) manager.addDocument('zh', text, `${ITEM_PREFIX}${item.id}`);
  await manager.train();
  return manager;
}

/** nlp.js result → Recognition, with the shared entity step. */
function nlpJsRecognizer(kb: KnowledgeBase, manager: NlpManagerLike, hui: HuiRecognizer): RecognizeFn {
  const extractor = new EntityExtractor(kb.entities);
  return async (text: string): Promise<Recognition> => {
    const a = hui.analyzer.analyze(text);
    const entities = extractor.extract(a.clean);
    const result = await manager.process('zh', text);
    const understood = result.intent !== 'None' && result.score >= NLPJS_THRESHOLD;
    const isItem = result.intent.startsWith(ITEM_PREFIX);
    let intent: Intent = !understood ? 'none' : isItem ? 'policy_question' : (result.intent as Intent);
    const followUp = isFollowUp(a, entities, a.terms.length);
    const tierItem = kb.items.find((i) => i.resolver === 'tier')!;
    let itemId = isItem ? result.intent.slice(ITEM_PREFIX.length) : undefined;
    if (intent === 'which_tier' && canDecideTier(entities)) {
      intent = 'policy_question';
      itemId = tierItem.id;
    }
    if (followUp) intent = 'policy_question';
    const item = itemId ? kb.itemById.get(itemId) : undefined;
    return {
      text,
      normalized: a.normalized,
      intent,
      intentScore: result.score,
      entities,
      candidates: item ? [{ id: item.id, title: item.title, score: result.score }] : [],
      confidence: understood && item ? 'high' : 'low',
      ...(followUp ? { followUp } : {}),
      ...(!a.clean ? { inputProblem: 'empty' as const } : a.meaningless ? { inputProblem: 'unreadable' as const } : {}),
    };
  };
}

interface Score {
  passed: number;
  inScope: [number, number];
  outOfScope: [number, number];
  ms: number;
  messages: number;
  /** milliseconds of each message, for percentiles */
  times: number[];
}

function percentile(times: number[], p: number): string {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(3) : '-';
}

async function evaluate(kb: KnowledgeBase, recognize: RecognizeFn, cases: EvalCase[]): Promise<Score> {
  // Time recognition alone (answers are built by the same code for both).
  let ms = 0;
  let messages = 0;
  const times: number[] = [];
  const timed: RecognizeFn = async (text) => {
    const start = process.hrtime.bigint();
    const r = await recognize(text);
    const took = Number(process.hrtime.bigint() - start) / 1e6;
    ms += took;
    times.push(took);
    messages++;
    return r;
  };
  const bot = createLocalBot(kb, timed, advisorStandIn(kb));
  const score: Score = { passed: 0, inScope: [0, 0], outOfScope: [0, 0], ms: 0, messages: 0, times };
  for (const c of cases) {
    const conversation = bot.conversation();
    let reply = '';
    for (const turn of c.turns) reply = await conversation.send(turn);
    const ok = checkReply(c, reply).length === 0;
    const bucket = isOutOfScopeCase(c) ? score.outOfScope : score.inScope;
    bucket[1]++;
    if (ok) {
      bucket[0]++;
      score.passed++;
    }
  }
  return { ...score, ms, messages, times };
}

function pct([n, d]: [number, number]): string {
  return `${n}/${d} (${d ? ((100 * n) / d).toFixed(1) : '-'}%)`;
}

async function main(): Promise<void> {
  const files = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const cases = loadCases(files.length ? files.map((f) => path.resolve(f)) : defaultEvalFiles(ROOT));
  const kb = getKnowledge();

  let t = Date.now();
  const hui = new HuiRecognizer(kb);
  const huiLoad = Date.now() - t;
  t = Date.now();
  const manager = await trainNlpJs(kb);
  const nlpLoad = Date.now() - t;

  const huiFn: RecognizeFn = (text) => hui.recognizeSync(text);
  const nlpFn = nlpJsRecognizer(kb, manager, hui);
  // Warm up both (JIT), then measure.
  for (const c of cases) for (const turn of c.turns) {
    huiFn(turn);
    await nlpFn(turn);
  }
  const a = await evaluate(kb, huiFn, cases);
  const b = await evaluate(kb, nlpFn, cases);

  const rows: Array<[string, string, string]> = [
    ['training phrasings', String(trainingExamples(kb).length), String(trainingExamples(kb).length)],
    ['load/train (ms)', String(huiLoad), String(nlpLoad)],
    ['eval cases passed', pct([a.passed, cases.length]), pct([b.passed, cases.length])],
    ['  in scope', pct(a.inScope), pct(b.inScope)],
    ['  out of scope (fallback)', pct(a.outOfScope), pct(b.outOfScope)],
    ['ms / message', (a.ms / a.messages).toFixed(3), (b.ms / b.messages).toFixed(3)],
    ['  p50 ms', percentile(a.times, 0.5), percentile(b.times, 0.5)],
    ['  p99 ms', percentile(a.times, 0.99), percentile(b.times, 0.99)],
  ];
  console.log(`${cases.length} eval cases from ${[...new Set(cases.map((c) => c.file))].join(', ')}\n`);
  console.log(`${''.padEnd(28)}${'huibot'.padEnd(22)}nlp.js (node-nlp, zh)`);
  for (const [label, x, y] of rows) console.log(`${label.padEnd(28)}${x.padEnd(22)}${y}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
