/**
 * The validated knowledge base kept between starts (.cache/knowledge.v8, git-ignored): parsing the
 * YAML and validating it is ~0.3 s of every start, reading it back from v8.serialize's format ~1 ms.
 * The key hashes every file under the knowledge directory (path and bytes), the loader's code
 * (src/knowledge, src/domain, src/text) and the yaml and zod versions. Only a base that loaded
 * without error is ever stored, so a broken file still stops the start with its KnowledgeError.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { KnowledgeBase } from './types';
import { STARTUP_CACHE_DIR, hashFiles, packageVersion, readStartupFile, writeStartupFile, type StartupFileOutcome } from './startupFile';

const FILE = 'knowledge.v8';

/** What the last load did: read the file, or loaded the files (none stored, or stale or unreadable). */
export type KnowledgeCacheOutcome = StartupFileOutcome;

/** The key of a knowledge directory's current files under the current loader. */
export function knowledgeKey(dir: string): string {
  const hash = crypto.createHash('sha256');
  hash.update(JSON.stringify([process.versions.v8, packageVersion('yaml'), packageVersion('zod')]));
  for (const code of [__dirname, path.join(__dirname, '..', 'domain'), path.join(__dirname, '..', 'text')]) hashFiles(hash, code, { recursive: true });
  hash.update('\0knowledge\0');
  hashFiles(hash, dir, { recursive: true });
  return hash.digest('hex');
}

export class KnowledgeCache {
  readonly file: string;
  outcome: KnowledgeCacheOutcome | undefined;

  constructor(cacheDir: string = STARTUP_CACHE_DIR) {
    this.file = path.join(cacheDir, FILE);
  }

  /** The knowledge base of dir: from the file when its key matches, else loaded (and stored when valid). */
  load(dir: string, loadFiles: (dir: string) => KnowledgeBase): KnowledgeBase {
    const abs = path.resolve(dir);
    const key = knowledgeKey(abs);
    const stored = readStartupFile<KnowledgeBase>(this.file, key);
    this.outcome = stored.outcome;
    if (stored.value) return { ...stored.value, dir: abs };
    // Throws on a broken file: nothing is stored then.
    const kb = loadFiles(abs);
    writeStartupFile(this.file, key, kb);
    return kb;
  }
}
