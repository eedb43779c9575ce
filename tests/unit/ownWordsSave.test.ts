/**
 * The save, version 3: the settings keep how the trainee answers ("In my own words" or picking replies).
 * Older saves load with picking, as they played; a bad value reads as picking without losing the save.
 */
import { describe, expect, it } from 'vitest';
import { Progress, readSave, STORAGE_KEY, STORAGE_VERSION, type KeyValue } from '../../src/platform/storage.js';

/** localStorage, in memory. */
function memory(): KeyValue {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

const V2 = {
  version: 2,
  settings: { locale: 'zh-CN', muted: false, volume: 0.5, guided: true, metersSeen: ['angry'] },
  best: { 'five-to-closing': 80 },
  attempts: [{ scenario: 'five-to-closing', at: '2026-12-01T09:00:00.000Z', overall: 80, grade: 'B', outcome: 'resolved', path: [0, 1], seed: 4 }],
  resume: null,
  imported: [],
};

const withSave = (data: unknown) => {
  const m = memory();
  m.setItem(STORAGE_KEY, JSON.stringify(data));
  return m;
};

describe('the own-words setting in the save', () => {
  it('is version 3', () => expect(STORAGE_VERSION).toBe(3));

  it('brings a version-2 save up with picking replies, keeping everything else', () => {
    const loaded = readSave(withSave(V2));
    expect(loaded).toMatchObject({ reset: false, migratedFrom: 2 });
    expect(loaded.save).toEqual({ ...V2, version: 3, settings: { ...V2.settings, ownWords: false } });
  });

  it('brings a version-1 save up through both steps', () => {
    const loaded = readSave(withSave({ ...V2, version: 1 }));
    expect(loaded).toMatchObject({ reset: false, migratedFrom: 1 });
    expect(loaded.save.settings.ownWords).toBe(false);
    expect(loaded.save.attempts).toEqual(V2.attempts);
  });

  it('keeps the choice once made, across a restart', () => {
    const m = withSave(V2);
    const p = new Progress(m);
    p.update((s) => (s.settings.ownWords = true));
    expect(new Progress(m).save.settings.ownWords).toBe(true);
    expect(JSON.parse(m.getItem(STORAGE_KEY)!).settings.ownWords).toBe(true);
  });

  it('reads a missing or bad value as picking, without resetting the save', () => {
    for (const ownWords of [undefined, 'yes', 1, null]) {
      const loaded = readSave(withSave({ ...V2, version: 3, settings: { ...V2.settings, ownWords } }));
      expect(loaded.reset).toBe(false);
      expect(loaded.save.settings.ownWords).toBe(false);
      expect(loaded.save.best).toEqual(V2.best);
    }
  });

  it('a save whose settings are not an object is still corrupt (reset with a notice), not patched', () => {
    const p = new Progress(withSave({ ...V2, settings: 'x' }));
    expect(p.notice).toBe('corrupt');
    expect(p.save.settings.ownWords).toBe(false);
  });
});
