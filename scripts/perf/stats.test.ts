import { describe, expect, it } from 'vitest';
import {
  evaluateTargets,
  lighthouseFigures,
  median,
  missedTargets,
  ratio,
  scoreOf,
  spread,
  type LighthouseFigures,
  type TargetInput,
} from './stats.mjs';

/** A mobile run's figures, as lighthouseFigures returns them. */
const run = (over: Partial<LighthouseFigures> = {}): LighthouseFigures => ({
  performance: 97,
  accessibility: 100,
  bestPractices: 100,
  seo: 100,
  fcpMs: 800,
  lcpMs: 1000,
  tbtMs: 120,
  siMs: 800,
  cls: 0,
  observedFcpMs: 200,
  transferred: 180_000,
  ...over,
});

/** Five interleaved pairs in which every target is met, the shape scripts/perf.mjs passes in. */
const passing = (): TargetInput => ({
  runsRequested: 5,
  lens: { mobile: [run(), run(), run(), run(), run()], desktop: run({ performance: 100 }) },
  baseline: {
    mobile: [1, 2, 3, 4, 5].map(() => run({ performance: 98, tbtMs: 100, lcpMs: 900, observedFcpMs: 150 })),
    desktop: run({ performance: 100 }),
  },
  bundle: { lens: { totalGzip: 145 * 1024 }, baseline: { totalGzip: 132 * 1024 } },
  paste: [
    { name: 'ID token', how: 'insertText', runs: 15, medianDomMs: 8, targetMs: 30 },
    { name: '1 MB payload', how: 'paste event', runs: 7, medianDomMs: 60, targetMs: 250 },
    { name: '1 MB payload', how: 'value and input event', runs: 7, medianDomMs: 90, targetMs: 250 },
  ],
  bench: { goals: [{ name: 'decode', target: '≥ 1.00×', measured: '2.2×', met: true }] },
});

const byName = (input: TargetInput, start: string) => {
  const found = evaluateTargets(input).find((c) => c.name.startsWith(start));
  if (!found) throw new Error(`no check named ${start}…`);
  return found;
};

describe('median and spread', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(median([82, 61, 79, 81, 77])).toBe(79);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });

  it('gives min, median and max of the runs that have the figure, and nothing when none has it', () => {
    expect(spread([88, 88, 83, 82, 81])).toEqual({ min: 81, median: 83, max: 88, runs: 5 });
    expect(spread([120, undefined, 180])).toEqual({ min: 120, median: 150, max: 180, runs: 2 });
    expect(spread([undefined, Number.NaN])).toBeUndefined();
  });

  it('divides only by a figure that exists and is not zero', () => {
    expect(ratio(416, 208)).toBe(2);
    expect(ratio(10, 0)).toBeUndefined();
    expect(ratio(undefined, 3)).toBeUndefined();
  });
});

describe('lighthouseFigures', () => {
  it('reads scores as Lighthouse rounds them, the metric values and the observed first paint', () => {
    const lhr = {
      categories: {
        performance: { score: 0.965 },
        accessibility: { score: 1 },
        'best-practices': { score: 1 },
        seo: { score: null },
      },
      audits: {
        'first-contentful-paint': { numericValue: 812.4 },
        'largest-contentful-paint': { numericValue: 2750.9 },
        'total-blocking-time': { numericValue: 485 },
        'speed-index': { numericValue: 2200 },
        'cumulative-layout-shift': { numericValue: 0.005 },
        'total-byte-weight': { numericValue: 191_488 },
        metrics: { details: { items: [{ observedFirstContentfulPaint: 1240 }] } },
      },
    };
    expect(lighthouseFigures(lhr)).toEqual({
      performance: 97,
      accessibility: 100,
      bestPractices: 100,
      seo: 0,
      fcpMs: 812.4,
      lcpMs: 2750.9,
      tbtMs: 485,
      siMs: 2200,
      cls: 0.005,
      observedFcpMs: 1240,
      transferred: 191_488,
    });
  });

  it('leaves out what a failed run did not measure instead of inventing zeros', () => {
    const figures = lighthouseFigures({ categories: {}, audits: {} });
    expect(figures.performance).toBe(0);
    expect(figures.lcpMs).toBeUndefined();
    expect(figures.observedFcpMs).toBeUndefined();
  });

  it('rounds like Lighthouse', () => {
    expect(scoreOf(0.945)).toBe(95);
    expect(scoreOf(undefined)).toBe(0);
  });
});

describe('evaluateTargets', () => {
  it('meets every target and the aim when the figures are inside them', () => {
    const checks = evaluateTargets(passing());
    expect(missedTargets(checks)).toEqual([]);
    expect(checks.every((c) => c.met)).toBe(true);
    expect(checks.filter((c) => c.name.startsWith('Paste to render'))).toHaveLength(3);
  });

  it('misses "every run ≥ 90" for one bad run even when the median is 95 or more', () => {
    const input = passing();
    input.lens.mobile[2] = run({ performance: 61 });
    expect(byName(input, 'Lighthouse mobile performance, median').met).toBe(true);
    const every = byName(input, 'Lighthouse mobile performance, every run');
    expect(every.met).toBe(false);
    expect(every.measured).toBe('worst 61 (97, 97, 61, 97, 97)');
  });

  it('misses the median target at 94', () => {
    const input = passing();
    input.lens.mobile = [94, 94, 94, 99, 99].map((performance) => run({ performance }));
    expect(byName(input, 'Lighthouse mobile performance, median').met).toBe(false);
  });

  it('counts a run that did not complete as a miss', () => {
    const input = passing();
    input.lens.mobile = input.lens.mobile.slice(0, 4);
    const check = byName(input, 'Lighthouse mobile performance, median');
    expect(check.met).toBe(false);
    expect(check.measured).toContain('only 4 of 5 runs completed');
  });

  it('meets TBT at ≤ 150 ms, or above that within 1.3× the baseline, and misses beyond both', () => {
    const input = passing();
    input.lens.mobile = input.lens.mobile.map(() => run({ tbtMs: 150 }));
    expect(byName(input, 'Total Blocking Time').met).toBe(true);
    input.baseline.mobile = input.baseline.mobile.map(() => run({ tbtMs: 200 }));
    input.lens.mobile = input.lens.mobile.map(() => run({ tbtMs: 260 }));
    expect(byName(input, 'Total Blocking Time').met).toBe(true);
    input.lens.mobile = input.lens.mobile.map(() => run({ tbtMs: 270 }));
    const missed = byName(input, 'Total Blocking Time');
    expect(missed.met).toBe(false);
    expect(missed.measured).toContain('1.35×');
  });

  it('misses LCP above 1.3× the baseline median, as measured before the first-load rework (2.75 s against 0.9 s)', () => {
    const input = passing();
    input.lens.mobile = input.lens.mobile.map(() => run({ lcpMs: 2750 }));
    input.baseline.mobile = input.baseline.mobile.map(() => run({ lcpMs: 900 }));
    expect(byName(input, 'Largest Contentful Paint').met).toBe(false);
    input.lens.mobile = input.lens.mobile.map(() => run({ lcpMs: 1170 }));
    expect(byName(input, 'Largest Contentful Paint').met).toBe(true);
  });

  it('allows the observed first paint 100 ms behind the baseline and no more', () => {
    const input = passing();
    input.baseline.mobile = input.baseline.mobile.map(() => run({ observedFcpMs: 180 }));
    input.lens.mobile = input.lens.mobile.map(() => run({ observedFcpMs: 280 }));
    expect(byName(input, 'Observed first contentful paint').met).toBe(true);
    input.lens.mobile = input.lens.mobile.map(() => run({ observedFcpMs: 1240 }));
    const missed = byName(input, 'Observed first contentful paint');
    expect(missed.met).toBe(false);
    expect(missed.measured).toContain('+1060 ms');
  });

  it('misses a target whose figure was not measured', () => {
    const input = passing();
    input.baseline.mobile = [];
    expect(byName(input, 'Largest Contentful Paint').met).toBe(false);
    expect(byName(input, 'Observed first contentful paint').measured).toBe('not measured');
    delete input.lens.desktop;
    expect(byName(input, 'Lighthouse desktop performance').met).toBe(false);
    delete input.paste;
    expect(byName(input, 'Paste to render').met).toBe(false);
  });

  it('holds the budget and reports the distance from the baseline, whose miss does not fail the run', () => {
    const input = passing();
    input.bundle = { lens: { totalGzip: 149.1 * 1024 }, baseline: { totalGzip: 132 * 1024 } };
    const checks = evaluateTargets(input);
    const budget = checks.find((c) => c.name === 'First-load JS (gzip, level 9)');
    const aim = checks.find((c) => c.name.startsWith('First-load JS over the baseline'));
    expect(budget?.met).toBe(true);
    expect(aim).toMatchObject({ met: false, aim: true, measured: '+17.1 KiB (149.1 KiB against 132.0 KiB)' });
    expect(missedTargets(checks)).toEqual([]);
    input.bundle.lens = { totalGzip: 150 * 1024 + 1 };
    expect(missedTargets(evaluateTargets(input)).map((c) => c.name)).toContain(
      'First-load JS (gzip, level 9)',
    );
  });

  it('checks accessibility, best practices and SEO on the worst run, desktop included', () => {
    const input = passing();
    input.lens.desktop = run({ performance: 100, bestPractices: 96 });
    expect(byName(input, 'Lighthouse best practices').met).toBe(false);
    expect(byName(input, 'Lighthouse accessibility').met).toBe(true);
  });

  it('misses each paste path on its own and skips informational library goals', () => {
    const input = passing();
    input.paste![2]!.medianDomMs = 251;
    input.bench!.goals!.push({
      name: 'for comparison',
      target: '—',
      measured: '0.6×',
      met: false,
      informational: true,
    });
    expect(missedTargets(evaluateTargets(input)).map((c) => c.name)).toEqual([
      'Paste to render, 1 MB payload, value and input event (median of 7)',
    ]);
  });
});
