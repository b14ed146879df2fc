#!/usr/bin/env node
// `npm run perf`: builds JWT Lens and a baseline page (perf/baseline/: bare Next, same Next and React, one
// client textarea), serves both with gzip, runs Lighthouse 12.2.3 mobile N times each, interleaved (JWT
// Lens, baseline, JWT Lens, …) so that both see the same machine load, then desktop once each; then the
// paste-to-render timings (e2e/perf.spec.ts), the bundle report and the library benchmarks. Writes
// perf/REPORT.md with the spread of the runs and the baseline beside every figure, and exits 1 when any
// target is missed. One run on a shared machine proves little: the targets are on medians against the
// baseline of the same run, and on every run.
//
// Usage: node scripts/perf.mjs [--runs N] [--no-build] [--no-bench] [--report-only]
//   --runs N        mobile Lighthouse runs per page (default 5); `--runs 1 --no-bench` is a smoke test
//   --no-build      measure the builds already in out/ and perf/baseline/out/
//   --no-bench      skip the library benchmarks
//   --report-only   rebuild the report from the raw results of the last run, without measuring
// perf/REPORT.md is written only by a full run (5 runs, benchmarks, fresh builds): it carries the figures
// of the latest full run and nothing else. Any other run writes perf/REPORT.partial.md (ignored by git).
// Raw results stay beside the report, ignored by git: perf/lighthouse-*.json, perf/paste.json,
// perf/bench.json and perf/run.json (which runs there were, the machine, its load and the bundles).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleReport } from './bundle-report.mjs';
import { findChromium } from './browser-path.mjs';
import { BASELINE_OUT, buildBaseline } from './perf/baseline.mjs';
import { loadAverage, readRun, runLighthouse } from './perf/lighthouse.mjs';
import { formatReport } from './perf/report.mjs';
import { serveCompressed } from './perf/site.mjs';
import { TARGETS, evaluateTargets, missedTargets } from './perf/stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const perfDir = path.join(root, 'perf');

function log(line) {
  process.stderr.write(`perf: ${line}\n`);
}

/** @returns {{ runs: number, build: boolean, bench: boolean, reportOnly: boolean }} */
function parseArgs(argv) {
  const options = { runs: 5, build: true, bench: true, reportOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--no-bench') options.bench = false;
    else if (arg === '--report-only') options.reportOnly = true;
    else if (arg === '--runs' || arg.startsWith('--runs=')) {
      const value = arg === '--runs' ? argv[++i] : arg.slice('--runs='.length);
      const runs = Number(value);
      if (!Number.isInteger(runs) || runs < 1 || runs > 50) {
        throw new Error(`--runs takes a whole number from 1 to 50 (got ${value ?? 'nothing'}).`);
      }
      options.runs = runs;
    } else {
      throw new Error(`unknown option ${arg}: use --runs N, --no-build, --no-bench or --report-only.`);
    }
  }
  return options;
}

function run(command, commandArgs, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const versionOf = (pkg) =>
  JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

function machine() {
  let chromium = 'not found';
  const chrome = findChromium();
  if (chrome) {
    try {
      chromium = execFileSync(chrome.path, ['--version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      chromium = chrome.path;
    }
  }
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: (os.totalmem() / 1024 ** 3).toFixed(1),
    loadAverage: loadAverage(),
    node: process.version,
    chromium,
    lighthouse: versionOf('lighthouse'),
    next: versionOf('next'),
    react: versionOf('react'),
  };
}

/** Targets, with every step that failed as a missed target of its own. */
function evaluate({ options, runs, bundle, paste, bench, errors }) {
  const pick = (page, preset) => runs.filter((r) => r.page === page && r.preset === preset);
  const checks = evaluateTargets({
    runsRequested: options.runs,
    lens: { mobile: pick('JWT Lens', 'mobile'), desktop: pick('JWT Lens', 'desktop')[0] },
    baseline: { mobile: pick('Baseline', 'mobile'), desktop: pick('Baseline', 'desktop')[0] },
    bundle,
    paste,
    bench,
  });
  for (const e of errors)
    checks.push({ name: e.step, goal: 'runs', measured: `failed: ${e.message}`, met: false });
  return checks;
}

const isFullRun = (options) => options.runs === 5 && options.bench && options.build;

function write(data) {
  const checks = evaluate(data);
  const markdown = formatReport({ ...data, checks, everyRunTarget: TARGETS.mobileEveryRun });
  const file = isFullRun(data.options) ? 'REPORT.md' : 'REPORT.partial.md';
  writeFileSync(path.join(perfDir, file), markdown);
  console.log(markdown);
  log(
    `wrote perf/${file}${file === 'REPORT.md' ? '' : ' (not a full run, so perf/REPORT.md is left as it was)'}`,
  );
  const missed = missedTargets(checks);
  if (missed.length > 0) {
    console.error(`\n${missed.length} target(s) missed: ${missed.map((c) => c.name).join('; ')}`);
    process.exitCode = 1;
  } else {
    console.error('\nEvery target met.');
  }
}

function reportOnly() {
  // Rebuild perf/REPORT.md from the raw results of the last run, without measuring again: the machine, its
  // load, the start time and the bundles as they were during that run, not as they are now.
  const read = (name) => JSON.parse(readFileSync(path.join(perfDir, name), 'utf8'));
  const saved = read('run.json');
  if (!Array.isArray(saved.runs)) {
    throw new Error('perf/run.json is from an older scripts/perf.mjs: run `npm run perf` again.');
  }
  const errors = [...(saved.errors ?? [])];
  const runs = saved.runs.map((r) => readRun(path.join(perfDir, r.file), r));
  const optional = (name) => (existsSync(path.join(perfDir, name)) ? read(name) : undefined);
  write({
    startedAt: new Date(saved.startedAt),
    machineBefore: saved.machineBefore,
    loadAfter: saved.loadAfter,
    options: saved.options,
    runs,
    bundle: saved.bundle,
    paste: saved.paste ? optional('paste.json') : undefined,
    bench: saved.options.bench && saved.bench ? optional('bench.json') : undefined,
    errors,
  });
}

async function measure(options) {
  const errors = [];
  const attempt = async (step, fn) => {
    try {
      return await fn();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      log(`${step} failed: ${message}`);
      errors.push({ step, message });
      return undefined;
    }
  };
  // Only this run's results may end up in the report.
  for (const f of readdirSync(perfDir)) {
    if (/^(lighthouse-.*|paste|run)\.json$/.test(f)) rmSync(path.join(perfDir, f));
  }

  const startedAt = new Date();
  const machineBefore = machine();
  if (options.build) {
    log('building JWT Lens …');
    if ((await run('npm', ['run', 'build'])) !== 0) throw new Error('npm run build failed');
  }
  if (options.build || !existsSync(path.join(BASELINE_OUT, 'index.html'))) {
    log('building the baseline (perf/baseline) …');
    if ((await buildBaseline()) !== 0) throw new Error('next build perf/baseline failed');
  }
  const bundle = {
    lens: await attempt('bundle report (JWT Lens)', () => bundleReport(path.join(root, 'out'))),
    baseline: await attempt('bundle report (baseline)', () => bundleReport(BASELINE_OUT)),
  };

  const lens = await serveCompressed(path.join(root, 'out'));
  let baseline;
  const runs = [];
  let paste;
  try {
    baseline = await serveCompressed(BASELINE_OUT);
    log(
      `serving out/ at ${lens.url} (pid ${lens.pid}), perf/baseline/out at ${baseline.url} (pid ${baseline.pid}), gzip`,
    );
    const pages = [
      { page: 'JWT Lens', slug: 'lens', url: lens.url },
      { page: 'Baseline', slug: 'baseline', url: baseline.url },
    ];
    const lighthouse = async (p, preset, name) => {
      const meta = {
        name,
        page: p.page,
        preset,
        file: `lighthouse-${name}.json`,
        loadAverage: loadAverage(),
      };
      log(`Lighthouse ${name} (load average ${meta.loadAverage}) …`);
      const r = await attempt(`Lighthouse ${name}`, async () => {
        await runLighthouse(p.url, path.join(perfDir, meta.file), preset);
        return readRun(path.join(perfDir, meta.file), meta);
      });
      if (r) runs.push(r);
    };
    for (let i = 1; i <= options.runs; i++) {
      for (const p of pages) await lighthouse(p, 'mobile', `${p.slug}-mobile-${i}`);
    }
    for (const p of pages) await lighthouse(p, 'desktop', `${p.slug}-desktop`);

    log('paste to render …');
    const pasteOut = path.join(perfDir, 'paste.json');
    paste = await attempt('paste to render', async () => {
      const code = await run(
        process.execPath,
        [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', '-c', 'playwright.perf.config.ts'],
        { env: { ...process.env, PERF_BASE_URL: lens.url, PERF_PASTE_OUT: pasteOut } },
      );
      if (code !== 0 || !existsSync(pasteOut))
        throw new Error(`the Playwright perf spec failed (exit code ${code})`);
      return JSON.parse(readFileSync(pasteOut, 'utf8'));
    });
  } finally {
    lens.stop();
    baseline?.stop();
    log(`stopped the servers (process groups ${[lens.pid, baseline?.pid].filter(Boolean).join(', ')})`);
  }

  let bench;
  if (options.bench) {
    log('library benchmarks …');
    const benchOut = path.join(perfDir, 'bench.json');
    rmSync(benchOut, { force: true });
    bench = await attempt('library benchmarks', async () => {
      const code = await run(
        process.execPath,
        ['--expose-gc', path.join(root, 'scripts/bench.mjs'), '--json', benchOut],
        { stdio: ['ignore', 'ignore', 'inherit'] },
      );
      if (code !== 0 || !existsSync(benchOut))
        throw new Error(`scripts/bench.mjs failed (exit code ${code})`);
      return JSON.parse(readFileSync(benchOut, 'utf8'));
    });
  }

  const loadAfter = loadAverage();
  writeFileSync(
    path.join(perfDir, 'run.json'),
    JSON.stringify(
      {
        startedAt,
        machineBefore,
        loadAfter,
        options,
        runs: runs.map(({ name, page, preset, file, loadAverage: load }) => ({
          name,
          page,
          preset,
          file,
          loadAverage: load,
        })),
        bundle,
        paste: Boolean(paste),
        bench: Boolean(bench),
        errors,
      },
      null,
      2,
    ),
  );
  write({ startedAt, machineBefore, loadAfter, options, runs, bundle, paste, bench, errors });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(perfDir, { recursive: true });
  if (options.reportOnly) reportOnly();
  else await measure(options);
}

main().catch((err) => {
  console.error(`perf: ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
});
