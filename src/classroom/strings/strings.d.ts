/** A locale file cut to what the classroom's pages show (src/classroom/stringsPlugin.ts). */
declare module '*?classroom' {
  const strings: Record<string, unknown>;
  export default strings;
}
