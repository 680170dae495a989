/**
 * Evaluation cases (see eval/shared/README.md): loading JSONL files and checking a reply
 * against a case's rules. Shared by scripts/eval.ts, bench/nlu.ts and the tests.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface EvalCase {
  id: string;
  turns: string[];
  all?: string[];
  none?: string[];
  within?: number;
  maxLen?: number;
  /** file the case comes from */
  file: string;
}

export const DEFAULT_WITHIN = 150;
export const DEFAULT_MAX_LEN = 600;

/**
 * Held-out sets: written before tuning and only measured (`npm run eval -- --local eval/unseen.jsonl`),
 * never a regression gate, so that nothing is tuned to pass them.
 */
export const HELD_OUT_FILES: ReadonlySet<string> = new Set(['unseen.jsonl', 'unseen2.jsonl', 'unseen3.jsonl']);

/** Held-out sets named by date (heldout-YYYY-MM-DD.jsonl, heldout-dialogs-….jsonl) are measured only, too. */
export function isHeldOut(file: string): boolean {
  return HELD_OUT_FILES.has(file) || file.startsWith('heldout-');
}

/**
 * The shared dev set (eval/shared/dev.jsonl, a copy kept fresh by `npm run eval:refresh`) and the
 * project's own eval/*.jsonl (without the held-out sets), relative to the project root.
 */
export function defaultEvalFiles(root: string): string[] {
  const own = path.join(root, 'eval');
  const files = [path.join(own, 'shared', 'dev.jsonl')];
  if (fs.existsSync(own)) {
    files.push(...fs.readdirSync(own).filter((f) => f.endsWith('.jsonl') && !isHeldOut(f)).sort().map((f) => path.join(own, f)));
  }
  return files.filter((f) => fs.existsSync(f));
}

export function loadCases(files: string[]): EvalCase[] {
  const cases: EvalCase[] = [];
  for (const file of files) {
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        try {
          const c = JSON.parse(line) as Omit<EvalCase, 'file'>;
          if (!c.id || !Array.isArray(c.turns) || c.turns.length === 0) throw new Error('needs id and turns');
          cases.push({ ...c, file: path.basename(file) });
        } catch (err) {
          throw new Error(`${file}:${i + 1}: ${(err as Error).message}`);
        }
      });
  }
  return cases;
}

/** Problems of a reply for a case (empty when it passes). */
export function checkReply(c: EvalCase, reply: string): string[] {
  const problems: string[] = [];
  const within = c.within ?? DEFAULT_WITHIN;
  const maxLen = c.maxLen ?? DEFAULT_MAX_LEN;
  const head = reply.slice(0, within);
  for (const re of c.all ?? []) if (!new RegExp(re).test(head)) problems.push(`missing /${re}/ in the first ${within} chars`);
  for (const re of c.none ?? []) if (new RegExp(re).test(reply)) problems.push(`must not match /${re}/`);
  if (reply.length > maxLen) problems.push(`reply is ${reply.length} chars (max ${maxLen})`);
  return problems;
}

/** Cases whose rules say the bot must answer honestly that it cannot (out of scope). */
export function isOutOfScopeCase(c: EvalCase): boolean {
  return (c.all ?? []).some((re) => re.includes('抱歉'));
}
