import type { FindingRule } from './rule';
import { own } from './rule';

/** Patterns seen in kid injection attacks: path traversal, SQL, shell and quoting. */
const PATTERNS: { test: RegExp; what: string }[] = [
  { test: /\.\.[/\\]|^[/\\]|^[a-z]:[/\\]|\/etc\/|\/dev\//i, what: 'a file path (path traversal)' },
  { test: /['"`]/, what: 'quote characters' },
  { test: /--|;|\/\*|\b(union|select|insert|update|delete|drop)\b\s/i, what: 'SQL syntax' },
  { test: /[|&$<>]|\$\(/, what: 'shell metacharacters' },
  { test: /[\u0000-\u001f\u007f]/, what: 'control characters' },
];

export const kidSuspicious: FindingRule = {
  id: 'kid-suspicious',
  severity: 'danger',
  check({ header }) {
    const kid = own(header, 'kid');
    if (kid === undefined) return [];
    if (typeof kid !== 'string') {
      return [
        {
          path: 'header.kid',
          severity: 'warning',
          message: `"kid" should be a string (RFC 7515 §4.1.4) but is ${Array.isArray(kid) ? 'an array' : typeof kid}. Key lookups that do not expect this can misbehave.`,
        },
      ];
    }
    const hits = PATTERNS.filter((p) => p.test.test(kid)).map((p) => p.what);
    if (hits.length === 0) return [];
    return [
      {
        path: 'header.kid',
        message: `The key ID contains ${hits.join(', ')}. If a server uses "kid" in a file path, a database query or a shell command, this is an injection attempt.`,
      },
    ];
  },
};
