/**
 * Redacting tokens in text. Three modes:
 * - 'strip-signature': keep `header.payload.` (and SD-JWT disclosures) so the token stays readable but no
 *   longer verifies; a JWE loses its authentication tag, so it no longer decrypts (RFC 7516 §5.2 step 16).
 * - 'placeholder': `[JWT sha256:<12 hex> alg=RS256]`; the same token gets the same placeholder everywhere,
 *   so correlating log lines still works without any piece of the token.
 * - 'remove': the token is cut out.
 */
import { fingerprintOf } from './matcher';
import { TokenMatcher, type MatchedToken } from './scan-text';

export type RedactionMode = 'strip-signature' | 'placeholder' | 'remove';
export const REDACTION_MODES: readonly RedactionMode[] = ['strip-signature', 'placeholder', 'remove'];

export interface RedactTextResult {
  text: string;
  /** Token occurrences replaced. An unsecured JWT has no signature to strip, so strip mode keeps it. */
  redacted: number;
}

const LABEL = { jws: 'JWT', unsecured: 'JWT', jwe: 'JWE', 'sd-jwt': 'SD-JWT' } as const;

/** The text that replaces one token. `text` is the string the span indexes. */
export function replacementFor(matched: MatchedToken, text: string, mode: RedactionMode): string {
  const { span } = matched;
  if (mode === 'remove') return '';
  if (mode === 'placeholder') {
    const alg = span.alg !== undefined ? ` alg=${span.alg}` : '';
    const enc = span.enc !== undefined ? ` enc=${span.enc}` : '';
    return `[${LABEL[matched.kind]} sha256:${fingerprintOf(matched.known).slice(0, 12)}${alg}${enc}]`;
  }
  // The issuer token up to its signature (or JWE tag), then SD-JWT disclosures, then a KB-JWT unsigned.
  let kept = text.slice(span.start, span.signatureStart);
  if (span.kind === 'sd-jwt') {
    const [kbStart] = span.kbSignature ?? [span.end];
    kept += text.slice(span.signatureEnd, kbStart);
  }
  return kept;
}

/** Replaces every token in `text`; the input string is never changed (strings are immutable anyway). */
export function redactText(
  text: string,
  mode: RedactionMode,
  matcher: TokenMatcher = new TokenMatcher(new Date(0)),
): RedactTextResult {
  if (typeof text !== 'string') return { text: '', redacted: 0 };
  const { tokens } = matcher.match(text);
  if (tokens.length === 0) return { text, redacted: 0 };
  const pieces: string[] = [];
  let at = 0;
  let redacted = 0;
  for (const matched of tokens) {
    if (mode === 'strip-signature' && matched.kind === 'unsecured') continue;
    pieces.push(text.slice(at, matched.span.start), replacementFor(matched, text, mode));
    at = matched.span.end;
    redacted++;
  }
  pieces.push(text.slice(at));
  return { text: pieces.join(''), redacted };
}
