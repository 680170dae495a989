/**
 * One file of the start-up cache (.cache/, git-ignored): a value stored with the key it was made
 * under, in v8.serialize's format. Whatever derives the key (file contents, code, package versions)
 * is the caller's; this module only reads, writes atomically and says what the start did.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';

/** .cache/ at the project root: every start-up cache lives here. */
export const STARTUP_CACHE_DIR = path.resolve(__dirname, '..', '..', '.cache');

/** What a start did: read the file, built it (none there) or rebuilt it (stale or unreadable). */
export type StartupFileOutcome = 'loaded' | 'built' | 'rebuilt';

/** The installed version of a package ("unknown" when it cannot be read): part of a key. */
export function packageVersion(name: string): string {
  try {
    return (JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Files under dir (sorted by relative path; `recursive` or only dir's own, `only` filters names) into the hash. */
export function hashFiles(hash: crypto.Hash, dir: string, options: { recursive?: boolean; only?: RegExp } = {}, rel = ''): void {
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const child = path.posix.join(rel, entry.name);
    if (entry.isDirectory()) {
      if (options.recursive) hashFiles(hash, dir, options, child);
    } else if (entry.isFile() && (!options.only || options.only.test(entry.name))) {
      hash.update(child).update('\0').update(fs.readFileSync(path.join(dir, child))).update('\0');
    }
  }
}

/** The stored value when it was made under `key` (and passes `valid`), with what the start did. */
export function readStartupFile<T>(file: string, key: string, valid: (value: unknown) => boolean = () => true): { value?: T; outcome: StartupFileOutcome } {
  let stored: { key: string; value: unknown } | undefined;
  try {
    stored = v8.deserialize(fs.readFileSync(file)) as { key: string; value: unknown };
  } catch {
    stored = undefined;
  }
  if (stored && stored.key === key && valid(stored.value)) return { value: stored.value as T, outcome: 'loaded' };
  return { outcome: fs.existsSync(file) ? 'rebuilt' : 'built' };
}

/** Stores the value under the key, atomically (servers may start side by side); a read-only checkout only loses the cache. */
export function writeStartupFile(file: string, key: string, value: unknown): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, v8.serialize({ key, value }));
    fs.renameSync(tmp, file);
  } catch {
    // Started without the cache: it is rebuilt next time.
  }
}
