/** 责任单位 and the measures each one is responsible for, derived from the measures in knowledge/. */
import { cleanText } from '../text/normalize';
import type { KnowledgeItem } from './schema';
import type { KnowledgeBase } from './types';

export interface UnitMeasures {
  unit: string;
  measures: KnowledgeItem[];
}

/** Every unit named as 责任单位 of a measure, in order of first mention, with its measures. */
export function unitMeasures(kb: KnowledgeBase): UnitMeasures[] {
  const map = new Map<string, KnowledgeItem[]>();
  for (const item of kb.items.filter((i) => i.kind === 'measure')) {
    for (const unit of item.responsible ?? []) {
      const list = map.get(unit) ?? [];
      list.push(item);
      map.set(unit, list);
    }
  }
  return [...map].map(([unit, measures]) => ({ unit, measures }));
}

/** Units the text names (各功能区 also as 功能区). */
export function unitsIn(text: string, kb: KnowledgeBase): UnitMeasures[] {
  const t = cleanText(text);
  return unitMeasures(kb).filter(({ unit }) => t.includes(cleanText(unit)) || t.includes(cleanText(unit.replace(/^各/, ''))));
}
