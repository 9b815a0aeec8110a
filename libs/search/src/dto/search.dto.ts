import { PublicIncidentView } from '@lib/incidents';
import { PublicCreditView } from '@lib/credit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  Min,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { queryBoolean, queryNumber } from '@lib/core';
import { AGE_GROUP_NAMES, FACILITY_KINDS, SERVICE_TYPES, type AgeGroupName, type FacilityKind, type ServiceType } from '@lib/standards';
import { DOMAINS, OUTCOMES, type Domain, type Outcome } from '@lib/inspections';
import { SEARCH_LIMITS } from '../search-limits.js';
import { MAX_MERCATOR_LAT } from '../web-mercator.js';
import { parseBbox } from '../map-grid.js';

const FINITE = { allowNaN: false, allowInfinity: false };

export class NearbyQuery {
  @ApiProperty({ example: 43.88, minimum: -MAX_MERCATOR_LAT, maximum: MAX_MERCATOR_LAT })
  @Transform(queryNumber)
  @IsNumber(FINITE)
  @Min(-MAX_MERCATOR_LAT)
  @Max(MAX_MERCATOR_LAT)
  lat: number;

  @ApiProperty({ example: 125.32, minimum: -180, maximum: 180 })
  @Transform(queryNumber)
  @IsNumber(FINITE)
  @Min(-180)
  @Max(180)
  lng: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: SEARCH_LIMITS.maxRadiusM, default: SEARCH_LIMITS.defaultRadiusM })
  @IsOptional()
  @Transform(queryNumber)
  @IsInt()
  @Min(1)
  @Max(SEARCH_LIMITS.maxRadiusM)
  radiusM: number = SEARCH_LIMITS.defaultRadiusM;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: SEARCH_LIMITS.maxAgeMonths, description: "child's age in completed months" })
  @IsOptional()
  @Transform(queryNumber)
  @IsInt()
  @Min(0)
  @Max(SEARCH_LIMITS.maxAgeMonths)
  ageMonths?: number;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: affordable (普惠) only' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  affordable?: boolean;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: a free place (for the age, with ageMonths)' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  hasVacancy?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'highest monthly fee, CNY, inclusive' })
  @IsOptional()
  @Transform(queryNumber)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  maxFee?: number;

  @ApiPropertyOptional({ enum: SERVICE_TYPES }) @IsOptional() @IsIn(SERVICE_TYPES) serviceType?: ServiceType;
  @ApiPropertyOptional({ enum: FACILITY_KINDS }) @IsOptional() @IsIn(FACILITY_KINDS) kind?: FacilityKind;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: SEARCH_LIMITS.maxResults, default: SEARCH_LIMITS.defaultResults })
  @IsOptional()
  @Transform(queryNumber)
  @IsInt()
  @Min(1)
  @Max(SEARCH_LIMITS.maxResults)
  limit: number = SEARCH_LIMITS.defaultResults;
}

@ValidatorConstraint({ name: 'isBbox' })
class IsBbox implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return parseBbox(value) !== null;
  }
  defaultMessage(): string {
    return 'bbox must be minLng,minLat,maxLng,maxLat with min below max';
  }
}

export class MapQuery {
  @ApiProperty({ example: '125.1,43.7,125.6,44.0', description: 'minLng,minLat,maxLng,maxLat (WGS84, min < max, |lat| ≤ 85.05)' })
  @IsString()
  @Validate(IsBbox)
  bbox: string;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: SEARCH_LIMITS.maxZoom, example: 11 })
  @Transform(queryNumber)
  @IsInt()
  @Min(0)
  @Max(SEARCH_LIMITS.maxZoom)
  zoom: number;
}

export class LatLngView {
  @ApiProperty({ example: 43.88 }) lat: number;
  @ApiProperty({ example: 125.32 }) lng: number;
}

export class LatestInspectionView {
  @ApiProperty({ enum: DOMAINS }) domain: Domain;
  @ApiProperty({ enum: OUTCOMES }) outcome: Outcome;
  @ApiProperty({ format: 'date-time' }) inspectedAt: string;
}

/** What the public may know of a registered facility (no staff, ID numbers, operator or true home location). */
export class PublicFacilitySummaryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for a home-based point (its unit is regionName)' })
  address: string | null;
  @ApiProperty({ example: '220102' }) regionCode: string;
  @ApiProperty({ example: '南关区', description: 'in the language of Accept-Language' }) regionName: string;
  @ApiProperty({ type: LatLngView, description: 'a home-based point: a stable point 100–300 m from the true one' })
  location: LatLngView;
  @ApiProperty({ enum: FACILITY_KINDS }) kind: FacilityKind;
  @ApiProperty() affordable: boolean;
  @ApiProperty() medicalIntegrated: boolean;
  @ApiProperty({ type: 'integer', description: 'CNY per month' }) monthlyFee: number;
  @ApiProperty({ enum: SERVICE_TYPES, isArray: true }) serviceTypes: ServiceType[];
  @ApiProperty({ enum: AGE_GROUP_NAMES, isArray: true }) ageGroups: AgeGroupName[];
  @ApiProperty({ type: 'integer' }) placeCount: number;
  @ApiProperty({ type: 'integer' }) vacancies: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) vacanciesUpdatedAt: string | null;
  @ApiProperty({ description: 'vacancies not reported for over 30 days' }) vacanciesStale: boolean;
  @ApiProperty({ example: 'TY-220102-2026-0001' }) registrationNo: string;
  @ApiProperty({ type: [LatestInspectionView] }) latestInspections: LatestInspectionView[];
}

export class NearbyItemView extends PublicFacilitySummaryView {
  @ApiProperty({ description: 'metres, great-circle, from the searched point to the public location' }) distanceM: number;
  @ApiPropertyOptional({ type: 'integer', description: 'with ageMonths only: free places in the classes that take a child of that age' })
  vacanciesForAge?: number;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'with ageMonths only: the oldest report of places among those classes (null: no such class)',
  })
  vacanciesForAgeUpdatedAt?: string | null;
  @ApiPropertyOptional({ description: 'with ageMonths only: one of those classes not reported for over 30 days' })
  vacanciesForAgeStale?: boolean;
}

export class NearbyListView {
  @ApiProperty({ type: [NearbyItemView] }) items: NearbyItemView[];
}

export class PublicClassView {
  @ApiProperty({ enum: AGE_GROUP_NAMES }) ageGroup: AgeGroupName;
  @ApiProperty({ type: 'integer' }) places: number;
  @ApiProperty({ type: 'integer' }) vacancies: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: 'not reported for over 30 days' }) stale: boolean;
}

export class PublicInspectionView extends LatestInspectionView {
  @ApiProperty({ description: 'plain language: what failed and whether it was put right' }) summary: string;
}

export class PublicFacilityView extends PublicFacilitySummaryView {
  @ApiProperty({ enum: ['registered', 'suspended'] }) status: 'registered' | 'suspended';
  @ApiProperty({ enum: ['public', 'private', 'public_private'] }) ownership: string;
  @ApiProperty() servesMeals: boolean;
  @ApiProperty() openingHours: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for a home-based point' }) phone: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) registeredAt: string | null;
  @ApiProperty({ type: [PublicClassView] }) classes: PublicClassView[];
  @ApiProperty({ type: [PublicInspectionView], description: 'the latest per domain' }) inspections: PublicInspectionView[];
  @ApiProperty({
    type: [PublicIncidentView],
    description: 'substantiated serious and critical incidents of the last 3 years: kind, severity, date and finding only',
  })
  incidents: PublicIncidentView[];
  @ApiProperty({ type: PublicCreditView, description: 'the operator’s credit level and its penalties of the last 3 years' })
  credit: PublicCreditView;
}
