/**
 * parsePolicy: policy text to a normalised Policy, or the first problem with its JSON path. Unknown members
 * are errors, not ignored: a misspelt "audiance" silently dropped would leave a service without the check
 * its authors believe it has. Kept in step with policy.schema.json (parse.test.ts checks both agree).
 */
import { isObject } from '../is-object';
import { childPath, parseStrictJson } from '../token/json';
import type { ClaimListRule, Policy, PolicyParseResult } from './types';

/** The members of a policy, in the order the schema lists them. */
export const POLICY_MEMBERS = [
  'version',
  'name',
  'issuer',
  'audience',
  'algorithms',
  'typ',
  'requiredClaims',
  'claimValues',
  'maxLifetimeSeconds',
  'maxAgeSeconds',
  'clockToleranceSeconds',
  'scopes',
  'roles',
  'tenants',
  'jwksUri',
] as const;

/**
 * Algorithms a policy may allow: the JWS signature algorithms of RFC 7518 §3.1 and RFC 8037 that both jose
 * and PyJWT verify, so every policy can be exported as code. Not JWS_ALGORITHMS (what the verifier knows):
 * ES256K and the fully-specified Ed25519 are left out because PyJWT 2.6 cannot verify them.
 */
export const POLICY_ALGORITHMS = [
  'HS256',
  'HS384',
  'HS512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;

/** Members that look like key material: a policy is shareable, so they are refused by name. */
const KEY_MEMBERS = new Set(['key', 'keys', 'secret', 'jwks', 'publicKey', 'privateKey', 'k', 'd']);

class PolicyError {
  constructor(
    readonly path: string,
    readonly message: string,
  ) {}
}

export function parsePolicy(text: string): PolicyParseResult {
  if (typeof text !== 'string' || text.trim() === '') {
    return fail('$', 'The policy is empty. Paste a policy JSON document or pick a template.');
  }
  const parsed = parseStrictJson(text);
  if (!parsed.ok) {
    return fail('$', `The policy is not valid JSON: ${parsed.message}. Check for a missing comma or quote.`);
  }
  if (parsed.duplicates.length > 0) {
    const path = parsed.duplicates[0]!;
    return fail(path, `${path} appears twice. Keep one, so every reader sees the same policy.`);
  }
  return policyFromValue(parsed.value);
}

/** Validates an already-parsed value (a policy read from a link, or from a list in a file). */
export function policyFromValue(value: unknown): PolicyParseResult {
  try {
    return { ok: true, policy: readPolicy(value) };
  } catch (err) {
    if (err instanceof PolicyError) return fail(err.path, err.message);
    throw err;
  }
}

function fail(path: string, message: string): PolicyParseResult {
  return { ok: false, error: { path, message } };
}

function readPolicy(value: unknown): Policy {
  if (!isObject(value))
    throw new PolicyError('$', 'A policy is a JSON object, like {"version": 1, "name": …}.');
  for (const key of Object.keys(value)) {
    if (KEY_MEMBERS.has(key)) {
      throw new PolicyError(
        childPath('$', key),
        `"${key}" is not allowed: keys and secrets are never part of a policy, because policies are shared. Paste the key in the verifier instead, or name a "jwksUri".`,
      );
    }
    if (!(POLICY_MEMBERS as readonly string[]).includes(key)) {
      throw new PolicyError(
        childPath('$', key),
        `Unknown member "${key}". A policy may have: ${POLICY_MEMBERS.join(', ')}.`,
      );
    }
  }
  if (value.version !== 1) {
    throw new PolicyError(
      '$.version',
      value.version === undefined
        ? 'The policy needs "version": 1.'
        : `"version" is ${JSON.stringify(value.version)}; this tool reads version 1.`,
    );
  }
  const name = text(value, 'name', '$.name');
  if (name === undefined || name.trim() === '') {
    throw new PolicyError('$.name', 'The policy needs a "name", such as "orders-service".');
  }
  const policy: Policy = {
    version: 1,
    name,
    algorithms: algorithms(value.algorithms),
    requiredClaims: stringList(value.requiredClaims ?? [], '$.requiredClaims', { allowEmpty: true }),
    claimValues: claimValues(value.claimValues),
    clockToleranceSeconds: seconds(value.clockToleranceSeconds ?? 0, '$.clockToleranceSeconds'),
  };
  if (value.issuer !== undefined) policy.issuer = oneOrMany(value.issuer, '$.issuer');
  if (value.audience !== undefined) policy.audience = oneOrMany(value.audience, '$.audience');
  const typ = text(value, 'typ', '$.typ');
  if (typ !== undefined) policy.typ = nonEmpty(typ, '$.typ');
  if (value.maxLifetimeSeconds !== undefined)
    policy.maxLifetimeSeconds = seconds(value.maxLifetimeSeconds, '$.maxLifetimeSeconds', true);
  if (value.maxAgeSeconds !== undefined)
    policy.maxAgeSeconds = seconds(value.maxAgeSeconds, '$.maxAgeSeconds', true);
  if (value.scopes !== undefined) policy.scopes = claimList(value.scopes, '$.scopes');
  if (value.roles !== undefined) policy.roles = claimList(value.roles, '$.roles');
  if (value.tenants !== undefined) policy.tenants = tenants(value.tenants);
  const jwksUri = text(value, 'jwksUri', '$.jwksUri');
  if (jwksUri !== undefined) policy.jwksUri = httpsUrl(jwksUri, '$.jwksUri');
  return policy;
}

function text(obj: Record<string, unknown>, key: string, path: string): string | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new PolicyError(path, `${path} must be a string, not ${describe(v)}.`);
  return v;
}

function nonEmpty(v: string, path: string): string {
  if (v.trim() === '') throw new PolicyError(path, `${path} is empty; remove it or give a value.`);
  return v;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}

function stringList(v: unknown, path: string, { allowEmpty }: { allowEmpty: boolean }): string[] {
  if (!Array.isArray(v))
    throw new PolicyError(path, `${path} must be an array of strings, not ${describe(v)}.`);
  if (!allowEmpty && v.length === 0)
    throw new PolicyError(path, `${path} is empty; list at least one value.`);
  return v.map((item, i) => {
    const itemPath = `${path}[${i}]`;
    if (typeof item !== 'string')
      throw new PolicyError(itemPath, `${itemPath} must be a string, not ${describe(item)}.`);
    return nonEmpty(item, itemPath);
  });
}

function oneOrMany(v: unknown, path: string): string[] {
  if (typeof v === 'string') return [nonEmpty(v, path)];
  return stringList(v, path, { allowEmpty: false });
}

function algorithms(v: unknown): string[] {
  if (v === undefined) {
    throw new PolicyError(
      '$.algorithms',
      'The policy needs "algorithms", the allow-list of signing algorithms, e.g. ["RS256"]. Without it a service trusts whatever the token header says (RFC 8725 §3.1).',
    );
  }
  const list = stringList(v, '$.algorithms', { allowEmpty: false });
  list.forEach((alg, i) => {
    if (alg.toLowerCase() === 'none') {
      throw new PolicyError(
        `$.algorithms[${i}]`,
        '"none" is never allowed: an unsigned token can be written by anyone (RFC 8725 §3.2).',
      );
    }
    if (!(POLICY_ALGORITHMS as readonly string[]).includes(alg)) {
      throw new PolicyError(
        `$.algorithms[${i}]`,
        `"${alg}" is not a JWS signature algorithm. Use one of: ${POLICY_ALGORITHMS.join(', ')}.`,
      );
    }
  });
  return list;
}

function seconds(v: unknown, path: string, positive = false): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || (positive && v === 0)) {
    throw new PolicyError(
      path,
      `${path} must be a whole number of seconds${positive ? ' above 0' : ', 0 or more'}, not ${describe(v)}.`,
    );
  }
  return v;
}

function claimValues(v: unknown): Record<string, unknown> {
  if (v === undefined) return {};
  if (!isObject(v))
    throw new PolicyError(
      '$.claimValues',
      `$.claimValues must be an object of claim paths to values, not ${describe(v)}.`,
    );
  const out: Record<string, unknown> = {};
  for (const [key, expected] of Object.entries(v)) {
    checkClaimPath(key, childPath('$.claimValues', key));
    Object.defineProperty(out, key, {
      value: expected,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function claimPath(v: unknown, path: string): string {
  if (typeof v !== 'string') {
    throw new PolicyError(path, `${path} must be a dotted claim path like "scope" or "realm_access.roles".`);
  }
  return checkClaimPath(v, path);
}

/**
 * A dotted path of claim names. "__proto__" is refused: no issuer uses it, and in the exported Node code an
 * object literal member named "__proto__" sets the prototype instead of a member, which would drop the check.
 */
function checkClaimPath(v: string, path: string): string {
  if (!/^[^.]+(\.[^.]+)*$/.test(v)) {
    throw new PolicyError(path, `"${v}" is not a dotted claim path like "azp" or "realm_access.roles".`);
  }
  if (v.split('.').includes('__proto__')) {
    throw new PolicyError(path, `"${v}" names "__proto__", which is not a claim any issuer sets; remove it.`);
  }
  return v;
}

function members(v: Record<string, unknown>, allowed: string[], path: string): void {
  for (const key of Object.keys(v)) {
    if (!allowed.includes(key)) {
      throw new PolicyError(
        childPath(path, key),
        `Unknown member "${key}". ${path} may have: ${allowed.join(', ')}.`,
      );
    }
  }
}

function claimList(v: unknown, path: string): ClaimListRule {
  if (!isObject(v))
    throw new PolicyError(path, `${path} must be an object like {"all": ["read"], "any": []}.`);
  members(v, ['claim', 'all', 'any'], path);
  const rule: ClaimListRule = {
    all: stringList(v.all ?? [], `${path}.all`, { allowEmpty: true }),
    any: stringList(v.any ?? [], `${path}.any`, { allowEmpty: true }),
  };
  if (v.claim !== undefined) rule.claim = claimPath(v.claim, `${path}.claim`);
  if (rule.all.length === 0 && rule.any.length === 0) {
    throw new PolicyError(path, `${path} names no values; fill "all" or "any", or remove it.`);
  }
  return rule;
}

function tenants(v: unknown): { claim?: string; allowed: string[] } {
  if (!isObject(v))
    throw new PolicyError(
      '$.tenants',
      '$.tenants must be an object like {"claim": "tid", "allowed": ["…"]}.',
    );
  members(v, ['claim', 'allowed'], '$.tenants');
  const out: { claim?: string; allowed: string[] } = {
    allowed: stringList(v.allowed, '$.tenants.allowed', { allowEmpty: false }),
  };
  if (v.claim !== undefined) out.claim = claimPath(v.claim, '$.tenants.claim');
  return out;
}

function httpsUrl(v: string, path: string): string {
  // The URL parser drops tabs and line breaks; kept in the text they would end up in generated code.
  if (/[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(v)) {
    throw new PolicyError(
      path,
      `${path} contains spaces or control characters; give the address on one line.`,
    );
  }
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new PolicyError(
      path,
      `${path} is not a URL. Give the full address, e.g. https://id.example.com/.well-known/jwks.json.`,
    );
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new PolicyError(
      path,
      `${path} must use https (keys fetched over plain http can be swapped in transit); http is accepted only for localhost.`,
    );
  }
  if (url.username || url.password)
    throw new PolicyError(path, `${path} must not contain a user name or password.`);
  return v;
}
