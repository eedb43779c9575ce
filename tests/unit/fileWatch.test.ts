/** Watching a trainer's opened files for saves (platform/fileWatch.ts), with fake handles. */
import { describe, expect, it } from 'vitest';
import { FileWatch } from '../../src/platform/fileWatch.js';

class FakeHandle {
  constructor(
    public name: string,
    public text: string,
    public modified = 1,
    public gone = false,
  ) {}
  async getFile(): Promise<File> {
    if (this.gone) throw new DOMException('gone', 'NotFoundError');
    return new File([this.text], this.name, { lastModified: this.modified });
  }
}

describe('FileWatch', () => {
  it('reports a file only when it changed, follows a new id, and drops a file that is gone', async () => {
    const seen: string[] = [];
    const watch = new FileWatch((key, name, text) => seen.push(`${key} ${name} ${text}`), 60_000, () => true);
    const h = new FakeHandle('a.yaml', 'one');
    watch.watch('a', h, await h.getFile());
    await watch.poll();
    expect(seen).toEqual([]);
    h.text = 'two!';
    h.modified = 2;
    await watch.poll();
    expect(seen).toEqual(['a a.yaml two!']);
    // Saved with the same time stamp but another length (a coarse clock) still counts.
    h.text = 'three';
    await watch.poll();
    expect(seen.at(-1)).toBe('a a.yaml three');
    watch.rekey('a', 'b');
    h.modified = 3;
    await watch.poll();
    expect(seen.at(-1)).toBe('b a.yaml three');
    h.gone = true;
    await watch.poll();
    expect(watch.watching('b')).toBe(false);
    watch.forget('b');
  });
  it('does not read while the page is hidden', async () => {
    let visible = false;
    const seen: string[] = [];
    const watch = new FileWatch((key) => seen.push(key), 60_000, () => visible);
    const h = new FakeHandle('a.yaml', 'one');
    watch.watch('a', h, await h.getFile());
    h.modified = 2;
    await watch.poll();
    expect(seen).toEqual([]);
    visible = true;
    await watch.poll();
    expect(seen).toEqual(['a']);
    watch.forget('a');
  });
});
