/**
 * zod schemas of every file under knowledge/. The loader validates each file at start;
 * a broken file stops the start with the file and the field named.
 */
import { z } from 'zod';
import { ACTIVITY_TYPES, HONOUR_LEVELS } from '../domain/vocabulary';
import type { TraitFactKey } from '../domain/enterprise';

const text = z.string().trim().min(1);
const honourLevel = z.enum(HONOUR_LEVELS);
const itemId = z.string().regex(/^[a-z]+(\.[a-z0-9-]+)+$/, 'ids look like "svc.deep-diagnosis"');
const facetId = z.string().regex(/^[a-z0-9-]+$/, 'facet ids are lower-case words joined by "-"');

export const HUI_IDS = ['industry', 'finance', 'talent', 'service', 'tech'] as const;
export const ITEM_KINDS = ['document', 'overview', 'tier', 'hui', 'measure', 'implementation', 'safeguard'] as const;

/** Entity condition of a facet or an eligibility rule. */
export const conditionSchema = z
  .object({
    honourLevels: z.array(honourLevel).min(1).optional(),
    noHonour: z.boolean().optional(),
    inPool: z.boolean().optional(),
    /** only honours recognised within the last N years count */
    recognisedWithinYears: z.number().int().positive().optional(),
    firstRecognition: z.boolean().optional(),
  })
  .strict();

/** A specific answer to a specific sub-question of an item. */
export const facetSchema = z
  .object({
    id: facetId,
    /** words that, when present in the question, select this facet */
    cues: z.array(text).default([]),
    /** entities that must be present in the question */
    when: conditionSchema.optional(),
    answer: text,
    /** a question this facet answers, used for follow-up buttons */
    ask: text.optional(),
  })
  .strict()
  .refine((f) => f.cues.length > 0 || f.when !== undefined, { message: 'a facet needs cues or a when condition', path: ['cues'] });

/** Enterprise traits the advisor asks about (profile: planningIpo, manufacturing, hiring, firstRecognition). */
export const TRAIT_IDS = ['pre_ipo', 'manufacturing', 'hiring', 'first_recognition'] as const;

/** Which profile field answers each trait of the rules. */
export const TRAIT_FIELD: Record<(typeof TRAIT_IDS)[number], TraitFactKey> = {
  pre_ipo: 'planningIpo',
  manufacturing: 'manufacturing',
  hiring: 'hiring',
  first_recognition: 'firstRecognition',
};

const traitSchema = z
  .object({
    id: z.enum(TRAIT_IDS),
    label: text,
    /** required: no trait, no measure; preferred: the measure applies, the trait adds `met` */
    mode: z.enum(['required', 'preferred']),
    /** what holding the trait adds, e.g. 鼓励参与专项诊断 */
    met: text.optional(),
    /** why the measure does not apply without it (required) or what is missed (preferred) */
    unmet: text.optional(),
    /** asking to take part in the measure states the trait (asking to join a job fair states a hiring need) */
    statedByAsking: z.boolean().optional(),
    /**
     * false: the advisor does not ask it and states the measure with the trait as its condition — a need
     * only the enterprise weighs (有招聘需求) or a fact the answer would only repeat (首次认定 → 奖补)
     */
    asked: z.boolean().optional(),
  })
  .strict();

/**
 * Declarative eligibility of a measure, for the advisor (src/advisor/ruleEngine.ts). Checked in
 * order: large enterprise → tier → honourLevels → required traits → rules → preferred traits.
 */
export const eligibilitySchema = z
  .object({
    /** the name advisor lists use when it differs from the item title, e.g. 首次认定奖补 */
    name: text.optional(),
    /** who it targets, in words */
    audience: text,
    /** what the enterprise gets, in a few words of the policy */
    offer: text,
    /** cultivation tiers (1 一类, 2 二类, 3 三类) the measure serves */
    tiers: z.array(z.union([z.literal(1), z.literal(2), z.literal(3)])).min(1),
    honourLevels: z
      .object({ levels: z.array(honourLevel).min(1), mode: z.enum(['required', 'preferred']) })
      .strict()
      .optional(),
    /** enterprise traits, e.g. pre_ipo 拟上市, manufacturing 工业（制造业）企业 */
    traits: z.array(traitSchema).default([]),
    /** outcomes that depend on the enterprise's situation, tried in order: the first that holds applies */
    rules: z.array(z.object({ when: conditionSchema, outcome: text }).strict()).default([]),
    /** the outcome when no rule holds; without it, a measure with rules needs one to hold */
    otherwise: text.optional(),
    /** why the tiers left out do not get it, and what they can look at instead */
    unmet: text.optional(),
    /** a condition the advisor does not assess: told with the answer, never asked */
    note: text.optional(),
    /** what the enterprise can do next (only steps the policy names) */
    nextStep: text,
    /** upcoming activities of this type are offered for sign-up as the next step */
    activityType: z.enum(ACTIVITY_TYPES).optional(),
    /** what a large enterprise (the programme targets SMEs) can do under this measure */
    forLarge: text.optional(),
  })
  .strict();

export const itemSchema = z
  .object({
    id: itemId,
    kind: z.enum(ITEM_KINDS),
    /** which 汇 a measure belongs to */
    hui: z.enum(HUI_IDS).optional(),
    title: text,
    /** where in the policy, e.g. "二、（四）服务汇·深度诊断" */
    source: text,
    /** the policy text, verbatim */
    text: text,
    /** the short default answer, answer first */
    answer: text,
    /** the canonical question (button value for this item) */
    ask: text,
    /** how people ask about it (training data for retrieval and intents) */
    questions: z.array(text).min(5),
    keywords: z.array(text).default([]),
    /**
     * Keywords that name this item only when nothing else was just talked about ("主要内容是什么" is the programme's
     * content, but after "企业沙龙谁来组织" it is the salon's).
     */
    contextWords: z.array(text).default([]),
    /**
     * Words that are function words everywhere else (专精特新, 小巨人) but, asked alone what they are
     * ("专精特新到底指什么", "啥叫小巨人"), this item answers.
     */
    termWords: z.array(text).optional(),
    responsible: z.array(text).optional(),
    audience: text.optional(),
    eligibility: eligibilitySchema.optional(),
    facets: z.array(facetSchema).default([]),
    /** 'all': answer every matching facet (e.g. several honour levels); 'best': only the best one */
    facetMode: z.enum(['best', 'all']).default('best'),
    /**
     * 'tier': answered from the tier definitions when the question names an honour;
     * 'unit': answered with the measures of the 责任单位 the question names;
     * 'aim': the topic of an honour named as a goal (准备申报省级, 想冲国家级);
     * 'overview': the programme's support as a whole, asked in general words of no enterprise ("专精特新企业有什么支持").
     */
    resolver: z.enum(['tier', 'unit', 'aim', 'overview']).optional(),
    /**
     * events the park organises for enterprises to attend (对标学习, 对接专场) though no sign-up type of the
     * bot: how to join them is what the policy says once for all activities (an aspect's activitiesAnsweredBy)
     */
    joinedAsActivity: z.boolean().optional(),
    related: z.array(itemId).default([]),
    /** extra follow-up buttons that lead to other features (e.g. 最近有什么活动) */
    suggest: z.array(text).default([]),
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.kind === 'measure' && !item.hui) ctx.addIssue({ code: 'custom', path: ['hui'], message: 'a measure names its 汇' });
    if (item.kind === 'measure' && !item.responsible) ctx.addIssue({ code: 'custom', path: ['responsible'], message: 'a measure names its 责任单位' });
    if (item.kind === 'measure' && !item.eligibility) ctx.addIssue({ code: 'custom', path: ['eligibility'], message: 'a measure describes its eligibility' });
    const ids = new Set<string>();
    item.facets.forEach((f, i) => {
      if (ids.has(f.id)) ctx.addIssue({ code: 'custom', path: ['facets', i, 'id'], message: `duplicate facet id "${f.id}"` });
      ids.add(f.id);
    });
  });

export const documentSchema = z
  .object({
    title: text,
    shortName: text,
    noticeTitle: text,
    docNumber: text,
    issuer: text,
    issuerShort: text,
    date: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date().transform((d) => d.toISOString().slice(0, 10))]),
    dateText: text,
    recipients: z.array(text).min(1),
    basis: z.object({ title: text, docNumber: text }).strict(),
  })
  .strict();

export const tierSchema = z
  .object({
    id: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    name: text,
    honourLevels: z.array(honourLevel),
    inPool: z.boolean().optional(),
    definition: text,
  })
  .strict();

export const policyFileSchema = z
  .object({
    document: documentSchema.optional(),
    tiers: z.array(tierSchema).optional(),
    items: z.array(itemSchema).default([]),
  })
  .strict();

export const dictionaryFileSchema = z.object({ words: z.array(text).min(1) }).strict();
export const stopwordsFileSchema = z.object({ words: z.array(text).min(1), programme: z.array(text).default([]) }).strict();
export const outOfScopeFileSchema = z.object({ terms: z.array(text).default([]) }).strict();

export const synonymsFileSchema = z
  .object({
    typos: z.record(text, text).default({}),
    /** written dialect (Cantonese) forms and their Mandarin words, read like typos */
    dialect: z.record(text, text).default({}),
    /** characters Simplified too that the Traditional→Simplified tables would change: kept as typed */
    simplifiedToo: z.array(z.string().length(1)).default([]),
    /** groups of characters confused by their shape (handwriting input: 汲 for 级, 巿 for 市), two or more each */
    lookAlikes: z.array(z.string().regex(/^\p{Script=Han}{2,}$/u)).default([]),
    synonyms: z
      .array(z.object({ canonical: text, replace: z.boolean().default(false), variants: z.array(text).min(1) }).strict())
      .default([]),
  })
  .strict();

const patternList = z.array(text).default([]);
export const entitiesFileSchema = z
  .object({
    honourLevels: z.object({ national: patternList, provincial: patternList, city: patternList, district: patternList }).strict(),
    /** a verb that makes the honour named after it a goal (准备申报省级), not one held */
    aspiration: patternList,
    /** a supposed honour (要是以后评上…): not held, as a goal is not; the question is asked of it */
    supposed: patternList,
    /** a negation right before an honour (不是省级, 没评上国家级): not held */
    denial: patternList,
    noHonour: patternList,
    inPool: patternList,
    /** the enterprise says it is NOT in the cultivation pool (没入库); wins over inPool */
    notInPool: patternList,
    correction: patternList,
    unknown: patternList,
    /** the enterprise's size: large (大型企业) or small and medium (中小企业); large wins */
    large: patternList,
    sme: patternList,
    /** the enterprise belongs to a larger group (集团的子公司): its size is not its own to tell */
    groupMember: patternList.optional(),
    /** the enterprise is outside the park (外地企业, 不在园区) */
    outsidePark: patternList,
    activityTypes: z.object({ salon: patternList, training: patternList, jobfair: patternList }).strict(),
  })
  .strict();

export const aspectsFileSchema = z
  .object({
    aspects: z.array(
      z
        .object({
          id: facetId,
          cues: z.array(text).min(1),
          /** a detail: said honestly to be unlisted when an item neither has a facet nor evidence for it */
          unlisted: z.boolean().default(false),
          evidence: z.array(text).default([]),
          /**
           * Evidence that says only that it happens regularly ("定期", "分批分次"), with `vagueNote` said after an
           * answer that gives no figure of its own ("服务专员多久走访一次" → 定期…；方案未规定具体频次).
           */
          vague: z.array(text).default([]),
          vagueNote: text.optional(),
          label: text.optional(),
          /** the item that states this aspect once for every activity (salon, training, job fair) that says nothing of it */
          activitiesAnsweredBy: itemId.optional(),
          /**
           * Words that may stand between a cue's question word and its verb ("谁办" → "谁在办", "谁来办"):
           * each cue that starts with `after` is also a cue with each word inserted after it.
           */
          inserted: z.object({ after: text, words: z.array(text).min(1) }).strict().optional(),
        })
        .strict(),
    ),
  })
  .strict();

/** snake_case: the name code and data share (INTENTS lists those code names; the loader checks they are all declared). */
const intentName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'an intent name is snake_case (a-z, 0-9, _)');
export const intentsFileSchema = z
  .object({
    intents: z.record(
      intentName,
      z
        .object({
          /** what serves it: a feature's name (its `routes`), or `main` for what MainDialog answers itself */
          servedBy: z.string().min(1),
          /** rule order: patterns of lower numbers are tried first; intents without one come after, in file order */
          priority: z.number().int().optional(),
          /** the label its questions count under in the statistics; none: not counted */
          topic: text.optional(),
          /** a request its patterns recognise in the whole message, whatever clauses the message has */
          wholeMessage: z.boolean().optional(),
          patterns: z.array(text).default([]),
          examples: z.array(text).default([]),
          /** prefixes of the buttons the dialogs render ("报名" routes "报名：<title>") */
          buttons: z.array(text).default([]),
        })
        .strict(),
    ),
  })
  .strict();

export const messagesFileSchema = z
  .object({
    source: text,
    followUpsTitle: text,
    clarify: text,
    fallback: text,
    fallbackSuggestions: z.array(text).min(1),
    /** a question about a topic the policy is known not to cover (nlu/out-of-scope.yaml: 税率, 社保…) */
    outsideProgramme: text.optional(),
    empty: text,
    unreadable: text,
    followUpWithoutTopic: text,
    /** a message that only tells about the enterprise and asks nothing ("明年打算扩产") */
    statementNoted: text,
    /** reply to requests the assistant does not serve (chit-chat, 翻译, another region's policy) */
    scope: text.optional(),
    tierPrompt: text,
    tierPromptSuggestions: z.array(text).min(1),
    tierVerdict: text,
    /** two levels compared: {levels} of one {tier}; or {each} level with its own tier */
    tierCompared: text.optional(),
    tierComparedApart: text.optional(),
    /** a part of a several-question message the policy has nothing on ({part}: that question) */
    partNotFound: text.optional(),
    /** how a comparison names the enterprises in the pool (入库培育企业) */
    inPoolName: text.optional(),
    honourLevelNames: z.record(z.enum(['national', 'provincial', 'city', 'district']), text).optional(),
    tierNoHonourNotInPool: text,
    /** no honour and explicitly not in the pool: not (yet) a cultivation target */
    tierNotInPool: text.optional(),
    tierOtherClassing: text.optional(),
    unitMeasures: text,
    /**
     * An aspect asked of one part of a measure that the policy states only of another part ("培训班是线上
     *还是线下": only the 申报辅导 is said to be 线上): {label} the aspect, {title} the measure, {other} that part.
     */
    aspectOfOtherPart: text.optional(),
    /** the programme's scope, for a question about a large enterprise */
    programmeScope: text.optional(),
    /** the programme's place, for a question about an enterprise outside the park */
    programmeLocation: text.optional(),
    /** the programme's scope, for an enterprise that belongs to a larger group (子公司): the policy draws no line */
    groupMemberScope: text.optional(),
    genericFacets: z.array(
      z
        // `field` names the item field and the aspect (knowledge/nlu/aspects.yaml) whose cues ask for it; the loader fills `cues`.
        // `values` (filled by the loader for derived fields such as `hui`): the field's text per item id.
        .object({ id: facetId, field: z.enum(['responsible', 'audience', 'hui', 'source']), cues: z.array(text).default([]), template: text, values: z.record(z.string(), text).optional() })
        .strict(),
    ),
    /** details the policy never gives (电话, 地址, 截止日期…): said honestly unless an item's own facet answers them */
    unlistedDetails: z
      .object({
        template: text,
        details: z
          .array(
            z
              .object({
                detail: text,
                cues: z.array(text).min(1),
                /** cues said anywhere in the message count ("…被撤销了，还能按二类享受吗": the fact told before the question) */
                fromMessage: z.boolean().optional(),
                /** a detail of the programme's scope: asked of no topic ("个体户适用吗"), it is said of the programme */
                ofProgramme: z.boolean().optional(),
                /** …even when nothing at all of the programme is named or matched ("营收8000万够吗") */
                withoutTopic: z.boolean().optional(),
                /** regular expressions that ask as a cue does ("每年给50万吗": a sum claimed asks the amount) */
                patterns: z.array(z.string().min(1)).min(1).optional(),
                /** words one of which the question must hold too ("哪个系统" asks for the application system only beside 申报/填报) */
                with: z.array(text).min(1).optional(),
                /** words that, in a facet chosen for the question, answer it all the same ("免费": no amount to give) */
                answeredBy: z.array(text).min(1).optional(),
                /** cues the policy names without giving them ("认定标准": mentioned, never listed): unlisted all the same */
                namedNotGiven: z.array(text).min(1).optional(),
                /** words that make the question ask for what the policy gives ("责任单位都有谁" asks for the units, not names) */
                unless: z.array(text).min(1).optional(),
                /** what the policy does say of the item follows ("是否已经设立": the wording 探索设立 decides nothing, but is what there is) */
                saysPolicy: z.boolean().optional(),
              })
              .strict(),
          )
          .default([]),
      })
      .strict()
      .optional(),
  })
  .strict();

export type Condition = z.infer<typeof conditionSchema>;
export type Facet = z.infer<typeof facetSchema>;
export type Eligibility = z.infer<typeof eligibilitySchema>;
export type KnowledgeItem = z.infer<typeof itemSchema>;
export type PolicyDocument = z.infer<typeof documentSchema>;
export type Tier = z.infer<typeof tierSchema>;
export type SynonymsFile = z.infer<typeof synonymsFileSchema>;
export type EntitiesFile = z.infer<typeof entitiesFileSchema>;
export type IntentsFile = z.infer<typeof intentsFileSchema>;
export type Messages = z.infer<typeof messagesFileSchema>;
export type GenericFacet = Messages['genericFacets'][number];
export type Aspect = z.infer<typeof aspectsFileSchema>['aspects'][number];
/** What intents.yaml declares of one intent. */
export type IntentDeclaration = IntentsFile['intents'][string];
