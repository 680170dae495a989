/**
 * A correction re-asks what it corrects: "我们2024年评上国家级小巨人，资源集约利用评价怎么加分" then
 * "说错了，是市级的" is answered as the first question again, with the corrected facts (so is an
 * addition: "另外我们2025年还评过区级"). This file holds the pure part: whether a message only amends
 * facts, the facts after it, and the earlier message's recognition carrying them.
 */
import { hasFacts, mergeHonours, statedFactsOf, type StatedFacts } from '../domain/enterprise';
import type { Entities, Recognition } from './types';

/**
 * The message only amends facts about the enterprise and asks nothing of its own: a correction
 * ("说错了，是市级的", "搞错了，认定年份是2024年") or an addition ("另外我们2025年还评过区级").
 */
export function onlyAmends(recognition: Recognition): boolean {
  const frame = recognition.frame;
  const facts = frame?.facts;
  if (!frame || !facts || frame.clauses.some((c) => c.kind === 'ask')) return false;
  if (facts.correction) return hasFacts(facts.update) || facts.looseYears.length === 1;
  return facts.update.honoursMode === 'add' && (facts.update.honours?.length ?? 0) > 0;
}

/**
 * The message only states facts and asks nothing ("我们是市级的，2025年认定", "好，继续。已经入库了", "2022年"):
 * what the last question that depends on them was waiting for.
 */
export function onlySupplies(recognition: Recognition): boolean {
  const frame = recognition.frame;
  const facts = frame?.facts;
  if (!frame || !facts || recognition.offTopicRequest || frame.clauses.some((c) => c.kind === 'ask')) return false;
  // ("2022年", "22年认定的": the year of the only honour asked for.)
  return hasFacts(facts.update) || facts.looseYears.length === 1;
}

/**
 * The facts of an earlier message after an amendment (the same merge the advisor's profile makes);
 * undefined when it cannot be told what it amends (a year alone, with several honours before).
 */
export function correctFacts(before: StatedFacts | undefined, correction: StatedFacts): StatedFacts | undefined {
  const earlier = before?.update ?? {};
  const stated = correction.update;
  const update = { ...earlier };
  // "搞错了，认定年份是2024年": the year of the only honour.
  if (!stated.honours?.length && correction.looseYears.length === 1) {
    if (earlier.honours?.length !== 1) return undefined;
    update.honours = [{ level: earlier.honours[0].level, year: correction.looseYears[0] }];
  }
  for (const [key, value] of Object.entries(stated) as Array<[keyof typeof stated, unknown]>) {
    if (value !== undefined && key !== 'honours' && key !== 'honoursMode') (update as Record<string, unknown>)[key] = value;
  }
  if (stated.honours?.length) {
    update.honours = mergeHonours(earlier.honours ?? [], stated);
    update.honoursMode = 'replace';
    delete update.noHonour;
  } else if (stated.noHonour) {
    delete update.honours;
    delete update.honoursMode;
    delete update.firstRecognition;
  }
  return statedFactsOf(update);
}

/** What the tier rules and the answers read of the facts (the entities a message stating them would have). */
function factEntities(facts: StatedFacts): Entities {
  const u = facts.update;
  const years = [...new Set((u.honours ?? []).flatMap((h) => (h.year !== undefined ? [h.year] : [])))];
  return {
    ...(u.honours?.length ? { honourLevels: u.honours.map((h) => h.level) } : {}),
    ...(u.noHonour ? { noHonour: true } : {}),
    ...(u.inPool === true ? { inPool: true } : u.inPool === false ? { notInPool: true } : {}),
    ...(u.large !== undefined ? { large: u.large } : {}),
    ...(years.length ? { years } : {}),
  };
}

/** The earlier message's recognition, every question of it reading the corrected facts. */
export function withFacts(previous: Recognition, facts: StatedFacts): Recognition {
  const stated = factEntities(facts);
  const rebase = (r: Recognition): Recognition => {
    const { honourLevels: _l, noHonour: _n, inPool: _i, notInPool: _p, large: _g, years: _y, correction: _c, ...rest } = r.entities;
    return { ...r, entities: { ...rest, ...stated } };
  };
  const questions = (previous.frame?.questions ?? [previous]).map(rebase);
  const frame = previous.frame ? { ...previous.frame, questions, facts } : undefined;
  return { ...rebase(previous), ...(frame ? { frame } : {}) };
}
