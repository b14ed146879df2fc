import { describe, expect, it } from 'vitest';
import { policyWith } from '../policy/rules/testing';
import { encodeBase64urlText } from '../token/base64url';
import { guideLinkFor, readGuideLink } from './guide';
import { readLinkRequest } from './links';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
const gateway = policyWith({ name: 'gateway', issuer: ['https://id.example.com/'] });
const billing = policyWith({ name: 'billing-service', audience: ['billing-api'] });

function roundTrip(link: string) {
  const url = new URL(link);
  const request = readLinkRequest(url.search, url.hash);
  if (request.kind !== 'guide') throw new Error(`expected a guide link, got ${request.kind}`);
  return readGuideLink(request);
}

describe('guide links', () => {
  it('round-trips policies, the token and the focus, all in the fragment', () => {
    const link = guideLinkFor('https://lens.example/app/?x=1#old', {
      policies: [gateway, billing],
      token: TOKEN,
      focus: 'realm_access.roles',
    });
    const url = new URL(link);
    expect(url.origin + url.pathname + url.search).toBe('https://lens.example/app/?x=1');
    expect(roundTrip(link)).toEqual({
      ok: true,
      policies: [gateway, billing],
      token: TOKEN,
      focus: 'realm_access.roles',
    });
  });

  it('leaves the token out unless given, and drops a focus that is not a claim path', () => {
    const link = guideLinkFor('https://lens.example/', { policies: [gateway], focus: '<img src=x>' });
    expect(new URL(link).hash).not.toContain('token=');
    expect(roundTrip(link)).toEqual({ ok: true, policies: [gateway] });
    expect(
      roundTrip(guideLinkFor('https://lens.example/', { policies: [gateway], focus: 'amr[0]' })),
    ).toMatchObject({ focus: 'amr[0]' });
  });

  it('refuses a policy that carries a key, so a crafted link cannot smuggle one in', () => {
    const policies = encodeBase64urlText(JSON.stringify([{ ...gateway, secret: 'hunter2' }]));
    const result = readGuideLink({ policies });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('never part of a policy') });
  });

  it('explains a damaged or oversized link', () => {
    expect(readGuideLink({ policies: 'not*base64' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('damaged'),
    });
    expect(readGuideLink({ policies: encodeBase64urlText('{"a":1}') })).toMatchObject({ ok: false });
    expect(readGuideLink({ policies: 'a'.repeat(70_000) })).toMatchObject({
      ok: false,
      message: expect.stringContaining('too long'),
    });
  });

  it('a plain share link is still a token link', () => {
    expect(readLinkRequest('', `#token=${TOKEN}`).kind).toBe('token');
  });
});
