import { SUPPORTED_SD_ALGS } from '../sd-jwt/hash';
import type { FindingRule } from './rule';

export const sdAlgUnsupported: FindingRule = {
  id: 'sd-alg-unsupported',
  severity: 'danger',
  check({ sdJwt }) {
    if (!sdJwt || sdJwt.sdAlgSupported) return [];
    return [
      {
        path: 'payload._sd_alg',
        message: `"_sd_alg" is "${sdJwt.sdAlg}", which this tool cannot compute (it supports ${SUPPORTED_SD_ALGS.join(', ')}), so no disclosure digest was checked. Verifiers that do not know the hash must reject the SD-JWT.`,
      },
    ];
  },
};
