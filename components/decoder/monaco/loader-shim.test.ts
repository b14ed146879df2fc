import { describe, expect, it } from 'vitest';
import loader, { CANCELATION_MESSAGE } from './loader-shim';

// A stand-in object: the shim only stores and returns it, so the real editor (which needs a DOM) is not loaded.
const fakeMonaco = { editor: {} } as unknown as typeof import('monaco-editor/editor');

describe('the @monaco-editor/loader shim', () => {
  it('refuses to initialise before it has been handed Monaco, saying what to do', async () => {
    expect(loader.__getMonacoInstance()).toBeNull();
    await expect(loader.init()).rejects.toThrow(/call loader\.config\(\{ monaco \}\)/);
  });

  it('resolves init() with the configured instance and ignores paths', async () => {
    loader.config({ monaco: fakeMonaco, paths: { vs: 'https://cdn.example/vs' } });
    expect(loader.__getMonacoInstance()).toBe(fakeMonaco);
    await expect(loader.init()).resolves.toBe(fakeMonaco);
  });

  it('rejects a canceled init() with the cancelation shape @monaco-editor/react ignores', async () => {
    loader.config({ monaco: fakeMonaco });
    const pending = loader.init();
    pending.cancel();
    await expect(pending).rejects.toEqual(CANCELATION_MESSAGE);
  });

  it('has no code path that loads anything', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('./loader-shim.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/createElement|\.src\s*=|https?:\/\/|importScripts|fetch\(/);
  });
});
