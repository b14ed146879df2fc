import { ESLint } from 'eslint';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// The architecture rules of STYLE.md are enforced by lint; these tests prove the rules bite.
let eslint: ESLint;
const root = path.resolve(__dirname, '..');

async function rulesHit(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

describe('lint architecture rules', () => {
  it('keeps react, next and UI code out of lib/', async () => {
    expect(
      await rulesHit("import { useState } from 'react';\nexport const x = useState;\n", 'lib/token/x.ts'),
    ).toContain('no-restricted-imports');
    expect(await rulesHit("import Link from 'next/link';\nexport const x = Link;\n", 'lib/x.ts')).toContain(
      'no-restricted-imports',
    );
    expect(
      await rulesHit(
        "import { Button } from '@/components/ui/Button';\nexport const x = Button;\n",
        'lib/x.ts',
      ),
    ).toContain('no-restricted-imports');
  });

  it('allows fetch only in lib/jwks/', async () => {
    const code = "export async function f() { return fetch('https://example.com'); }\n";
    expect(await rulesHit(code, 'lib/token/x.ts')).toContain('no-restricted-globals');
    expect(await rulesHit(code, 'components/decoder/x.ts')).toContain('no-restricted-globals');
    expect(await rulesHit("export const f = () => window.fetch('/x');\n", 'app/x.ts')).toContain(
      'no-restricted-properties',
    );
    expect(await rulesHit(code, 'lib/jwks/x.ts')).not.toContain('no-restricted-globals');
  });
});
