/** The catalog and the bundled scenarios, read when the game is built (src/platform/libraryPlugin.ts). */
declare module 'virtual:dojo-library' {
  const library: import('./libraryPlugin.js').BundledLibrary;
  export default library;
}
