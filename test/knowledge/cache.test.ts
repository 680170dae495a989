/**
 * The knowledge base kept between starts (src/knowledge/cache.ts): read back it equals the files
 * loaded afresh; a changed file is read from the files again; a broken file still fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KnowledgeCache } from '../../src/knowledge/cache';
import { KnowledgeError } from '../../src/knowledge/errors';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledgeSync } from '../../src/knowledge/loader';

let tmp: string;
let dir: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'huibot-knowledge-cache-'));
  dir = path.join(tmp, 'knowledge');
  fs.cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Counts the loads from the files. */
function countingLoader(): { load: typeof loadKnowledgeSync; count: () => number } {
  let n = 0;
  return {
    load: (d) => {
      n++;
      return loadKnowledgeSync(d);
    },
    count: () => n,
  };
}

describe('knowledge start-up cache', () => {
  test('read back, the knowledge base equals the files loaded afresh', () => {
    const cache = new KnowledgeCache(path.join(tmp, 'cache'));
    const loader = countingLoader();
    cache.load(dir, loader.load);
    expect(cache.outcome).toBe('built');
    const cached = cache.load(dir, loader.load);
    expect(cache.outcome).toBe('loaded');
    expect(loader.count()).toBe(1);

    const fresh = loadKnowledgeSync(dir);
    expect(JSON.stringify(cached)).toBe(JSON.stringify(fresh));
    expect(cached.dir).toBe(path.resolve(dir));
    expect([...cached.itemById.keys()]).toEqual([...fresh.itemById.keys()]);
    // The map holds the very items of the list, as a fresh load's does.
    for (const item of cached.items) expect(cached.itemById.get(item.id)).toBe(item);
  });

  test('a changed knowledge file is read from the files again', () => {
    const cache = new KnowledgeCache(path.join(tmp, 'cache'));
    const loader = countingLoader();
    cache.load(dir, loader.load);
    fs.appendFileSync(path.join(dir, 'nlu', 'dictionary.yaml'), '  - 缓存失效测试词\n');
    const changed = cache.load(dir, loader.load);
    expect(cache.outcome).toBe('rebuilt');
    expect(loader.count()).toBe(2);
    expect(changed.dictionary).toContain('缓存失效测试词');
    expect(cache.load(dir, loader.load).dictionary).toContain('缓存失效测试词');
    expect(cache.outcome).toBe('loaded');
  });

  test('a broken knowledge file still fails, though an earlier version is stored', () => {
    const cache = new KnowledgeCache(path.join(tmp, 'cache'));
    cache.load(dir, loadKnowledgeSync);
    fs.writeFileSync(path.join(dir, 'nlu', 'stopwords.yaml'), 'words: [unclosed\n');
    expect(() => cache.load(dir, loadKnowledgeSync)).toThrow(KnowledgeError);
  });
});
