/**
 * The 联系人 of a letter (经办人, GB/T 9704 附注): the user who issues it and a telephone — their own
 * 联系电话, else the org's 办公电话 (setting `officeTelephone`). Issuing a letter with neither is refused:
 * an applicant or a unit must be able to call someone about it. The letter keeps the contact as on the
 * day of issue; rendering it again later shows the same 附注.
 */
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.js';
import type { DbOrTx } from '../../../kernel/db/index.js';
import type { LetterContact } from '../../../kernel/documents/index.js';
import { notFound, validation } from '../../../kernel/http/errors.js';
import { users } from '../../../kernel/schema.js';
import { getSetting } from '../../../kernel/settings.js';

/** The org's 办公电话, or null when not set. */
export async function officeTelephoneOf(db: DbOrTx, orgId: string): Promise<string | null> {
  return (await getSetting(db, orgId, 'officeTelephone')) || null;
}

/**
 * The contact of a letter `userId` issues now for `orgId`: the user's name and telephone, else the
 * org's 办公电话. Refused (400, field `telephone`) when neither is set, naming where to fill it in.
 */
export async function issuingContact(ctx: Ctx, orgId: string, userId: string): Promise<LetterContact> {
  const [u] = await ctx.db.select({ name: users.displayName, telephone: users.telephone }).from(users).where(eq(users.id, userId));
  if (!u) throw notFound('用户');
  const telephone = u.telephone ?? (await officeTelephoneOf(ctx.db, orgId));
  if (!telephone) {
    throw validation(
      `文书的附注须写明经办人的联系电话，${u.name}尚未填写联系电话：请点右上角的姓名，在“联系电话”中填写本人电话（或请系统管理员在“用户管理”中填写），也可由系统管理员在“系统设置”中填写本机关的“办公电话”`,
      { telephone: '请填写联系电话' },
    );
  }
  return { name: u.name, telephone };
}

/**
 * The contact a letter shows: the one kept when it was issued; a letter issued before telephones were
 * kept shows the org's 办公电话 if set (null: a letter that kept no contact at all).
 */
export async function letterContactOf(db: DbOrTx, orgId: string, kept: LetterContact | null): Promise<LetterContact | null> {
  if (!kept) return null;
  return kept.telephone ? kept : { name: kept.name, telephone: await officeTelephoneOf(db, orgId) };
}
