import { describe, expect, it } from 'vitest';
import {
  createPreferencesStore,
  parseStoredPreferences,
  PREFERENCES_STORAGE_KEY,
  type PreferenceStorage,
} from './preferences';

function fakeStorage() {
  const items = new Map<string, string>();
  const storage: PreferenceStorage = {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
  return { items, storage };
}

describe('the preferences store', () => {
  it('writes nothing until the user opts in', () => {
    const { items, storage } = fakeStorage();
    const store = createPreferencesStore(() => storage);
    store.update({ theme: 'dark', clockToleranceSeconds: 30 });
    expect(store.get()).toEqual({ theme: 'dark', clockToleranceSeconds: 30, remember: false });
    expect(items.size).toBe(0);
  });

  it('after opt-in, stores exactly the theme and the tolerance, and reads them back', () => {
    const { items, storage } = fakeStorage();
    const store = createPreferencesStore(() => storage);
    store.update({ theme: 'light', clockToleranceSeconds: 60 });
    store.setRemember(true);
    expect([...items]).toEqual([[PREFERENCES_STORAGE_KEY, '{"theme":"light","clockToleranceSeconds":60}']]);
    expect(createPreferencesStore(() => storage).get()).toEqual({
      theme: 'light',
      clockToleranceSeconds: 60,
      remember: true,
    });
  });

  it('opting out or forgetting removes the stored value', () => {
    const { items, storage } = fakeStorage();
    const store = createPreferencesStore(() => storage);
    store.setRemember(true);
    store.setRemember(false);
    expect(items.size).toBe(0);
    store.update({ theme: 'dark' });
    store.setRemember(true);
    store.forget();
    expect(items.size).toBe(0);
    expect(store.get()).toEqual({ theme: 'system', clockToleranceSeconds: 0, remember: false });
  });

  it('tells subscribers about changes', () => {
    const store = createPreferencesStore(() => undefined);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.update({ theme: 'dark' });
    unsubscribe();
    store.update({ theme: 'light' });
    expect(calls).toBe(1);
  });

  it('keeps working when the browser blocks storage', () => {
    const blocked: PreferenceStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    const store = createPreferencesStore(() => blocked);
    expect(store.get().theme).toBe('system');
    store.setRemember(true);
    store.update({ theme: 'dark' });
    expect(store.get().theme).toBe('dark');
  });
});

describe('parseStoredPreferences', () => {
  it('keeps only valid known fields; anything planted in storage is dropped', () => {
    const planted = JSON.stringify({
      theme: 'neon',
      clockToleranceSeconds: -5,
      token: 'eyJ...',
      __proto__: { polluted: true },
    });
    const parsed = parseStoredPreferences(planted);
    expect(parsed).toEqual({ theme: 'system', clockToleranceSeconds: 0, remember: true });
    expect(Object.keys(parsed)).toEqual(['theme', 'clockToleranceSeconds', 'remember']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parseStoredPreferences('{"theme":"dark","clockToleranceSeconds":120}')).toMatchObject({
      theme: 'dark',
      clockToleranceSeconds: 120,
    });
    expect(parseStoredPreferences('not json').remember).toBe(false);
    expect(parseStoredPreferences('null').remember).toBe(false);
    expect(parseStoredPreferences('{"clockToleranceSeconds":1.5}').clockToleranceSeconds).toBe(0);
  });
});
