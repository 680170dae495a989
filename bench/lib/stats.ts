/** Turning a run's latencies and the server's CPU time into the figures the benchmark prints. */
import type { RunResult } from './client';
import { TURN_KINDS, type TurnKind } from './mix';

export interface Summary {
  turns: number;
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  errorSamples: string[];
  /** server CPU (user + system, all threads) over the run, per turn answered */
  cpuPerTurn: number;
  /** server peak RSS so far (MB) */
  peakRssMb: number;
  /** p50 and count per kind of message (and the median server CPU per turn when measured per turn) */
  byKind: Partial<Record<TurnKind, { count: number; p50: number; cpuMedian?: number }>>;
  /** median server CPU per turn, when measured turn by turn (the sequential run) */
  cpuMedian?: number;
  /** the same two figures for the main (JavaScript) thread alone, where the probe can read it (Linux) */
  mainCpuPerTurn?: number;
  mainCpuMedian?: number;
  /** /api/messages: p50 and p99 until the POST was answered (the whole turn) */
  doneP50?: number;
  doneP99?: number;
}

/** Server CPU of one turn, measured between turns. */
export interface TurnCpu {
  kind: TurnKind;
  ms: number;
  /** of which the main thread's */
  mainMs?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

export function summarise(r: RunResult, serverCpuMs: number, peakRssKb: number, turnCpu?: TurnCpu[], mainCpuMs?: number): Summary {
  const sorted = r.turns.map((t) => t.ms).sort((a, b) => a - b);
  const byKind: Summary['byKind'] = {};
  for (const kind of TURN_KINDS) {
    const ms = r.turns.filter((t) => t.kind === kind).map((t) => t.ms);
    if (!ms.length) continue;
    const cpu = turnCpu?.filter((t) => t.kind === kind).map((t) => t.ms);
    byKind[kind] = { count: ms.length, p50: median(ms), ...(cpu?.length ? { cpuMedian: median(cpu) } : {}) };
  }
  return {
    turns: r.turns.length,
    rate: r.turns.length / r.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: r.errors,
    errorSamples: r.errorSamples,
    cpuPerTurn: serverCpuMs / Math.max(1, r.turns.length),
    peakRssMb: peakRssKb / 1024,
    byKind,
    ...(turnCpu?.length ? { cpuMedian: median(turnCpu.map((t) => t.ms)) } : {}),
    ...(mainCpuMs !== undefined ? { mainCpuPerTurn: mainCpuMs / Math.max(1, r.turns.length) } : {}),
    ...(turnCpu?.length && turnCpu.every((t) => t.mainMs !== undefined) ? { mainCpuMedian: median(turnCpu.map((t) => t.mainMs!)) } : {}),
    ...doneFigures(r),
  };
}

function doneFigures(r: RunResult): Pick<Summary, 'doneP50' | 'doneP99'> {
  const done = r.turns.flatMap((t) => (t.doneMs === undefined ? [] : [t.doneMs])).sort((a, b) => a - b);
  return done.length ? { doneP50: percentile(done, 50), doneP99: percentile(done, 99) } : {};
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

export function describe(s: Summary): string {
  return (
    `${s.rate.toFixed(0).padStart(5)} turns/s  p50 ${ms(s.p50).padStart(5)}  p95 ${ms(s.p95).padStart(5)}  p99 ${ms(s.p99).padStart(5)} ms  ` +
    `${s.doneP50 !== undefined ? `(POST answered p50 ${ms(s.doneP50)}, p99 ${ms(s.doneP99!)})  ` : ''}errors ${s.errors}  CPU ${s.cpuPerTurn.toFixed(2)} ms/turn${s.cpuMedian !== undefined ? ` (median ${s.cpuMedian.toFixed(2)})` : ''}` +
    `${s.mainCpuPerTurn !== undefined ? `, main thread ${s.mainCpuPerTurn.toFixed(2)}${s.mainCpuMedian !== undefined ? ` (median ${s.mainCpuMedian.toFixed(2)})` : ''}` : ''}  peak RSS ${s.peakRssMb.toFixed(0)} MB`
  );
}

export function describeKinds(s: Summary): string {
  return TURN_KINDS.filter((k) => s.byKind[k])
    .map((k) => {
      const { p50, count, cpuMedian } = s.byKind[k]!;
      return `${k} ${ms(p50)} ms${cpuMedian !== undefined ? ` / CPU ${cpuMedian.toFixed(2)} ms` : ''} (${count})`;
    })
    .join(', ');
}
