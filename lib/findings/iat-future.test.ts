import { describe, expect, it } from 'vitest';
import { iatFuture } from './iat-future';
import { contextWith } from './testing';

const NOW_S = 1780272000; // the testing context's now

describe('iat-future', () => {
  it('fires when iat is more than a minute ahead, saying by how much', () => {
    const found = iatFuture.check(contextWith({ payload: { iat: NOW_S + 2 * 3600 + 5 * 60 } }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: 'payload.iat' });
    expect(found[0]?.message).toContain('2 h 05 min in the future');
  });

  it('allows a minute of clock skew', () => {
    expect(iatFuture.check(contextWith({ payload: { iat: NOW_S + 60 } }))).toEqual([]);
    expect(iatFuture.check(contextWith({ payload: { iat: NOW_S + 61 } }))).toHaveLength(1);
  });

  it('stays quiet for past iat, missing or non-numeric iat, and text payloads', () => {
    expect(iatFuture.check(contextWith({ payload: { iat: NOW_S - 10 } }))).toEqual([]);
    expect(iatFuture.check(contextWith({ payload: { iat: 'soon' } }))).toEqual([]);
    expect(iatFuture.check(contextWith({ payload: 'x', payloadIsJson: false }))).toEqual([]);
  });

  it('converts a millisecond iat before comparing', () => {
    expect(iatFuture.check(contextWith({ payload: { iat: (NOW_S - 10) * 1000 } }))).toEqual([]);
  });
});
