/**
 * 导入申请登记: the .xlsx template (收到申请日期, 申请渠道, 申请人类型, 申请人, 申请内容, 答复日期, 办理结果 …),
 * filled and uploaded; all or nothing, every problem listed by row and column.
 */
import { Result } from 'antd';
import { SheetImportModal } from '../../shared/SheetImportModal';
import { APPLICATIONS_URL, useImportApplications } from './queries';

export function ImportApplicationsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const importing = useImportApplications();
  return (
    <SheetImportModal
      open={open}
      onClose={onClose}
      title="导入申请登记"
      templateUrl={`${APPLICATIONS_URL}/import-template.xlsx`}
      templateName="政府信息公开申请登记导入模板.xlsx"
      rowNoun="一件申请"
      maxRows={20000}
      upload={(file) => importing.mutateAsync({ file })}
      busy={importing.isPending}
      testId="application-import"
      done={(r) => (
        <Result
          status="success"
          title={`已导入 ${r.created} 件申请`}
          subTitle={`其中已答复 ${r.decided} 件，办理中 ${r.open} 件（办理中的已按收到日期计算答复期限）。`}
          data-testid="application-import-done"
        />
      )}
    />
  );
}
