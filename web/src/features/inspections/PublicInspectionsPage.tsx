/** 检查结果公开 on the portal (being built). */
export function PublicInspectionsPage() {
  return null;
}
