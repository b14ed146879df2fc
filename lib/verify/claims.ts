/**
 * The claims stage of verifyToken (the second half of jose's jwtVerify): each check is one row,
 * so the UI can say "signature valid" and, separately, "expired 3 h ago". Time is a parameter.
 * RFC 7519 §4.1 for the registered claims; clock tolerance as in jose (`clockTolerance`).
 */
export interface ClaimCheck {
  id: string;
  ok: boolean;
  message: string;
}

export interface ClaimExpectations {
  /** Seconds. */
  clockTolerance?: number;
  issuer?: string;
  audience?: string | string[];
  subject?: string;
  typ?: string;
  /** Claims that must be present. */
  requiredClaims?: string[];
}

export interface ClaimsOutcome {
  claims: 'valid' | 'invalid';
  checks: ClaimCheck[];
}

export function checkClaims(
  payload: Record<string, unknown>,
  header: Record<string, unknown>,
  expect: ClaimExpectations,
  now: Date,
): ClaimsOutcome {
  const checks: ClaimCheck[] = [];
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const tolerance = Math.max(0, Number.isFinite(expect.clockTolerance) ? expect.clockTolerance! : 0);
  const toleranceNote = tolerance > 0 ? ` (with ${formatDuration(tolerance)} clock tolerance)` : '';

  for (const name of expect.requiredClaims ?? []) {
    const present = Object.prototype.hasOwnProperty.call(payload, name);
    checks.push({
      id: `required:${name}`,
      ok: present,
      message: present ? `"${name}" is present, as required` : `The required claim "${name}" is missing`,
    });
  }

  const exp = own(payload, 'exp');
  if (exp !== undefined) {
    if (!isNumericDate(exp)) {
      checks.push({
        id: 'exp',
        ok: false,
        message: `"exp" must be a NumericDate (seconds since 1970), not ${JSON.stringify(exp)}`,
      });
    } else {
      const ok = nowSeconds < exp + tolerance;
      const delta = exp - nowSeconds;
      checks.push({
        id: 'exp',
        ok,
        message: ok
          ? delta >= 0
            ? `expires in ${formatDuration(delta)} (${isoOf(exp)})`
            : `expired ${formatDuration(-delta)} ago, within the clock tolerance`
          : `expired ${formatDuration(Math.max(1, -delta))} ago (${isoOf(exp)})${toleranceNote}`,
      });
    }
  }

  const nbf = own(payload, 'nbf');
  if (nbf !== undefined) {
    if (!isNumericDate(nbf)) {
      checks.push({
        id: 'nbf',
        ok: false,
        message: `"nbf" must be a NumericDate (seconds since 1970), not ${JSON.stringify(nbf)}`,
      });
    } else {
      const ok = nowSeconds + tolerance >= nbf;
      checks.push({
        id: 'nbf',
        ok,
        message: ok
          ? `valid since ${isoOf(nbf)}`
          : `not valid yet: usable in ${formatDuration(nbf - nowSeconds)} (${isoOf(nbf)})${toleranceNote}`,
      });
    }
  }

  const iat = own(payload, 'iat');
  if (iat !== undefined) {
    if (!isNumericDate(iat)) {
      checks.push({
        id: 'iat',
        ok: false,
        message: `"iat" must be a NumericDate (seconds since 1970), not ${JSON.stringify(iat)}`,
      });
    } else {
      const ok = iat <= nowSeconds + tolerance;
      checks.push({
        id: 'iat',
        ok,
        message: ok
          ? `issued ${formatDuration(Math.max(0, nowSeconds - iat))} ago (${isoOf(iat)})`
          : `issued in the future: iat is ${formatDuration(iat - nowSeconds)} from now (${isoOf(iat)}). Check the issuer's clock.`,
      });
    }
  }

  if (expect.issuer !== undefined && expect.issuer !== '') {
    const iss = own(payload, 'iss');
    checks.push({
      id: 'iss',
      ok: iss === expect.issuer,
      message:
        iss === expect.issuer
          ? `issuer is "${expect.issuer}", as expected`
          : iss === undefined
            ? `The token has no "iss"; expected "${expect.issuer}"`
            : `issuer is ${JSON.stringify(iss)}, expected "${expect.issuer}"`,
    });
  }

  const expectedAudiences = (
    Array.isArray(expect.audience) ? expect.audience : expect.audience ? [expect.audience] : []
  ).filter((a) => a !== '');
  if (expectedAudiences.length > 0) {
    const aud = own(payload, 'aud');
    // RFC 7519 §4.1.3: "aud" is a string or an array of strings. A malformed one fails the check
    // rather than being filtered into shape: a verifier that skips the odd member accepts a claim
    // the issuer never wrote in a valid form.
    const wellFormed =
      typeof aud === 'string' || (Array.isArray(aud) && aud.every((a) => typeof a === 'string'));
    if (aud !== undefined && !wellFormed) {
      const bad = Array.isArray(aud) ? aud.filter((a) => typeof a !== 'string') : [aud];
      checks.push({
        id: 'aud',
        ok: false,
        message: `"aud" must be a string or an array of strings (RFC 7519 §4.1.3), but it ${
          Array.isArray(aud)
            ? `holds ${bad.map((a) => JSON.stringify(a)).join(', ')}, which ${bad.length === 1 ? 'is not a string' : 'are not strings'}`
            : `is ${JSON.stringify(aud)}`
        }; expected ${quoteList(expectedAudiences)}`,
      });
    } else {
      const tokenAudiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? (aud as string[]) : [];
      const match = tokenAudiences.find((a) => expectedAudiences.includes(a));
      checks.push({
        id: 'aud',
        ok: match !== undefined,
        message:
          match !== undefined
            ? `audience includes "${match}", as expected`
            : aud === undefined
              ? `The token has no "aud"; expected ${quoteList(expectedAudiences)}`
              : `audience is ${JSON.stringify(aud)}, expected ${quoteList(expectedAudiences)}`,
      });
    }
  }

  if (expect.subject !== undefined && expect.subject !== '') {
    const sub = own(payload, 'sub');
    checks.push({
      id: 'sub',
      ok: sub === expect.subject,
      message:
        sub === expect.subject
          ? `subject is "${expect.subject}", as expected`
          : `subject is ${JSON.stringify(sub ?? null)}, expected "${expect.subject}"`,
    });
  }

  if (expect.typ !== undefined && expect.typ !== '') {
    const typ = own(header, 'typ');
    // RFC 7515 §4.1.9: "application/" may be omitted, and media types are case-insensitive.
    const ok = typeof typ === 'string' && normaliseTyp(typ) === normaliseTyp(expect.typ);
    checks.push({
      id: 'typ',
      ok,
      message: ok
        ? `header typ is "${String(typ)}", as expected`
        : `header typ is ${JSON.stringify(typ ?? null)}, expected "${expect.typ}"`,
    });
  }

  return { claims: checks.every((c) => c.ok) ? 'valid' : 'invalid', checks };
}

/** A short, locale-free duration: "40 s", "5 min", "3 h", "2 d". */
export function formatDuration(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86400 * 2) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} d`;
}

function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isoOf(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? `${seconds}` : date.toISOString().replace('.000Z', 'Z');
}

function normaliseTyp(typ: string): string {
  return typ.toLowerCase().replace(/^application\//, '');
}

function quoteList(values: string[]): string {
  return values.map((v) => `"${v}"`).join(' or ');
}

function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}
