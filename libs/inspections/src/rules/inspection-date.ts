import type { Violation } from '@lib/core';
import type { InspectionConfig } from './inspection-config.js';

/**
 * Why an inspection's time cannot be right, or null. An inspection records a visit that has happened (a few minutes of
 * clock drift allowed) to a facility the registry knew of that day: a visit dated before the facility was entered
 * (`registryDate`, Asia/Shanghai) or in the future would put a pass on the public page that no inspector made.
 */
export function inspectionDateViolation(
  inspectedAt: Date,
  inspectedOn: string,
  registryDate: string,
  now: Date,
  config: Pick<InspectionConfig, 'futureToleranceMinutes'>,
): Violation | null {
  if (inspectedAt.getTime() > now.getTime() + config.futureToleranceMinutes * 60_000) {
    return {
      field: 'inspectedAt',
      code: 'in_future',
      message: { zh: 'inspectedAt 不能晚于当前时间', en: 'inspectedAt cannot be in the future' },
    };
  }
  if (inspectedOn < registryDate) {
    return {
      field: 'inspectedAt',
      code: 'before_facility',
      message: {
        zh: `inspectedAt 不能早于机构登记入系统的日期（${registryDate}）`,
        en: `inspectedAt cannot be before the facility was entered in the registry (${registryDate})`,
      },
    };
  }
  return null;
}
