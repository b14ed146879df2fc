import { describe, expect, it } from 'vitest';
import { audMissing } from './aud-missing';
import { contextWith } from './testing';

describe('aud-missing', () => {
  it('fires for an access token without aud', () => {
    const found = audMissing.check(
      contextWith({ payload: { iss: 'https://as', sub: 'u', scope: 'read', exp: 1800000000 } }),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: 'payload.aud' });
    expect(found[0]?.message).toContain('RFC 9068');
  });

  it('fires for an empty aud on a typ at+jwt token', () => {
    const context = contextWith({ header: { alg: 'ES256', typ: 'at+jwt' }, payload: { aud: [], sub: 'u' } });
    expect(audMissing.check(context)).toHaveLength(1);
  });

  it('stays quiet when aud is present, and for tokens that are not access tokens', () => {
    expect(audMissing.check(contextWith({ payload: { scope: 'read', aud: 'api' } }))).toEqual([]);
    expect(audMissing.check(contextWith({ payload: { scope: 'read', aud: ['', 'api'] } }))).toEqual([]);
    expect(audMissing.check(contextWith({ payload: { sub: 'x' } }))).toEqual([]);
  });
});
