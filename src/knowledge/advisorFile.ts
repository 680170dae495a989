/**
 * knowledge/advisor/advisor.yaml: the answer patterns and the texts the advisor says around the
 * policy facts. The policy itself (tiers, measures and their eligibility) comes from the shared
 * knowledge loader; this file only adds what the advisor alone needs. A broken file stops the
 * start with a KnowledgeError naming the field, like the rest of knowledge/.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { KnowledgeError, formatPath } from './errors';
import { DEFAULT_KNOWLEDGE_DIR } from './loader';

export const ADVISOR_FILE = 'advisor/advisor.yaml';

const text = z.string().trim().min(1);
const patterns = z.array(text).min(1);
const yesNo = z.object({ yes: patterns, no: patterns }).strict();

const advisorFileSchema = z
  .object({
    patterns: z
      .object({
        yes: patterns,
        no: patterns,
        notInPool: patterns,
        large: patterns,
        sme: patterns,
        addHonour: patterns,
        traits: z.object({ manufacturing: yesNo, planningIpo: yesNo, hiring: yesNo, firstRecognition: yesNo }).strict(),
        /** a reply that only says what the enterprise does ("集成电路设计"): to a trait question, not a yes or no */
        describesBusiness: patterns.default([]),
        statesPlan: patterns.default([]),
        nothingMore: patterns.default([]),
        thisYear: patterns,
        lastYear: patterns,
        yearBeforeLast: patterns,
        threeYearsAgo: patterns,
      })
      .strict(),
    texts: z
      .object({
        tierReasonSingle: text,
        tierReasonSeveral: text,
        tierReasonPool: text,
        notInPool: text,
        poolUnknown: text,
        honourUnknown: text,
        large: text,
        largeHonour: text,
        defaultUnmet: text,
        groupUnmet: text,
        unmetLarge: text,
        unmetNotInPool: text,
        evaluationWindow: text,
        contact: text,
        signUp: text,
        noneQualified: text,
        basedOn: text,
        largeSupport: text,
        otherGroup: text,
      })
      .strict(),
  })
  .strict();

type AdvisorFile = z.infer<typeof advisorFileSchema>;
export type AdvisorTexts = AdvisorFile['texts'];
export type TraitFact = keyof AdvisorFile['patterns']['traits'];

export interface YesNoMatchers {
  yes: RegExp;
  no: RegExp;
}

/** The advisor's file, with every pattern compiled. */
export interface AdvisorKnowledge {
  texts: AdvisorTexts;
  match: {
    yes: RegExp;
    no: RegExp;
    notInPool: RegExp;
    describesBusiness?: RegExp;
    /** a reply that states a plan of the enterprise's ("计划明年申报省级") */
    statesPlan?: RegExp;
    /** "没有了": nothing more to tell, no answer to the question asked */
    nothingMore?: RegExp;
    large: RegExp;
    sme: RegExp;
    addHonour: RegExp;
    traits: Record<TraitFact, YesNoMatchers>;
    relativeYears: Array<{ re: RegExp; yearsAgo: number }>;
  };
}

function compile(list: string[], field: string): RegExp {
  list.forEach((p, i) => {
    try {
      new RegExp(p, 'u');
    } catch (err) {
      throw new KnowledgeError(ADVISOR_FILE, `${field}[${i}]`, `invalid regular expression: ${(err as Error).message}`);
    }
  });
  return new RegExp(list.map((p) => `(?:${p})`).join('|'), 'u');
}

function parse(dir: string): AdvisorKnowledge {
  const file = path.join(dir, ADVISOR_FILE);
  if (!fs.existsSync(file)) throw new KnowledgeError(ADVISOR_FILE, '', 'file is missing');
  const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'), { prettyErrors: true });
  if (doc.errors.length > 0) throw new KnowledgeError(ADVISOR_FILE, `line ${doc.errors[0].linePos?.[0]?.line ?? '?'}`, 'YAML syntax error');
  const result = advisorFileSchema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new KnowledgeError(ADVISOR_FILE, formatPath(issue.path), issue.message);
  }
  const p = result.data.patterns;
  const traits = {} as Record<TraitFact, YesNoMatchers>;
  for (const [fact, def] of Object.entries(p.traits) as Array<[TraitFact, { yes: string[]; no: string[] }]>) {
    traits[fact] = { yes: compile(def.yes, `patterns.traits.${fact}.yes`), no: compile(def.no, `patterns.traits.${fact}.no`) };
  }
  return {
    texts: result.data.texts,
    match: {
      yes: compile(p.yes, 'patterns.yes'),
      no: compile(p.no, 'patterns.no'),
      notInPool: compile(p.notInPool, 'patterns.notInPool'),
      describesBusiness: p.describesBusiness.length ? compile(p.describesBusiness, 'patterns.describesBusiness') : undefined,
      statesPlan: p.statesPlan.length ? compile(p.statesPlan, 'patterns.statesPlan') : undefined,
      nothingMore: p.nothingMore.length ? compile(p.nothingMore, 'patterns.nothingMore') : undefined,
      large: compile(p.large, 'patterns.large'),
      sme: compile(p.sme, 'patterns.sme'),
      addHonour: compile(p.addHonour, 'patterns.addHonour'),
      traits,
      // Longest first: 大前年 before 前年.
      relativeYears: [
        { re: compile(p.threeYearsAgo, 'patterns.threeYearsAgo'), yearsAgo: 3 },
        { re: compile(p.yearBeforeLast, 'patterns.yearBeforeLast'), yearsAgo: 2 },
        { re: compile(p.lastYear, 'patterns.lastYear'), yearsAgo: 1 },
        { re: compile(p.thisYear, 'patterns.thisYear'), yearsAgo: 0 },
      ],
    },
  };
}

const cache = new Map<string, AdvisorKnowledge>();

/** The advisor's file under a knowledge directory, loaded once (throws KnowledgeError when broken). */
export function getAdvisorKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): AdvisorKnowledge {
  const abs = path.resolve(dir);
  let found = cache.get(abs);
  if (!found) {
    found = parse(abs);
    cache.set(abs, found);
  }
  return found;
}
