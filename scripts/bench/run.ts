/**
 * Runs every library benchmark in one process and turns the figures into goals and a Markdown table.
 * Entry point: scripts/bench.mjs (loads this file through Vite, so the TypeScript sources run as they are).
 */
import { benchDecode, DECODE_OURS, DECODE_PEER } from './decode';
import type { BenchRow } from './measure';
import { measureDecodeMemory, type MemoryFigure } from './memory';
import { benchScan, scanGoals } from './scan';
import { benchVerify, VERIFY_NO_MEMO, VERIFY_OURS, VERIFY_PEER } from './verify';

export interface Goal {
  name: string;
  target: string;
  measured: string;
  met: boolean;
  /** Shown for comparison, not a target. */
  informational?: boolean;
}

export interface BenchReport {
  rows: BenchRow[];
  memory: MemoryFigure;
  goals: Goal[];
  /** Why a group was skipped, e.g. verifyToken not merged yet. */
  notes: string[];
}

export const MEMORY_BUDGET_BYTES = 20 * 1024 * 1024;
const VERIFY_MIN_RATIO = 0.9;

export async function runBenchmarks(log: (line: string) => void = () => {}): Promise<BenchReport> {
  const notes: string[] = [];
  log('decode …');
  const rows = await benchDecode();
  log('verify …');
  const verify = await benchVerify();
  rows.push(...verify.rows);
  if (verify.skipped) notes.push(verify.skipped);
  log('memory …');
  const memory = measureDecodeMemory();

  const goals: Goal[] = [];
  for (const group of groupsOf(rows)) {
    const ours = find(rows, group, DECODE_OURS) ?? find(rows, group, VERIFY_OURS);
    const decodePeer = find(rows, group, DECODE_PEER);
    const verifyPeer = find(rows, group, VERIFY_PEER);
    if (ours && decodePeer) {
      const ratio = ours.opsPerSecond / decodePeer.opsPerSecond;
      goals.push({
        name: `${group}: ${DECODE_OURS} vs ${DECODE_PEER}`,
        target: '≥ 1.00×',
        measured: `${ratio.toFixed(2)}×`,
        met: ratio >= 1,
      });
    }
    if (ours && verifyPeer) {
      const ratio = ours.opsPerSecond / verifyPeer.opsPerSecond;
      goals.push({
        name: `${group}: ${VERIFY_OURS} vs ${VERIFY_PEER}`,
        target: `≥ ${VERIFY_MIN_RATIO.toFixed(2)}× (overhead ≤ 10%)`,
        measured: `${ratio.toFixed(2)}×`,
        met: ratio >= VERIFY_MIN_RATIO,
      });
      const noMemo = find(rows, group, VERIFY_NO_MEMO);
      if (noMemo) {
        goals.push({
          name: `${group}: ${VERIFY_NO_MEMO} vs ${VERIFY_PEER}`,
          target: 'for comparison',
          measured: `${(noMemo.opsPerSecond / verifyPeer.opsPerSecond).toFixed(2)}×`,
          met: true,
          informational: true,
        });
      }
    }
  }
  goals.push({
    name: `heap kept after decoding a ${mib(memory.tokenChars)} token`,
    target: `≤ ${mib(MEMORY_BUDGET_BYTES)}`,
    measured: mib(memory.retainedBytes),
    met: memory.retainedBytes <= MEMORY_BUDGET_BYTES,
  });
  goals.push({
    name: `heap right after decoding a ${mib(memory.tokenChars)} token, garbage included`,
    target: `≤ ${mib(MEMORY_BUDGET_BYTES)}`,
    measured: mib(memory.beforeGcBytes),
    met: memory.beforeGcBytes <= MEMORY_BUDGET_BYTES,
  });
  log('scan …');
  goals.push(...scanGoals(benchScan()));
  return { rows, memory, goals, notes };
}

/** The report as Markdown: one table of ops/s with ratios, then the goals. */
export function formatBenchReport(report: BenchReport): string {
  const lines: string[] = [];
  lines.push('| Group | Case | ops/s | ± % | ours ÷ this |', '| --- | --- | ---: | ---: | ---: |');
  for (const group of groupsOf(report.rows)) {
    const groupRows = report.rows.filter((r) => r.group === group);
    const ours = groupRows.find((r) => r.name === DECODE_OURS || r.name === VERIFY_OURS);
    for (const row of groupRows) {
      const ratio = !ours || row === ours ? '—' : `${(ours.opsPerSecond / row.opsPerSecond).toFixed(2)}×`;
      lines.push(
        `| ${group} | ${row.name} | ${formatOps(row.opsPerSecond)} | ${row.rme.toFixed(1)} | ${ratio} |`,
      );
    }
  }
  lines.push('', '"ours ÷ this" above 1 means JWT Lens is faster than that case.', '');
  lines.push('| Goal | Target | Measured | Met |', '| --- | --- | --- | --- |');
  for (const goal of report.goals) {
    const met = goal.informational ? 'info' : goal.met ? 'yes' : '**no**';
    lines.push(`| ${goal.name} | ${goal.target} | ${goal.measured} | ${met} |`);
  }
  for (const note of report.notes) lines.push('', `Note: ${note}`);
  return lines.join('\n');
}

function groupsOf(rows: BenchRow[]): string[] {
  return [...new Set(rows.map((r) => r.group))];
}

function find(rows: BenchRow[], group: string, name: string): BenchRow | undefined {
  return rows.find((r) => r.group === group && r.name === name);
}

function formatOps(ops: number): string {
  return ops >= 100 ? Math.round(ops).toLocaleString('en-US') : ops.toFixed(1);
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
