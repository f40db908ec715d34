/**
 * The one uploaded file of a multipart request (form field `file`), its type told by its first bytes
 * (never by its name or the browser's word): JPEG, PNG, WebP, PDF, or an Office Open XML zip (.xlsx,
 * .docx). Anything else, or a request that is not multipart, is 415 with the caller's message; a file
 * over the limit is 413 (the app-wide multipart limit, or `maxBytes`).
 */
import type { FastifyRequest } from 'fastify';
import { AppError, fieldError } from './errors.js';

export type FileType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf' | 'application/zip';

/** The type by the magic bytes, or null. A zip is what .xlsx and .docx are. */
export function sniffType(b: Buffer): FileType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (b.length >= 4 && b.readUInt32LE(0) === 0x04034b50) return 'application/zip';
  return null;
}

export interface UploadOptions {
  /** What the file is, in the messages: 照片, 佐证材料, .xlsx 文件 … */
  what: string;
  accept: readonly FileType[];
  /**
   * The message when the type is not accepted (415), e.g. 照片必须是 JPEG、PNG 或 WebP 图片; or one that
   * names the file (called with '' when the request is not multipart at all).
   */
  typeMessage: string | ((fileName: string) => string);
  /** A limit below the app-wide one (413 with a message naming it). */
  maxBytes?: number;
  /** Default name when the browser sends none. */
  defaultName?: string;
}

export interface Upload {
  fileName: string;
  data: Buffer;
  type: FileType;
}

export async function singleUpload(req: FastifyRequest, opts: UploadOptions): Promise<Upload> {
  const refused = (fileName: string) => {
    const message = typeof opts.typeMessage === 'string' ? opts.typeMessage : opts.typeMessage(fileName);
    return new AppError('unsupported_media_type', message, { fields: { file: message } });
  };
  if (!req.isMultipart()) throw refused('');
  const part = await req.file(opts.maxBytes ? { limits: { fileSize: opts.maxBytes } } : undefined);
  if (!part) throw fieldError('file', `请选择要上传的${opts.what}`);
  if (part.fieldname !== 'file') {
    part.file.resume(); // drain
    throw fieldError('file', `${opts.what}应放在表单字段 file 中`);
  }
  let data: Buffer;
  try {
    data = await part.toBuffer();
  } catch (e) {
    if (opts.maxBytes && (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('payload_too_large', `${opts.what}不能超过 ${Math.round((opts.maxBytes / 1024 / 1024) * 10) / 10} MB`, {
        fields: { file: '文件过大' },
      });
    }
    throw e; // over the app-wide limit → 413 by the error handler
  }
  const type = sniffType(data);
  const fileName = part.filename || opts.defaultName || '未命名文件';
  if (!type || !opts.accept.includes(type)) throw refused(fileName);
  return { fileName, data, type };
}
