/**
 * The verification engine (jose, @noble/curves, key import), loaded on demand so the decoder's first
 * screen stays within the first-load budget. Same origin; nothing leaves the page.
 */
export { importVerificationKey, verifyToken } from '@/lib';
