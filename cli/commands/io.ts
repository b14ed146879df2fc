/** Where a command writes: injected so main.ts owns the streams and the final exit code. */
export interface CommandIo {
  out(text: string): void;
  /** Like `out`, for a report already encoded as UTF-8 (a large JSON document): the bytes, then a newline. */
  outBytes(bytes: Uint8Array): void;
  err(text: string): void;
}
