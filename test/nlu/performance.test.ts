import { loadCases, defaultEvalFiles } from '../../src/nlu/eval/cases';
import path from 'node:path';
import { recognizer } from './fixture';

test('recognition takes under 2 ms per message on average', async () => {
  const r = await recognizer();
  const texts = loadCases(defaultEvalFiles(path.resolve(__dirname, '..', '..'))).flatMap((c) => c.turns);
  for (const t of texts) r.recognizeSync(t); // warm up (JIT)
  const rounds = 3;
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) for (const t of texts) r.recognizeSync(t);
  const msPerMessage = Number(process.hrtime.bigint() - start) / 1e6 / (rounds * texts.length);
  expect(msPerMessage).toBeLessThan(2);
});
