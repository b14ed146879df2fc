import { describe, expect, it } from 'vitest';
import { signatureRule } from './signature';
import { contextWith } from './testing';

describe('signature rule', () => {
  it('passes a valid signature', () => {
    expect(signatureRule.check(contextWith({}, {}))[0]).toMatchObject({ id: 'signature', status: 'pass' });
  });
  it('fails invalid and error, skips unchecked', () => {
    for (const [status, row] of [
      ['invalid', 'fail'],
      ['error', 'fail'],
      ['unchecked', 'skip'],
    ] as const) {
      const context = { ...contextWith({}, {}), signature: { status, message: 'why' } };
      expect(signatureRule.check(context)[0]).toEqual({ id: 'signature', status: row, message: 'why' });
    }
  });
});
