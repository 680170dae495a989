import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { DEFAULT_KNOWLEDGE_DIR, POLICY_SOURCE_FILE, loadKnowledgeSync } from '../../src/knowledge/loader';
import { KnowledgeError } from '../../src/knowledge/errors';
import { tierForHonours, tierVerdict } from '../../src/knowledge/tiers';
import { unitMeasures } from '../../src/knowledge/units';

/** A copy of knowledge/ that a test may break. */
function copyKnowledge(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huibot-knowledge-'));
  fs.cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

function editYaml(dir: string, rel: string, edit: (doc: any) => void): void {
  const file = path.join(dir, rel);
  const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  edit(doc);
  fs.writeFileSync(file, YAML.stringify(doc));
}

function loadError(dir: string): KnowledgeError {
  try {
    loadKnowledgeSync(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(KnowledgeError);
    return err as KnowledgeError;
  }
  throw new Error('expected the knowledge to be rejected');
}

describe('knowledge base', () => {
  const kb = loadKnowledgeSync();

  test('an aspect asked of any item is cued by one list: the generic answers take the aspects\' cues', () => {
    for (const facet of kb.messages.genericFacets) {
      const aspect = kb.aspects.find((a) => a.id === facet.field);
      expect(aspect).toBeDefined();
      expect(facet.cues).toEqual(aspect!.cues);
      expect(facet.cues.length).toBeGreaterThan(5);
    }
  });

  test('loads the whole policy', () => {
    expect(kb.document.docNumber).toBe('苏园经〔2022〕11号');
    expect(kb.document.date).toBe('2022-06-17');
    expect(kb.document.issuer).toBe('苏州工业园区经济发展委员会');
    expect(kb.document.basis.docNumber).toBe('苏园管〔2021〕60号');
    const measures = kb.items.filter((i) => i.kind === 'measure').map((i) => i.title);
    expect(measures).toEqual([
      '配套合作', '标杆学习', '产业对接',
      '金融支持', '上市培育',
      '人才对接', '人才申报', '专场招聘',
      '深度诊断', '培训辅导', '定向服务', '企业沙龙', '资源集约利用评价',
      '知识产权保护', '转型升级', '平台服务',
    ]);
    for (const title of ['明确责任分工', '畅通信息渠道', '强化协同培育', '加强组织协调', '加大财政支持', '做好宣传推广']) {
      expect(kb.items.some((i) => i.title === title)).toBe(true);
    }
  });

  test('every measure has its units, source and eligibility', () => {
    for (const m of kb.items.filter((i) => i.kind === 'measure')) {
      expect(m.responsible?.length).toBeGreaterThan(0);
      expect(m.source).toMatch(/^二、（[一二三四五]）/);
      expect(m.eligibility?.tiers.length).toBeGreaterThan(0);
    }
    const evaluation = kb.itemById.get('svc.resource-evaluation')!;
    expect(evaluation.eligibility?.rules.map((r) => r.outcome)).toEqual(['评级提升 1 级', '加 2 分', '加 1 分']);
  });

  test('each 汇 answer names all its measures', () => {
    for (const hui of kb.items.filter((i) => i.kind === 'hui')) {
      for (const m of kb.items.filter((i) => i.kind === 'measure' && i.hui === hui.hui)) expect(hui.answer).toContain(m.title);
    }
  });

  test('placeholders are filled from the document facts', () => {
    expect(kb.itemById.get('doc.number')!.answer).toContain('苏园经〔2022〕11号');
    expect(JSON.stringify(kb.items)).not.toContain('{{');
  });

  test('every item quotes the policy verbatim in `text`', () => {
    const squash = (s: string) => s.replace(/[\s#*]+/g, '');
    const policy = squash(fs.readFileSync(POLICY_SOURCE_FILE, 'utf8'));
    const missing: string[] = [];
    for (const item of kb.items) {
      for (const sentence of item.text.split(/[。；：，]|……/)) {
        const s = squash(sentence);
        if (s && !policy.includes(s)) missing.push(`${item.id}: ${s}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('no answer states a number the policy does not have', () => {
    const policy = fs.readFileSync(POLICY_SOURCE_FILE, 'utf8');
    const known = new Set(policy.match(/\d+/g));
    const answers = kb.items.flatMap((i) => [i.answer, ...i.facets.map((f) => f.answer)]);
    const invented = answers.flatMap((a) => (a.match(/\d+/g) ?? []).filter((n) => !known.has(n)).map((n) => `${n} in ${a}`));
    expect(invented).toEqual([]);
  });

  test('the units overview agrees with the 责任单位 of every measure', () => {
    const answer = kb.itemById.get('impl.units')!.answer;
    const all = kb.items.filter((i) => i.kind === 'measure').length;
    for (const { unit, measures } of unitMeasures(kb)) {
      if (measures.length === all) expect(answer).toMatch(new RegExp(`${unit}[^；]*是全部措施的责任单位`));
      else expect(answer).toContain(`${unit}负责${measures.map((m) => m.title).join('、')}`);
    }
  });

  test('tierForHonours: the highest honour decides', () => {
    expect(tierForHonours(['national']).name).toBe('一类');
    expect(tierForHonours(['provincial', 'city']).name).toBe('一类');
    expect(tierForHonours(['district']).name).toBe('二类');
    expect(tierForHonours([]).name).toBe('三类');
    expect(tierVerdict({ honourLevels: ['city'] })?.text).toMatch(/^属于二类/);
    expect(tierVerdict({ inPool: true, noHonour: true })?.text).toMatch(/^属于三类/);
    expect(tierVerdict({})).toBeUndefined();
  });
});

describe('a broken knowledge file stops the start, naming file and field', () => {
  test('missing answer of a measure', () => {
    const dir = copyKnowledge();
    editYaml(dir, 'policy/13-service.yaml', (doc) => delete doc.items[1].answer);
    const err = loadError(dir);
    expect(err.file).toBe('policy/13-service.yaml');
    expect(err.field).toBe('items[1].answer');
    expect(err.message).toContain('policy/13-service.yaml');
    expect(err.message).toContain('items[1].answer');
  });

  test('wrong honour level in a facet condition', () => {
    const dir = copyKnowledge();
    editYaml(dir, 'policy/13-service.yaml', (doc) => (doc.items[5].facets[0].when.honourLevels = ['global']));
    const err = loadError(dir);
    expect(err.file).toBe('policy/13-service.yaml');
    expect(err.field).toBe('items[5].facets[0].when.honourLevels[0]');
  });

  test('unknown related item', () => {
    const dir = copyKnowledge();
    editYaml(dir, 'policy/11-finance.yaml', (doc) => doc.items[0].related.push('fin.nothing'));
    const err = loadError(dir);
    expect(err.file).toBe('policy/11-finance.yaml');
    expect(err.field).toBe('items[0].related[3]');
  });

  test('YAML syntax error', () => {
    const dir = copyKnowledge();
    fs.appendFileSync(path.join(dir, 'nlu/synonyms.yaml'), '\n  bad: [unclosed\n');
    const err = loadError(dir);
    expect(err.file).toBe('nlu/synonyms.yaml');
    expect(err.problem).toMatch(/YAML/);
  });

  test('invalid entity pattern', () => {
    const dir = copyKnowledge();
    editYaml(dir, 'nlu/entities.yaml', (doc) => doc.honourLevels.city.push('市级('));
    const err = loadError(dir);
    expect(err.file).toBe('nlu/entities.yaml');
    expect(err.field).toMatch(/^honourLevels\.city\[\d+\]$/);
  });

  test('an intent declared without what serves it', () => {
    const dir = copyKnowledge();
    editYaml(dir, 'nlu/intents.yaml', (doc) => (doc.intents.order_pizza = { examples: ['来个披萨'] }));
    const err = loadError(dir);
    expect(err.file).toBe('nlu/intents.yaml');
    expect(err.field).toBe('intents.order_pizza.servedBy');
  });

  test('an intent the code names is not declared', () => {
    const dir = copyKnowledge();
    editYaml(dir, 'nlu/intents.yaml', (doc) => delete doc.intents.my_signups);
    const err = loadError(dir);
    expect(err.file).toBe('nlu/intents.yaml');
    expect(err.field).toBe('intents.my_signups');
    expect(err.message).toMatch(/my_signups/);
  });

  test('duplicate item id across files', () => {
    const dir = copyKnowledge();
    editYaml(dir, 'policy/14-tech.yaml', (doc) => (doc.items[1].id = 'svc.deep-diagnosis'));
    const err = loadError(dir);
    expect(err.file).toBe('policy/14-tech.yaml');
    expect(err.field).toBe('items[1].id');
  });
});
