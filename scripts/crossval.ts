/**
 * k-fold cross-validation of the recognizer on the knowledge phrasings
 * (knowledge/nlu/intents.yaml examples and the `questions` of every policy item).
 *
 *   npx tsx scripts/crossval.ts [--folds 5] [--seed 1] [--no-rules]
 *
 * Each fold trains on the other phrasings and recognises the held-out ones. Prints accuracy per
 * intent, per knowledge item (top candidate) and the confusions.
 */
process.env.DOTENV_CONFIG_QUIET = 'true';
import { getKnowledge } from '../src/knowledge/loader';
import { HuiRecognizer } from '../src/nlu/recognizer';
import type { Intent } from '../src/domain/vocabulary';

interface Sample {
  text: string;
  intent: Intent;
  /** knowledge item of a policy question */
  itemId?: string;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Deterministic shuffle (mulberry32). */
function shuffle<T>(list: T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function pct(n: number, d: number): string {
  return d ? `${((100 * n) / d).toFixed(1)}%` : '-';
}

function main(): void {
  const folds = arg('folds', 5);
  const seed = arg('seed', 1);
  // The intents.yaml patterns are not held out; --no-rules measures the trained matchers alone.
  const noRules = process.argv.includes('--no-rules');
  const kb = getKnowledge();
  const samples: Sample[] = [];
  for (const [intent, def] of Object.entries(kb.intents) as Array<[Intent, { examples: string[] } | undefined]>) {
    for (const text of def?.examples ?? []) samples.push({ text, intent });
  }
  for (const item of kb.items) for (const text of item.questions) samples.push({ text, intent: 'policy_question', itemId: item.id });
  // A text used twice (e.g. as an example of two intents) would leak between folds.
  const unique = [...new Map(samples.map((s) => [s.text, s])).values()];
  const order = shuffle(unique, seed);

  const perIntent = new Map<string, { n: number; ok: number }>();
  const perItem = new Map<string, { n: number; top1: number; answered: number }>();
  const confusions: string[] = [];
  const started = Date.now();
  for (let f = 0; f < folds; f++) {
    const held = order.filter((_, i) => i % folds === f);
    const recognizer = new HuiRecognizer(kb, { exclude: new Set(held.map((s) => s.text)), rules: !noRules });
    for (const s of held) {
      const r = recognizer.recognizeSync(s.text);
      // A tier question that names the honour is answered from knowledge: which_tier ≡ policy_question there.
      const intentOk = r.intent === s.intent || (s.intent === 'which_tier' && r.intent === 'policy_question' && r.candidates[0]?.id === 'tiers.classification');
      const stat = perIntent.get(s.intent) ?? { n: 0, ok: 0 };
      stat.n++;
      if (intentOk) stat.ok++;
      perIntent.set(s.intent, stat);
      if (s.itemId) {
        const item = perItem.get(s.itemId) ?? { n: 0, top1: 0, answered: 0 };
        item.n++;
        const top = r.candidates[0]?.id;
        if (top === s.itemId) item.top1++;
        if (top === s.itemId && r.intent === 'policy_question' && r.confidence === 'high') item.answered++;
        else confusions.push(`${s.itemId} ← "${s.text}": ${r.intent}/${r.confidence} → ${top ?? '-'}`);
        perItem.set(s.itemId, item);
      } else if (!intentOk) {
        confusions.push(`${s.intent} ← "${s.text}": ${r.intent} (${r.intentScore})`);
      }
    }
  }

  console.log(`${folds}-fold cross-validation on ${unique.length} knowledge phrasings (seed ${seed}${noRules ? ', without the intent patterns' : ''}, ${Date.now() - started} ms)\n`);
  console.log('intent            n   accuracy');
  let n = 0;
  let ok = 0;
  for (const [intent, s] of [...perIntent].sort()) {
    console.log(`${intent.padEnd(16)} ${String(s.n).padStart(3)}   ${pct(s.ok, s.n)}`);
    n += s.n;
    ok += s.ok;
  }
  console.log(`${'ALL'.padEnd(16)} ${String(n).padStart(3)}   ${pct(ok, n)}\n`);

  console.log('knowledge item                 n   top-1    answered (confident and right)');
  let items = 0;
  let top1 = 0;
  let answered = 0;
  for (const [id, s] of [...perItem].sort()) {
    console.log(`${id.padEnd(28)} ${String(s.n).padStart(3)}   ${pct(s.top1, s.n).padStart(6)}   ${pct(s.answered, s.n).padStart(6)}`);
    items += s.n;
    top1 += s.top1;
    answered += s.answered;
  }
  console.log(`${'ALL'.padEnd(28)} ${String(items).padStart(3)}   ${pct(top1, items).padStart(6)}   ${pct(answered, items).padStart(6)}\n`);

  console.log(`confusions (${confusions.length}):`);
  for (const c of confusions) console.log(`  ${c}`);
}

main();
