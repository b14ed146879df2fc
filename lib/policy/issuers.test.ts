import { describe, expect, it } from 'vitest';
import { ISSUER_TEMPLATES, issuerTemplateText, unfilledPlaceholders } from './issuers';
import { parsePolicy } from './parse';

describe('issuer templates', () => {
  it('covers the issuers the guides name', () => {
    expect(ISSUER_TEMPLATES.map((t) => t.label)).toEqual([
      'Auth0',
      'Microsoft Entra ID v2',
      'Okta',
      'Keycloak',
      'Amazon Cognito',
      'Google ID tokens',
      'Firebase ID tokens',
    ]);
  });

  it.each(ISSUER_TEMPLATES.map((t) => [t.id]))('%s parses once its placeholders are filled', (id) => {
    const text = issuerTemplateText(id)!;
    const filled = text.replace(/\{([a-z][a-z0-9-]*)\}/g, (_, name: string) => `example-${name}`);
    const parsed = parsePolicy(filled);
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    expect(unfilledPlaceholders(filled)).toEqual([]);
  });

  it('lists the placeholders still to fill, once each', () => {
    expect(unfilledPlaceholders(issuerTemplateText('entra-v2')!)).toEqual(['{tenant-id}', '{client-id}']);
    expect(unfilledPlaceholders(issuerTemplateText('google-id')!)).toEqual(['{client-id}']);
    expect(issuerTemplateText('nope')).toBeUndefined();
  });

  it('never allows none or embeds a key', () => {
    for (const t of ISSUER_TEMPLATES) {
      expect(t.policy.algorithms).not.toContain('none');
      expect(Object.keys(t.policy)).not.toContain('key');
    }
  });
});
