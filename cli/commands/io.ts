/** Where a command writes: injected so main.ts owns the streams and the final exit code. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}
