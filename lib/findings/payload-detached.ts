import type { FindingRule } from './rule';

/** RFC 7515 Appendix F: a JWS whose payload travels separately. */
export const payloadDetached: FindingRule = {
  id: 'payload-detached',
  severity: 'info',
  check({ format, payload }) {
    if ((format !== 'jws' && format !== 'jws-json') || payload !== '') return [];
    return [
      {
        path: 'payload',
        message:
          'The payload is empty: this is a JWS with detached content (RFC 7515 Appendix F), or the payload was lost when copying. To verify it you need the original payload from wherever it travels.',
      },
    ];
  },
};
