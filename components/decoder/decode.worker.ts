// Decodes one large input off the main thread, so a 10 MB paste never freezes the page.
// Imports the decoder module directly (not lib/index.ts), so this worker's bundle holds the decoder only.
import { decodeToken } from '@/lib/token/decode';

self.onmessage = (event: MessageEvent<{ input: string; now: number }>) => {
  self.postMessage(decodeToken(event.data.input, { now: new Date(event.data.now) }));
};
