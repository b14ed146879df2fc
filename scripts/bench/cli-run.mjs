// The CLI figures of `npm run bench`, measured on the built bundle as a user runs it:
// - decode, verify and check of one token, wall time per process including Node's start-up, with
//   Node's start-up alone (`node -e ""`) beside them; goal ≤ 150 ms each;
// - `jwt-lens scan` over a generated ~200 MB tree of access logs, JSON logs and HAR files against
//   `rg -o` with a naive JWT pattern over the same tree in the same run; goal ≥ 0.3× ripgrep's
//   throughput, although ripgrep validates, decodes and locates nothing.
// Rounds interleave the cases, so a burst of load from another process hits all of them alike; each
// figure is the median round, with the fastest and slowest round beside it.
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { SignJWT, exportSPKI, generateKeyPair } from 'jose';
import { buildCli, cliBundleIsStale, CLI_BUNDLE } from '../build-cli.mjs';
import { writeScanTree } from './cli-tree.mjs';

export const CALL_BUDGET_MS = 150;
export const SCAN_MIN_RATIO = 0.3;
export const RG = '/usr/bin/rg';
/** The naive pattern a grep-based secret scanner uses: three base64url runs, the first starting "eyJ". */
export const NAIVE_JWT_PATTERN = 'eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*';

/**
 * `node -e` with the tree's path: walks it and reads every file into one reused 4 MB buffer, as the
 * scan reads its text files, and does nothing else. Node's start-up plus the reading is the floor
 * under any scanner written for Node, which the scan's time is best read against.
 */
const READ_TREE_ONLY = `
const { openSync, readSync, closeSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const buffer = Buffer.allocUnsafe(4 * 1024 * 1024);
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.isFile()) {
      const fd = openSync(path, 'r');
      while (readSync(fd, buffer, 0, buffer.length, null) > 0);
      closeSync(fd);
    }
  }
};
walk(process.argv[1]);`;

/** `copies` folders under `target`, each holding a hard link to every file of `source`. */
function linkTree(source, target, copies) {
  const files = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(source, path));
    }
  };
  walk(source);
  for (let copy = 0; copy < copies; copy++) {
    for (const file of files) {
      const link = join(target, `copy-${copy}`, file);
      mkdirSync(dirname(link), { recursive: true });
      linkSync(join(source, file), link);
    }
  }
}

/** `jwt-lens scan` over `path` as every round runs it, and `rg -o` with the naive pattern. */
const scanArgs = (path) => [CLI_BUNDLE, 'scan', path, '--format', 'json', '--fail-on', 'any'];
const rgArgs = (path) => ['-o', '--no-filename', '--no-line-number', NAIVE_JWT_PATTERN, path];

/** One timed scan of `path`, which must find tokens (exit 1): a failed run is no figure. */
function timedScan(path) {
  const scan = wallMs(process.execPath, scanArgs(path));
  if (scan.status !== 1)
    throw new Error(`scan exited ${scan.status} (expected 1, tokens found): ${scan.stderr}`);
  return scan;
}

/** A median with its range, as every figure here is given: "383 ms (362–407)". */
const spread = (s, unit = ' ms', digits = 0) =>
  `${s.median.toFixed(digits)}${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

function wallMs(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  return { ms, status: result.status, stderr: String(result.stderr ?? '') };
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)],
    min: sorted[0],
    max: sorted.at(-1),
    runs: sorted.length,
  };
}

async function callFixtures(dir) {
  const now = Math.floor(Date.now() / 1000);
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const token = await new SignJWT({ sub: 'alice', scope: 'orders:read' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer('https://id.example.com/')
    .setAudience('orders-api')
    .setIssuedAt(now - 60)
    .setExpirationTime(now + 3600)
    .sign(privateKey);
  const key = join(dir, 'public.pem');
  writeFileSync(key, await exportSPKI(publicKey));
  const policy = join(dir, 'orders.json');
  writeFileSync(
    policy,
    JSON.stringify({
      version: 1,
      name: 'orders-service',
      issuer: 'https://id.example.com/',
      audience: 'orders-api',
      algorithms: ['RS256'],
      requiredClaims: ['sub', 'exp'],
      scopes: { claim: 'scope', all: ['orders:read'], any: [] },
    }),
  );
  return { token, key, policy };
}

export async function runCliBenchmarks(log = () => {}, { rounds = 11, scanRounds = 5, calls = true } = {}) {
  if (cliBundleIsStale()) {
    log('building the CLI …');
    await buildCli();
  }
  const dir = mkdtempSync(join(tmpdir(), 'jwt-lens-cli-bench-'));
  const goals = [];
  const rows = [];
  const notes = [];
  try {
    const { token, key, policy } = await callFixtures(dir);
    const cases = {
      'node start-up alone (node -e "")': [process.execPath, ['-e', '']],
      'jwt-lens decode TOKEN': [process.execPath, [CLI_BUNDLE, 'decode', token]],
      'jwt-lens verify TOKEN --key FILE': [process.execPath, [CLI_BUNDLE, 'verify', token, '--key', key]],
      'jwt-lens check TOKEN --policy FILE --key FILE': [
        process.execPath,
        [CLI_BUNDLE, 'check', token, '--policy', policy, '--key', key],
      ],
    };
    if (!calls)
      rounds = -1; // scan figures only (node scripts/bench/cli-run.mjs --scan-only)
    else log(`decode, verify, check: ${rounds} rounds …`);
    const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
    for (let round = 0; round < rounds + 1; round++) {
      for (const [name, [command, args]] of Object.entries(cases)) {
        const run = wallMs(command, args);
        if (run.status !== 0) throw new Error(`${name} exited ${run.status}: ${run.stderr}`);
        if (round > 0) times[name].push(run.ms); // round 0 warms the file cache
      }
    }
    const startup = calls ? stats(times['node start-up alone (node -e "")']) : undefined;
    for (const [name, values] of calls ? Object.entries(times) : []) {
      const s = stats(values);
      rows.push({ case: name, ...s });
      if (name.startsWith('node ')) continue;
      goals.push({
        name: `CLI ${name.replace(/^jwt-lens /, '')}: wall time per call, Node start-up (${startup?.median.toFixed(0)} ms) included`,
        target: `≤ ${CALL_BUDGET_MS} ms`,
        measured: spread(s),
        met: s.median <= CALL_BUDGET_MS,
      });
    }

    log('writing the scan tree (about 200 MB) …');
    const tree = join(dir, 'tree');
    const bytes = await writeScanTree(tree, Math.floor(Date.now() / 1000));
    const mb = bytes / 1024 / 1024;
    if (!existsSync(RG)) {
      notes.push(
        `${RG} is missing (apt-get install ripgrep), so the scan has no ripgrep figure to compare with.`,
      );
    }
    log(`scan vs rg: ${scanRounds} rounds over ${mb.toFixed(0)} MB …`);
    const scanTimes = [];
    const rgTimes = [];
    const ratios = [];
    const floorTimes = [];
    for (let round = 0; round < scanRounds + 1; round++) {
      const scan = timedScan(tree);
      const rg = existsSync(RG) ? wallMs(RG, rgArgs(tree)) : undefined;
      const floor = wallMs(process.execPath, ['-e', READ_TREE_ONLY, tree]);
      if (floor.status !== 0) throw new Error(`the read-only pass exited ${floor.status}: ${floor.stderr}`);
      if (round === 0) continue; // warm-up: both read the tree from the page cache afterwards
      scanTimes.push(scan.ms);
      floorTimes.push(floor.ms);
      if (rg) {
        rgTimes.push(rg.ms);
        ratios.push(rg.ms / scan.ms);
      }
    }
    // Where one scan's time goes (the CLI's JWT_LENS_TIMING): the start is Node's own start-up plus
    // loading the CLI, which ripgrep, a native binary, does not pay.
    const timed = spawnSync(process.execPath, scanArgs(tree), {
      env: { ...process.env, JWT_LENS_TIMING: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const phases = /timing (.*)/.exec(String(timed.stderr ?? ''))?.[1];
    const node = wallMs(process.execPath, ['-e', '']).ms;
    if (phases)
      notes.push(
        `one more scan, by phase (ms since the process started, then each phase): ${phases}; node -e "" alone: ${node.toFixed(0)} ms`,
      );
    // The same comparison over five times the tree (hard links to its files, so nothing more is
    // written and both read the same pages): a process's fixed costs (Node's start-up, loading the
    // CLI, the first file's first decodes and compiles, writing the report) weigh less there, and the
    // ratio shows the scan's sustained throughput beside ripgrep's.
    if (existsSync(RG)) {
      const larger = join(dir, 'tree-x5');
      linkTree(tree, larger, 5);
      const times = { scan: [], rg: [], ratio: [] };
      for (let round = 0; round < 4; round++) {
        const scanMs = timedScan(larger).ms;
        const rgMs = wallMs(RG, rgArgs(larger)).ms;
        if (round === 0) continue;
        times.scan.push(scanMs);
        times.rg.push(rgMs);
        times.ratio.push(rgMs / scanMs);
      }
      const [scanX5, rgX5, ratioX5] = [stats(times.scan), stats(times.rg), stats(times.ratio)];
      notes.push(
        `over five times the tree (${(5 * mb).toFixed(0)} MB, hard links), not a goal: jwt-lens scan ${spread(scanX5)}, rg -o ${spread(rgX5)}, ${spread(ratioX5, '×', 2)}, ${scanX5.runs} rounds`,
      );
    }
    // The machine may be shared: say how busy it was, since both figures are wall time.
    notes.push(
      `load average (1, 5, 15 min) after the scan rounds: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
    );
    const scan = stats(scanTimes);
    rows.push({
      case: `jwt-lens scan (${mb.toFixed(0)} MB), ${(mb / (scan.median / 1000)).toFixed(0)} MB/s`,
      ...scan,
    });
    const floor = stats(floorTimes);
    rows.push({ case: `node reading the tree and nothing else (${mb.toFixed(0)} MB)`, ...floor });
    if (rgTimes.length > 0) {
      const rg = stats(rgTimes);
      rows.push({
        case: `rg -o naive JWT pattern (${mb.toFixed(0)} MB), ${(mb / (rg.median / 1000)).toFixed(0)} MB/s`,
        ...rg,
      });
      notes.push(
        `the most a Node program can reach here: Node's start-up and reading every file into one reused 4 MB buffer, nothing else, take ${spread(floor)}, ${(rg.median / floor.median).toFixed(2)}× ripgrep's throughput`,
      );
      const ratio = stats(ratios);
      goals.push({
        name: `CLI scan throughput vs rg -o (${mb.toFixed(0)} MB of access logs, JSON logs and HARs)`,
        target: `≥ ${SCAN_MIN_RATIO.toFixed(2)}×`,
        measured: spread(ratio, '×', 2),
        met: ratio.median >= SCAN_MIN_RATIO,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, goals, notes };
}

export function formatCliReport(report) {
  const lines = [
    '| CLI case | median ms | fastest | slowest | runs |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const row of report.rows) {
    lines.push(
      `| ${row.case} | ${row.median.toFixed(0)} | ${row.min.toFixed(0)} | ${row.max.toFixed(0)} | ${row.runs} |`,
    );
  }
  for (const note of report.notes) lines.push('', `Note: ${note}`);
  return lines.join('\n');
}

// Run directly for the scan figures alone: node scripts/bench/cli-run.mjs --scan-only [--rounds N]
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--rounds');
  const report = await runCliBenchmarks((line) => process.stderr.write(`bench: cli ${line}\n`), {
    calls: !args.includes('--scan-only'),
    scanRounds: at >= 0 ? Number(args[at + 1]) : 5,
  });
  console.log(formatCliReport(report));
  for (const goal of report.goals) console.log(`${goal.name}: ${goal.measured} (target ${goal.target})`);
}
