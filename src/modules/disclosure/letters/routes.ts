/** HTTP surface of the letters area: an application's letters (.docx), their numbers' 机关代字, the remedies' organs. Thin. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed, DOCX_TYPE, sendFile } from '../../../kernel/http/context.js';
import { DocPrefixInput, getDocPrefixSettings, putDocPrefixSettings } from '../../../kernel/documents/index.js';
import { IdParams } from '../contracts.js';
import {
  IssuedLetters,
  IssuedLettersQuery,
  LetterFile,
  LetterParams,
  LetterPrefixSettings,
  LetterQuery,
  RemedySettings,
  RemedySettingsInput,
} from './contracts.js';
import { LETTER_PREFIX } from './letters.js';
import { listLetters, renderLetter } from './letters.service.js';
import { getRemedySettings, putRemedySettings } from './remedy.service.js';

export const letterRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['政府信息公开'];
  app.get('/api/disclosure/letter-settings', { schema: { tags, summary: '文书发文字号的机关代字', response: { 200: LetterPrefixSettings } } }, async (req) =>
    getDocPrefixSettings(authed(req, 'settings.manage'), LETTER_PREFIX),
  );
  app.put(
    '/api/disclosure/letter-settings',
    { schema: { tags, summary: '设置文书发文字号的机关代字', body: DocPrefixInput, response: { 200: LetterPrefixSettings } } },
    async (req) => putDocPrefixSettings(authed(req, 'settings.manage'), LETTER_PREFIX, req.body),
  );
  app.get(
    '/api/disclosure/remedy-settings',
    { schema: { tags, summary: '答复书救济途径载明的行政复议机关和人民法院（默认由机关名称推定）', response: { 200: RemedySettings } } },
    async (req) => getRemedySettings(authed(req, 'settings.manage')),
  );
  app.put(
    '/api/disclosure/remedy-settings',
    { schema: { tags, summary: '设置答复书载明的行政复议机关和人民法院（留空恢复默认）', body: RemedySettingsInput, response: { 200: RemedySettings } } },
    async (req) => putRemedySettings(authed(req, 'settings.manage'), req.body),
  );
  app.get(
    '/api/disclosure/applications/:id/letters',
    {
      schema: {
        tags,
        summary: '本申请已出具的文书（文号、日期；分页，按文号顺序）',
        params: IdParams,
        querystring: IssuedLettersQuery,
        response: { 200: IssuedLetters },
      },
    },
    async (req) => listLetters(authed(req, 'disclosure.read'), req.params.id, req.query),
  );
  app.get(
    '/api/disclosure/applications/:id/letters/:kind.docx',
    {
      schema: {
        tags,
        summary:
          '文书（GB/T 9704 .docx）：receipt 受理回执、correction 补正告知书、extension 延期答复告知书、consultation 征求意见函（?consultationId=）、reply 答复书、fee 收费通知；首次生成编发文字号并记录',
        params: LetterParams,
        querystring: LetterQuery,
        response: { 200: LetterFile },
      },
    },
    async (req, reply) => {
      const { buffer, fileName, docNumber } = await renderLetter(authed(req, 'disclosure.read'), req.params.id, req.params.kind, req.query.consultationId);
      reply.header('x-doc-number', encodeURIComponent(docNumber));
      return sendFile(reply, buffer, fileName, DOCX_TYPE);
    },
  );
};
