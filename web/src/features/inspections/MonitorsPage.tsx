/** 监测预警 (being built). */
export function MonitorsPage() {
  return null;
}
