import type { EntityManager } from 'typeorm';
import { formatRegistrationNo } from './registration-sequence.entity.js';

/** The unit's next registration number of the year (a gapless sequence per unit and year; approval and the demo seed). */
export async function nextRegistrationNo(m: EntityManager, regionCode: string, year: number): Promise<string> {
  const [{ last_value: seq }]: { last_value: number }[] = await m.query(
    `INSERT INTO registration_sequences (region_code, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (region_code, year) DO UPDATE SET last_value = registration_sequences.last_value + 1
     RETURNING last_value`,
    [regionCode, year],
  );
  return formatRegistrationNo(regionCode, year, seq);
}
