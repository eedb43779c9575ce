/** The studio's file endpoint: the trainer opens and saves .yaml files under the scenarios folder, nothing else. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STUDIO_MAX_BYTES } from '../../src/server/studioFiles.js';
import { startServer, tempDir } from './classroomServer.helpers.js';

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

function scenariosDir(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'library'));
  writeFileSync(join(dir, 'library', 'a.yaml'), 'id: a  # a comment\n');
  writeFileSync(join(dir, 'mine.yaml'), 'id: mine\n');
  writeFileSync(join(dir, 'notes.txt'), 'not yaml');
  writeFileSync(join(dir, '..', 'outside.yaml'), 'id: outside\n');
  return dir;
}

async function server(o: { trustLoopback?: boolean; trainerKey?: string } = {}) {
  const scenarios = scenariosDir();
  const s = await startServer({ scenarios, ...o });
  running.push(s);
  return { url: s.url, scenarios };
}

describe('studio files', () => {
  it('lists, opens and saves for the trainer, byte for byte', async () => {
    const { url, scenarios } = await server();
    const list = (await (await fetch(`${url}/api/studio/files`)).json()) as { files: string[] };
    expect(list.files).toEqual(['library/a.yaml', 'mine.yaml']);
    const open = await fetch(`${url}/api/studio/file?path=library/a.yaml`);
    expect(await open.text()).toBe('id: a  # a comment\n');
    const text = '# kept\nid: a   # spaced\n\n\ntitle: { zh-CN: 你好, en: Hi }\n';
    const save = await fetch(`${url}/api/studio/file?path=library/a.yaml`, { method: 'PUT', body: text });
    expect(save.status).toBe(200);
    expect(readFileSync(join(scenarios, 'library', 'a.yaml'), 'utf8')).toBe(text);
    // Written through a temporary file that is gone afterwards.
    expect(readdirSync(join(scenarios, 'library'))).toEqual(['a.yaml']);
  });

  it('refuses paths outside the folder', async () => {
    const { url, scenarios } = await server();
    for (const p of ['../outside.yaml', 'library/../../outside.yaml', '%2E%2E/outside.yaml', '/etc/passwd.yaml', 'library\\..\\..\\outside.yaml']) {
      const r = await fetch(`${url}/api/studio/file?path=${p}`, { method: 'PUT', body: 'id: x\n' });
      expect(r.status, p).toBe(400);
      expect(await r.text()).toMatch(/inside scenarios|path/);
    }
    expect(readFileSync(join(scenarios, '..', 'outside.yaml'), 'utf8')).toBe('id: outside\n');
    expect((await fetch(`${url}/api/studio/file?path=../outside.yaml`)).status).toBe(400);
  });

  it('refuses files that are not .yaml', async () => {
    const { url, scenarios } = await server();
    for (const p of ['notes.txt', 'mine.yml', 'mine.yaml.js', 'library']) {
      const r = await fetch(`${url}/api/studio/file?path=${p}`, { method: 'PUT', body: 'x' });
      expect(r.status, p).toBe(400);
      expect(await r.text()).toContain('.yaml');
    }
    expect(readFileSync(join(scenarios, 'notes.txt'), 'utf8')).toBe('not yaml');
  });

  it('refuses a file that is too big and keeps the old one', async () => {
    const { url, scenarios } = await server();
    const r = await fetch(`${url}/api/studio/file?path=mine.yaml`, { method: 'PUT', body: `id: mine\n# ${'x'.repeat(STUDIO_MAX_BYTES)}\n` });
    expect(r.status).toBe(413);
    expect(readFileSync(join(scenarios, 'mine.yaml'), 'utf8')).toBe('id: mine\n');
  });

  it('refuses anyone who is not the trainer, and accepts the trainer key', async () => {
    const key = 'k'.repeat(16);
    const { url, scenarios } = await server({ trustLoopback: false, trainerKey: key });
    expect((await fetch(`${url}/api/studio/files`)).status).toBe(403);
    expect((await fetch(`${url}/api/studio/file?path=mine.yaml`)).status).toBe(403);
    const put = await fetch(`${url}/api/studio/file?path=mine.yaml`, { method: 'PUT', body: 'id: evil\n' });
    expect(put.status).toBe(403);
    expect(readFileSync(join(scenarios, 'mine.yaml'), 'utf8')).toBe('id: mine\n');
    const withKey = await fetch(`${url}/api/studio/file?path=mine.yaml`, { method: 'PUT', body: 'id: mine2\n', headers: { 'x-dojo-key': key } });
    expect(withKey.status).toBe(200);
    expect(readFileSync(join(scenarios, 'mine.yaml'), 'utf8')).toBe('id: mine2\n');
  });
});
