import { rfc } from './specs';
import type { AlgorithmInfo } from './types';

const JWS_ALGS = rfc(7518, '3.1');
const JWE_ALGS = rfc(7518, '4.1');
const ENC_ALGS = rfc(7518, '5.1');

/** Values of `alg` (signatures and key management), `enc` and `zip`, in plain words. RFC 7518 and later. */
export const ALGORITHMS: readonly AlgorithmInfo[] = [
  // JWS (signature and MAC)
  ...(['256', '384', '512'] as const).map((bits): AlgorithmInfo => ({
    name: `HS${bits}`,
    use: 'signature',
    description: `HMAC with SHA-${bits}: a shared secret both signs and verifies, so everyone who can verify can also forge. The secret must be long and random (at least ${Number(bits) / 8} bytes).`,
    spec: rfc(7518, '3.2'),
  })),
  ...(['256', '384', '512'] as const).map((bits): AlgorithmInfo => ({
    name: `RS${bits}`,
    use: 'signature',
    description: `RSA signature (PKCS #1 v1.5) with SHA-${bits}: signed with a private key, verified with the public key. Widely supported; use keys of 2048 bits or more.`,
    spec: rfc(7518, '3.3'),
  })),
  ...(
    [
      ['256', 'P-256'],
      ['384', 'P-384'],
      ['512', 'P-521'],
    ] as const
  ).map(([bits, curve]): AlgorithmInfo => ({
    name: `ES${bits}`,
    use: 'signature',
    description: `ECDSA on the ${curve} curve with SHA-${bits}: short signatures, verified with a public key.`,
    spec: rfc(7518, '3.4'),
  })),
  ...(['256', '384', '512'] as const).map((bits): AlgorithmInfo => ({
    name: `PS${bits}`,
    use: 'signature',
    description: `RSA-PSS signature with SHA-${bits}: the modern RSA padding, verified with a public key.`,
    spec: rfc(7518, '3.5'),
  })),
  {
    name: 'none',
    use: 'signature',
    description:
      'No signature at all: anyone can change the token. Never accept it for anything that matters.',
    spec: rfc(7518, '3.6'),
    advice: 'avoid',
  },
  {
    name: 'EdDSA',
    use: 'signature',
    description:
      'Edwards-curve signature (Ed25519 or Ed448, chosen by the key): fast, short and safe by design.',
    spec: rfc(8037, '3.1'),
  },
  {
    name: 'Ed25519',
    use: 'signature',
    description: 'EdDSA on the Ed25519 curve, named explicitly (replaces the ambiguous "EdDSA").',
    spec: rfc(9864, '2.2'),
  },
  {
    name: 'Ed448',
    use: 'signature',
    description: 'EdDSA on the Ed448 curve, named explicitly.',
    spec: rfc(9864, '2.2'),
  },
  {
    name: 'ES256K',
    use: 'signature',
    description: 'ECDSA on the secp256k1 curve (used by Bitcoin and Ethereum) with SHA-256.',
    spec: rfc(8812, '3.2'),
  },
  // JWE key management
  {
    name: 'RSA1_5',
    use: 'key-management',
    description:
      'RSA PKCS #1 v1.5 key encryption. Vulnerable to padding-oracle attacks; use RSA-OAEP-256 instead.',
    spec: JWE_ALGS,
    advice: 'avoid',
  },
  {
    name: 'RSA-OAEP',
    use: 'key-management',
    description: 'RSA-OAEP (SHA-1) encrypts the content key to the recipient public key.',
    spec: rfc(7518, '4.3'),
  },
  {
    name: 'RSA-OAEP-256',
    use: 'key-management',
    description: 'RSA-OAEP with SHA-256 encrypts the content key to the recipient public key.',
    spec: rfc(7518, '4.3'),
  },
  ...(['384', '512'] as const).map((bits): AlgorithmInfo => ({
    name: `RSA-OAEP-${bits}`,
    use: 'key-management',
    description: `RSA-OAEP with SHA-${bits} encrypts the content key to the recipient public key.`,
    spec: {
      name: 'IANA JOSE algorithms registry (W3C WebCrypto)',
      url: 'https://www.iana.org/assignments/jose/jose.xhtml#web-signature-encryption-algorithms',
    },
  })),
  ...(['128', '192', '256'] as const).map((bits): AlgorithmInfo => ({
    name: `A${bits}KW`,
    use: 'key-management',
    description: `AES key wrap with a shared ${bits}-bit key wraps the content key.`,
    spec: rfc(7518, '4.4'),
  })),
  {
    name: 'dir',
    use: 'key-management',
    description: 'Direct encryption: the shared symmetric key is used as the content key itself.',
    spec: rfc(7518, '4.5'),
  },
  {
    name: 'ECDH-ES',
    use: 'key-management',
    description:
      'Elliptic-curve Diffie-Hellman with an ephemeral key ("epk") derives the content key directly.',
    spec: rfc(7518, '4.6'),
  },
  ...(['128', '192', '256'] as const).map((bits): AlgorithmInfo => ({
    name: `ECDH-ES+A${bits}KW`,
    use: 'key-management',
    description: `ECDH with an ephemeral key derives a ${bits}-bit key that wraps the content key with AES key wrap.`,
    spec: rfc(7518, '4.6'),
  })),
  ...(['128', '192', '256'] as const).map((bits): AlgorithmInfo => ({
    name: `A${bits}GCMKW`,
    use: 'key-management',
    description: `AES-GCM with a shared ${bits}-bit key wraps the content key ("iv" and "tag" in the header).`,
    spec: rfc(7518, '4.7'),
  })),
  ...(
    [
      ['256', '128'],
      ['384', '192'],
      ['512', '256'],
    ] as const
  ).map(([hash, bits]): AlgorithmInfo => ({
    name: `PBES2-HS${hash}+A${bits}KW`,
    use: 'key-management',
    description: `A key derived from a password (PBKDF2 with HMAC-SHA-${hash}, salt "p2s", "p2c" iterations) wraps the content key with AES-${bits} key wrap.`,
    spec: rfc(7518, '4.8'),
  })),
  // JWE content encryption
  ...(
    [
      ['128', '256'],
      ['192', '384'],
      ['256', '512'],
    ] as const
  ).map(([bits, hash]): AlgorithmInfo => ({
    name: `A${bits}CBC-HS${hash}`,
    use: 'content-encryption',
    description: `AES-${bits} in CBC mode with an HMAC-SHA-${hash} tag: authenticated encryption of the content.`,
    spec: rfc(7518, '5.2'),
  })),
  ...(['128', '192', '256'] as const).map((bits): AlgorithmInfo => ({
    name: `A${bits}GCM`,
    use: 'content-encryption',
    description: `AES-${bits} in GCM mode: fast authenticated encryption of the content.`,
    spec: rfc(7518, '5.3'),
  })),
  // JWE compression
  {
    name: 'DEF',
    use: 'compression',
    description: 'DEFLATE compression of the plaintext before encryption.',
    spec: rfc(7516, '4.1.3'),
  },
];

/** Spec pointers to the algorithm families, for callers that want a heading link. */
export const ALGORITHM_FAMILY_SPECS = {
  signature: JWS_ALGS,
  'key-management': JWE_ALGS,
  'content-encryption': ENC_ALGS,
} as const;
