import { describe, expect, it } from 'vitest';
import { FINDING_RULES, findingsFor } from './index';
import type { FindingRule } from './rule';
import { contextWith } from './testing';

describe('findingsFor', () => {
  it('has unique rule ids', () => {
    const ids = FINDING_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('orders danger before warning before info', () => {
    const found = findingsFor(
      contextWith({ header: { alg: 'none', jwk: {} }, payload: 'x', payloadIsJson: false }),
    );
    expect(found.map((f) => f.severity)).toEqual(['danger', 'warning', 'info']);
  });
  it('reports a broken rule instead of throwing', () => {
    const broken: FindingRule = {
      id: 'broken',
      severity: 'info',
      check: () => {
        throw new Error('boom');
      },
    };
    expect(findingsFor(contextWith(), [broken])[0]).toMatchObject({ id: 'rule-failed' });
  });
});
