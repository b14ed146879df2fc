import { describe, expect, it } from 'vitest';
import { addressWithoutRequest, readLinkRequest, REFUSED_QUERY_MESSAGE, shareLinkFor } from './links';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';

describe('readLinkRequest', () => {
  it('reads #token= and the jwt.io / jwt.ms forms', () => {
    expect(readLinkRequest('', `#token=${TOKEN}`)).toEqual({ kind: 'token', token: TOKEN, param: 'token' });
    expect(readLinkRequest('', `#id_token=${TOKEN}&state=x`)).toMatchObject({
      token: TOKEN,
      param: 'id_token',
    });
    expect(readLinkRequest('', `access_token=${TOKEN}&token_type=Bearer`)).toMatchObject({
      param: 'access_token',
    });
    expect(readLinkRequest('', `#value=${TOKEN}`)).toMatchObject({ token: TOKEN, param: 'value' });
  });

  it('decodes percent-encoding in the fragment, and keeps "+" and broken escapes as written', () => {
    expect(readLinkRequest('', '#token=a%2Bb%2Fc%3D.d.e')).toMatchObject({ token: 'a+b/c=.d.e' });
    expect(readLinkRequest('', '#token=a+b/c=.d.e')).toMatchObject({ token: 'a+b/c=.d.e' });
  });

  it('reads #example=<name>', () => {
    expect(readLinkRequest('', '#example=rs256-id-token')).toEqual({
      kind: 'example',
      name: 'rs256-id-token',
    });
  });

  it('refuses a token in the query string, even when the fragment has one too', () => {
    for (const search of [
      `?token=${TOKEN}`,
      `?a=1&id_token=${TOKEN}`,
      `?JWT=${TOKEN}`,
      `?access_token=${TOKEN}`,
    ]) {
      const request = readLinkRequest(search, `#token=${TOKEN}`);
      expect(request.kind).toBe('refused-query');
      if (request.kind === 'refused-query') expect(request.message).toBe(REFUSED_QUERY_MESSAGE);
    }
    expect(REFUSED_QUERY_MESSAGE).toMatch(/sent?.*server/);
  });

  it('asks for nothing when there is nothing to read', () => {
    expect(readLinkRequest('', '')).toEqual({ kind: 'none' });
    expect(readLinkRequest('?utm=1', '#section-2')).toEqual({ kind: 'none' });
    expect(readLinkRequest('', '#token=')).toEqual({ kind: 'none' });
    expect(readLinkRequest('', '#token=%E0%A4%A')).toEqual({
      kind: 'token',
      token: '%E0%A4%A',
      param: 'token',
    });
  });
});

describe('addressWithoutRequest', () => {
  it('drops the fragment and any token query parameter, keeps the rest', () => {
    expect(addressWithoutRequest(`https://x.example/tools/jwt/?lang=en&token=${TOKEN}#token=${TOKEN}`)).toBe(
      'https://x.example/tools/jwt/?lang=en',
    );
    expect(addressWithoutRequest('http://127.0.0.1:4173/#example=hs256')).toBe('http://127.0.0.1:4173/');
  });
});

describe('shareLinkFor', () => {
  it('puts only the token in the fragment, and the link reads back to the same token', () => {
    const link = shareLinkFor('https://x.example/tools/jwt/#key=secret', ` ${TOKEN}\n`);
    expect(link).toBe(`https://x.example/tools/jwt/#token=${TOKEN}`);
    const url = new URL(link);
    expect(readLinkRequest(url.search, url.hash)).toEqual({ kind: 'token', token: TOKEN, param: 'token' });
  });

  it('keeps characters of JSON serializations and SD-JWTs intact', () => {
    const json = '{"payload":"eyJ4IjoxfQ","signatures":[{"protected":"e30","signature":"a+b/c="}]}';
    const url = new URL(shareLinkFor('http://localhost/', json));
    expect(url.search).toBe('');
    expect(readLinkRequest(url.search, url.hash)).toMatchObject({ token: json });
    const sd = `${TOKEN}~WyJzYWx0IiwiYSIsMV0~`;
    expect(readLinkRequest('', new URL(shareLinkFor('http://localhost/', sd)).hash)).toMatchObject({
      token: sd,
    });
  });
});
