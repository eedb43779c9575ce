/** The time to read the replies before a timed line's clock starts (engine/reading.ts). */
import { describe, expect, it } from 'vitest';
import { MAX_READING_MS, readingMs } from '../../src/engine/reading.js';

describe('reading time before a timed line’s clock', () => {
  it('counts English words and Chinese characters at the average silent-reading speeds, capped', () => {
    expect(readingMs(['one two three'], 'en')).toBe(Math.round((3 / 238) * 60_000));
    // Punctuation is not read as characters.
    expect(readingMs(['您好,请坐。'], 'zh-CN')).toBe(Math.round((4 / 255) * 60_000));
    expect(readingMs([Array.from({ length: 2000 }, () => 'word').join(' ')], 'en')).toBe(MAX_READING_MS);
  });
});
