import { OfflineCopyStatus } from '@/components/offline/OfflineCopyStatus';
import { Panel } from '@/components/ui/Panel';
import { PREFERENCES_STORAGE_KEY } from './storage-key';
import { PrivacySettings } from './PrivacySettings';

/**
 * What JWT Lens sends and stores, exactly, and how anyone can check it. Each claim here has a test.
 * A server component: the text costs no hydration; the settings and the offline status are client islands.
 */
export function AboutPrivacy() {
  return (
    <div className="flex flex-col gap-4">
      <Panel label="About and privacy">
        <div className="max-w-3xl space-y-3 text-sm leading-6">
          <p>
            JWT Lens decodes, verifies and creates JSON Web Tokens entirely in your browser, with the Web
            Crypto API. It is a static site: there is no server-side code, no analytics, no error reporting,
            and no fonts, scripts or styles from any other host.
          </p>
          <h3 className="font-semibold">What it sends</h3>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              To the host of this page: requests for the page&apos;s own files (HTML, scripts, styles, icon).
              They carry nothing you typed.
            </li>
            <li>
              Only when you press &ldquo;Fetch keys&rdquo; in the JWKS panel: a GET request to the address you
              typed (https, or http to your own machine), and for an issuer its discovery document and the
              jwks_uri it names. No cookies, no referrer, no headers of ours and no part of your token.
            </li>
            <li>Nothing else. Tokens, keys, secrets and claims never leave this page.</li>
          </ul>
          <h3 className="font-semibold">What it stores</h3>
          <ul className="list-disc space-y-1 pl-5">
            <li>Nothing by default: no cookies, no localStorage, no sessionStorage, no IndexedDB.</li>
            <li>
              The offline copy of the app&apos;s own files in the Cache API, so it works without a network. It
              never holds anything you typed. The first visit keeps only what the first screen needs; each
              feature is added when you first use it, and the rest once the page has been idle for a few
              seconds.
              <OfflineCopyStatus />
            </li>
            <li>
              If you tick &ldquo;Remember theme and clock tolerance&rdquo; below: those two values, in
              localStorage under &ldquo;{PREFERENCES_STORAGE_KEY}&rdquo;. Tokens, keys and secrets are never
              stored.
            </li>
            <li>
              &ldquo;Clear everything&rdquo; (top of the page) empties every input and all of the above.
            </li>
          </ul>
          <h3 className="font-semibold">Share links</h3>
          <p>
            A share link carries the token after &ldquo;#&rdquo;. Browsers never send that part to the server,
            and JWT Lens removes it from the address bar as soon as it has read it. A share link never
            contains a key or secret. Links with a token after &ldquo;?&rdquo; are refused, because that part
            is sent to the server.
          </p>
          <h3 className="font-semibold">Check it yourself</h3>
          <ol className="list-decimal space-y-1 pl-5">
            <li>Open your browser&apos;s developer tools (F12) and select the Network tab.</li>
            <li>Reload, then paste a token, verify it, encode one: no new request appears.</li>
            <li>
              In the Application (or Storage) tab, Local Storage, Session Storage, IndexedDB and Cookies for
              this site are empty.
            </li>
            <li>
              View the page source: the first element of the head is a Content-Security-Policy that lets the
              page run only its own scripts and load only its own files.
            </li>
          </ol>
        </div>
      </Panel>
      <PrivacySettings />
    </div>
  );
}
