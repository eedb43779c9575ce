/** The node and ending ids written in a scenario file's text, for completions while it is being edited (it may not parse). */
export function nodeIdsIn(text: string): string[] {
  const ids: string[] = [];
  let inside = false;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) inside = /^(nodes|endings):/.test(line);
    else if (inside) {
      // A list item's id (`  - id: bump`), or a node written as a key (`  bump:`).
      const m = /^ {2}- +id: *['"]?([A-Za-z0-9_-]+)/.exec(line) ?? /^ {2}([A-Za-z0-9_-]+):/.exec(line);
      if (m) ids.push(m[1]!);
    }
  }
  return ids;
}
