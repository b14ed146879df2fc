import { Panel } from '@/components/ui/Panel';

export function AboutPrivacy() {
  return (
    <Panel label="About and privacy">
      <div className="max-w-3xl space-y-3 text-sm leading-6">
        <p>
          JWT Lens decodes and verifies JSON Web Tokens entirely in your browser, with the Web Crypto API. It
          is a static site: there is no server-side code, no analytics, no fonts or scripts from other hosts.
        </p>
        <h3 className="font-semibold">What it sends</h3>
        <ul className="list-disc space-y-1 pl-5">
          <li>Nothing, while you decode, verify, encode or generate keys.</li>
          <li>
            Only when you press &ldquo;Fetch keys&rdquo; in the JWKS panel: one request to the address shown
            on screen, with no cookies, no referrer and no part of your token.
          </li>
        </ul>
        <h3 className="font-semibold">What it stores</h3>
        <p>Nothing by default. Tokens, keys and secrets are never written to storage.</p>
        <h3 className="font-semibold">Check it yourself</h3>
        <p>
          Open your browser&apos;s developer tools, select the Network tab, then paste a token: no request
          appears. The page&apos;s Content-Security-Policy also forbids scripts from any other origin.
        </p>
      </div>
    </Panel>
  );
}
