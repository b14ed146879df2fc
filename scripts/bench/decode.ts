/**
 * decodeToken against the decode-only peers on the same tokens. decodeToken does more per call (header,
 * payload and signature, strict JSON with duplicate and big-number detection, pretty text, findings), so
 * jwt-decode is also timed decoding both header and payload, which is what a debugger shows.
 */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { jwtDecode } from 'jwt-decode';
import { decodeToken } from '../../lib/index';
import { measureGroup, type BenchRow } from './measure';
import { largeToken, smallIdToken } from './tokens';

export const DECODE_OURS = 'decodeToken';
export const DECODE_PEER = 'jwt-decode (payload)';

export async function benchDecode(): Promise<BenchRow[]> {
  const tokens = [
    { group: `decode: RS256 ID token`, token: smallIdToken() },
    { group: `decode: 100 KB token`, token: largeToken(100 * 1024) },
  ];
  const rows: BenchRow[] = [];
  for (const { group, token } of tokens) {
    const check = decodeToken(token);
    if (!check.ok) throw new Error(`the ${group} fixture does not decode: ${check.error.message}`);
    rows.push(
      ...(await measureGroup(`${group} (${token.length} chars)`, [
        { name: DECODE_OURS, run: () => decodeToken(token) },
        { name: DECODE_PEER, run: () => jwtDecode(token) },
        {
          name: 'jwt-decode (header + payload)',
          run: () => [jwtDecode(token, { header: true }), jwtDecode(token)],
        },
        { name: 'jose.decodeJwt', run: () => decodeJwt(token) },
        { name: 'jose (header + payload)', run: () => [decodeProtectedHeader(token), decodeJwt(token)] },
      ])),
    );
  }
  return rows;
}
