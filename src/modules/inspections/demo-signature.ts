/**
 * Demo data only: a handwriting-like signature as a PNG data URL (240 × 90, greyscale), drawn from
 * the signer's name so each person's strokes differ and stay the same across runs. The on-site
 * record refuses anything but PNG (record.service.ts), so the demo signs with real PNG images.
 */
import zlib from 'node:zlib';

const W = 240;
const H = 90;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** PNG bytes of an 8-bit greyscale image (`pixels` row by row, 0 = black). */
export function greyPng(width: number, height: number, pixels: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none
    Buffer.from(pixels.buffer, pixels.byteOffset + y * width, width).copy(raw, y * (width + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A scribble seeded by `name`: one connected stroke per character, left to right. */
export function signaturePng(name: string): Buffer {
  const px = new Uint8Array(W * H).fill(255);
  let seed = [...name].reduce((s, ch) => (s * 31 + ch.codePointAt(0)!) >>> 0, 7);
  const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const dot = (x: number, y: number) => {
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const xx = Math.round(x + dx);
        const yy = Math.round(y + dy);
        if (xx >= 0 && xx < W && yy >= 0 && yy < H && dx * dx + dy * dy <= 1) px[yy * W + xx] = 20;
      }
  };
  const chars = Math.max([...name].length, 2);
  const step = (W - 30) / chars;
  let x = 15;
  let y = H / 2;
  for (let c = 0; c < chars; c++) {
    const loops = 2 + Math.floor(rand() * 3);
    for (let l = 0; l < loops; l++) {
      const tx = 15 + step * (c + (l + 1) / loops);
      const ty = 18 + rand() * (H - 36);
      const b = (rand() - 0.5) * 40;
      for (let t = 0; t <= 1; t += 0.005) dot(x + (tx - x) * t, y + (ty - y) * t + Math.sin(t * Math.PI) * b);
      x = tx;
      y = ty;
    }
  }
  return greyPng(W, H, px);
}

export const signatureDataUrl = (name: string) => `data:image/png;base64,${signaturePng(name).toString('base64')}`;
