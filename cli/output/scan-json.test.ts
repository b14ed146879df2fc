/**
 * The JSON report writes occurrence lists as text: it must be byte for byte what JSON.stringify of
 * the whole document gives, HAR locations included, and a claim that mimics its placeholder must not
 * break it.
 */
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { scanHar, scanText } from '../../lib/index';
import { harDocument } from '../../lib/scan/fixtures/har';
import { jsonLogLines, nginxAccessLog } from '../../lib/scan/fixtures/logs';
import { NOW, NOW_S, tokenSet } from '../../lib/scan/fixtures/tokens';
import { hitsOf } from '../scan/hits';
import { ReportBuilder, type ScanReport } from '../scan/report';
import { scanJsonBytes, scanJsonDocument } from './scan-json';

/** The report as the CLI writes it, as text. */
const scanJson = (report: ScanReport, extra?: Record<string, unknown>) =>
  Buffer.from(scanJsonBytes(report, extra)).toString('utf8');

/** The document with every occurrence an object, serialised by JSON.stringify alone. */
function plain(report: ScanReport, extra: Record<string, unknown>): string {
  return JSON.stringify(scanJsonDocument(report, extra), null, 2);
}

describe('scanJson', () => {
  it('is exactly JSON.stringify of the whole report, for logs and a HAR with locations', async () => {
    const t = await tokenSet();
    const builder = new ReportBuilder(NOW);
    const log = `${nginxAccessLog([t.live, t.expired])}${jsonLogLines([t.es256, t.live])}`;
    builder.add(
      { path: 'a.log', bytes: log.length, har: false, hits: hitsOf(scanText(log, { now: NOW }).tokens) },
      'logs/a "quoted".log',
    );
    const har = JSON.stringify(
      harDocument({ accessToken: t.live, idToken: t.es256, assertion: t.expired }),
      null,
      2,
    );
    const harTokens = scanHar(har, { now: NOW }).tokens;
    expect(harTokens.flatMap((x) => x.occurrences).every((o) => o.where)).toBe(true);
    builder.add({ path: 'b.har', bytes: har.length, har: true, hits: hitsOf(harTokens) }, 'support/b.har');
    const report = builder.build();
    expect(report.tokens.length).toBeGreaterThanOrEqual(3);
    const extra = { redactedCopies: [], problems: ['one'] };
    const written = scanJson(report, extra);
    expect(written).toBe(plain(report, extra));
    expect(JSON.parse(written).tokens[0].occurrences.length).toBeGreaterThan(0);
  });

  it('a report with no tokens is the same as well', () => {
    const report = new ReportBuilder(NOW).build({ binary: 1, ignored: 2 });
    expect(scanJson(report)).toBe(plain(report, {}));
  });

  it('a subject that reads exactly as the occurrence placeholder is written as data, not replaced', async () => {
    const secret = new TextEncoder().encode('a-test-secret-that-is-long-enough!!');
    const token = await new SignJWT({ sub: '\u0000jwt-lens occurrences\u0000' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(NOW_S + 600)
      .sign(secret);
    const builder = new ReportBuilder(NOW);
    builder.add(
      {
        path: 'x.log',
        bytes: 10,
        har: false,
        hits: hitsOf(scanText(`a ${token}\nb ${token}\n`, { now: NOW }).tokens),
      },
      'x.log',
    );
    const report = builder.build();
    const written = scanJson(report);
    expect(written).toBe(plain(report, {}));
    const parsed = JSON.parse(written);
    expect(parsed.tokens[0].sub).toBe('\u0000jwt-lens occurrences\u0000');
    expect(parsed.tokens[0].occurrences).toEqual([
      { file: 'x.log', line: 1, column: 3 },
      { file: 'x.log', line: 2, column: 3 },
    ]);
  });
});
