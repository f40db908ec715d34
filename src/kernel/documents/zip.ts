/**
 * Just enough of the zip format to read an uploaded .xlsx/.docx safely from memory: the central
 * directory (names and declared sizes, read before anything is inflated, so a zip bomb is refused
 * by the sum of its entries' sizes), and one entry inflated as a stream whose output is capped at
 * the size the directory declared (a lying header cannot inflate past it).
 */
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** The bytes are not a readable zip (truncated, encrypted, an unknown compression, sizes that lie). */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_U32 = 0xffffffff;

function findEocd(b: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65535 bytes.
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === EOCD) return i;
  }
  throw new ZipFormatError('no end of central directory');
}

function u64(b: Buffer, at: number): number {
  const v = b.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('size out of range');
  return Number(v);
}

/** The entries of the central directory, with their declared sizes. Reads nothing compressed. */
export function zipEntries(b: Buffer, maxEntries: number): ZipEntry[] {
  if (b.length < 22) throw new ZipFormatError('too short');
  const eocd = findEocd(b);
  let count = b.readUInt16LE(eocd + 10);
  let size = b.readUInt32LE(eocd + 12);
  let offset = b.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === MAX_U32 || offset === MAX_U32) {
    const loc = eocd - 20;
    if (loc < 0 || b.readUInt32LE(loc) !== ZIP64_LOCATOR) throw new ZipFormatError('zip64 locator missing');
    const z = u64(b, loc + 8);
    if (z + 56 > b.length || b.readUInt32LE(z) !== ZIP64_EOCD) throw new ZipFormatError('zip64 end record missing');
    count = u64(b, z + 32);
    size = u64(b, z + 40);
    offset = u64(b, z + 48);
  }
  if (count > maxEntries) throw new ZipFormatError(`too many entries (${count})`);
  if (offset + size > b.length) throw new ZipFormatError('central directory out of range');
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL) throw new ZipFormatError('bad central directory');
    const flags = b.readUInt16LE(p + 8);
    const method = b.readUInt16LE(p + 10);
    let compressedSize = b.readUInt32LE(p + 20);
    let uncompressedSize = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    let localHeaderOffset = b.readUInt32LE(p + 42);
    const nameEnd = p + 46 + nameLen;
    if (nameEnd + extraLen + commentLen > b.length) throw new ZipFormatError('bad central directory');
    const name = b.subarray(p + 46, nameEnd).toString(flags & 0x800 ? 'utf8' : 'latin1');
    if (uncompressedSize === MAX_U32 || compressedSize === MAX_U32 || localHeaderOffset === MAX_U32) {
      // zip64 extra field (id 1): the 64-bit values, in this order, for the fields set to 0xffffffff
      let q = nameEnd;
      const end = nameEnd + extraLen;
      let found = false;
      while (q + 4 <= end) {
        const id = b.readUInt16LE(q);
        const len = b.readUInt16LE(q + 2);
        if (id === 1) {
          let r = q + 4;
          const next = () => {
            if (r + 8 > q + 4 + len) throw new ZipFormatError('bad zip64 extra field');
            const v = u64(b, r);
            r += 8;
            return v;
          };
          if (uncompressedSize === MAX_U32) uncompressedSize = next();
          if (compressedSize === MAX_U32) compressedSize = next();
          if (localHeaderOffset === MAX_U32) localHeaderOffset = next();
          found = true;
          break;
        }
        q += 4 + len;
      }
      if (!found) throw new ZipFormatError('zip64 extra field missing');
    }
    if (flags & 0x1) throw new ZipFormatError(`encrypted entry ${name}`);
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    p = nameEnd + extraLen + commentLen;
  }
  return entries;
}

/** The compressed bytes of an entry (a view into `b`, no copy). */
function compressedData(b: Buffer, e: ZipEntry): Buffer {
  const h = e.localHeaderOffset;
  if (h + 30 > b.length || b.readUInt32LE(h) !== LOCAL) throw new ZipFormatError(`bad local header for ${e.name}`);
  const start = h + 30 + b.readUInt16LE(h + 26) + b.readUInt16LE(h + 28);
  if (start + e.compressedSize > b.length) throw new ZipFormatError(`entry ${e.name} out of range`);
  return b.subarray(start, start + e.compressedSize);
}

const CHUNK = 64 * 1024;

/**
 * The entry's bytes as a stream of chunks, inflated lazily (nothing is produced faster than it is
 * read). More output than the directory declared is a {@link ZipFormatError}, whatever the local
 * header says; stopping early (a limit reached while parsing) stops the inflation.
 */
export async function* entryChunks(b: Buffer, e: ZipEntry): AsyncGenerator<Buffer> {
  const data = compressedData(b, e);
  if (e.method === 0) {
    if (e.compressedSize !== e.uncompressedSize) throw new ZipFormatError(`stored entry ${e.name} has two sizes`);
    for (let i = 0; i < data.length; i += CHUNK) yield data.subarray(i, i + CHUNK);
    return;
  }
  if (e.method !== 8) throw new ZipFormatError(`unsupported compression ${e.method} for ${e.name}`);
  const inflate = zlib.createInflateRaw({ chunkSize: CHUNK });
  inflate.end(data);
  let produced = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > e.uncompressedSize) throw new ZipFormatError(`entry ${e.name} inflates past its declared size`);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof ZipFormatError) throw err;
    throw new ZipFormatError(`entry ${e.name} is corrupt: ${(err as Error).message}`);
  } finally {
    inflate.destroy();
  }
}
