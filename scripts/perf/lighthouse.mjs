// One Lighthouse 12 run for `npm run perf`, in its own Chromium, and the summary of its result (LHR).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from '../browser-path.mjs';
import { lighthouseFigures } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Runs the Lighthouse CLI against `url` and writes its JSON to `output`.
 * @param {string} url
 * @param {string} output
 * @param {'mobile' | 'desktop'} preset
 */
export function runLighthouse(url, output, preset) {
  const chrome = findChromium();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(root, 'node_modules/lighthouse/cli/index.js'),
        url,
        '--quiet',
        '--output=json',
        `--output-path=${output}`,
        '--only-categories=performance,accessibility,best-practices,seo',
        `--chrome-flags=--headless ${CHROMIUM_ARGS.join(' ')}`,
        ...(preset === 'desktop' ? ['--preset=desktop'] : []),
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, ...(chrome ? { CHROME_PATH: chrome.path } : {}) },
      },
    );
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0 && existsSync(output)) resolve(undefined);
      else reject(new Error(`Lighthouse exited with ${code ?? signal}`));
    });
  });
}

/**
 * The figures of a saved run, the audits below full score, and what went wrong.
 * @param {string} file
 * @param {{ name: string, page: string, preset: string, loadAverage?: string }} meta
 */
export function readRun(file, meta) {
  const lhr = JSON.parse(readFileSync(file, 'utf8'));
  const failed = [];
  for (const id of ['accessibility', 'best-practices', 'seo', 'performance']) {
    for (const ref of lhr.categories?.[id]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (!a || a.score === null || a.score >= 1 || ref.weight === 0) continue;
      if (a.scoreDisplayMode === 'informative' || a.scoreDisplayMode === 'notApplicable') continue;
      failed.push({ category: id, id: ref.id, title: a.title, displayValue: a.displayValue ?? '' });
    }
  }
  return {
    ...meta,
    ...lighthouseFigures(lhr),
    failed,
    runtimeError: lhr.runtimeError?.message,
    warnings: lhr.runWarnings ?? [],
  };
}

/** The 1, 5 and 15 minute load averages, e.g. "1.2, 1.9, 3.5". */
export function loadAverage() {
  return os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ');
}
