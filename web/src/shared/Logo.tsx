/** 兰台 mark: a stylised archive pavilion (no external assets, CSP-safe). */
export function Logo({ size = 32, light = true }: { size?: number; light?: boolean }) {
  const fg = light ? '#ffffff' : '#1d4e89';
  const bg = light ? '#1d4e89' : '#e8eef6';
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" role="img" aria-label="兰台">
      <rect width="64" height="64" rx="12" fill={bg} />
      <path
        d="M14 24h36M18 24v20M26 24v20M38 24v20M46 24v20M12 46h40M20 20l12-7 12 7"
        stroke={fg}
        strokeWidth="4"
        fill="none"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
