/** (g) After everything above, the whole-process record verifies as intact. */
import { see, seeText, signIn, type FlowContext } from '../lib.js';

export const name = '全过程记录校验显示完整';

export async function run({ page, baseUrl, state }: FlowContext): Promise<void> {
  await signIn(page, baseUrl, state.admin.username, state.admin.password);
  await page.getByTestId('side-menu').getByText('全过程记录').click();
  await see(page.getByTestId('audit-verify'), 'the verification card');
  await seeText(page.getByTestId('audit-status'), /^完整$/, 'the verification result', 30_000);
}
