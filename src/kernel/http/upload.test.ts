import { describe, expect, it } from 'vitest';
import { sniffType } from './upload.js';

describe('sniffType: a file is what its first bytes say', () => {
  it.each<[string, number[] | string, ReturnType<typeof sniffType>]>([
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'image/jpeg'],
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0], 'image/png'],
    ['WebP', 'RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'image/webp'],
    ['PDF', '%PDF-1.7\n', 'application/pdf'],
    ['zip (.xlsx, .docx)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0], 'application/zip'],
    ['a text file named .jpg', 'hello, world', null],
    ['RIFF that is not WebP (WAV)', 'RIFF\u0000\u0000\u0000\u0000WAVEfmt ', null],
    ['empty', [], null],
    ['a truncated PNG signature', [0x89, 0x50, 0x4e, 0x47], null],
  ])('%s', (_what, bytes, type) => {
    expect(sniffType(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes))).toBe(type);
  });
});
