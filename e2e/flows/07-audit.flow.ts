/** (g) After everything above, the whole-process record verifies as intact, against its signed checkpoints too. */
import { see, seeText, signIn, type FlowContext } from '../lib.js';

export const name = '全过程记录校验显示完整，签名检查点可签署';

export async function run({ page, baseUrl, state }: FlowContext): Promise<void> {
  await signIn(page, baseUrl, state.admin.username, state.admin.password);
  await page.getByTestId('side-menu').getByText('全过程记录').click();
  await see(page.getByTestId('audit-verify'), 'the verification card');
  await seeText(page.getByTestId('audit-status'), /^完整$/, 'the verification result', 30_000);
  // the checkpoints card: signing now writes one for the admin's org (the flows above wrote events since the start's)
  const card = page.getByTestId('audit-checkpoints');
  await see(card, 'the checkpoints card');
  await card.getByRole('button', { name: /立即签署/ }).click();
  await seeText(page.locator('.ant-message'), /已签署检查点：第 \d+ 条/, 'the signing result');
  await seeText(card.locator('tbody'), new RegExp(`（${state.admin.username}）`), 'the new checkpoint, signed by the admin');
}
