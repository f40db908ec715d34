/** HTTP surface of 约谈, 回头看, 移送立案 and 办结 (followup.service.ts). Thin: validate → authorise → one service call. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DOCX_TYPE, authed, sendFile } from '../../../kernel/http/context.js';
import { fileResponse } from '../../../kernel/http/responses.js';
import { IdParams } from '../contracts.js';
import { InspectionDetail } from '../loop/contracts.js';
import { CloseInput, FollowUpInput, InterviewInput, InterviewParams, ReferralInput } from './contracts.js';
import { closeInspection, createFollowUp, createInterview, getInterviewDocx, getMyInterviewDocx, referInspection } from './followup.service.js';

const P = '/api/inspections';
const DOCX = { 200: fileResponse('约谈记录（.docx，GB/T 9704 版式）') };

export const followUpRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['行政检查'];
  app.post(
    `${P}/:id/interviews`,
    {
      schema: {
        tags,
        summary: '约谈（整改事项被退回两次或逾期未通过）：时间、地点、约谈人、被约谈人、事项、内容、承诺',
        params: IdParams,
        body: InterviewInput,
        response: { 200: InspectionDetail },
      },
    },
    async (req) => createInterview(authed(req, 'inspection.manage'), req.params.id, req.body),
  );
  app.get(
    `${P}/:id/interviews/:interviewId.docx`,
    { schema: { tags, summary: '约谈记录（.docx）', params: InterviewParams, response: DOCX } },
    async (req, reply) => {
      const { buffer, fileName } = await getInterviewDocx(authed(req, 'inspection.read'), req.params.id, req.params.interviewId);
      return sendFile(reply, buffer, fileName, DOCX_TYPE);
    },
  );
  app.get(
    '/api/my/inspections/:id/interviews/:interviewId.docx',
    { schema: { tags: ['我的单位'], summary: '本单位的约谈记录（.docx）', params: InterviewParams, response: DOCX } },
    async (req, reply) => {
      const { buffer, fileName } = await getMyInterviewDocx(authed(req, 'ownUnit.inspect'), req.params.id, req.params.interviewId);
      return sendFile(reply, buffer, fileName, DOCX_TYPE);
    },
  );
  app.post(
    `${P}/:id/follow-ups`,
    {
      schema: {
        tags,
        summary: '组织回头看：新建一项复查整改事项的检查（同一单位、同一检查表）',
        params: IdParams,
        body: FollowUpInput,
        response: { 200: InspectionDetail },
      },
    },
    async (req) => createFollowUp(authed(req, 'inspection.manage'), req.params.id, req.body),
  );
  app.post(
    `${P}/:id/referrals`,
    {
      schema: {
        tags,
        summary: '移送立案：将现场检查记录中的不符合项作为案件线索移送行政处罚',
        params: IdParams,
        body: ReferralInput,
        response: { 200: InspectionDetail },
      },
    },
    async (req) => referInspection(authed(req, 'inspection.manage'), req.params.id, req.body),
  );
  app.post(
    `${P}/:id/close`,
    {
      schema: {
        tags,
        summary: '办结（整改事项均已通过，或逾期/退回两次的事项已约谈、回头看或移送立案）',
        params: IdParams,
        body: CloseInput,
        response: { 200: InspectionDetail },
      },
    },
    async (req) => closeInspection(authed(req, 'inspection.manage'), req.params.id, req.body),
  );
};
