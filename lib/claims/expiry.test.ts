import { describe, expect, it } from 'vitest';
import { expiryState } from './expiry';
import { NOW, NOW_S } from './fixtures/tokens';

const MIN = 60;
const HOUR = 3600;

describe('expiryState', () => {
  it('is valid with a countdown to exp, and reports the lifetime used', () => {
    const state = expiryState({ iat: NOW_S - 46 * MIN, exp: NOW_S + 14 * MIN + 3 }, NOW);
    expect(state.kind).toBe('valid');
    expect(state.label).toBe('Valid');
    expect(state.text).toBe('expires in 14 min 03 s');
    expect(state.remainingMs).toBe((14 * MIN + 3) * 1000);
    expect(state.lifetime?.startClaim).toBe('iat');
    expect(state.lifetime?.fraction).toBeCloseTo((46 * MIN) / (60 * MIN + 3), 6);
  });

  it('is expiring soon under five minutes left', () => {
    const state = expiryState({ iat: NOW_S - 10 * HOUR, exp: NOW_S + 4 * MIN }, NOW);
    expect(state.kind).toBe('expiring-soon');
    expect(state.label).toBe('Expiring soon');
    expect(state.text).toBe('expires in 4 min 00 s');
  });

  it('is expiring soon under 10% of the lifetime even with more than five minutes left', () => {
    const state = expiryState({ iat: NOW_S - 9 * HOUR - 10 * MIN, exp: NOW_S + 50 * MIN }, NOW);
    expect(state.kind).toBe('expiring-soon');
    expect(expiryState({ iat: NOW_S - HOUR, exp: NOW_S + 50 * MIN }, NOW).kind).toBe('valid');
  });

  it('is expired with how long ago', () => {
    const state = expiryState({ iat: NOW_S - 4 * HOUR, exp: NOW_S - 3 * HOUR - 12 * MIN }, NOW);
    expect(state.kind).toBe('expired');
    expect(state.text).toBe('expired 3 h 12 min ago');
    expect(state.lifetime?.fraction).toBe(1);
  });

  it('is expired exactly at exp (RFC 7519 §4.1.4: on or after)', () => {
    expect(expiryState({ exp: NOW_S }, NOW).kind).toBe('expired');
  });

  it('is not yet valid while nbf is in the future, and uses nbf as the start without iat', () => {
    const state = expiryState({ nbf: NOW_S + 4 * MIN, exp: NOW_S + HOUR }, NOW);
    expect(state.kind).toBe('not-yet-valid');
    expect(state.text).toBe('becomes valid in 4 min 00 s');
    expect(state.lifetime).toMatchObject({ startClaim: 'nbf', fraction: 0 });
  });

  it('has no expiry without exp, or with a non-numeric exp', () => {
    expect(expiryState({ iat: NOW_S }, NOW)).toMatchObject({ kind: 'no-expiry', label: 'No expiry' });
    expect(expiryState({ exp: '1768478400' }, NOW).text).toContain('not a number');
    expect(expiryState('just text', NOW).kind).toBe('no-expiry');
    expect(expiryState(null, NOW).kind).toBe('no-expiry');
  });

  it('converts millisecond times before judging', () => {
    const state = expiryState({ iat: (NOW_S - MIN) * 1000, exp: (NOW_S + 30 * MIN) * 1000 }, NOW);
    expect(state.kind).toBe('valid');
    expect(state.text).toBe('expires in 30 min 00 s');
  });

  it('has no lifetime bar when exp is not after the start', () => {
    expect(expiryState({ iat: NOW_S + MIN, exp: NOW_S + MIN }, NOW).lifetime).toBeUndefined();
  });

  it('accepts now as milliseconds', () => {
    expect(expiryState({ exp: NOW_S + 10 }, NOW.getTime()).text).toBe('expires in 10 s');
  });
});
