import { chromium } from 'playwright';
const [,, out, locale, w, h] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const ctx = await b.newContext({ viewport: { width: +w, height: +h } });
const p = await ctx.newPage();
await p.emulateMedia({ reducedMotion: 'reduce' });
await p.addInitScript((l) => localStorage.setItem('complaint-dojo', JSON.stringify({ version: 1, settings: { locale: l, muted: true, volume: 0.7 }, best: {}, attempts: [], resume: null, imported: [] })), locale);
await p.goto('http://127.0.0.1:4400/'); await p.waitForTimeout(3000);
for (const k of ['Enter','Enter','Enter']) { await p.keyboard.press(k); await p.waitForTimeout(2000); }
await p.screenshot({ path: out });
for (let i = 0; i < 4; i++) { await p.keyboard.press('Enter'); await p.waitForTimeout(1200); await p.screenshot({ path: out.replace('.png', `-${i}.png`) }); }
await b.close();
