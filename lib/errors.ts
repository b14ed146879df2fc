/**
 * The single error vocabulary of lib/. Public functions never throw for bad input:
 * they return `{ ok: false, error }` with one of these codes and a message that tells
 * the user what to do next. Other modules add codes to this union as features land.
 */
export type TokenPart = 'token' | 'header' | 'payload' | 'signature';

export type DecodeErrorCode =
  | 'empty-input'
  | 'input-too-large'
  | 'segment-count'
  | 'empty-segment'
  | 'invalid-base64url'
  | 'truncated'
  | 'invalid-utf8'
  | 'header-not-json'
  | 'header-not-object'
  | 'too-deep'
  | 'invalid-json-serialization'
  | 'invalid-sd-jwt'
  | 'internal';

export type LensErrorCode = DecodeErrorCode | (string & {});

export interface LensError {
  code: LensErrorCode;
  message: string;
  part?: TokenPart;
  /** 0-based character offset in the cleaned token, when the problem has a position. */
  position?: number;
}

/** Thrown inside lib/ only; every public function catches it and returns `{ ok: false, error }`. */
export class LensFailure extends Error {
  readonly error: LensError;
  constructor(error: LensError) {
    super(error.message);
    this.error = error;
  }
}

export function fail(
  code: LensErrorCode,
  message: string,
  extra: Omit<LensError, 'code' | 'message'> = {},
): never {
  throw new LensFailure({ code, message, ...extra });
}

/** Turns anything caught at an API boundary into a LensError, never leaking a raw stack. */
export function toLensError(err: unknown): LensError {
  if (err instanceof LensFailure) return err.error;
  const detail = err instanceof Error ? err.message : String(err);
  return {
    code: 'internal',
    message: `Something unexpected went wrong while reading the token (${detail}). Nothing was sent anywhere; please report this with a token that shows it.`,
  };
}
