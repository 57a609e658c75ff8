import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import dcmjs from 'dcmjs';
import { tokenFor } from './api';
import { env } from './env';

/** A DICOM UID from a random UUID (PS3.5 B.2: 2.25.<uuid as integer>). */
export function newUid(): string {
  return '2.25.' + BigInt('0x' + randomUUID().replace(/-/g, '')).toString();
}

/**
 * Writes copies of the first `count` demo CT slices under new study/series/instance UIDs into a fresh folder
 * (some in a sub-folder), so an upload stores new objects instead of meeting the demo data already in the archive.
 */
export function freshCtFolder(count: number, patientId: string): { dir: string; studyUid: string; seriesUid: string } {
  const source = join(env.demoData, 'pancreatic-ct');
  const files = readdirSync(source).filter((f) => f.endsWith('.dcm')).sort().slice(0, count);
  const dir = mkdtempSync(join(tmpdir(), 'delineo-upload-'));
  mkdirSync(join(dir, 'nested'));
  const studyUid = newUid();
  const seriesUid = newUid();
  files.forEach((name, i) => {
    const buffer = readFileSync(join(source, name));
    const message = dcmjs.data.DicomMessage.readFile(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.length));
    const sop = newUid();
    message.dict['0020000D'].Value = [studyUid];
    message.dict['0020000E'].Value = [seriesUid];
    message.dict['00080018'].Value = [sop];
    message.dict['00100020'].Value = [patientId];
    message.meta['00020003'].Value = [sop];
    const out = Buffer.from(message.write());
    writeFileSync(join(dir, i % 3 === 0 ? 'nested' : '', `slice-${i}.dcm`), out);
  });
  return { dir, studyUid, seriesUid };
}

/** Every .dcm file under dir (one level of sub-folders), sorted by path. */
function dicomFilesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.dcm'))
    .sort()
    .map((f) => join(dir, f));
}

/** Copies of the folder's files re-encoded as JPEG-LS lossless (dcmtk dcmcjpls), so viewers need the WASM codec. */
export function jpegLsCopies(dir: string): string {
  const out = mkdtempSync(join(tmpdir(), 'delineo-jpegls-'));
  dicomFilesIn(dir).forEach((file, n) => execFileSync('dcmcjpls', [file, join(out, `jls-${n}.dcm`)]));
  return out;
}

/** Stores every file of the folder through STOW-RS as the given user (one multipart/related request). */
export async function stowFolder(user: string, dir: string): Promise<void> {
  const boundary = `delineo-${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const file of dicomFilesIn(dir)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), readFileSync(file), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const response = await fetch(`${env.baseUrl}/dicom-web/studies`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${await tokenFor(user)}`,
      'Content-Type': `multipart/related; type="application/dicom"; boundary=${boundary}`,
      Accept: 'application/dicom+json',
    },
    body: Buffer.concat(parts),
  });
  // 200 = every instance stored (202 = some refused)
  if (response.status !== 200) throw new Error(`STOW as ${user}: ${response.status} ${await response.text()}`);
}
