/**
 * The compact jieba word lists (src/nlu/jieba/, made by `npm run nlu:dictionary`) against jieba's
 * full dictionary and IDF table: every message of the eval sets they were made from is recognised
 * exactly the same and every case gets the same reply; on the held-out sets (texts they were not
 * made from, where a rare long word can be cut differently) no case that passes with the full lists
 * fails. When this fails after a change to knowledge/, eval/ or jieba, run `npm run nlu:dictionary`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRecognizer } from '../../src/nlu';
import { dictionaryBytes, idfBytes, useJiebaDictionaries, type JiebaDictionaries } from '../../src/nlu/jiebaDictionaries';
import { loadKnowledgeSync } from '../../src/knowledge/loader';
import { checkReply, defaultEvalFiles, loadCases, type EvalCase } from '../../src/eval/cases';
import { createLocalBot } from '../../src/eval/localBot';
import { advisorStandIn } from '../../src/eval/advisorStandIn';

const ROOT = path.resolve(__dirname, '..', '..');
const NOW = new Date('2024-11-20T02:00:00Z');

/** The eval files the compact lists were made from, and the held-out ones they were not. */
const madeFrom = defaultEvalFiles(ROOT);
const heldOut = fs
  .readdirSync(path.join(ROOT, 'eval'))
  .filter((f) => f.endsWith('.jsonl'))
  .map((f) => path.join(ROOT, 'eval', f))
  .filter((f) => !madeFrom.includes(f));

function entries(bytes: Buffer): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of bytes.toString('utf8').split('\n')) {
    const [word, value] = line.split(' ');
    if (word) map.set(word, Number(value));
  }
  return map;
}

/** What a bot on these word lists makes of the cases: each message's Recognition, each case's last reply. */
async function understand(which: JiebaDictionaries, cases: EvalCase[], messages: string[]) {
  useJiebaDictionaries(which);
  try {
    // A knowledge base of its own: the pinyin corrector and its term weights are kept per knowledge base.
    const recognizer = await createRecognizer({ knowledge: loadKnowledgeSync(), startupCache: false, now: () => NOW });
    const recognitions = messages.map((m) => recognizer.recognizeSync(m));
    const bot = createLocalBot(recognizer.kb, (t) => recognizer.recognizeSync(t), advisorStandIn(recognizer.kb));
    const replies: string[] = [];
    for (const c of cases) {
      const conversation = bot.conversation();
      let reply = '';
      for (const turn of c.turns) reply = await conversation.send(turn);
      replies.push(reply);
    }
    return { recognitions, replies };
  } finally {
    useJiebaDictionaries('compact');
  }
}

describe('compact jieba word lists', () => {
  test('the eval sets they were made from: every Recognition and every reply exactly as with the full lists', async () => {
    const cases = loadCases(madeFrom);
    const messages = [...new Set(cases.flatMap((c) => c.turns))];
    expect(messages.length).toBeGreaterThan(300);
    const full = await understand('full', cases, messages);
    const compact = await understand('compact', cases, messages);
    const differing = messages.filter((m, i) => JSON.stringify(full.recognitions[i]) !== JSON.stringify(compact.recognitions[i]));
    expect(differing).toEqual([]);
    expect(compact.recognitions).toEqual(full.recognitions);
    expect(compact.replies).toEqual(full.replies);
  });

  test('the held-out sets: no case that passes with the full lists fails with the compact ones', async () => {
    const cases = loadCases(heldOut);
    expect(cases.length).toBeGreaterThan(500);
    const messages = [...new Set(cases.flatMap((c) => c.turns))];
    const full = await understand('full', cases, messages);
    const compact = await understand('compact', cases, messages);
    const worse = cases.filter((c, i) => checkReply(c, full.replies[i]).length === 0 && checkReply(c, compact.replies[i]).length > 0).map((c) => c.id);
    expect(worse).toEqual([]);
  });

  test('the compact dictionary keeps the full total frequency and is a subset of it', () => {
    const full = entries(dictionaryBytes('full'));
    const compact = entries(dictionaryBytes('compact'));
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    expect(sum(compact)).toBe(sum(full));
    const foreign = [...compact].filter(([w, f]) => full.get(w) !== f);
    expect(foreign).toHaveLength(1); // the filler entry that carries the words left out
    expect(compact.size).toBeLessThan(full.size / 3);
  });

  test('the compact IDF table has the full table’s value for each of its words', () => {
    const full = entries(idfBytes('full'));
    const compact = entries(idfBytes('compact'));
    expect([...compact].filter(([w, v]) => full.get(w) !== v)).toEqual([]);
    expect(compact.size).toBeLessThan(full.size / 2);
  });
});
