/**
 * A tiny static file server on loopback, for benchmarks and tests; `prefix` serves the folder
 * under a sub-path; `socket` adds a bare socket.io server that acknowledges `echo` with what it got.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.json': 'application/json',
  '.css': 'text/css',
};

export async function serve(root: string, prefix = '/', o: { socket?: boolean } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (!url.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    const path = normalize('/' + url.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  let io: { close(done: () => void): void } | undefined;
  if (o.socket) {
    const { Server } = await import('socket.io');
    const sio = new Server(server);
    sio.on('connection', (socket) => socket.on('echo', (x: unknown, ack: (x: unknown) => void) => ack(x)));
    io = sio;
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const close = () => new Promise<void>((r) => (io ? io.close(() => r()) : server.close(() => r())));
  return { url: `http://127.0.0.1:${port}${prefix}`, close };
}
