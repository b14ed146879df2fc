#!/usr/bin/env node
// `npm run bench`: the library benchmarks (scripts/bench/*.ts) against jwt-decode and jose, in one process.
// Usage: node --expose-gc scripts/bench.mjs [--json FILE] [--check]
//   --json FILE  also write the figures as JSON (scripts/perf.mjs puts them in perf/REPORT.md)
//   --check      exit 1 when a goal is missed
//   --no-cli     skip the command-line figures (they build the CLI and write a 200 MB tree)
// The TypeScript sources are loaded through Vite's module runner, as Vitest does; no build step.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const args = process.argv.slice(2);
const jsonIndex = args.indexOf('--json');
const jsonFile = jsonIndex >= 0 ? args[jsonIndex + 1] : undefined;
const check = args.includes('--check');

const entry = fileURLToPath(new URL('./bench/run.ts', import.meta.url));
const { module } = await runnerImport(entry, { configFile: false, logLevel: 'error' });
const report = await module.runBenchmarks((line) => process.stderr.write(`bench: ${line}\n`));
// The command line (scripts/bench/cli-run.mjs): calls and scan as child processes; --no-cli skips them.
const cli = args.includes('--no-cli') ? undefined : await import('./bench/cli-run.mjs');
const cliReport = cli && (await cli.runCliBenchmarks((line) => process.stderr.write(`bench: cli ${line}\n`)));
if (cliReport) {
  report.goals.push(...cliReport.goals);
  report.notes.push(...cliReport.notes);
}
console.log(`\nJWT Lens library benchmarks — Node ${process.version}, ${new Date().toISOString()}\n`);
console.log(module.formatBenchReport(report));
if (cliReport)
  console.log(
    `\nCommand line (node dist/cli/jwt-lens.mjs), wall time per process:\n\n${cli.formatCliReport({ ...cliReport, notes: [] })}`,
  );
if (jsonFile)
  writeFileSync(
    jsonFile,
    JSON.stringify({ ...report, cli: cliReport, markdown: module.formatBenchReport(report) }, null, 2),
  );
const missed = report.goals.filter((g) => !g.met);
if (missed.length > 0) {
  console.log(`\n${missed.length} goal(s) missed: ${missed.map((g) => g.name).join('; ')}`);
  if (check) process.exitCode = 1;
}
