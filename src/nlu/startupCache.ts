/**
 * The recognizer's start-up cache: the analyses of the knowledge's own texts that building its
 * indexes needs (see PreparedAnalyzer), stored in one file (.cache/recognizer.v8 by default,
 * git-ignored) with the key they were made under. The key hashes the knowledge as loaded (so any
 * changed knowledge file, or a loader that reads it differently, changes it), the code of src/nlu,
 * src/text and src/domain, the versions of jieba and pinyin-pro, and V8's (the file is
 * v8.serialize's). A start whose key matches reads the analyses instead of making them; any other
 * start rebuilds them and rewrites the file. A file that cannot be read or written only costs the
 * rebuild.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { types } from 'node:util';
import { STARTUP_CACHE_DIR, hashFiles, packageVersion, readStartupFile, writeStartupFile, type StartupFileOutcome } from '../knowledge/startupFile';
import type { KnowledgeBase } from '../knowledge/types';
import type { Analyses } from './preparedAnalyzer';

const FILE = 'recognizer.v8';
/** Raise when the file's layout changes. */
const FORMAT = 1;

/** What the last start did: read the file, built it (none there) or rebuilt it (stale or unreadable). */
export type CacheOutcome = StartupFileOutcome;

/** The text of every .ts file of the code that analyses texts, and the word lists it reads. */
function codeFingerprint(hash: crypto.Hash): void {
  for (const dir of [__dirname, path.join(__dirname, '..', 'text'), path.join(__dirname, '..', 'domain')]) hashFiles(hash, dir, { only: /\.ts$/ });
  // jieba's word lists (jiebaDictionaries.ts) decide the segmentation as much as the code.
  hashFiles(hash, path.join(__dirname, 'jieba'));
}

/** The key analyses of this knowledge base are stored under. */
export function cacheKey(kb: KnowledgeBase): string {
  const hash = crypto.createHash('sha256');
  hash.update(JSON.stringify([FORMAT, process.versions.v8, packageVersion('@node-rs/jieba'), packageVersion('pinyin-pro')]));
  codeFingerprint(hash);
  // The knowledge as loaded; its directory is no part of it (the same files elsewhere match).
  hash.update(JSON.stringify({ ...kb, dir: undefined, itemById: undefined }));
  return hash.digest('hex');
}

export class RecognizerCache {
  readonly file: string;
  /** what the last start did (undefined before the first) */
  outcome: CacheOutcome | undefined;

  constructor(dir: string = STARTUP_CACHE_DIR) {
    this.file = path.join(dir, FILE);
  }

  /** The stored analyses when they were made under this key, else an empty map to fill. */
  read(key: string): { analyses: Analyses; hit: boolean } {
    // (types.isMap: a deserialised Map may come from another realm than this module's, e.g. under jest.)
    const stored = readStartupFile<Analyses>(this.file, key, (value) => types.isMap(value));
    this.outcome = stored.outcome;
    return { analyses: stored.value ?? new Map(), hit: stored.value !== undefined };
  }

  /** Stores the analyses under the key (atomically: servers may start side by side). */
  write(key: string, analyses: Analyses): void {
    writeStartupFile(this.file, key, analyses);
  }
}
