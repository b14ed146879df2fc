// Pure figures for `npm run perf`: spreads of repeated Lighthouse runs, ratios against the baseline page,
// and the evaluation of every target. No I/O here, so scripts/perf/stats.test.ts can check each rule.

/** Lighthouse's own rounding of a category score (0–1) to the 0–100 figure it shows. */
export const scoreOf = (score) => Math.round((score ?? 0) * 100);

/**
 * The middle value; for an even count the mean of the two middle values.
 * @param {number[]} values
 */
export function median(values) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Min, median and max of the values that were measured (undefined entries are runs that lacked the figure).
 * @param {(number | undefined)[]} values
 */
export function spread(values) {
  const measured = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  if (measured.length === 0) return undefined;
  return {
    min: Math.min(...measured),
    median: median(measured),
    max: Math.max(...measured),
    runs: measured.length,
  };
}

/** a ÷ b, or undefined when either is missing or b is 0 (a ratio to nothing says nothing). */
export function ratio(a, b) {
  if (typeof a !== 'number' || typeof b !== 'number' || b === 0) return undefined;
  return a / b;
}

/** The figures of one Lighthouse result (LHR) that the report and the targets use. */
export function lighthouseFigures(lhr) {
  const numeric = (id) => {
    const v = lhr.audits?.[id]?.numericValue;
    return typeof v === 'number' ? v : undefined;
  };
  // The unthrottled pass as it happened (not Lighthouse's simulation): does the first paint wait for script?
  const observed = lhr.audits?.metrics?.details?.items?.[0]?.observedFirstContentfulPaint;
  return {
    performance: scoreOf(lhr.categories?.performance?.score),
    accessibility: scoreOf(lhr.categories?.accessibility?.score),
    bestPractices: scoreOf(lhr.categories?.['best-practices']?.score),
    seo: scoreOf(lhr.categories?.seo?.score),
    fcpMs: numeric('first-contentful-paint'),
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    siMs: numeric('speed-index'),
    cls: numeric('cumulative-layout-shift'),
    observedFcpMs: typeof observed === 'number' ? observed : undefined,
    transferred: numeric('total-byte-weight'),
  };
}

/** The targets the report checks. Ratios compare medians of the same run's interleaved Lighthouse passes. */
export const TARGETS = {
  mobileMedian: 95,
  mobileEveryRun: 90,
  tbtMedianMs: 150,
  tbtRatio: 1.3,
  lcpRatio: 1.3,
  observedFcpDeltaMs: 100,
  firstLoadGzip: 150 * 1024,
  /** Not a target: the report says whether it holds, and a miss does not fail the run. */
  firstLoadOverBaselineAim: 15 * 1024,
  desktop: 100,
  accessibility: 100,
  bestPractices: 100,
  seo: 100,
};

const ms = (v) => (v === undefined ? '—' : `${Math.round(v)} ms`);
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const signedKib = (bytes) => `${bytes >= 0 ? '+' : '−'}${kib(Math.abs(bytes))}`;
const times = (r) => (r === undefined ? '—' : `${r.toFixed(2)}×`);
const list = (values, format = String) => values.map((v) => (v === undefined ? '—' : format(v))).join(', ');

/**
 * Every target, met or missed. A figure that is missing (a run failed, a step was skipped) is a miss.
 * @param {{
 *   runsRequested: number,
 *   lens: { mobile: object[], desktop?: object },
 *   baseline: { mobile: object[], desktop?: object },
 *   bundle?: { lens?: { totalGzip: number }, baseline?: { totalGzip: number } },
 *   paste?: { name: string, how?: string, runs: number, medianDomMs: number, targetMs: number }[],
 *   bench?: { goals?: { name: string, target: string, measured: string, met: boolean, informational?: boolean }[] },
 * }} input
 * @returns {{ name: string, goal: string, measured: string, met: boolean, aim?: boolean }[]}
 */
export function evaluateTargets({ runsRequested, lens, baseline, bundle, paste, bench }) {
  const checks = [];
  const check = (name, goal, measured, met, aim = false) =>
    checks.push({ name, goal, measured, met: Boolean(met), ...(aim ? { aim: true } : {}) });
  const n = runsRequested;
  const lensOf = (key) => lens.mobile.map((r) => r[key]);
  const baseOf = (key) => baseline.mobile.map((r) => r[key]);

  const scores = lensOf('performance');
  const score = spread(scores);
  const complete = lens.mobile.length === n;
  const incomplete = complete ? '' : ` — only ${lens.mobile.length} of ${n} runs completed`;
  check(
    `Lighthouse mobile performance, median of ${n}`,
    `≥ ${TARGETS.mobileMedian}`,
    score ? `${score.median} (${list(scores)})${incomplete}` : 'not measured',
    complete && score && score.median >= TARGETS.mobileMedian,
  );
  check(
    'Lighthouse mobile performance, every run',
    `≥ ${TARGETS.mobileEveryRun}`,
    score ? `worst ${score.min} (${list(scores)})${incomplete}` : 'not measured',
    complete && score && score.min >= TARGETS.mobileEveryRun,
  );

  const tbt = spread(lensOf('tbtMs'));
  const baseTbt = spread(baseOf('tbtMs'));
  const tbtRatio = ratio(tbt?.median, baseTbt?.median);
  check(
    'Total Blocking Time (mobile), median',
    `≤ ${TARGETS.tbtMedianMs} ms, or ≤ ${TARGETS.tbtRatio}× the baseline's median`,
    tbt
      ? `${ms(tbt.median)} (${list(lensOf('tbtMs'), ms)}); baseline ${ms(baseTbt?.median)}; ${times(tbtRatio)}`
      : 'not measured',
    tbt &&
      (tbt.median <= TARGETS.tbtMedianMs ||
        (baseTbt !== undefined && tbt.median <= TARGETS.tbtRatio * baseTbt.median)),
  );

  const lcp = spread(lensOf('lcpMs'));
  const baseLcp = spread(baseOf('lcpMs'));
  const lcpRatio = ratio(lcp?.median, baseLcp?.median);
  check(
    'Largest Contentful Paint (mobile), median',
    `≤ ${TARGETS.lcpRatio}× the baseline's median`,
    lcp && baseLcp
      ? `${ms(lcp.median)} (${list(lensOf('lcpMs'), ms)}); baseline ${ms(baseLcp.median)}; ${times(lcpRatio)}`
      : 'not measured',
    lcp && baseLcp && lcp.median <= TARGETS.lcpRatio * baseLcp.median,
  );

  const ofcp = spread(lensOf('observedFcpMs'));
  const baseOfcp = spread(baseOf('observedFcpMs'));
  const delta = ofcp && baseOfcp ? ofcp.median - baseOfcp.median : undefined;
  check(
    'Observed first contentful paint (mobile, unthrottled pass), median',
    `≤ the baseline's median + ${TARGETS.observedFcpDeltaMs} ms`,
    delta !== undefined
      ? `${ms(ofcp.median)} (${list(lensOf('observedFcpMs'), ms)}); baseline ${ms(baseOfcp.median)}; ${delta >= 0 ? '+' : '−'}${Math.round(Math.abs(delta))} ms`
      : 'not measured',
    delta !== undefined && delta <= TARGETS.observedFcpDeltaMs,
  );

  check(
    'Lighthouse desktop performance',
    `${TARGETS.desktop}`,
    lens.desktop ? `${lens.desktop.performance}` : 'not measured',
    lens.desktop && lens.desktop.performance >= TARGETS.desktop,
  );
  const lensRuns = [...lens.mobile, ...(lens.desktop ? [lens.desktop] : [])];
  for (const [label, key] of [
    ['accessibility', 'accessibility'],
    ['best practices', 'bestPractices'],
    ['SEO', 'seo'],
  ]) {
    const worst = lensRuns.length ? Math.min(...lensRuns.map((r) => r[key])) : undefined;
    check(
      `Lighthouse ${label}, worst run`,
      `${TARGETS[key]}`,
      worst === undefined ? 'not measured' : `${worst}`,
      worst !== undefined && worst >= TARGETS[key],
    );
  }

  const ours = bundle?.lens?.totalGzip;
  const floor = bundle?.baseline?.totalGzip;
  check(
    'First-load JS (gzip, level 9)',
    `≤ ${kib(TARGETS.firstLoadGzip)}`,
    ours === undefined ? 'not measured' : kib(ours),
    ours !== undefined && ours <= TARGETS.firstLoadGzip,
  );
  check(
    'First-load JS over the baseline (aim, not a target)',
    `≤ ${signedKib(TARGETS.firstLoadOverBaselineAim)}`,
    ours !== undefined && floor !== undefined
      ? `${signedKib(ours - floor)} (${kib(ours)} against ${kib(floor)})`
      : 'not measured',
    ours !== undefined && floor !== undefined && ours - floor <= TARGETS.firstLoadOverBaselineAim,
    true,
  );

  if (!paste?.length) check('Paste to render', 'measured', 'not measured', false);
  for (const p of paste ?? []) {
    check(
      `Paste to render, ${p.name}${p.how ? `, ${p.how}` : ''} (median of ${p.runs})`,
      `≤ ${p.targetMs} ms`,
      `${p.medianDomMs.toFixed(1)} ms`,
      p.medianDomMs <= p.targetMs,
    );
  }
  for (const g of bench?.goals ?? []) {
    if (!g.informational) check(`Library: ${g.name}`, g.target, g.measured, g.met);
  }
  return checks;
}

/** The checks that fail the run: every missed target, but not a missed aim. */
export const missedTargets = (checks) => checks.filter((c) => !c.met && !c.aim);
