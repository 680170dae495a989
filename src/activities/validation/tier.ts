import type { Tier } from '../types';
import { toHalfWidth } from '../../text/normalize';

/** The tier labels live in the catalogue (../copy.ts); re-exported for the modules that read them from here. */
export { TIER_SHORT } from '../copy';

/** A user's answer to "贵企业属于哪一类": a tier, 'unknown' (不清楚), or undefined (not understood). */
export function parseTier(raw: string | undefined): Tier | 'unknown' | undefined {
  const text = toHalfWidth(raw ?? '').replace(/[\s。.!！,，]+/g, '');
  if (!text) return undefined;
  if (/不清楚|不知道|不确定|不了解|没有?称号/.test(text)) return 'unknown';
  if (/^第?[1一]类?$/.test(text) || /一类|国家级|省级|小巨人/.test(text)) return 1;
  if (/^第?[2二]类?$/.test(text) || /二类|市级|区级/.test(text)) return 2;
  if (/^第?[3三]类?$/.test(text) || /三类|入库|培育库/.test(text)) return 3;
  return undefined;
}

/**
 * Reads a tier from whatever another feature stored (the advisor's enterprise profile):
 * 1 | 2 | 3, "1", "tier1", "一类"... Anything else is unknown.
 */
export function coerceTier(value: unknown): Tier | undefined {
  if (value === 1 || value === 2 || value === 3) return value;
  if (typeof value !== 'string') return undefined;
  const m = /^(?:tier)?\s*([123])$/i.exec(value.trim());
  if (m) return Number(m[1]) as Tier;
  const parsed = parseTier(value);
  return parsed === 'unknown' ? undefined : parsed;
}
