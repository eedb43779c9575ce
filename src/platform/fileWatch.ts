/**
 * A trainer's open scenario files, watched for saves: a file opened through the browser's file
 * picker (or dropped, where the browser gives a handle) is read again every moment while the
 * page is visible, and a changed file is handed back — so a trainer editing it in their editor
 * sees the game take the new version without opening it again. Browsers without file handles
 * (Firefox, Safari) open files the old way, without watching.
 */

/** The part of a FileSystemFileHandle read here. */
export interface WatchedHandle {
  getFile(): Promise<File>;
}

export type FileChange = (key: string, name: string, text: string) => void;

export class FileWatch {
  private readonly files = new Map<string, { handle: WatchedHandle; modified: number; size: number }>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private polling = false;

  constructor(
    private readonly onChange: FileChange,
    private readonly everyMs = 1000,
    private readonly visible: () => boolean = () => typeof document === 'undefined' || !document.hidden,
  ) {}

  /** Watch `handle` under `key` (the scenario's id), as read at `file`. */
  watch(key: string, handle: WatchedHandle, file: { lastModified: number; size: number }): void {
    this.files.set(key, { handle, modified: file.lastModified, size: file.size });
    this.timer ??= setInterval(() => void this.poll(), this.everyMs);
  }

  /** A watched file now read under another key (its id changed), or no longer watched. */
  rekey(from: string, to: string): void {
    const f = this.files.get(from);
    if (!f || from === to) return;
    this.files.delete(from);
    this.files.set(to, f);
  }

  forget(key: string): void {
    this.files.delete(key);
    if (!this.files.size && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  watching(key: string): boolean {
    return this.files.has(key);
  }

  /** Read every watched file once; report the changed ones. A file gone or unreadable is no longer watched. */
  async poll(): Promise<void> {
    if (this.polling || !this.visible()) return;
    this.polling = true;
    try {
      for (const [key, f] of [...this.files]) {
        let file: File;
        try {
          file = await f.handle.getFile();
        } catch {
          this.forget(key);
          continue;
        }
        if (file.lastModified === f.modified && file.size === f.size) continue;
        f.modified = file.lastModified;
        f.size = file.size;
        this.onChange(key, file.name, await file.text());
      }
    } finally {
      this.polling = false;
    }
  }
}
