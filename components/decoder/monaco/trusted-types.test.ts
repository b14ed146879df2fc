import { describe, expect, it } from 'vitest';
import { MONACO_POLICIES, REFUSED_MONACO_POLICIES, createMonacoPolicy } from './trusted-types';

function recordingFactory() {
  const asked: string[] = [];
  return {
    asked,
    createPolicy: (name: string) => {
      asked.push(name);
      return { name };
    },
  };
}

describe('createMonacoPolicy (MonacoEnvironment.createTrustedTypesPolicy)', () => {
  const identity = { createHTML: (s: string) => s };

  it('creates the policies the editor needs', () => {
    const factory = recordingFactory();
    for (const name of Object.keys(MONACO_POLICIES)) {
      expect(createMonacoPolicy(factory, name, identity)).toEqual({ name });
    }
    expect(factory.asked).toEqual(Object.keys(MONACO_POLICIES));
  });

  it('never asks the browser for a refused one, so the CSP need not allow it', () => {
    const factory = recordingFactory();
    for (const name of Object.keys(REFUSED_MONACO_POLICIES)) {
      expect(createMonacoPolicy(factory, name, identity)).toBeUndefined();
    }
    expect(factory.asked).toEqual([]);
  });

  it('still asks for a name it does not know, so the CSP reports it', () => {
    const factory = recordingFactory();
    createMonacoPolicy(factory, 'someNewMonacoPolicy', identity);
    expect(factory.asked).toEqual(['someNewMonacoPolicy']);
  });

  it('does nothing where the browser has no Trusted Types', () => {
    expect(createMonacoPolicy(undefined, 'editorViewLayer', identity)).toBeUndefined();
  });

  it('no name is both needed and refused', () => {
    for (const name of Object.keys(MONACO_POLICIES)) expect(REFUSED_MONACO_POLICIES).not.toHaveProperty(name);
  });
});
