import path from 'node:path';
import { loadCases, defaultEvalFiles } from '../../src/nlu/eval/cases';
import { recognizer } from './fixture';

/**
 * CPU time, not wall time: the test suites run in parallel on a shared machine, and waiting
 * for a core is not recognition work. The best of several rounds is taken.
 */
test('recognition takes under 2 ms per message', async () => {
  const r = await recognizer();
  const texts = loadCases(defaultEvalFiles(path.resolve(__dirname, '..', '..'))).flatMap((c) => c.turns);
  for (const t of texts) r.recognizeSync(t); // warm up (JIT)
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = process.cpuUsage();
    for (const t of texts) r.recognizeSync(t);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000 / texts.length);
  }
  expect(best).toBeLessThan(2);
});
