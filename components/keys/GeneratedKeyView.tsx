import type { GeneratedKeyPair, GeneratedSecret } from '@/lib';
import { KeyTextBlock, ThumbprintLine } from './KeyTextBlock';

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Every text of a freshly generated key, each with copy and download. */
export function GeneratedKeyView({ value }: { value: GeneratedSecret | GeneratedKeyPair }) {
  const base = `${value.alg.toLowerCase()}-${value.thumbprint.slice(0, 8)}`;
  if (value.kind === 'secret') {
    return (
      <div className="flex flex-col gap-3" aria-label="Generated key">
        <p className="text-sm">
          A {value.bits}-bit secret for {value.alg}. In the encoder, choose the secret encoding that matches
          the text you paste.
        </p>
        <KeyTextBlock
          label="Secret (base64url)"
          text={value.base64url}
          filename={`${base}.b64u.txt`}
          secret
        />
        <KeyTextBlock label="Secret (hex)" text={value.hex} filename={`${base}.hex.txt`} secret />
        <KeyTextBlock label="JWK (secret)" text={json(value.jwk)} filename={`${base}.jwk.json`} secret />
        <ThumbprintLine thumbprint={value.thumbprint} uri={value.thumbprintUri} />
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3" aria-label="Generated key">
      <ThumbprintLine thumbprint={value.thumbprint} uri={value.thumbprintUri} />
      <div className="grid gap-3 lg:grid-cols-2">
        <KeyTextBlock label="Public key PEM (SPKI)" text={value.publicPem} filename={`${base}.public.pem`} />
        <KeyTextBlock
          label="Private key PEM (PKCS#8)"
          text={value.privatePem}
          filename={`${base}.private.pem`}
          secret
        />
        <KeyTextBlock label="Public JWK" text={json(value.publicJwk)} filename={`${base}.public.jwk.json`} />
        <KeyTextBlock
          label="Private JWK"
          text={json(value.privateJwk)}
          filename={`${base}.private.jwk.json`}
          secret
        />
      </div>
      <KeyTextBlock
        label="JWKS (public key, kid = thumbprint)"
        text={json(value.jwks)}
        filename={`${base}.jwks.json`}
      />
    </div>
  );
}
