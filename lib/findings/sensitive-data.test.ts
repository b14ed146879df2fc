import { describe, expect, it } from 'vitest';
import { passesLuhn, sensitiveData } from './sensitive-data';
import { contextWith } from './testing';

const check = (payload: Record<string, unknown>) => sensitiveData.check(contextWith({ payload }));

describe('sensitive-data', () => {
  it('flags a password by its member name as danger, without repeating it', () => {
    const found = check({ sub: 'u', password: 'hunter2-secret' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: 'payload.password', severity: 'danger' });
    expect(found[0]?.message).toContain('a password or secret (ending in "cret")');
    expect(found[0]?.message).not.toContain('hunter2');
    expect(found[0]?.message).toContain('only encoded, not encrypted');
  });

  it('flags nested secrets with their path', () => {
    expect(check({ app: { client_secret: 'abc123xyz' } })[0]?.path).toBe('payload.app.client_secret');
    expect(check({ dbPassword: 'pa55word' })[0]?.path).toBe('payload.dbPassword');
  });

  it('flags a card number that passes the Luhn check, with or without grouping', () => {
    expect(check({ card: '4111 1111 1111 1111' })[0]).toMatchObject({
      severity: 'danger',
      path: 'payload.card',
    });
    expect(check({ billing: { n: '5500-0000-0000-0004' } })[0]?.message).toContain('payment card number');
    expect(check({ n: 4111111111111111 })).toHaveLength(1);
  });

  it('ignores digit strings that fail Luhn or do not start like a card', () => {
    expect(check({ ref: '4111111111111112' })).toEqual([]);
    expect(check({ ref: '1234567812345670' })).toEqual([]); // passes Luhn but no card network starts with 1
  });

  it('flags a US SSN, but not impossible ones', () => {
    expect(check({ tax: '123-45-6789' })[0]).toMatchObject({ severity: 'warning' });
    expect(check({ tax: '123-45-6789' })[0]?.message).toContain('national ID');
    expect(check({ a: '000-12-3456', b: '666-12-3456', c: '912-12-3456', d: '123-00-4567' })).toEqual([]);
  });

  it('flags phone numbers as info, by value or by name', () => {
    expect(check({ contact: '+1 (415) 555-0132' })[0]).toMatchObject({
      severity: 'info',
      path: 'payload.contact',
    });
    expect(check({ phone_number: '0611223344' })[0]?.message).toContain('a phone number');
    expect(check({ items: ['+442071838750'] })[0]?.path).toBe('payload.items[0]');
  });

  it('stays quiet for ordinary tokens and identifier claims', () => {
    expect(
      check({ sub: '4111111111111111', jti: '123-45-6789', exp: 1800000000, scope: 'read', amr: ['pwd'] }),
    ).toEqual([]);
    expect(check({ password: '', has_password: true, password_changed_at: 1700000000 })).toEqual([]);
    expect(sensitiveData.check(contextWith({ payload: 'password=1', payloadIsJson: false }))).toEqual([]);
  });

  it('reports at most five findings', () => {
    const many = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`password${i}`, 'x']));
    expect(check(many)).toHaveLength(5);
  });
});

describe('passesLuhn', () => {
  it.each([
    ['4111111111111111', true],
    ['79927398713', true],
    ['79927398710', false],
    ['', false],
  ])('%s -> %s', (digits, ok) => {
    expect(passesLuhn(digits)).toBe(ok);
  });
});
