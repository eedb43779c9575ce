/** The join link as a QR code: lean-qr draws one pixel per module; CSS scales it up crisply. */
import { generate } from 'lean-qr';
import { el } from './dom.js';

export function qrCanvas(text: string, label: string): HTMLCanvasElement {
  const canvas = el('canvas', { class: 'qr', attrs: { role: 'img', 'aria-label': label } });
  // Dark modules on white with the standard four-module quiet zone: phones read it best.
  generate(text).toCanvas(canvas, { on: [0, 0, 0, 255], off: [255, 255, 255, 255], pad: 4 });
  return canvas;
}
