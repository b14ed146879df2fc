/** The live expiry state of a token: pure, `now` is a parameter; the UI calls it once per second. */
import { formatDuration, timeClaimSeconds } from './time';
import { isObject } from '../is-object';

export type ExpiryKind = 'not-yet-valid' | 'valid' | 'expiring-soon' | 'expired' | 'no-expiry';

export interface ExpiryState {
  kind: ExpiryKind;
  /** The state in a few words: "Valid", "Expiring soon"... Changes rarely, so screen readers announce it. */
  label: string;
  /** The ticking detail: "expires in 14 min 03 s", "expired 3 h 12 min ago". */
  text: string;
  /** Milliseconds until `exp` (negative once expired); undefined without a numeric `exp`. */
  remainingMs?: number;
  /** The lifetime bar, from `iat` (or `nbf`) to `exp`. */
  lifetime?: {
    startClaim: 'iat' | 'nbf';
    startMs: number;
    endMs: number;
    /** Share of the lifetime already used, 0 to 1. */
    fraction: number;
  };
}

/** Under five minutes left, or under a tenth of the lifetime, counts as expiring soon. */
export const EXPIRING_SOON_MS = 5 * 60 * 1000;
export const EXPIRING_SOON_FRACTION = 0.1;

const LABELS: Record<ExpiryKind, string> = {
  'not-yet-valid': 'Not yet valid',
  valid: 'Valid',
  'expiring-soon': 'Expiring soon',
  expired: 'Expired',
  'no-expiry': 'No expiry',
};

function timeClaimMs(claims: Record<string, unknown>, name: string): number | undefined {
  const seconds = timeClaimSeconds(claims, name);
  return seconds === undefined ? undefined : seconds * 1000;
}

/** Where the token stands at `now`. `claims` may be anything: a non-object payload has no expiry. */
export function expiryState(claims: unknown, now: number | Date): ExpiryState {
  const nowMs = typeof now === 'number' ? now : now.getTime();
  const obj = isObject(claims) ? claims : {};
  const exp = timeClaimMs(obj, 'exp');
  const nbf = timeClaimMs(obj, 'nbf');
  const iat = timeClaimMs(obj, 'iat');
  const start =
    iat !== undefined
      ? { claim: 'iat' as const, ms: iat }
      : nbf !== undefined
        ? { claim: 'nbf' as const, ms: nbf }
        : undefined;

  const lifetime =
    exp !== undefined && start !== undefined && exp > start.ms
      ? {
          startClaim: start.claim,
          startMs: start.ms,
          endMs: exp,
          fraction: Math.min(1, Math.max(0, (nowMs - start.ms) / (exp - start.ms))),
        }
      : undefined;
  const withLifetime = lifetime ? { lifetime } : {};

  if (nbf !== undefined && nowMs < nbf) {
    return {
      kind: 'not-yet-valid',
      label: LABELS['not-yet-valid'],
      text: `becomes valid in ${formatDuration(nbf - nowMs)}`,
      ...(exp !== undefined ? { remainingMs: exp - nowMs } : {}),
      ...withLifetime,
    };
  }
  if (exp === undefined) {
    const hasExp = Object.prototype.hasOwnProperty.call(obj, 'exp');
    return {
      kind: 'no-expiry',
      label: LABELS['no-expiry'],
      text: hasExp
        ? 'the "exp" claim is not a number, so it sets no expiry'
        : 'no "exp" claim: it never expires by itself',
    };
  }
  const remainingMs = exp - nowMs;
  if (remainingMs <= 0) {
    return {
      kind: 'expired',
      label: LABELS.expired,
      text: `expired ${formatDuration(-remainingMs)} ago`,
      remainingMs,
      ...withLifetime,
    };
  }
  const soon =
    remainingMs < EXPIRING_SOON_MS ||
    (lifetime !== undefined && remainingMs < EXPIRING_SOON_FRACTION * (lifetime.endMs - lifetime.startMs));
  const kind: ExpiryKind = soon ? 'expiring-soon' : 'valid';
  return {
    kind,
    label: LABELS[kind],
    text: `expires in ${formatDuration(remainingMs)}`,
    remainingMs,
    ...withLifetime,
  };
}
