import { describe, expect, it } from 'vitest';
import {
  childrenOf,
  DerError,
  derInteger,
  derOid,
  derSequence,
  integerBytes,
  readDer,
  readOid,
  TAG,
} from './der';

describe('DER reader and writer', () => {
  it('round-trips a SEQUENCE of an INTEGER with the high bit set and an OID', () => {
    const der = derSequence(derInteger(Uint8Array.of(0x80, 1)), derOid('1.2.840.113549.1.1.1'));
    const [int, oid] = childrenOf(readDer(der));
    expect(int!.value).toEqual(Uint8Array.of(0, 0x80, 1)); // sign byte added
    expect(integerBytes(int, 'n')).toEqual(Uint8Array.of(0x80, 1));
    expect(readOid(oid)).toBe('1.2.840.113549.1.1.1');
  });

  it('writes long-form lengths', () => {
    const der = derSequence(new Uint8Array(300));
    expect(Array.from(der.subarray(0, 4))).toEqual([TAG.sequence, 0x82, 0x01, 0x2c]);
    expect(readDer(der).value).toHaveLength(300);
  });

  it.each([
    ['indefinite length', [0x30, 0x80, 0, 0]],
    ['non-minimal length', [0x30, 0x81, 0x01, 0x05]],
    ['truncated content', [0x30, 0x05, 0x02, 0x01]],
    ['trailing bytes', [0x05, 0x00, 0x00]],
  ])('rejects %s', (_name, bytes) => {
    expect(() => readDer(Uint8Array.from(bytes))).toThrow(DerError);
  });
});
