import { IsDateOnly, PageQuery, queryBoolean } from '@lib/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  DOMAINS,
  ITEM_RESULTS,
  OUTCOMES,
  SEVERITIES,
  type Domain,
  type ItemResult,
  type Outcome,
  type Severity,
} from '../inspection-rules.types.js';

export class ItemAnswerDto {
  @ApiProperty({ example: 'FIRE-EXIT-02', maxLength: 40 }) @IsString() @Matches(/^[A-Z0-9-]{3,40}$/) code: string;
  @ApiProperty({ enum: ITEM_RESULTS }) @IsIn(ITEM_RESULTS) result: ItemResult;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class CreateInspectionDto {
  @ApiProperty({ enum: DOMAINS }) @IsIn(DOMAINS) domain: Domain;
  @ApiProperty({ example: '2026-11-20T10:30:00+08:00', description: 'ISO 8601 with offset' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'inspectedAt needs a time zone offset' })
  inspectedAt: string;
  @ApiProperty({ type: [ItemAnswerDto], description: 'every item of the current checklist, exactly once' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ItemAnswerDto)
  items: ItemAnswerDto[];
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) summary?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the incident of this facility that the inspection follows up' })
  @IsOptional()
  @IsUUID()
  incidentId?: string;
}

export class AmendmentDto {
  @ApiProperty({ example: '复核发现灭火器已在检查当日更换', maxLength: 500 }) @IsString() @MinLength(1) @MaxLength(500) reason: string;
  @ApiProperty({ type: [ItemAnswerDto], description: 'the corrected items only' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ItemAnswerDto)
  items: ItemAnswerDto[];
}

export class OrderBriefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() itemCode: string;
  @ApiProperty({ enum: SEVERITIES }) severity: Severity;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ enum: ['open', 'responded', 'resolved'] }) status: 'open' | 'responded' | 'resolved';
}

export class AmendmentView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: [ItemAnswerDto] }) items: ItemAnswerDto[];
}

export class InspectionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty({ enum: DOMAINS }) domain: Domain;
  @ApiProperty({ type: 'integer' }) checklistVersion: number;
  @ApiProperty({ format: 'date-time' }) inspectedAt: string;
  @ApiProperty({ enum: OUTCOMES, description: 'effective, after amendments' }) outcome: Outcome;
  @ApiProperty({ description: 'effective, 0..100' }) score: number;
  @ApiProperty({ enum: OUTCOMES }) originalOutcome: Outcome;
  @ApiProperty() originalScore: number;
  @ApiProperty({ type: [ItemAnswerDto], description: 'as recorded' }) items: ItemAnswerDto[];
  @ApiProperty({ type: String, nullable: true }) summary: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the incident it followed up' }) incidentId: string | null;
  @ApiProperty({ type: [AmendmentView] }) amendments: AmendmentView[];
  @ApiProperty({ type: [OrderBriefView] }) rectificationOrders: OrderBriefView[];
}

export class InspectionListView {
  @ApiProperty({ type: [InspectionView] }) items: InspectionView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ChecklistItemView {
  @ApiProperty() code: string;
  @ApiProperty() section: string;
  @ApiProperty() sectionEn: string;
  @ApiProperty() text: string;
  @ApiProperty() textEn: string;
  @ApiProperty({ enum: SEVERITIES }) severity: Severity;
  @ApiProperty() rule: string;
}

export class ChecklistView {
  @ApiProperty({ enum: DOMAINS }) domain: Domain;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ type: [ChecklistItemView] }) items: ChecklistItemView[];
}

/** `GET /inspection-checklists?on=`: the versions in force on that day (Asia/Shanghai); today without it. */
export class ChecklistQuery {
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-11-20',
    description: 'the day of the visit (Asia/Shanghai): the versions in force that day; today when absent',
  })
  @IsOptional()
  @IsDateOnly()
  on?: string;
}

export class ChecklistListView {
  @ApiProperty({ type: [ChecklistView] }) items: ChecklistView[];
}

export class OrderResponseView {
  @ApiProperty() note: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class OrderVerificationView {
  @ApiProperty() accepted: boolean;
  @ApiPropertyOptional() note?: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class OrderView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty({ format: 'uuid' }) inspectionId: string;
  @ApiProperty({ enum: DOMAINS }) domain: Domain;
  @ApiProperty() itemCode: string;
  @ApiProperty({ enum: SEVERITIES }) severity: Severity;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ enum: ['open', 'responded', 'resolved'] }) status: 'open' | 'responded' | 'resolved';
  @ApiProperty({
    description:
      "the operator is late: still open after dueOn, or responded only after it (an order answered by dueOn waits for the regulator's verification and is not overdue)",
  })
  overdue: boolean;
  @ApiPropertyOptional({
    format: 'date',
    description: 'while responded: the last day for the regulator to verify (5 working days after the response)',
  })
  verificationDueOn?: string;
  @ApiPropertyOptional({ type: OrderResponseView }) response?: OrderResponseView;
  @ApiPropertyOptional({ type: OrderVerificationView }) verification?: OrderVerificationView;
}

export class OrderListView {
  @ApiProperty({ type: [OrderView] }) items: OrderView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class OrderListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'responded', 'resolved', 'overdue'] })
  @IsOptional()
  @IsIn(['open', 'responded', 'resolved', 'overdue'])
  status?: 'open' | 'responded' | 'resolved' | 'overdue';
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() facilityId?: string;
}

/** A page of a collection. */
export class ListQuery extends PageQuery {}

export class OrderResponseDto {
  @ApiProperty({ example: '已清理疏散通道并加装常开防火门', maxLength: 1000 }) @IsString() @MinLength(1) @MaxLength(1000) note: string;
}

export class VerifyDto {
  @ApiProperty() @IsBoolean() accepted: boolean;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class PlanQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DOMAINS }) @IsOptional() @IsIn(DOMAINS) domain?: Domain;
  @ApiPropertyOptional({ example: '220102' }) @IsOptional() @Matches(/^\d{6}$/) regionCode?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  dueOnly?: boolean;
}

export class PlanItemView {
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty() name: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ enum: DOMAINS }) domain: Domain;
  @ApiProperty({ description: '0..100' }) riskScore: number;
  @ApiProperty({ type: [String], description: 'zh-CN' }) reasons: string[];
  @ApiProperty({ type: [String] }) reasonsEn: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastInspectedAt: string | null;
  @ApiProperty({ description: 'never inspected in this domain, or past its cycle' }) due: boolean;
}

export class PlanView {
  @ApiProperty({ type: [PlanItemView] }) items: PlanItemView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
