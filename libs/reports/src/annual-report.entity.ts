import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** The report of a year as generated at its due date; a past year's report is answered from here. */
@Entity('annual_reports')
export class AnnualReportEntity {
  @PrimaryColumn({ type: 'integer' }) year: number;
  @ForeignKey('RegionEntity', 'code', { name: 'annual_reports_region_code_fkey' })
  @PrimaryColumn({ type: 'char', length: 6 })
  regionCode: string;
  @Column({ type: 'timestamptz' }) generatedAt: Date;
  @Column({ type: 'jsonb' }) report: unknown;
}
