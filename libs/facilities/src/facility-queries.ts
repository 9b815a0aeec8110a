/**
 * SQL fragments over the `facilities` table for other libraries' queries: libs/facilities owns the table, so its
 * shape is known here only (scripts/table-owners.ts).
 */

/** SQL, true when the facility whose id is the expression `facilityId` is not closed. */
export const facilityNotClosedSql = (facilityId: string): string =>
  `EXISTS (SELECT 1 FROM facilities nc WHERE nc.id = ${facilityId} AND nc.status <> 'closed')`;
