/**
 * Every advisor reply, for every kind of enterprise and every request, stays within 600 characters
 * a message (text and button titles, as the evaluation counts them) and starts with the answer.
 */
import { buttonTitle } from '../../src/domain/buttons';
import pino from 'pino';
import { UserState, MemoryStorage } from 'botbuilder';
import { createAdvisor } from '../../src/advisor';
import type { EnterpriseProfile } from '../../src/advisor/profile';
import type { FactKey } from '../../src/nlu/statedFacts';
import type { AdvisorReply } from '../../src/advisor/replies';
import { HUI_IDS } from '../../src/knowledge/schema';
import { Database } from '../../src/storage/database';
import { NOW } from './helpers';

const at = NOW.toISOString();
const everything = { manufacturing: true, planningIpo: true, hiring: true, firstRecognition: true };
const PROFILES: Record<string, { profile: EnterpriseProfile; settled?: FactKey[] }> = {
  'national, all traits': { profile: { honours: [{ level: 'national', year: 2024 }], ...everything, updatedAt: at } },
  'provincial + city, no traits': {
    profile: { honours: [{ level: 'provincial', year: 2020 }, { level: 'city', year: 2024 }], manufacturing: false, planningIpo: false, hiring: false, firstRecognition: false, updatedAt: at },
  },
  'district, years and traits unknown': {
    profile: { honours: [{ level: 'district' }], updatedAt: at },
    settled: ['year:district', 'manufacturing', 'planningIpo', 'hiring', 'firstRecognition'],
  },
  'pool, hiring': { profile: { honours: [], noHonour: true, inPool: true, hiring: true, updatedAt: at } },
  'no honour, pool unknown': { profile: { honours: [], noHonour: true, hiring: false, updatedAt: at }, settled: ['inPool'] },
  'not in pool': { profile: { honours: [], noHonour: true, inPool: false, updatedAt: at } },
  large: { profile: { honours: [], large: true, updatedAt: at } },
  'long name and code': {
    profile: { name: '苏州工业园区某某某某某某某某某某某某某某智能装备科技股份有限公司', creditCode: '91320594MA1W5K3R8X', honours: [{ level: 'national', year: 2025 }, { level: 'provincial', year: 2024 }, { level: 'city', year: 2023 }, { level: 'district', year: 2022 }], ...everything, updatedAt: at },
  },
};

const seenLength = (r: AdvisorReply) => [r.text, ...r.buttons.map(buttonTitle)].join('\n').length;

describe('advisor replies: length and answer first', () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.open(':memory:');
  });
  afterAll(() => db.close());

  const activities = { next: async () => ({ title: '【示例】2025年第三期“专精特新”企业沙龙（集成电路与智能制造专场）', date: '12月25日' }) };

  test.each(Object.entries(PROFILES))('%s', async (_label, { profile, settled = [] }) => {
    const advisor = createAdvisor({ db, userState: new UserState(new MemoryStorage()), logger: pino({ level: 'silent' }), activities, now: () => NOW });
    const verdicts = advisor.evaluate(profile, settled);
    const replies: AdvisorReply[] = [
      advisor.replies.tier(profile),
      advisor.replies.tier(profile, { reused: true }),
      advisor.replies.profile(profile),
      ...(await advisor.replies.overview(profile, verdicts, { reused: true })),
      ...advisor.replies.whyNot(profile, verdicts),
    ];
    for (const hui of HUI_IDS) replies.push(...(await advisor.replies.hui(hui, profile, verdicts, { reused: true })));
    for (const verdict of verdicts) {
      if (verdict.status === 'needs') continue;
      const reply = await advisor.replies.item(verdict, profile, { reused: true });
      replies.push(reply);
      expect(reply.text).toMatch(/^(根据您之前提供的信息（[^）]*），)?(贵企业(可以享受|可以参加|暂不符合)|“[^”]+”要视情况而定)/);
    }
    for (const reply of replies) expect({ text: reply.text, length: seenLength(reply) <= 600 }).toEqual({ text: reply.text, length: true });
    expect(verdicts.some((v) => v.status === 'needs')).toBe(false);
  });
});
