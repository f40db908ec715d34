import dayjs from 'dayjs';

export const fmtDateTime = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');
export const fmtDateTimeSec = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm:ss') : '—');
export const fmtDate = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD') : '—');
/** 2025-02-21 → 2025年2月21日 星期五 */
export const fmtLongDate = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY年M月D日 dddd') : '—');
export const dash = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
