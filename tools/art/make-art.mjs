#!/usr/bin/env node
// Generates every SVG under assets/characters/ and assets/backgrounds/.
// Run from the repository root:  node tools/art/make-art.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stdout } from 'node:process';
import { Buffer } from 'node:buffer';
import { EXPRESSIONS, PEOPLE, renderCharacter } from './characters.mjs';
import { BACKGROUNDS } from './backgrounds.mjs';

const ASSETS = join(dirname(fileURLToPath(import.meta.url)), '../../assets');

let count = 0;
let bytes = 0;
function write(rel, text) {
  const file = join(ASSETS, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  count += 1;
  bytes += Buffer.byteLength(text);
}

for (const type of Object.keys(PEOPLE)) {
  for (const expr of EXPRESSIONS) write(`characters/${type}/${expr}.svg`, renderCharacter(type, expr));
}
for (const [name, render] of Object.entries(BACKGROUNDS)) write(`backgrounds/${name}.svg`, render());

stdout.write(`wrote ${count} SVG files (${Math.round(bytes / 1024)} KB) under ${ASSETS}\n`);
