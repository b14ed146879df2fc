/**
 * Guide links: a link that opens JWT Lens with validation policies, optionally a token, and a claim to point
 * at (`focus=realm_access.roles`), so a guide can show "this token fails billing-service because of aud".
 * Everything travels in the fragment, which browsers never send to the server. Only parsed policies go in,
 * and a policy cannot hold a key or secret (parsePolicy refuses them), so neither can a guide link.
 */
import { policyFromValue } from '../policy/parse';
import type { Policy } from '../policy/types';
import { bytesToText, decodeBase64url, encodeBase64urlText } from '../token/base64url';
import { parseStrictJson } from '../token/json';
import { addressWithoutRequest, GUIDE_POLICIES_PARAM } from './links';

export interface GuideLinkContent {
  policies: Policy[];
  /** Only when the user chose to include it (the share-link warning applies). */
  token?: string;
  /** A claim path to highlight in the Claims region, e.g. "aud" or "realm_access.roles". */
  focus?: string;
}

export type GuideLinkResult =
  { ok: true; policies: Policy[]; token?: string; focus?: string } | { ok: false; message: string };

/** Longer than any sensible set of policies; a bigger fragment is refused before it is decoded. */
export const MAX_GUIDE_POLICIES_CHARS = 64_000;
const FOCUS = /^[A-Za-z0-9_$:@+\-]+(\[\d+\])*(\.[A-Za-z0-9_$:@+\-]+(\[\d+\])*)*$/;

export function isFocusPath(path: string): boolean {
  return path.length <= 200 && FOCUS.test(path);
}

/** The link. `pageUrl` is the address of the app page; its fragment and any token query are dropped. */
export function guideLinkFor(pageUrl: string, content: GuideLinkContent): string {
  const url = new URL(addressWithoutRequest(pageUrl));
  const params = new URLSearchParams({
    [GUIDE_POLICIES_PARAM]: encodeBase64urlText(JSON.stringify(content.policies)),
  });
  if (content.token?.trim()) params.set('token', content.token.trim());
  if (content.focus && isFocusPath(content.focus)) params.set('focus', content.focus);
  url.hash = params.toString();
  return url.toString();
}

/** Reads the fields readLinkRequest found; every policy is checked as parsePolicy checks pasted text. */
export function readGuideLink(fields: { policies: string; token?: string; focus?: string }): GuideLinkResult {
  if (fields.policies.length > MAX_GUIDE_POLICIES_CHARS) {
    return {
      ok: false,
      message: `The guide link's policies are too long (${fields.policies.length} characters); ask its author for the policy file instead.`,
    };
  }
  const decoded = decodeBase64url(fields.policies);
  const text = decoded.ok ? bytesToText(decoded.bytes) : undefined;
  const parsed = text?.valid ? parseStrictJson(text.text) : undefined;
  if (!parsed?.ok || !Array.isArray(parsed.value)) {
    return {
      ok: false,
      message:
        'The guide link is damaged: its policies could not be read. Was the link cut off when it was copied?',
    };
  }
  const policies: Policy[] = [];
  for (const [index, value] of parsed.value.entries()) {
    const result = policyFromValue(value);
    if (!result.ok) {
      return {
        ok: false,
        message: `Policy ${index + 1} in the guide link is not valid: ${result.error.message} (at ${result.error.path})`,
      };
    }
    policies.push(result.policy);
  }
  const focus = fields.focus !== undefined && isFocusPath(fields.focus) ? fields.focus : undefined;
  return {
    ok: true,
    policies,
    ...(fields.token ? { token: fields.token } : {}),
    ...(focus ? { focus } : {}),
  };
}
