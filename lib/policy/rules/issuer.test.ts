import { describe, expect, it } from 'vitest';
import { issuerRule } from './issuer';
import { contextWith } from './testing';

const policy = { issuer: ['https://id.example.com/', 'https://id2.example.com/'] };

describe('issuer rule', () => {
  it('passes any of the listed issuers', () => {
    expect(issuerRule.check(contextWith(policy, { iss: 'https://id2.example.com/' }))[0]?.status).toBe(
      'pass',
    );
  });
  it('fails another issuer, a missing iss and a non-string iss', () => {
    expect(issuerRule.check(contextWith(policy, { iss: 'https://evil.example/' }))[0]).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('evil'),
    });
    expect(issuerRule.check(contextWith(policy, {}))[0]?.message).toContain('no "iss"');
    expect(issuerRule.check(contextWith(policy, { iss: ['https://id.example.com/'] }))[0]?.status).toBe(
      'fail',
    );
  });
  it('is absent when the policy names no issuer', () => {
    expect(issuerRule.check(contextWith({}, { iss: 'x' }))).toEqual([]);
  });
});
