/** The one error type. Codes map to HTTP status; messages are Chinese and shown to users. */
export type FieldErrors = Record<string, string>;

const STATUS: Record<string, number> = {
  validation: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  locked: 423,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export class AppError extends Error {
  readonly code: string;
  readonly fields?: FieldErrors;
  readonly details?: unknown;
  constructor(code: string, message: string, opts: { fields?: FieldErrors; details?: unknown } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = opts.fields;
    this.details = opts.details;
  }
  /** Status by code, or by its first segment ('calendar.unknown_year' → 422 by default). */
  get status(): number {
    return STATUS[this.code] ?? STATUS[this.code.split('.')[0] ?? ''] ?? 422;
  }
}

export const notFound = (what = '记录') => new AppError('not_found', `${what}不存在或无权访问`);
export const forbidden = (message = '无权执行此操作') => new AppError('forbidden', message);
export const validation = (message: string, fields?: FieldErrors) => new AppError('validation', message, { fields });
export const conflict = (message: string, fields?: FieldErrors) => new AppError('conflict', message, { fields });

/** An error about one field: its message is both the summary and the field's own (`{fields: {field: message}}`). */
export const fieldError = (field: string, message: string, code = 'validation') => new AppError(code, message, { fields: { [field]: message } });
