import type { Severity } from '../../lib/index';
import type { Palette } from '../color';

export function severityLabel(severity: Severity, c: Palette): string {
  if (severity === 'danger') return c.red('[danger] ');
  if (severity === 'warning') return c.yellow('[warning]');
  return c.dim('[info]   ');
}
