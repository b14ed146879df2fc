import { describe, expect, it } from 'vitest';
import { policyResultsTable } from './table';
import type { PolicyEvaluation } from './types';

const evaluation = (rules: [string, 'pass' | 'fail' | 'skip'][]): PolicyEvaluation => {
  const firstFailure = rules.find(([, s]) => s === 'fail')?.[0];
  return {
    accepted: !firstFailure,
    signature: 'valid',
    rules: rules.map(([id, status]) => ({ id, status, message: `${id} ${status}` })),
    ...(firstFailure ? { firstFailure } : {}),
  };
};

describe('policyResultsTable', () => {
  it('has one column per rule any policy checks, in rule order, and marks rules a policy never checks', () => {
    const table = policyResultsTable([
      {
        name: 'gateway',
        evaluation: evaluation([
          ['algorithm', 'pass'],
          ['signature', 'pass'],
          ['issuer', 'pass'],
          ['exp', 'pass'],
        ]),
      },
      {
        name: 'billing-service',
        evaluation: evaluation([
          ['algorithm', 'pass'],
          ['signature', 'pass'],
          ['issuer', 'pass'],
          ['audience', 'fail'],
          ['exp', 'pass'],
        ]),
      },
    ]);
    expect(table.columns).toEqual(['algorithm', 'signature', 'issuer', 'audience', 'exp']);
    expect(table.rows[0]).toMatchObject({ name: 'gateway', accepted: true });
    expect(table.rows[0]!.cells[3]).toEqual({ id: 'audience', status: 'absent' });
    expect(table.rows[1]).toMatchObject({ accepted: false, firstFailure: 'audience' });
  });
});
