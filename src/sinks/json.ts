// Per-file JSON sink: atomic writes (temp file + rename) so a killed run never leaves half a file.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** A temporary name for `file` in `dir`, unique to this process and call. */
const tempPathFor = (file: string, dir: string) => path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/**
 * Write a file atomically. `tmpDir` (on the same file system) keeps the temporary files of a batch
 * in one place, so a run killed mid-write leaves nothing beside the outputs and the next run can
 * clear them.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, tmpDir?: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const dir = tmpDir ?? path.dirname(file);
  if (tmpDir) await mkdir(tmpDir, { recursive: true });
  const tmp = tempPathFor(file, dir);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * writeFileAtomic in one synchronous call: for a batch worker thread, which has nothing else to do
 * while its output is written, and for which the thread-pool round trips of the async calls cost
 * more than the small writes themselves.
 */
export function writeFileAtomicSync(file: string, data: string | Uint8Array, tmpDir: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = tempPathFor(file, tmpDir);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(value, null, 2) + '\n');
}

/**
 * The output path for an input: <out>/<relative input path>.json. The relative path comes from
 * the input tree; anything that would climb out of the output folder is refused.
 */
export function outputPathFor(outDir: string, relativeInput: string): string {
  const rel = path.normalize(relativeInput).replace(/^(\.\.(\/|\\|$))+/, '');
  const target = path.resolve(outDir, `${rel}.json`);
  const root = path.resolve(outDir) + path.sep;
  if (!target.startsWith(root)) throw new Error(`output path escapes the output folder: ${relativeInput}`);
  return target;
}
