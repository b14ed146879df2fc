import type { FindingRule } from './rule';

export const payloadNotJson: FindingRule = {
  id: 'payload-not-json',
  severity: 'info',
  check({ format, payload, payloadIsJson }) {
    if (format === 'jwe' || payloadIsJson || typeof payload !== 'string' || payload === '') return [];
    return [
      {
        path: 'payload',
        message:
          'The payload is not JSON, so it is shown as text. JWS allows any payload, but a JWT (and every claim check) needs a JSON object.',
      },
    ];
  },
};
