/** The own-words judge's signals, read when the game is built (src/platform/judgeSignalsPlugin.ts). */
declare module 'virtual:dojo-judge-signals' {
  const signals: import('../engine/judge/portable.js').PortableSignals;
  export default signals;
}
