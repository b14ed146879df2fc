import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRun } from './lighthouse.mjs';

// Trimmed from a real Lighthouse 12.2.3 mobile run of `npm run perf` (scores, audit values, the metrics
// audit's first item): JWT Lens and the baseline page, served locally with gzip.
const fixture = (name: string) => path.join(__dirname, '../fixtures/perf', name);

describe('readRun', () => {
  it('reads the figures of a real mobile run, the observed first paint included', () => {
    const r = readRun(fixture('lighthouse-lens-mobile.json'), {
      name: 'lens-mobile-1',
      page: 'JWT Lens',
      preset: 'mobile',
      loadAverage: '4.2, 2.0, 0.9',
    });
    expect(r).toMatchObject({
      name: 'lens-mobile-1',
      page: 'JWT Lens',
      loadAverage: '4.2, 2.0, 0.9',
      performance: 98,
      accessibility: 100,
      bestPractices: 100,
      seo: 100,
      observedFcpMs: 150,
      cls: 0,
      warnings: [],
    });
    expect(r.tbtMs).toBeCloseTo(121, 0);
    expect(r.lcpMs).toBeCloseTo(2135, 0);
    expect(r.runtimeError).toBeUndefined();
    // The two metrics below full score are listed, with Lighthouse's own display values (which it writes
    // with a no-break space before the unit).
    expect(r.failed.map((f) => `${f.id} ${f.displayValue.replace(/\u00a0/g, ' ')}`)).toEqual([
      'largest-contentful-paint 2.1 s',
      'total-blocking-time 120 ms',
    ]);
  });

  it('names the best-practices audit that kept the baseline below 100', () => {
    const r = readRun(fixture('lighthouse-baseline-mobile.json'), {
      name: 'baseline-mobile-1',
      page: 'Baseline',
      preset: 'mobile',
    });
    expect(r.bestPractices).toBe(96);
    expect(r.observedFcpMs).toBe(52);
    expect(r.failed.filter((f) => f.category === 'best-practices').map((f) => f.id)).toEqual([
      'errors-in-console',
    ]);
  });
});
