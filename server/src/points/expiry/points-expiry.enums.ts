import { registerEnumType } from 'type-graphql';

/** How a community's points expire (积分有效期); the OWNER sets it with setPointsExpiryPolicy. */
export enum PointsExpiryMode {
  NONE = 'NONE',
  ANNUAL = 'ANNUAL',
  ROLLING = 'ROLLING',
}

registerEnumType(PointsExpiryMode, {
  name: 'PointsExpiryMode',
  description: '积分有效期',
  valuesConfig: {
    NONE: { description: '永久有效（默认）' },
    ANNUAL: { description: '按年清零：Y 年获得的积分在 Y+1 年 12 月 31 日（社群当地时间）结束时过期' },
    ROLLING: { description: '滚动有效：每笔积分获得后 months 个月（6–36）过期' },
  },
});

/** ROLLING's bounds, in months. */
export const ROLLING_MONTHS_MIN = 6;
export const ROLLING_MONTHS_MAX = 36;
