import { chromium } from 'playwright';
const [,, pickKey, out, locale, w, h] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const ctx = await b.newContext({ viewport: { width: +(w||1280), height: +(h||800) } });
const p = await ctx.newPage();
await p.emulateMedia({ reducedMotion: 'reduce' });
await p.addInitScript((l) => localStorage.setItem('complaint-dojo', JSON.stringify({ version: 1, settings: { locale: l, muted: true, volume: 0.7, guided: true }, best: {}, attempts: [], resume: null, imported: [] })), locale||'en');
await p.goto('http://127.0.0.1:4400/'); await p.waitForTimeout(3000);
const d = () => p.evaluate(() => window.dojo);
await p.keyboard.press('Enter'); await p.waitForTimeout(1500);
await p.keyboard.press('Enter'); await p.waitForTimeout(1500);
await p.keyboard.press('Enter');
for (let i = 0; i < 40; i++) {
  await p.waitForTimeout(700);
  const s = await d();
  if (s.scene === 'Debrief') break;
  if (s.phase === 'line' || s.phase === 'ending' ) { await p.keyboard.press('Enter'); continue; }
  if (s.phase === 'choosing') { await p.waitForTimeout(500); const n = s.choices.length; await p.keyboard.press(String(Math.min(+pickKey, n))); continue; }
  if (s.phase === 'coaching') { await p.keyboard.press('Enter'); continue; }
}
await p.waitForTimeout(2500);
await p.screenshot({ path: out, fullPage: true });
console.log(JSON.stringify((await d()).score), (await d()).outcome);
await b.close();
