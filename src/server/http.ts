/**
 * HTTP: the built game and the classroom pages from dist/, result exports for the trainer,
 * and a stream of scenario-file saves for the running game.
 */
import { createReadStream, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Locale } from '../engine/text.js';
import { LAUNCH_PAGE } from '../scorm/course.js';
import { exportCsv, exportJson } from './exports.js';
import { exportXlsx } from './xlsx.js';
import type { Hub } from './hub.js';
import type { JudgeApi } from './judgeApi.js';
import type { ServerLibrary } from './library.js';
import type { XapiService } from './xapi.js';
import { isTrainer, type Headers } from './trust.js';
import { STUDIO_MAX_BYTES, type StudioFiles } from './studioFiles.js';
import type { SharedScenarioApi } from './sharedScenarios.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.md', '.yaml']);
const PAGES: Record<string, string> = { '/': 'index.html', '/host': 'host.html', '/join': 'join.html', '/studio': 'studio.html' };
/** The classroom pages are ours alone: they may run only their own code. */
const CLASSROOM_CSP = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

export interface HttpOptions {
  dist: string;
  hub: Hub;
  library: ServerLibrary;
  trainerKey: string;
  trustLoopback: boolean;
  /** This machine's own host names (besides localhost). */
  localNames?: readonly string[];
  /** Sees every request's headers (the warning about an unannounced proxy). */
  onHeaders?: (headers: Headers) => void;
  /** xAPI: solo plays posted by the game, and a room's statements for download (xapi.ts). */
  xapi?: XapiService;
  /** The own-words judge: POST /api/judge, GET /api/judge/info (judgeApi.ts). */
  judge?: JudgeApi;
  /** The scenario studio's files (scenarios/): listed, opened and saved by the trainer only. */
  studio?: StudioFiles;
  /** Scenarios trainers share on this server: /api/scenarios (sharedScenarios.ts). */
  shared?: (trainer: (req: IncomingMessage, url: URL) => boolean) => SharedScenarioApi;
}

export function createHttp(o: HttpOptions): Server {
  const gz = new Map<string, { mtime: number; body: Buffer }>();
  const streams = new Set<ServerResponse>();
  o.library.onChange((c) => {
    const data = `event: scenario\ndata: ${JSON.stringify(c)}\n\n`;
    for (const res of streams) res.write(data);
  });

  const server = createServer((req, res) => {
    handle(req, res).catch((e: Error) => {
      console.error(`${req.method} ${req.url}: ${e.stack ?? e}`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    o.onHeaders?.(req.headers);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const url = new URL(req.url ?? '/', 'http://x');
    if (o.xapi && url.pathname.startsWith('/api/xapi') && (await o.xapi.handle(req, res, url.pathname))) return;
    if (o.judge && url.pathname.startsWith('/api/judge') && (await o.judge.handle(req, res, url.pathname))) return;
    if (url.pathname.startsWith('/api/studio/')) return studio(req, res, url);
    if (shared && (await shared.handle(req, res, url))) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
    const path = url.pathname;
    if (path === '/api/library/events') return events(req, res);
    const exp = /^\/api\/rooms\/([A-Za-z0-9-]{1,64})\/export\.(csv|json|xlsx)$/.exec(path);
    if (exp) return exportRoom(req, res, exp[1]!, exp[2] as 'csv' | 'json' | 'xlsx', url);
    const xapiExp = /^\/api\/rooms\/([A-Za-z0-9-]{1,64})\/xapi\.json$/.exec(path);
    if (xapiExp && o.xapi) return exportRoom(req, res, xapiExp[1]!, 'xapi', url);
    if (path.startsWith('/api/')) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    return file(req, res, PAGES[path] ?? path.slice(1));
  }

  function trainer(req: IncomingMessage, url: URL): boolean {
    return isTrainer(o, { address: req.socket.remoteAddress, headers: req.headers }, req.headers['x-dojo-key'] ?? url.searchParams.get('key'));
  }
  const shared = o.shared?.(trainer);

  /**
   * Results go to the trainer (this machine, or the trainer key) or to the holder of the room's
   * host token (in a header, never in a link). Anyone else is refused before the room is looked
   * up, so the answer says nothing about which rooms exist.
   */
  function exportRoom(req: IncomingMessage, res: ServerResponse, id: string, kind: 'csv' | 'json' | 'xlsx' | 'xapi', url: URL): void {
    const isTrainer_ = trainer(req, url);
    const hostToken = req.headers['x-dojo-host-token'];
    const refused = () => send(res, 403, 'text/plain; charset=utf-8', 'only the trainer (or this room\'s host) can export results');
    if (!isTrainer_ && typeof hostToken !== 'string') return refused();
    const live = [...o.hub.rooms.values()].find((r) => r.id === id || r.code === id);
    let room = live;
    try {
      room ??= o.hub.rebuild(id);
    } catch (e) {
      if (!isTrainer_) return refused();
      return send(res, 409, 'text/plain; charset=utf-8', `cannot export this room: ${(e as Error).message}`);
    }
    if (!isTrainer_ && !(room && typeof hostToken === 'string' && room.isHost(hostToken))) return refused();
    if (!room) return send(res, 404, 'text/plain; charset=utf-8', 'no such room');
    const locale: Locale = url.searchParams.get('lang') === 'en' ? 'en' : 'zh-CN';
    const day = new Date(room.row.createdAt).toISOString().slice(0, 10);
    const name = `dojo-${day}-${room.code}-${room.play.scenario.id}.${kind === 'xapi' ? 'xapi.json' : kind}`;
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.setHeader('Cache-Control', 'no-store');
    if (kind === 'csv') return send(res, 200, 'text/csv; charset=utf-8', exportCsv(room, locale), req);
    if (kind === 'xlsx') {
      exportXlsx(room, locale).then(
        (buf) => sendBytes(res, 200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buf, req),
        (e: Error) => {
          res.removeHeader('Content-Disposition');
          send(res, 500, 'text/plain; charset=utf-8', `cannot write the workbook: ${e.message}`);
        },
      );
      return;
    }
    if (kind === 'xapi') return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(o.xapi!.download(room), null, 2), req);
    return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(exportJson(room), null, 2), req);
  }

  /**
   * The studio's files: GET /api/studio/files (the list), GET /api/studio/file?path= (one file's
   * text), PUT /api/studio/file?path= (save the body as it is). The trainer only; anyone else
   * (and a server without the folder) gets 403, which the page reads as "open and download".
   */
  async function studio(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const plain = 'text/plain; charset=utf-8';
    res.setHeader('Cache-Control', 'no-store');
    if (!o.studio || !trainer(req, url)) return send(res, 403, plain, 'only the trainer, on the server\'s own machine, can open and save files here');
    if (url.pathname === '/api/studio/files' && req.method === 'GET') return send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ files: o.studio.list() }), req);
    if (url.pathname !== '/api/studio/file') return send(res, 404, plain, 'not found');
    const rel = url.searchParams.get('path');
    if (req.method === 'GET') {
      const r = await o.studio.read(rel);
      return r.ok ? send(res, 200, 'text/yaml; charset=utf-8', r.text, req) : send(res, r.status, plain, r.message);
    }
    if (req.method !== 'PUT') return send(res, 405, plain, 'method not allowed');
    const body = await readBody(req, STUDIO_MAX_BYTES);
    if (body === undefined) return send(res, 413, plain, `the file is larger than ${STUDIO_MAX_BYTES} bytes`);
    const r = await o.studio.save(rel, body);
    return r.ok ? send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ saved: rel, bytes: Buffer.byteLength(body) })) : send(res, r.status, plain, r.message);
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': scenario saves\n\n');
    streams.add(res);
    const keepAlive = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      streams.delete(res);
    });
  }

  async function file(req: IncomingMessage, res: ServerResponse, rel: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(rel);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'bad path');
    }
    const full = normalize(join(o.dist, decoded));
    if (!full.startsWith(normalize(o.dist) + sep) || decoded.includes('\0')) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    let st;
    try {
      st = statSync(full);
    } catch {
      return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    }
    if (!st.isFile()) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    const ext = extname(full).toLowerCase();
    const type = TYPES[ext] ?? 'application/octet-stream';
    // Hashed build files never change; pages and public assets are checked each time.
    res.setHeader('Cache-Control', /[-.][A-Za-z0-9_-]{8}\.(js|css)$/.test(full) ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (ext === '.html') {
      let html = await readFile(full, 'utf8');
      // The game listens for scenario saves only when this server serves it. The SCORM launch
      // page goes out as a package carries it: it reports to an LMS, not here, and the game's
      // own "Export for LMS" packs it from here byte for byte (scorm/exportCourse.ts).
      if (decoded !== LAUNCH_PAGE) html = html.replace('<head>', '<head>\n    <meta name="dojo-server" content="1" />');
      if (decoded !== 'index.html') res.setHeader('Content-Security-Policy', CLASSROOM_CSP);
      return send(res, 200, type, html, req);
    }
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      let c = gz.get(full);
      if (!c || c.mtime !== st.mtimeMs) {
        c = { mtime: st.mtimeMs, body: gzipSync(await readFile(full)) };
        gz.set(full, c);
      }
      res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Content-Length': c.body.length, Vary: 'Accept-Encoding' });
      res.end(req.method === 'HEAD' ? undefined : c.body);
      return;
    }
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': st.size });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(full).pipe(res);
  }

  return server;
}

/** A request's body as UTF-8 text, or undefined once it passes `limit` bytes (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        resolve(undefined);
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      parts.push(c);
    });
    req.on('end', () => resolve(size > limit ? undefined : Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string, req?: IncomingMessage): void {
  sendBytes(res, status, type, Buffer.from(body, 'utf8'), req);
}

function sendBytes(res: ServerResponse, status: number, type: string, buf: Buffer, req?: IncomingMessage): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': buf.length });
  res.end(req?.method === 'HEAD' ? undefined : buf);
}
