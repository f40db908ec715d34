import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { CalendarErrorLike } from './calendar-error.js';
import { AppError, type FieldErrors } from './errors.js';
import { fieldLabel } from './field-labels.js';

const PART: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/** Maps every error to `{"error":{"code","message","fields"?}}`; hides internals on 5xx. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: FieldErrors = {};
      for (const v of err.validation) {
        const key = v.instancePath.replace(/^\//, '').replace(/\//g, '.') || (v.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('.') || '_';
        fields[key] ??= v.message ?? '格式不正确';
      }
      const where = PART[err.validationContext ?? 'body'] ?? '请求';
      const first = Object.entries(fields)[0];
      return reply.status(400).send({
        error: { code: 'validation', message: `${where}有误：${first ? `${fieldLabel(first[0]) ?? first[0]} ${first[1]}` : '格式不正确'}`, fields },
      });
    }
    if (err instanceof AppError) {
      return reply.status(err.status).send({
        error: {
          code: err.code,
          message: err.message,
          ...(err.fields ? { fields: err.fields } : {}),
          ...(err.details !== undefined ? { details: err.details } : {}),
        },
      });
    }
    if (CalendarErrorLike(err)) {
      return reply.status(422).send({ error: { code: err.code, message: err.message } });
    }
    const fe = err as FastifyError;
    if (fe.code?.startsWith('FST_CSRF')) {
      return reply.status(403).send({ error: { code: 'csrf', message: 'CSRF 校验失败：请刷新页面后重试（缺少或无效的 x-csrf-token）' } });
    }
    if (fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
      return reply.status(413).send({ error: { code: 'payload_too_large', message: '上传内容超过大小限制' } });
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) {
      return reply.status(415).send({ error: { code: 'unsupported_media_type', message: '不支持的内容类型' } });
    }
    if (fe.statusCode === 429) {
      return reply.status(429).send({ error: { code: 'rate_limited', message: '请求过于频繁，请稍后再试' } });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send({ error: { code: 'bad_request', message: '请求格式不正确' } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: '服务器内部错误，请稍后重试或联系管理员' } });
  });
}

/** Longest path parameter the router accepts (fastify's `maxParamLength`); ids are 36 characters. */
export const MAX_PARAM_LENGTH = 100;

/**
 * The router's own refusals (fastify `frameworkErrors`), in the app's format instead of fastify's
 * English: a path parameter over {@link MAX_PARAM_LENGTH} characters (414), a path that is not valid
 * percent-encoded UTF-8 (400).
 */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.status(414).send({ error: { code: 'uri_too_long', message: `请求地址过长：路径中的每一段不能超过 ${MAX_PARAM_LENGTH} 个字符` } });
    return;
  }
  if (err.code === 'FST_ERR_BAD_URL') {
    const message = '请求地址中含有无法识别的字符编码';
    void reply.status(400).send({ error: { code: 'validation', message: `路径参数有误：${message}`, fields: { path: message } } });
    return;
  }
  void reply.status(400).send({ error: { code: 'bad_request', message: '请求格式不正确' } });
}

function rawAnswer(socket: Socket, status: number, reason: string, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
}

/**
 * What node's HTTP parser refuses before fastify sees a request (fastify `clientErrorHandler`): a
 * request line and headers over node's 16 KB (an over-long URL), a client too slow, a malformed
 * request — answered in the app's format, in Chinese.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    rawAnswer(socket, 431, 'Request Header Fields Too Large', 'uri_too_long', '请求地址或请求头过长（合计不能超过 16 KB），请缩短后重试');
  } else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    rawAnswer(socket, 408, 'Request Timeout', 'timeout', '请求超时，请重试');
  } else {
    rawAnswer(socket, 400, 'Bad Request', 'bad_request', '请求格式不正确');
  }
  socket.destroy(err);
}
