import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRun } from './lighthouse.mjs';
import { formatReport, type ReportData } from './report.mjs';
import { evaluateTargets } from './stats.mjs';

const fixture = (name: string) => path.join(__dirname, '../fixtures/perf', name);

function data(over: Partial<ReportData> = {}): ReportData {
  const lens = readRun(fixture('lighthouse-lens-mobile.json'), {
    name: 'lens-mobile-1',
    page: 'JWT Lens',
    preset: 'mobile',
  });
  const baseline = readRun(fixture('lighthouse-baseline-mobile.json'), {
    name: 'baseline-mobile-1',
    page: 'Baseline',
    preset: 'mobile',
  });
  const runs = [lens, baseline, { ...lens, name: 'lens-mobile-2', performance: 61 }, baseline];
  const bundle = {
    lens: { rows: [], totalRaw: 509_440, totalGzip: 152_678, budgetGzip: 153_600 },
    baseline: { rows: [], totalRaw: 458_035, totalGzip: 135_168, budgetGzip: 153_600 },
  };
  const checks = evaluateTargets({
    runsRequested: 2,
    lens: { mobile: [runs[0]!, runs[2]!] },
    baseline: { mobile: [baseline, baseline] },
    bundle,
  });
  return {
    startedAt: new Date('2026-12-01T20:37:46.210Z'),
    machineBefore: {
      cpus: 2,
      cpuModel: 'Intel(R) Xeon(R) Processor',
      memoryGiB: '23.5',
      loadAverage: '4.2, 2.0, 0.9',
      node: 'v20.20.2',
      chromium: 'Chromium 156.0.8078.114',
      lighthouse: '12.2.3',
      next: '16.4.6',
      react: '19.3.1',
    },
    loadAfter: '8.9, 3.7, 1.6',
    options: { runs: 2, bench: false, build: true },
    runs,
    bundle,
    checks,
    errors: [],
    everyRunTarget: 90,
    ...over,
  };
}

describe('formatReport', () => {
  it('says a run with fewer runs or no benchmarks is not a full run, and lists what it missed', () => {
    const md = formatReport(data());
    expect(md).toContain('**Not a full run** (`--runs 2` instead of 5 mobile runs each; `--no-bench`');
    expect(md).toMatch(
      /\*\*\d+ target\(s\) missed in this run:\*\* Lighthouse mobile performance, median of 2;/,
    );
    expect(md).toContain(
      '| Lighthouse mobile performance, every run | ≥ 90 | worst 61 (98, 61) | **no, missed** |',
    );
    expect(md).toContain('Not run in this run (`--no-bench`');
  });

  it('puts the baseline beside every mobile figure with min, median and max and the ratio of the medians', () => {
    const md = formatReport(data());
    expect(md).toContain('| Performance score | 61 / **79.5** / 98 | 100 / **100** / 100 | 0.80× | −20.5 |');
    expect(md).toContain(
      '| Observed first contentful paint (unthrottled) | 150 ms / **150 ms** / 150 ms | 52 ms / **52 ms** / 52 ms | 2.88× | +98 ms |',
    );
  });

  it('marks a JWT Lens run below 90 in the table of runs, in the order they ran', () => {
    const md = formatReport(data());
    const rows = md.split('\n').filter((l) => /^\| \d+ \| (JWT Lens|Baseline) \|/.test(l));
    expect(rows.map((r) => r.split(' | ').slice(0, 4).join(' | '))).toEqual([
      '| 1 | JWT Lens | mobile | 98',
      '| 2 | Baseline | mobile | 100',
      '| 3 | JWT Lens | mobile | **61** (below 90)',
      '| 4 | Baseline | mobile | 100',
    ]);
  });

  it('prints the first-load difference from the baseline, and a missed aim as an aim, not a target', () => {
    const md = formatReport(data());
    expect(md).toContain('JWT Lens is +17.1 KiB gzip over the baseline (aim: ≤ +15.0 KiB).');
    expect(md).toContain('| First-load JS over the baseline (aim, not a target) |');
    expect(md).toContain('aim missed (not a target)');
  });

  it('reports a step that failed', () => {
    const md = formatReport(
      data({ errors: [{ step: 'Lighthouse baseline-mobile-2', message: 'Lighthouse exited with 1' }] }),
    );
    expect(md).toContain('## Errors\n\n- Lighthouse baseline-mobile-2: Lighthouse exited with 1');
  });
});
