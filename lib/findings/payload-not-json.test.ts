import { describe, expect, it } from 'vitest';
import { payloadNotJson } from './payload-not-json';
import { contextWith } from './testing';

describe('payload-not-json', () => {
  it('fires for a text payload', () => {
    expect(payloadNotJson.check(contextWith({ payload: 'hello', payloadIsJson: false }))).toHaveLength(1);
  });
  it('stays quiet for JSON, an empty (detached) payload and JWE', () => {
    expect(payloadNotJson.check(contextWith())).toEqual([]);
    expect(payloadNotJson.check(contextWith({ payload: '', payloadIsJson: false }))).toEqual([]);
    expect(
      payloadNotJson.check(contextWith({ format: 'jwe', payload: undefined, payloadIsJson: false })),
    ).toEqual([]);
  });
});
