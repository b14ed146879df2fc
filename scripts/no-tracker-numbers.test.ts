import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * A comment names the reason or the spec section, never a tracker number: a bare issue number tells a
 * future reader nothing. Every tracked source file is read (git ls-files), so new files are covered too.
 */
const TRACKER_NUMBER = /\b(issue|ticket|bug)s? #?\d+\b|\bissue-\d+\b/i;
const SOURCE = /\.(ts|tsx|mts|mjs|js|jsx|css)$/;

describe('source comments', () => {
  it('never cite a tracker number', () => {
    const files = execFileSync('git', ['ls-files'], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => SOURCE.test(f) && !f.startsWith('perf/baseline/'));
    expect(files.length).toBeGreaterThan(100);
    const offenders: string[] = [];
    for (const file of files) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (TRACKER_NUMBER.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim().slice(0, 100)}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
