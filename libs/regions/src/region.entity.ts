import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

export type RegionLevel = 'city' | 'district' | 'zone';

/** A supervisory unit (county-level division or development zone) or the city above them. */
@Entity('regions')
@Check('regions_level_check', "level IN ('city', 'district', 'zone')")
@Check('regions_boundary_check', "(level = 'city') = (boundary IS NULL)")
export class RegionEntity {
  @PrimaryColumn({ type: 'char', length: 6 }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) nameEn: string;
  @Column({ type: 'text' }) level: RegionLevel;
  /** The source's own kind (district, county, county_level_city, development_zone, city). */
  @Column({ type: 'text' }) kind: string;
  @ForeignKey('RegionEntity', 'code', { name: 'regions_parent_code_fkey' })
  @Column({ type: 'char', length: 6, nullable: true })
  parentCode: string | null;
  /** WGS84; null for the city, whose extent is the union of its units. GiST-indexed for ST_Covers. */
  @Index('regions_boundary_gist', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'MultiPolygon', srid: 4326, nullable: true, select: false })
  boundary: unknown;
}

/** Resident population (常住人口) of a unit for a year; the city's is the sum of its units'. */
@Entity('region_populations')
@Check('region_populations_year_check', 'year BETWEEN 1900 AND 2200')
@Check('region_populations_population_check', 'population > 0')
export class RegionPopulationEntity {
  @ForeignKey('RegionEntity', 'code', { name: 'region_populations_region_code_fkey' })
  @PrimaryColumn({ type: 'char', length: 6 })
  regionCode: string;
  @PrimaryColumn({ type: 'integer' }) year: number;
  @Column({ type: 'integer' }) population: number;
  @Column({ type: 'text' }) source: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
