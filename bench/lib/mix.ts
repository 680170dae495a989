/**
 * The realistic mix of user messages the HTTP benchmark sends: policy questions (short and long),
 * multi-turn follow-ups, out-of-scope messages from the eval sets, and a scripted sign-up.
 * Every conversation gets a deterministic script (seeded by its number), so each server under
 * test receives the same messages in the same order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '../../src/activities/validation/creditCode';

export type TurnKind = 'short' | 'long' | 'followup' | 'oos' | 'signup';
export const TURN_KINDS: TurnKind[] = ['short', 'long', 'followup', 'oos', 'signup'];

export interface ScriptTurn {
  text: string;
  kind: TurnKind;
}

/** A single message at least this long counts as a long question. */
const LONG_CHARS = 25;

/** Relative weights of the episodes a conversation is made of (a sign-up episode is 8 turns). */
const EPISODE_WEIGHTS: Array<[TurnKind, number]> = [
  ['short', 40],
  ['long', 20],
  ['followup', 12],
  ['oos', 15],
  ['signup', 3],
];

interface EvalCase {
  turns: string[];
}

function readCases(file: string): EvalCase[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalCase)
    .filter((c) => Array.isArray(c.turns) && c.turns.length > 0 && c.turns.every((t) => typeof t === 'string' && t.trim()));
}

/** A valid 统一社会信用代码, different for every n. */
export function benchCreditCode(n: number): string {
  let body = '';
  for (let i = 0, rest = n; i < 9; i++, rest = Math.floor(rest / 31)) body = CREDIT_CODE_CHARSET[rest % 31] + body;
  const first17 = `91320594${body}`;
  return first17 + creditCodeCheckChar(first17);
}

/** The sign-up conversation, answered the way a user fills the form (demo training, 100 seats). */
export function signUpScript(n: number): string[] {
  return ['报名参加培训', '同意', `基准测试企业${n}有限公司`, benchCreditCode(n), '张三', '13812345678', '1人', '确认提交'];
}

/** mulberry32: a small seeded generator, so scripts are the same in every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class MessageMix {
  private readonly pools: Record<Exclude<TurnKind, 'signup'>, string[][]>;
  private signUps = 0;

  private constructor(pools: Record<Exclude<TurnKind, 'signup'>, string[][]>) {
    this.pools = pools;
  }

  /** Reads eval/*.jsonl and eval/shared/dev.jsonl under `root` (the repository). */
  static load(root: string): MessageMix {
    const evalDir = path.join(root, 'eval');
    const files = fs
      .readdirSync(evalDir)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => path.join(evalDir, f));
    files.push(path.join(evalDir, 'shared', 'dev.jsonl'));
    const pools: Record<Exclude<TurnKind, 'signup'>, string[][]> = { short: [], long: [], followup: [], oos: [] };
    for (const file of files) {
      if (!fs.existsSync(file)) continue;
      const outOfScope = path.basename(file) === 'oos.jsonl';
      for (const c of readCases(file)) {
        if (outOfScope) for (const text of c.turns) pools.oos.push([text]);
        else if (c.turns.length > 1) pools.followup.push(c.turns);
        else pools[c.turns[0].length >= LONG_CHARS ? 'long' : 'short'].push(c.turns);
      }
    }
    for (const [kind, pool] of Object.entries(pools)) if (pool.length === 0) throw new Error(`no ${kind} messages in ${evalDir}`);
    return new MessageMix(pools);
  }

  /** How many messages each pool holds (for the report). */
  sizes(): Record<string, number> {
    return Object.fromEntries(Object.entries(this.pools).map(([k, v]) => [k, v.length]));
  }

  /** The first `turns` messages of conversation number `n`: whole episodes, the last one cut short. */
  script(n: number, turns: number): ScriptTurn[] {
    const random = seeded(n * 7919 + 17);
    const total = EPISODE_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
    const script: ScriptTurn[] = [];
    while (script.length < turns) {
      let pick = random() * total;
      const [kind] = EPISODE_WEIGHTS.find(([, w]) => (pick -= w) < 0) ?? EPISODE_WEIGHTS[0];
      const texts = kind === 'signup' ? signUpScript(++this.signUps) : this.pools[kind][Math.floor(random() * this.pools[kind].length)];
      for (const text of texts) script.push({ text, kind });
    }
    return script.slice(0, turns);
  }
}
