/** Hand bytes the game made to the browser as a download (a link to a Blob, clicked once). */
export function saveFile(name: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers start reading the Blob only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
