import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { CalendarErrorLike } from './calendar-error.js';
import { AppError, type FieldErrors } from './errors.js';

/** Chinese names of common fields for the summary message (the per-field messages are keyed by path). */
const FIELD_LABELS: Record<string, string> = {
  sessionIdleMinutes: '会话空闲超时',
  loginMaxFailures: '锁定次数',
  loginLockMinutes: '锁定时长',
  certificateWarnDays: '提醒天数',
  username: '用户名',
  password: '密码',
  displayName: '姓名',
  name: '名称',
  creditCode: '统一社会信用代码',
  regionCode: '行政区划代码',
  'org.regionCode': '行政区划代码',
  'org.name': '机构名称',
  'org.level': '层级',
  'admin.username': '管理员用户名',
  'admin.password': '管理员密码',
  from: '起算日',
  days: '天数',
  unit: '期限单位',
};

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
        error: { code: 'validation', message: `${where}有误：${first ? `${FIELD_LABELS[first[0]] ?? first[0]} ${first[1]}` : '格式不正确'}`, fields },
      });
    }
    if (err instanceof AppError) {
      return reply.status(err.status).send({
        error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}), ...(err.details !== undefined ? { details: err.details } : {}) },
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
