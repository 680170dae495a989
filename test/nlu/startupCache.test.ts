/**
 * The recognizer's start-up cache (src/nlu/startupCache.ts): the analyses of the knowledge's texts
 * kept between starts. A loaded cache recognises exactly as a fresh build, its analyses are really
 * the ones used, and a changed knowledge file makes the next start rebuild it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { createRecognizer, RecognizerCache } from '../../src/nlu';
import { cacheKey } from '../../src/nlu/startupCache';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledgeSync } from '../../src/knowledge/loader';
import { defaultEvalFiles, loadCases } from '../../src/eval/cases';
import type { HuiRecognizer } from '../../src/nlu/recognizer';

const ROOT = path.resolve(__dirname, '..', '..');
const NOW = new Date('2024-11-20T02:00:00Z');
const now = () => NOW;

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'huibot-startup-cache-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Every message of the eval sets, once. */
function evalMessages(): string[] {
  return [...new Set(loadCases(defaultEvalFiles(ROOT)).flatMap((c) => c.turns))];
}

function recognitions(recognizer: HuiRecognizer, texts: string[]): unknown[] {
  return texts.map((t) => recognizer.recognizeSync(t));
}

describe('recognizer start-up cache', () => {
  test('a loaded cache recognises every eval message exactly as a build without it', async () => {
    const kb = loadKnowledgeSync();
    const cache = new RecognizerCache(path.join(tmp, 'same'));
    await createRecognizer({ knowledge: kb, startupCache: cache, now });
    expect(cache.outcome).toBe('built');
    expect(fs.existsSync(cache.file)).toBe(true);

    const loaded = await createRecognizer({ knowledge: kb, startupCache: cache, now });
    expect(cache.outcome).toBe('loaded');
    const fresh = await createRecognizer({ knowledge: kb, startupCache: false, now });
    const texts = evalMessages();
    expect(texts.length).toBeGreaterThan(300);
    expect(recognitions(loaded, texts)).toEqual(recognitions(fresh, texts));
  });

  test('the stored analyses are the ones a loaded recognizer is built from', async () => {
    const kb = loadKnowledgeSync();
    const cache = new RecognizerCache(path.join(tmp, 'tampered'));
    const fresh = await createRecognizer({ knowledge: kb, startupCache: cache, now });
    // Same key, analyses without features: the phrase and intent indexes come out empty.
    const stored = v8.deserialize(fs.readFileSync(cache.file)) as { key: string; value: Map<string, { features: Map<string, number> }> };
    expect(stored.key).toBe(cacheKey(kb));
    for (const analysis of stored.value.values()) analysis.features = new Map();
    fs.writeFileSync(cache.file, v8.serialize(stored));

    const fromTampered = await createRecognizer({ knowledge: kb, startupCache: cache, now });
    expect(cache.outcome).toBe('loaded');
    const texts = evalMessages();
    expect(recognitions(fromTampered, texts)).not.toEqual(recognitions(fresh, texts));
  });

  test('a changed knowledge file makes the next start rebuild the cache', async () => {
    const dir = path.join(tmp, 'knowledge');
    fs.cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
    const cache = new RecognizerCache(path.join(tmp, 'changed'));
    const before = loadKnowledgeSync(dir);
    await createRecognizer({ knowledge: before, startupCache: cache });
    expect(cache.outcome).toBe('built');
    await createRecognizer({ knowledge: before, startupCache: cache });
    expect(cache.outcome).toBe('loaded');

    fs.appendFileSync(path.join(dir, 'nlu', 'dictionary.yaml'), '  - 缓存失效测试词\n');
    const after = loadKnowledgeSync(dir);
    expect(cacheKey(after)).not.toBe(cacheKey(before));
    await createRecognizer({ knowledge: after, startupCache: cache });
    expect(cache.outcome).toBe('rebuilt');
    await createRecognizer({ knowledge: after, startupCache: cache });
    expect(cache.outcome).toBe('loaded');
  });

  test('the same knowledge in another directory has the same key', () => {
    const dir = path.join(tmp, 'copy');
    fs.cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
    expect(cacheKey(loadKnowledgeSync(dir))).toBe(cacheKey(loadKnowledgeSync()));
  });
});
