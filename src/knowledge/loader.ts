/**
 * Reads knowledge/ (YAML), validates every file with its zod schema and cross-checks the
 * references between files. Any problem throws a KnowledgeError naming the file and the field.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { ZodType, ZodTypeDef } from 'zod';
import { KnowledgeError, formatPath } from './errors';
import { KnowledgeCache } from './cache';
import {
  aspectsFileSchema,
  dictionaryFileSchema,
  entitiesFileSchema,
  intentsFileSchema,
  messagesFileSchema,
  outOfScopeFileSchema,
  policyFileSchema,
  stopwordsFileSchema,
  synonymsFileSchema,
  type Aspect,
  type KnowledgeItem,
  type PolicyDocument,
  type Tier,
} from './schema';
import type { KnowledgeBase } from './types';
import { INTENTS } from '../domain/vocabulary';

/** knowledge/ at the project root. */
export const DEFAULT_KNOWLEDGE_DIR = path.resolve(__dirname, '..', '..', 'knowledge');

const POLICY_DIR = 'policy';
/** The policy text itself, verbatim: not loaded, but every item must quote it (tests). */
export const POLICY_SOURCE_FILE = path.join(DEFAULT_KNOWLEDGE_DIR, POLICY_DIR, 'source.md');
const NLU_FILES = {
  dictionary: 'nlu/dictionary.yaml',
  stopwords: 'nlu/stopwords.yaml',
  synonyms: 'nlu/synonyms.yaml',
  entities: 'nlu/entities.yaml',
  intents: 'nlu/intents.yaml',
  outOfScope: 'nlu/out-of-scope.yaml',
  aspects: 'nlu/aspects.yaml',
} as const;
const MESSAGES_FILE = 'qa/messages.yaml';

/** Parses and validates one YAML file. */
function readFile<T>(dir: string, rel: string, schema: ZodType<T, ZodTypeDef, unknown>): T {
  const file = path.join(dir, rel);
  if (!fs.existsSync(file)) throw new KnowledgeError(rel, '', 'file is missing');
  const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'), { prettyErrors: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    throw new KnowledgeError(rel, `line ${err.linePos?.[0]?.line ?? '?'}`, `YAML syntax error: ${err.message.split('\n')[0]}`);
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new KnowledgeError(rel, formatPath(issue.path), issue.message);
  }
  return result.data;
}

/** Throws when a pattern is not a valid regular expression. */
function checkPatterns(rel: string, field: string, patterns: string[]): void {
  patterns.forEach((p, i) => {
    try {
      new RegExp(p, 'u');
    } catch (err) {
      throw new KnowledgeError(rel, `${field}[${i}]`, `invalid regular expression: ${(err as Error).message}`);
    }
  });
}

/** Replaces {{document.x.y}} placeholders in every string of an item. */
function fillPlaceholders<T>(value: T, document: PolicyDocument, rel: string, field: string): T {
  if (typeof value === 'string') {
    return value.replace(/\{\{\s*document\.([\w.]+)\s*\}\}/g, (_m, key: string) => {
      const found = key.split('.').reduce<unknown>((obj, k) => (obj && typeof obj === 'object' ? (obj as Record<string, unknown>)[k] : undefined), document);
      if (typeof found !== 'string') throw new KnowledgeError(rel, field, `unknown placeholder {{document.${key}}}`);
      return found;
    }) as T;
  }
  if (Array.isArray(value)) return value.map((v, i) => fillPlaceholders(v, document, rel, `${field}[${i}]`)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = fillPlaceholders(v, document, rel, field ? `${field}.${k}` : k);
    return out as T;
  }
  return value;
}

interface PolicyPart {
  rel: string;
  document?: PolicyDocument;
  tiers?: Tier[];
  items: KnowledgeItem[];
}

function readPolicy(dir: string): PolicyPart[] {
  const policyDir = path.join(dir, POLICY_DIR);
  if (!fs.existsSync(policyDir)) throw new KnowledgeError(POLICY_DIR, '', 'directory is missing');
  return fs
    .readdirSync(policyDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      const rel = `${POLICY_DIR}/${f}`;
      return { rel, ...readFile(dir, rel, policyFileSchema) };
    });
}

/** Checks that exactly one file holds a given section and returns it. */
function single<T>(parts: PolicyPart[], key: 'document' | 'tiers'): { rel: string; value: T } {
  const holders = parts.filter((p) => p[key] !== undefined);
  if (holders.length !== 1) {
    throw new KnowledgeError(POLICY_DIR, key, holders.length === 0 ? `no file defines "${key}"` : `"${key}" is defined in ${holders.map((h) => h.rel).join(' and ')}`);
  }
  return { rel: holders[0].rel, value: holders[0][key] as T };
}

function checkTiers(rel: string, tiers: Tier[]): void {
  const ids = tiers.map((t) => t.id).sort();
  if (ids.join() !== '1,2,3') throw new KnowledgeError(rel, 'tiers', 'exactly the tiers 1, 2 and 3 are required');
}

/** Loads and validates the whole knowledge base synchronously. */
export function loadKnowledgeSync(dir: string = DEFAULT_KNOWLEDGE_DIR): KnowledgeBase {
  const abs = path.resolve(dir);
  const parts = readPolicy(abs);
  const { value: document } = single<PolicyDocument>(parts, 'document');
  const { rel: tiersRel, value: tiers } = single<Tier[]>(parts, 'tiers');
  checkTiers(tiersRel, tiers);

  const items: KnowledgeItem[] = [];
  const itemById = new Map<string, KnowledgeItem>();
  const origin = new Map<string, string>();
  for (const part of parts) {
    part.items.forEach((raw, i) => {
      const item = fillPlaceholders(raw, document, part.rel, `items[${i}]`);
      if (itemById.has(item.id)) throw new KnowledgeError(part.rel, `items[${i}].id`, `duplicate id "${item.id}" (also in ${origin.get(item.id)})`);
      itemById.set(item.id, item);
      origin.set(item.id, part.rel);
      items.push(item);
    });
  }
  for (const item of items) {
    item.related.forEach((id, j) => {
      if (!itemById.has(id)) {
        const rel = origin.get(item.id) ?? POLICY_DIR;
        const index = parts.find((p) => p.rel === rel)?.items.findIndex((it) => it.id === item.id) ?? -1;
        throw new KnowledgeError(rel, `items[${index}].related[${j}]`, `unknown item id "${id}"`);
      }
    });
  }
  if (!items.some((i) => i.resolver === 'tier')) throw new KnowledgeError(POLICY_DIR, 'items', 'no item has resolver "tier"');
  deriveHuiUnits(items);

  const dictionary = readFile(abs, NLU_FILES.dictionary, dictionaryFileSchema).words;
  const { words: stopwords, programme: programmeWords } = readFile(abs, NLU_FILES.stopwords, stopwordsFileSchema);
  const outOfScope = readFile(abs, NLU_FILES.outOfScope, outOfScopeFileSchema).terms;
  const synonyms = readFile(abs, NLU_FILES.synonyms, synonymsFileSchema);
  const entities = readFile(abs, NLU_FILES.entities, entitiesFileSchema);
  for (const [level, patterns] of Object.entries(entities.honourLevels)) checkPatterns(NLU_FILES.entities, `honourLevels.${level}`, patterns);
  for (const key of ['aspiration', 'noHonour', 'inPool', 'notInPool', 'correction', 'unknown', 'large', 'sme', 'outsidePark'] as const) checkPatterns(NLU_FILES.entities, key, entities[key]);
  const intents = readFile(abs, NLU_FILES.intents, intentsFileSchema).intents;
  for (const [name, def] of Object.entries(intents)) checkPatterns(NLU_FILES.intents, `intents.${name}.patterns`, def?.patterns ?? []);
  // The intents the code names must all be declared (the file may declare more: flows only data names).
  for (const name of INTENTS) if (!intents[name]) throw new KnowledgeError(NLU_FILES.intents, `intents.${name}`, `intent "${name}" is named by the code (INTENTS in src/domain/vocabulary.ts) but not declared`);
  const messages = readFile(abs, MESSAGES_FILE, messagesFileSchema);
  const aspects = readFile(abs, NLU_FILES.aspects, aspectsFileSchema).aspects.map(withInsertedCues);
  // An aspect asked of any item is answered from its field; what asks it is written once, in aspects.yaml.
  messages.genericFacets = messages.genericFacets.map((facet, i) => {
    const aspect = aspects.find((a) => a.id === facet.field);
    if (!aspect) throw new KnowledgeError(NLU_FILES.aspects, `aspects`, `no aspect "${facet.field}" for ${MESSAGES_FILE} genericFacets[${i}]`);
    // The 汇 a measure belongs to is named by the 汇 item's title ("企业沙龙是哪个汇的").
    const values = facet.field === 'hui' ? Object.fromEntries(items.filter((it) => it.kind === 'measure' && it.hui).flatMap((it) => {
      const hui = items.find((h) => h.kind === 'hui' && h.hui === it.hui);
      return hui ? [[it.id, hui.title]] : [];
    })) : undefined;
    return { ...facet, cues: [...aspect.cues], ...(values ? { values } : {}) };
  });

  return { dir: abs, document, tiers, items, itemById, dictionary, stopwords, programmeWords, outOfScope, synonyms, entities, intents, messages, aspects };
}

/** An aspect's cues with the words that may stand inside them ("谁在办" beside "谁办"), each cue once. */
function withInsertedCues(aspect: Aspect): Aspect {
  const ins = aspect.inserted;
  if (!ins) return aspect;
  const extra = aspect.cues.flatMap((c) => {
    const rest = c.startsWith(ins.after) ? c.slice(ins.after.length) : undefined;
    return rest && !ins.words.some((w) => rest.startsWith(w)) ? ins.words.map((w) => `${ins.after}${w}${rest}`) : [];
  });
  return { ...aspect, cues: [...new Set([...aspect.cues, ...extra])] };
}

const cache = new Map<string, KnowledgeBase>();
/** knowledge/ itself is kept between starts too (other directories are tests' and tools'). */
let startupCache: KnowledgeCache | undefined;

/** The knowledge base of a directory, loaded once and cached (throws KnowledgeError when broken). */
export function getKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): KnowledgeBase {
  const abs = path.resolve(dir);
  let kb = cache.get(abs);
  if (!kb) {
    kb = abs === DEFAULT_KNOWLEDGE_DIR ? (startupCache ??= new KnowledgeCache()).load(abs, loadKnowledgeSync) : loadKnowledgeSync(abs);
    cache.set(abs, kb);
  }
  return kb;
}

/** Loads the knowledge base once per directory (validated; rejects with KnowledgeError when broken). */
export async function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): Promise<KnowledgeBase> {
  return getKnowledge(dir);
}

/**
 * A 汇 names no 责任单位 of its own in the policy: its units are those of its measures, in the
 * order they first appear (so "哪些部门参与服务汇" is answered from the measures' own lines).
 */
function deriveHuiUnits(items: KnowledgeItem[]): void {
  for (const hui of items.filter((i) => i.kind === 'hui' && !i.responsible)) {
    const units = items.filter((i) => i.kind === 'measure' && i.hui === hui.hui).flatMap((m) => m.responsible ?? []);
    if (units.length) hui.responsible = [...new Set(units)];
  }
}
