/**
 * Where the memory of a starting server goes: the server's start-up steps one after the other in
 * this process, each followed by a full GC and `process.memoryUsage()`, so the growth of RSS, heap
 * and native memory can be put on each step. `--snapshot FILE` also writes a heap snapshot of the
 * started server and prints its biggest constructors (retained by self size).
 *
 *   node --expose-gc --no-deprecation --require tsx/cjs scripts/memory-at-start.ts [--snapshot /tmp/start.heapsnapshot]
 *
 * Add the `npm start` flags (e.g. `--max-semi-space-size=16`) to see what they cost.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;
const rows: string[] = [];
let last = process.memoryUsage();
let lastTime = performance.now();

function mb(n: number): string {
  return (n / MB).toFixed(1).padStart(7);
}

/** Records one step: memory after a full GC, and the growth since the previous step. */
function step(name: string): void {
  gc?.();
  gc?.();
  const now = process.memoryUsage();
  const t = performance.now();
  rows.push(
    `${name.padEnd(44)} ${mb(now.rss)} ${mb(now.rss - last.rss)} ${mb(now.heapUsed)} ${mb(now.heapUsed - last.heapUsed)} ${mb(now.external)} ${mb(now.external - last.external)} ${String(Math.round(t - lastTime)).padStart(6)}`,
  );
  last = now;
  lastTime = t;
}

/** Self size by constructor name in a V8 heap snapshot, biggest first. */
export function summariseSnapshot(file: string, top = 25): Array<{ name: string; count: number; bytes: number }> {
  const snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const totals = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt]];
    // Objects by constructor; strings, code, arrays and native memory by kind.
    const name = type === 'object' || type === 'native' ? snapshot.strings[snapshot.nodes[i + nameAt]] : `(${type})`;
    const entry = totals.get(name) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += snapshot.nodes[i + sizeAt];
    totals.set(name, entry);
  }
  return [...totals]
    .map(([name, t]) => ({ name, ...t }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top);
}

async function main(): Promise<void> {
  if (!gc) console.warn('run with --expose-gc for exact numbers');
  const snapshotAt = process.argv.indexOf('--snapshot');
  const snapshotFile = snapshotAt > 0 ? process.argv[snapshotAt + 1] : undefined;
  process.env.DOTENV_CONFIG_QUIET = 'true';
  process.env.LOG_LEVEL ??= 'warn';
  process.env.WECHATY_PUPPET ??= '';
  const dbPath = path.join(os.tmpdir(), `huibot-memory-${process.pid}.db`);
  process.env.DB_PATH = dbPath;
  process.env.PORT = '0';
  process.env.HOST = '127.0.0.1';

  step('node (with its flags and loaders)');
  require('botbuilder');
  step('require botbuilder');
  require('botbuilder-dialogs');
  step('require botbuilder-dialogs');
  require('restify');
  step('require restify');
  const { loadKnowledge } = require('../src/knowledge/loader') as typeof import('../src/knowledge/loader');
  await loadKnowledge();
  step('knowledge/ loaded and validated');
  require('@node-rs/jieba');
  step("jieba's module");
  const { TermWeights } = require('../src/nlu/termWeights') as typeof import('../src/nlu/termWeights');
  new TermWeights();
  step("jieba's IDF table (compact) as term weights");
  const { tableReadings } = require('../src/nlu/pinyinReadings') as typeof import('../src/nlu/pinyinReadings');
  tableReadings('汇');
  step('pinyin table (generated from pinyin-pro)');
  const { createRecognizer } = require('../src/nlu') as typeof import('../src/nlu');
  const recognizer = await createRecognizer();
  step('recognizer built (its jieba included)');
  const { createApp } = require('../src/app') as typeof import('../src/app');
  step('every module of the app required');
  const { loadConfig } = require('../src/config') as typeof import('../src/config');
  const { createLogger } = require('../src/logger') as typeof import('../src/logger');
  const config = loadConfig();
  const app = await createApp(config, { logger: createLogger(config.LOG_LEVEL), recognizer });
  const url = await app.listen();
  step(`app created and listening (${url})`);

  console.log(`${'step'.padEnd(44)} ${'rss'.padStart(7)} ${'+rss'.padStart(7)} ${'heap'.padStart(7)} ${'+heap'.padStart(7)} ${'extern'.padStart(7)} ${'+ext'.padStart(7)} ${'ms'.padStart(6)}`);
  for (const row of rows) console.log(row);
  const heap = v8.getHeapSpaceStatistics().map((s) => `${s.space_name} ${(s.space_size / MB).toFixed(1)}`);
  console.log(`heap spaces (MB reserved): ${heap.join(', ')}`);

  if (snapshotFile) {
    v8.writeHeapSnapshot(snapshotFile);
    await app.close();
    for (const { name, count, bytes } of summariseSnapshot(snapshotFile)) {
      console.log(`${mb(bytes)} MB ${String(count).padStart(8)}  ${name.slice(0, 80)}`);
    }
  } else {
    await app.close();
  }
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
