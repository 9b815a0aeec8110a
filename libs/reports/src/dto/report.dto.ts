import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class AnnualReportQuery {
  @ApiPropertyOptional({ type: 'integer', example: 2026, description: 'default: this year (figures as of now)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ example: '220100', description: 'default: the caller’s region (the city for the admin)' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  regionCode?: string;
}

export class ReportRowView {
  @ApiProperty() regionCode: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'integer' }) population: number;
  @ApiProperty({ type: 'integer' }) facilityCount: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { centre: 40, family: 5 } }) facilitiesByKind: Record<
    string,
    number
  >;
  @ApiProperty({ type: 'integer' }) placeCount: number;
  @ApiProperty({ type: 'integer' }) affordablePlaceCount: number;
  @ApiProperty({ description: '0..1, three decimals' }) affordableShare: number;
  @ApiProperty() placesPer1000: number;
  @ApiProperty({ description: 'the year’s trajectory' }) target: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
    example: { fire: { pass: 10, rectify: 2, fail: 0 } },
  })
  inspectionsByDomain: Record<string, Record<string, number>>;
  @ApiProperty({ type: 'integer' }) ordersOpened: number;
  @ApiProperty({ type: 'integer' }) ordersResolved: number;
  @ApiProperty({ description: 'share of caregivers holding a valid childcare qualification, 0..1' }) caregiversCertifiedShare: number;
  @ApiProperty({ type: 'integer', description: 'children waiting for a place at the end of the period (first choice in the region)' })
  waitingChildren: number;
}

export class AnnualReportView {
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ format: 'date', description: 'the day the figures describe' }) asOf: string;
  @ApiProperty({ type: [ReportRowView] }) rows: ReportRowView[];
  @ApiProperty({ type: ReportRowView }) total: ReportRowView;
}
