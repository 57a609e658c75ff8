/** Runs tasks with at most `limit` in flight, reporting each result as it arrives, in completion order. */
export async function runLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
  onResult: (result: R, item: T, index: number) => void,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const result = await task(items[index], index);
      onResult(result, items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** A file picked or dropped, with the path it had inside a dropped folder. */
export interface PickedFile {
  file: File;
  path: string;
}

/** Everything dropped: files and, recursively, the files inside dropped folders. */
export async function filesFromDrop(items: DataTransferItemList): Promise<PickedFile[]> {
  const entries: FileSystemEntry[] = [];
  for (const item of Array.from(items)) {
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
  }
  const out: PickedFile[] = [];
  const visit = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ file, path: prefix + entry.name });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries returns the listing in chunks; read until it answers with none
      for (;;) {
        const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (chunk.length === 0) break;
        for (const child of chunk) await visit(child, prefix + entry.name + '/');
      }
    }
  };
  for (const e of entries) await visit(e, '');
  return out;
}

export function filesFromInput(list: FileList | null): PickedFile[] {
  return Array.from(list ?? []).map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}

/** Hidden files and folder metadata (.DS_Store, Thumbs.db) are not medical images; skip them before uploading. */
export function isUploadCandidate(p: PickedFile): boolean {
  const name = p.path.split('/').pop() ?? '';
  return !name.startsWith('.') && name !== 'Thumbs.db' && name !== 'desktop.ini' && p.file.size > 0;
}
