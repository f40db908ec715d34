/** The levels of the org tree and their Chinese names, with no imports (contracts and the web use them). */
export const ORG_LEVELS = ['province', 'city', 'county'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const ORG_LEVEL_LABELS: Record<OrgLevel, string> = { province: '省级', city: '市级', county: '县级' };
