import type { WorkingDayCalendar } from './complaint.rules.js';

/**
 * The calendar complaint deadlines count working days in. PROVISIONAL: weekends only, until the registry's
 * calendar of national holidays and make-up working days (issue #13, review deadlines) lands in libs/standards;
 * then this file points at it and nothing else changes.
 */
export const COMPLAINT_CALENDAR: WorkingDayCalendar = {
  isWorkingDay: (date) => {
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    return day !== 0 && day !== 6;
  },
};
