import type { FacilityStatus } from '@lib/standards';

/**
 * The filing lifecycle (docs/domain.md 1, docs/api.md "Lifecycle"): draft → submitted → registered ⇄ suspended,
 * registered | suspended → closed, submitted → draft on rejection.
 */
export const LIFECYCLE = {
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'registered' },
  reject: { from: ['submitted'], to: 'draft' },
  suspend: { from: ['registered'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'registered' },
  close: { from: ['registered', 'suspended'], to: 'closed' },
} as const satisfies Record<string, { from: readonly FacilityStatus[]; to: FacilityStatus }>;

export type LifecycleAction = keyof typeof LIFECYCLE;

/** The status after `action`, or null when the action is not allowed from `status` (409). */
export function transition(status: FacilityStatus, action: LifecycleAction): FacilityStatus | null {
  const rule = LIFECYCLE[action];
  return (rule.from as readonly FacilityStatus[]).includes(status) ? rule.to : null;
}
