import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/**
 * Current counts per region, recomputed from source tables by the figures job (never incremented).
 * Derived figures (per 1,000, shortfalls) are computed on read from these by libs/standards.
 */
@Entity('region_figures')
export class RegionFiguresEntity {
  @ForeignKey('RegionEntity', 'code', { name: 'region_figures_region_code_fkey' })
  @PrimaryColumn({ type: 'char', length: 6 })
  regionCode: string;
  @Column({ type: 'integer' }) facilityCount: number;
  @Column({ type: 'integer' }) placeCount: number;
  @Column({ type: 'integer' }) affordablePlaceCount: number;
  @Column({ type: 'integer' }) population: number;
  @Column({ type: 'integer', nullable: true }) populationYear: number | null;
  /** Waiting applications whose first choice lies in the unit (the city: the sum), and by queue age group. */
  @Column({ type: 'integer', default: 0 }) waitingChildren: number;
  @Column({ type: 'jsonb', default: () => `'{}'` }) waitingByAgeGroup: Record<string, number>;
  @Column({ type: 'timestamptz' }) updatedAt: Date;
}

/**
 * A region's counts on a day. `derived`: reconstructed from facilities' registration and closure dates
 * (days before the system kept snapshots), not observed.
 */
@Entity('region_figure_snapshots')
export class RegionFigureSnapshotEntity {
  @ForeignKey('RegionEntity', 'code', { name: 'region_figure_snapshots_region_code_fkey' })
  @PrimaryColumn({ type: 'char', length: 6 })
  regionCode: string;
  @PrimaryColumn({ type: 'date' }) day: string;
  @Column({ type: 'integer' }) facilityCount: number;
  @Column({ type: 'integer' }) placeCount: number;
  @Column({ type: 'integer' }) affordablePlaceCount: number;
  @Column({ type: 'integer' }) population: number;
  @Column({ type: 'boolean' }) derived: boolean;
}
