import type { Actor, Ctx } from '../../kernel/context.js';
export async function accountNoticeDocx(_ctx: Ctx & { actor: Actor }, _id: string): Promise<{ buffer: Buffer; fileName: string }> {
  throw new Error('not yet');
}
