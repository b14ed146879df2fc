import { errors } from 'jose';
import { describe, expect, it } from 'vitest';
import { mapJoseError } from './jose-errors';

describe('mapJoseError', () => {
  it.each([
    [new errors.JWSSignatureVerificationFailed(), 'signature-mismatch'],
    [new errors.JWSInvalid('x'), 'jws-invalid'],
    [new errors.JOSEAlgNotAllowed('x'), 'alg-not-allowed'],
    [new errors.JOSENotSupported('x'), 'alg-unsupported'],
    [new errors.JWKInvalid('x'), 'key-jwk-invalid'],
    [new errors.JWKSNoMatchingKey(), 'no-fitting-key'],
  ])('maps by err.code (%s)', (err, code) => {
    const mapped = mapJoseError(err, 'Key 1: ');
    expect(mapped.code).toBe(code);
    expect(mapped.message.startsWith('Key 1: ')).toBe(true);
  });

  it('never passes a raw WebCrypto message through', () => {
    const raw = new DOMException('Data provided to the operation does not meet requirements', 'DataError');
    const mapped = mapJoseError(raw, '');
    expect(mapped.code).toBe('key-unusable');
    expect(mapped.message).not.toContain('Data provided');
  });

  it('maps by code, not by class name (names are mangled in production)', () => {
    expect(mapJoseError({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', name: 'e' }, '').code).toBe(
      'signature-mismatch',
    );
  });
});
