/**
 * Where a server's time went, from a .cpuprofile written by `BENCH_PROFILE_DIR=… npm run bench:http`:
 * the functions with the most time of their own, the most time including what they call, and
 * the time of each package or source folder, in ms per turn when the turn count is given.
 *
 *   npx tsx bench/profile-top.ts /tmp/prof/bench-huibot-api-200x20-….cpuprofile --turns 4000 [--top 25]
 */
import fs from 'node:fs';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const ROOT = path.join(__dirname, '..');

/**
 * `name file`, with paths shortened to the repository or the package (no line: tsx compiles each
 * source file so that the profile's line numbers say nothing).
 */
function label(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  return frame.url ? `${name} ${shortPath(frame.url)}` : name;
}

function shortPath(url: string): string {
  const file = url.replace(/^file:\/\//, '');
  const modules = file.lastIndexOf('node_modules/');
  if (modules >= 0) return file.slice(modules + 'node_modules/'.length);
  return file.startsWith(ROOT) ? path.relative(ROOT, file) : file;
}

/** The package (node_modules) or the repository folder (src/nlu, dialogs, …) a frame belongs to. */
function area(frame: CallFrame): string {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const file = shortPath(frame.url);
  if (file.startsWith('node:')) return 'node core';
  const parts = file.split('/');
  if (frame.url.includes('node_modules/')) return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0];
}

function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((a) => a.endsWith('.cpuprofile'));
  if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [--turns N] [--top N]');
  const option = (flag: string) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : undefined);
  const turns = option('--turns');
  const top = option('--top') ?? 25;
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;

  const self = new Map<number, number>(); // node id → µs
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const selfByFunction = new Map<string, number>();
  const selfByArea = new Map<string, number>();
  const inclusiveByFunction = new Map<string, number>();
  let total = 0;
  let idle = 0;
  const stack = (id: number) => {
    const frames: CallFrame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) frames.push(byId.get(at)!.callFrame);
    return frames;
  };
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const frames = stack(id);
    // The probe starting and stopping the profiler is the benchmark's own work, not the server's.
    if (frames.some((f) => f.url.includes('bench/lib/probe.ts'))) continue;
    total += us;
    if (node.callFrame.functionName === '(idle)') idle += us;
    const name = label(node.callFrame);
    selfByFunction.set(name, (selfByFunction.get(name) ?? 0) + us);
    selfByArea.set(area(node.callFrame), (selfByArea.get(area(node.callFrame)) ?? 0) + us);
    // Inclusive: charge the sample to every distinct function on its stack (recursion counted once).
    const seen = new Set<string>();
    for (const frame of frames) {
      const frameName = label(frame);
      if (seen.has(frameName)) continue;
      seen.add(frameName);
      inclusiveByFunction.set(frameName, (inclusiveByFunction.get(frameName) ?? 0) + us);
    }
  }

  const busy = total - idle;
  const unit = turns ? 'ms/turn' : 'ms';
  const show = (us: number) => (turns ? (us / 1000 / turns).toFixed(3) : (us / 1000).toFixed(0)).padStart(8);
  const print = (title: string, map: Map<string, number>, skip?: (name: string) => boolean) => {
    console.log(`\n${title} (${unit}, % of busy time)`);
    [...map.entries()]
      .filter(([name]) => !skip?.(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .forEach(([name, us]) => console.log(`${show(us)}  ${((us / busy) * 100).toFixed(1).padStart(5)} %  ${name}`));
  };
  console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled, ${(busy / 1000).toFixed(0)} ms busy${turns ? `, ${(busy / 1000 / turns).toFixed(2)} ms busy per turn over ${turns} turns` : ''}`);
  print('By package or source folder, self time', selfByArea, (n) => n === '(idle)');
  print('By function, self time', selfByFunction, (n) => n.startsWith('(idle)'));
  print('By function, including callees', inclusiveByFunction, (n) => n.startsWith('(root)') || n.startsWith('(idle)') || n.startsWith('(program)'));
}

main();
