/**
 * 导入检查对象: the .xlsx template (单位名称, 统一社会信用代码, 单位类型, 所属行业, 地址, 联系人, 联系电话, 风险等级),
 * filled and uploaded; all or nothing, every problem listed by row and column.
 */
import { Result } from 'antd';
import { SheetImportModal } from '../../shared/SheetImportModal';
import { UNITS_URL, useImportUnits } from './queries';

export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const importing = useImportUnits();
  return (
    <SheetImportModal
      open={open}
      onClose={onClose}
      title="导入检查对象"
      templateUrl={`${UNITS_URL}/import-template.xlsx`}
      templateName="检查对象名录导入模板.xlsx"
      rowNoun="一个单位"
      maxRows={20000}
      upload={(file) => importing.mutateAsync(file)}
      busy={importing.isPending}
      testId="unit-import"
      done={(r) => (
        <Result
          status="success"
          title={`已导入 ${r.created} 个检查对象`}
          subTitle="导入的每个单位都已写入全过程记录，可在单位详情的“时间线”中查看。"
          data-testid="unit-import-done"
        />
      )}
    />
  );
}
