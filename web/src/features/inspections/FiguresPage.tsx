/** 检查统计 (being built). */
export function FiguresPage() {
  return null;
}
