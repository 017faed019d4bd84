import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { ByteSource } from '../modules/ingestion/index.js';
import { AppError } from '../platform/errors.js';

const CHUNK = 1 << 20;

/** A breach file on disk; gzip is recognised by its magic bytes, whatever the file is called. */
export async function openFileSource(path: string): Promise<ByteSource> {
  let size: number;
  let gzip = false;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    size = info.size;
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(2);
      await handle.read(head, 0, 2, 0);
      gzip = head[0] === 0x1f && head[1] === 0x8b;
    } finally {
      await handle.close();
    }
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : 'cannot be read';
    throw new AppError('INPUT_FILE_UNREADABLE', `${path}: ${reason}`, { cause, data: { file: path } });
  }
  let position = 0;
  return {
    name: basename(path),
    size,
    async digest() {
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) hash.update(chunk as Buffer);
      return hash.digest('hex');
    },
    open() {
      position = 0;
      const raw = createReadStream(path, { highWaterMark: CHUNK });
      raw.on('data', (chunk) => {
        position += (chunk as Buffer).length;
      });
      if (!gzip) return raw as AsyncIterable<Uint8Array>;
      const gunzip = createGunzip({ chunkSize: CHUNK });
      raw.on('error', (e) => gunzip.destroy(e));
      return raw.pipe(gunzip) as AsyncIterable<Uint8Array>;
    },
    position: () => position,
  };
}
