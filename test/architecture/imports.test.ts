/**
 * The import graph of src/ and dialogs/: no file imports itself through others, and no area
 * imports an area of a higher layer (contracts and vocabulary at the bottom, the composition root
 * at the top). Imports are read with TypeScript's own pre-processor, `import type` included:
 * a type dependency is still a dependency of the design.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Layers, lowest first. An area may import its own layer's areas and lower layers' (and no area
 * may reach itself through others, checked below). Entry points (CLIs) sit on the top layer.
 */
const LAYERS: string[][] = [
  ['src/domain', 'src/text', 'src/clock', 'src/config', 'src/logger', 'src/version', 'src/http', 'src/scheduler'],
  ['src/storage'],
  ['src/knowledge'],
  ['src/nlu'],
  ['src/officials', 'src/delivery', 'src/activities', 'src/advisor', 'src/handoff', 'src/notifications', 'src/stats', 'src/privacy', 'src/answers'],
  ['src/contracts'],
  ['dialogs'],
  ['src/bot', 'src/admin', 'src/channels', 'src/server'],
  ['src/features'],
  ['src/app', 'src/index', 'src/eval', 'src/channels/terminal/chat'],
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name)) out.push(rel);
  }
  return out;
}

const files = [...sourceFiles('src'), ...sourceFiles('dialogs')];
const known = new Set(files);

function resolve(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  return [`${base}.ts`, `${base}/index.ts`].find((f) => known.has(f));
}

const graph = new Map<string, string[]>(
  files.map((file) => {
    const info = ts.preProcessFile(fs.readFileSync(path.join(ROOT, file), 'utf8'), true, true);
    const deps = info.importedFiles.map((i) => resolve(file, i.fileName)).filter((f): f is string => !!f);
    return [file, [...new Set(deps)]];
  }),
);

/** The most specific area a file belongs to ('src/channels/terminal/chat' before 'src/channels'). */
const areas = LAYERS.flat().sort((a, b) => b.length - a.length);
function areaOf(file: string): string | undefined {
  const noExt = file.replace(/\.ts$/, '');
  return areas.find((a) => noExt === a || noExt.startsWith(`${a}/`));
}
function layerOf(area: string): number {
  return LAYERS.findIndex((layer) => layer.includes(area));
}

/** Strongly connected components with more than one member (Tarjan). */
function cycles(g: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of g.keys()) if (!index.has(v)) visit(v);
  return found;
}

test('every source file belongs to a layer', () => {
  expect(files.filter((f) => areaOf(f) === undefined)).toEqual([]);
});

test('no import circles between files', () => {
  expect(cycles(graph)).toEqual([]);
});

test('no import circles between areas', () => {
  const areaGraph = new Map<string, string[]>();
  for (const [file, deps] of graph) {
    const from = areaOf(file)!;
    const targets = deps.map((d) => areaOf(d)!).filter((a) => a !== from);
    areaGraph.set(from, [...new Set([...(areaGraph.get(from) ?? []), ...targets])]);
  }
  expect(cycles(areaGraph)).toEqual([]);
});

test('no lower layer imports a higher one', () => {
  const upward: string[] = [];
  for (const [file, deps] of graph) {
    const from = layerOf(areaOf(file)!);
    for (const dep of deps) if (layerOf(areaOf(dep)!) > from) upward.push(`${file} → ${dep}`);
  }
  expect(upward).toEqual([]);
});
