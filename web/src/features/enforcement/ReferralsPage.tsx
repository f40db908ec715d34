/** 案件线索 (enforcement referrals inbox) (being built). */
export function ReferralsPage() {
  return null;
}
