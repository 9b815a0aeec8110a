import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsDateOnly } from '@lib/core';

export class WaitingByAgeGroup {
  @ApiProperty({ type: 'integer', description: '6–11 months' }) infant: number;
  @ApiProperty({ type: 'integer', description: '12–23 months' }) toddler: number;
  @ApiProperty({ type: 'integer', description: '24–36 months' }) preschool: number;
}

export class RegionView {
  @ApiProperty({ example: '220102' }) code: string;
  @ApiProperty({ example: '南关区' }) name: string;
  @ApiProperty({ example: 'Nanguan District' }) nameEn: string;
  @ApiProperty({ enum: ['city', 'district', 'zone'] }) level: 'city' | 'district' | 'zone';
  @ApiProperty({ type: String, nullable: true, example: '220100' }) parentCode: string | null;
  @ApiProperty({ type: 'integer', description: 'Resident population of the latest year' }) population: number;
  @ApiProperty({ type: 'integer', nullable: true }) populationYear: number | null;
  @ApiProperty({ type: 'integer', description: 'Registered facilities that count (configuration)' }) facilityCount: number;
  @ApiProperty({ type: 'integer' }) placeCount: number;
  @ApiProperty({ type: 'integer' }) affordablePlaceCount: number;
  @ApiProperty({ description: 'placeCount ÷ population × 1000, two decimals' }) placesPer1000: number;
  @ApiProperty({ example: 4.5 }) target2025: number;
  @ApiProperty({ example: 8 }) target2035: number;
  @ApiProperty({ type: 'integer' }) shortfall2025: number;
  @ApiProperty({ type: 'integer' }) shortfall2035: number;
  @ApiProperty({ type: 'integer', example: 2026, description: 'the current year (Asia/Shanghai)' }) currentYear: number;
  @ApiProperty({ example: 4.85, description: "this year's target on the line between the plan's points (2025: 4.5, 2035: 8)" })
  targetCurrentYear: number;
  @ApiProperty({ type: 'integer', description: 'places missing to reach this year’s target' }) shortfallCurrentYear: number;
  @ApiProperty({ type: 'integer', description: 'waiting applications whose first choice lies in the region' }) waitingChildren: number;
  @ApiProperty({ type: WaitingByAgeGroup, description: 'waitingChildren by the age group of the child in its start month' })
  waitingByAgeGroup: WaitingByAgeGroup;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
}

export class RegionListView {
  @ApiProperty({ type: [RegionView] }) items: RegionView[];
}

export class HistoryQuery {
  @ApiPropertyOptional({ format: 'date', description: 'first day (default: three years ago)' }) @IsOptional() @IsDateOnly() from?: string;
  @ApiPropertyOptional({ format: 'date', description: 'last day (default: today)' }) @IsOptional() @IsDateOnly() to?: string;
}

export class RegionHistoryPointView {
  @ApiProperty({ format: 'date' }) day: string;
  @ApiProperty({ type: 'integer' }) facilityCount: number;
  @ApiProperty({ type: 'integer' }) placeCount: number;
  @ApiProperty({ type: 'integer' }) affordablePlaceCount: number;
  @ApiProperty({ type: 'integer' }) population: number;
  @ApiProperty() placesPer1000: number;
  @ApiProperty({ description: 'the plan’s trajectory for that year (linear between 2025 and 2035)' }) target: number;
  @ApiProperty({ description: 'reconstructed from registration and closure dates rather than observed' }) derived: boolean;
}

export class RegionHistoryView {
  @ApiProperty() code: string;
  @ApiProperty({ type: [RegionHistoryPointView] }) items: RegionHistoryPointView[];
}
