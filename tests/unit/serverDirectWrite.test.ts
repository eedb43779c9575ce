/** Messages written straight to a phone's WebSocket (directWrite.ts): the same bytes, in the same order, or the usual way. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { describe, expect, test, vi } from 'vitest';
import WebSocket from 'ws';
import { DirectBroadcastAdapter, textFrame, writeDirectly, writeFrame, type EngineSocket } from '../../src/server/directWrite.js';

/** ws's own framing of a server's text message (header and payload). */
const wsFrame = (text: string) => Buffer.concat((WebSocket as unknown as { Sender: { frame(d: Buffer, o: object): Buffer[] } }).Sender.frame(Buffer.from(text), { readOnly: false, mask: false, rsv1: false, opcode: 1, fin: true }));

function conn(over: Partial<EngineSocket> = {}, ws: Partial<{ readyState: number }> = {}): EngineSocket & { sent: Buffer[][]; written: unknown[][] } {
  const sent: Buffer[][] = [];
  const written: unknown[][] = [];
  return {
    readyState: 'open',
    upgrading: false,
    writeBuffer: [],
    transport: { name: 'websocket', perMessageDeflate: null, socket: { readyState: 1, _sender: { sendFrame: (list: Buffer[]) => sent.push(list) }, ...ws } },
    write: (...args: unknown[]) => written.push(args),
    sent,
    written,
    ...over,
  };
}

describe('direct writes', () => {
  test('a frame is what ws makes of the same text, at every length class (and in Chinese)', () => {
    for (const n of [0, 1, 125, 126, 127, 1000, 65_535, 65_536, 70_000]) expect(textFrame('x'.repeat(n)).equals(wsFrame('x'.repeat(n)))).toBe(true);
    const zh = '42["view.trainee",{"line":"我要投诉你们的服务！"}]';
    expect(textFrame(zh).equals(wsFrame(zh))).toBe(true);
    expect(textFrame('我'.repeat(50)).equals(wsFrame('我'.repeat(50)))).toBe(true);
  });

  test('only an open WebSocket connection with nothing waiting in engine.io takes a frame directly', () => {
    const f = textFrame('4hello');
    expect(writeFrame(conn(), f)).toBe(true);
    expect(writeFrame(conn({ writeBuffer: [{}] }), f)).toBe(false);
    expect(writeFrame(conn({ readyState: 'closing' }), f)).toBe(false);
    expect(writeFrame(conn({ upgrading: true }), f)).toBe(false);
    expect(writeFrame(conn({ transport: { name: 'polling' } }), f)).toBe(false);
    expect(writeFrame(conn({ transport: { name: 'websocket', perMessageDeflate: {}, socket: { readyState: 1, _sender: { sendFrame: () => undefined } } } }), f)).toBe(false);
    expect(writeFrame(conn({}, { readyState: 2 }), f)).toBe(false);
    expect(writeFrame(conn({ transport: { name: 'websocket', socket: { readyState: 1 } } }), f)).toBe(false);
  });

  test('a connection writes text without a callback directly, and anything else the usual way', () => {
    const c = conn();
    const usual = c.write;
    writeDirectly(c);
    c.write('3[{"ok":true}]', { compress: true });
    expect(c.sent).toEqual([[textFrame('43[{"ok":true}]')]]);
    const cb = vi.fn();
    c.write('2["x"]', {}, cb);
    c.write(Buffer.from([1, 2]), {});
    c.write('2["y"]', { wsPreEncodedFrame: [Buffer.from('a')] });
    c.writeBuffer.push({});
    c.write('2["z"]', {});
    expect(c.sent).toHaveLength(1);
    expect(c.written.map((a) => a[0])).toEqual(['2["x"]', Buffer.from([1, 2]), '2["y"]', '2["z"]']);
    expect(usual).not.toBe(c.write);
  });

  test('over a real connection, acknowledgements, emits and broadcasts arrive whole and in the order sent', async () => {
    const http = createServer();
    const io = new Server(http, { adapter: DirectBroadcastAdapter });
    io.engine.on('connection', (c: EngineSocket) => writeDirectly(c));
    io.on('connection', (s) => {
      void s.join('class');
      s.on('go', (n: number, ack: (r: unknown) => void) => {
        for (let i = 0; i < n; i++) {
          // Binary data goes the usual way (engine.io), between messages written directly.
          if (i % 7 === 0) s.emit('m', { i, bin: Buffer.from([i & 255]) });
          else if (i % 3 === 0) io.to('class').emit('m', { i, text: '学员'.repeat(i * 40) });
          else s.emit('m', { i });
        }
        ack({ ok: true, sent: n });
      });
    });
    await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
    const client = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ['websocket'], forceNew: true });
    try {
      const got: number[] = [];
      client.on('m', (m: { i: number; text?: string; bin?: ArrayBuffer }) => {
        if (m.text !== undefined) expect(m.text).toBe('学员'.repeat(m.i * 40));
        if (m.i % 7 === 0) expect([...new Uint8Array(m.bin!)]).toEqual([m.i & 255]);
        got.push(m.i);
      });
      const r = await client.timeout(5000).emitWithAck('go', 300);
      expect(r).toEqual({ ok: true, sent: 300 });
      await vi.waitFor(() => expect(got).toHaveLength(300), { timeout: 5000 });
      expect(got).toEqual(Array.from({ length: 300 }, (_, i) => i));
    } finally {
      client.close();
      await new Promise<void>((ok) => io.close(() => ok()));
    }
  });
});
