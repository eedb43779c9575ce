/**
 * The scenario studio's files on this machine: list, read and save the YAML files under
 * scenarios/ (library and the trainer's own). Paths are relative to that folder and confined
 * to it; only .yaml files; a save is written whole to a temporary file and renamed over the
 * old one, byte for byte as the editor sent it (comments and layout stay).
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { MAX_FILE_BYTES } from '../engine/yamlSource.js';

export const STUDIO_MAX_BYTES = MAX_FILE_BYTES;

export type FileResult = { ok: true; text: string } | { ok: false; status: number; message: string };

export class StudioFiles {
  constructor(readonly root: string) {}

  /** Every .yaml file under the folder (two levels deep at most), sorted, as relative paths with `/`. */
  list(): string[] {
    const out: string[] = [];
    const walk = (dir: string, depth: number) => {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      for (const name of names) {
        if (name.startsWith('.')) continue;
        const full = join(dir, name);
        const st = statSync(full, { throwIfNoEntry: false });
        if (st?.isDirectory() && depth < 2) walk(full, depth + 1);
        else if (st?.isFile() && name.endsWith('.yaml')) out.push(relative(this.root, full).split(sep).join('/'));
      }
    };
    walk(this.root, 0);
    return out.sort();
  }

  /** The full path of a relative one, or why it is refused. */
  resolve(rel: unknown): { ok: true; full: string } | { ok: false; status: number; message: string } {
    if (typeof rel !== 'string' || rel === '' || rel.includes('\0') || rel.includes('\\') || isAbsolute(rel)) return { ok: false, status: 400, message: 'give a path inside scenarios/, like library/door-bump.yaml' };
    if (!rel.endsWith('.yaml')) return { ok: false, status: 400, message: 'only .yaml files can be opened or saved' };
    const full = normalize(join(this.root, rel));
    if (!full.startsWith(normalize(this.root) + sep) || rel.split('/').includes('..')) return { ok: false, status: 400, message: 'the path must stay inside scenarios/' };
    return { ok: true, full };
  }

  async read(rel: unknown): Promise<FileResult> {
    const r = this.resolve(rel);
    if (!r.ok) return r;
    try {
      return { ok: true, text: await readFile(r.full, 'utf8') };
    } catch {
      return { ok: false, status: 404, message: `no such file: ${String(rel)}` };
    }
  }

  async save(rel: unknown, text: unknown): Promise<FileResult> {
    const r = this.resolve(rel);
    if (!r.ok) return r;
    if (typeof text !== 'string') return { ok: false, status: 400, message: 'the body must be the file text' };
    if (Buffer.byteLength(text, 'utf8') > STUDIO_MAX_BYTES) return { ok: false, status: 413, message: `the file is larger than ${STUDIO_MAX_BYTES} bytes` };
    const dir = statSync(join(r.full, '..'), { throwIfNoEntry: false });
    if (!dir?.isDirectory()) return { ok: false, status: 400, message: 'the folder does not exist' };
    const tmp = `${r.full}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(tmp, text, 'utf8');
      await rename(tmp, r.full);
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      return { ok: false, status: 500, message: `cannot write the file: ${(e as Error).message}` };
    }
    return { ok: true, text };
  }
}
