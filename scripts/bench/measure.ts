/**
 * A thin wrapper over tinybench: every case of one group runs in the same process, one after the other,
 * and each sample times a batch of calls so that microsecond operations are not swamped by the timer.
 */
import { Bench } from 'tinybench';

export interface BenchCase {
  name: string;
  /** One operation; may be async (verification is). */
  run: () => unknown;
}

export interface BenchRow {
  group: string;
  name: string;
  opsPerSecond: number;
  /** Relative margin of error of the mean, in percent. */
  rme: number;
  samples: number;
}

export interface GroupOptions {
  /** Milliseconds per case and round (default 150). */
  time?: number;
  /**
   * Rounds over all cases (default 7). Short rounds interleave the cases in time, so a burst of load from
   * another process hits all of them alike; each figure is the case's median round.
   */
  rounds?: number;
  /** Calls per sample (default: picked so one sample takes about 0.5 ms). */
  batch?: number;
}

export async function measureGroup(
  group: string,
  cases: BenchCase[],
  options: GroupOptions = {},
): Promise<BenchRow[]> {
  const batches = new Map<string, number>();
  for (const c of cases) batches.set(c.name, options.batch ?? (await pickBatch(c.run)));
  const rounds: BenchRow[][] = [];
  for (let r = 0; r < (options.rounds ?? 7); r++) {
    const bench = new Bench({ time: options.time ?? 150, warmupTime: 50, iterations: 8, throws: true });
    for (const c of cases) {
      const batch = batches.get(c.name)!;
      bench.add(c.name, async () => {
        for (let k = 0; k < batch; k++) {
          const out = c.run();
          if (out instanceof Promise) await out;
        }
      });
    }
    await bench.run();
    rounds.push(
      bench.tasks.map((task) => {
        const result = task.result;
        if (result.state !== 'completed')
          throw new Error(`benchmark "${group} / ${task.name}" did not complete (${result.state})`);
        return {
          group,
          name: task.name,
          opsPerSecond: (1000 * batches.get(task.name)!) / result.latency.mean,
          rme: result.latency.rme,
          samples: result.latency.samplesCount,
        };
      }),
    );
  }
  return cases.map((c) => {
    const runs = rounds.map((round) => round.find((row) => row.name === c.name)!);
    runs.sort((a, b) => a.opsPerSecond - b.opsPerSecond);
    return runs[Math.floor(runs.length / 2)]!;
  });
}

/** Calls per sample so that a sample lasts about half a millisecond. */
async function pickBatch(run: () => unknown): Promise<number> {
  const start = performance.now();
  let calls = 0;
  while (performance.now() - start < 20) {
    const out = run();
    if (out instanceof Promise) await out;
    calls++;
  }
  const perCall = (performance.now() - start) / calls;
  return Math.max(1, Math.round(0.5 / perCall));
}
