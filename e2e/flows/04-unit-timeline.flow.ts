/** (d) Find an imported unit by name, open it, see its inspections and evaluations, and its import in the 时间线. */
import { see, seeText, signIn, type FlowContext } from '../lib.js';

export const name = '搜索检查对象并查看时间线';

export async function run({ page, baseUrl, state }: FlowContext): Promise<void> {
  const unit = state.importedUnits[1] ?? '兰台测试第二中学';
  await signIn(page, baseUrl, state.admin.username, state.admin.password);
  await page.goto(`${baseUrl}/units`);
  await see(page.getByTestId('units-table'), 'the unit list');
  const search = page.getByRole('searchbox', { name: '搜索' });
  await search.fill(unit);
  await search.press('Enter');
  const link = page.getByTestId('units-table').getByTestId('unit-name').filter({ hasText: unit });
  await see(link, `the unit “${unit}” in the search result`);
  await seeText(page.locator('.ant-pagination-total-text'), /共 1 条/, 'one search hit');
  await link.click();
  const drawer = page.getByTestId('unit-detail');
  await see(drawer.getByTestId('unit-descriptions'), 'the unit details');
  await seeText(drawer.getByTestId('unit-descriptions'), new RegExp(unit), 'the unit name in its details');
  // its inspections and evaluations (an imported unit has none yet)
  await drawer.getByRole('tab', { name: '检查与考评' }).click();
  await seeText(drawer.getByTestId('unit-inspections'), /检查编号|该单位尚无检查记录/, 'the unit’s inspections');
  await seeText(drawer.getByTestId('unit-evaluations'), /考评名称|该单位尚无考评记录/, 'the unit’s evaluations');
  await drawer.getByRole('tab', { name: '时间线' }).click();
  const event = drawer.getByTestId('timeline-event');
  await see(event, 'an event in the unit timeline');
  await seeText(event, /(导入|新建|登记)了?检查对象/, 'the import (or create) event');
  await seeText(event, new RegExp(state.admin.displayName), 'who imported it');
}
