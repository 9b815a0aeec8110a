import { ApiProperty, ApiPropertyOptional, OmitType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@lib/core';
import { UpdateFacilityDto } from '@lib/facilities';
import { ComplianceCheckView } from './filing.dto.js';
import {
  AGE_GROUP_NAMES,
  CHANGE_FILING_STATUSES,
  CLASS_CHANGE_OPS,
  MATERIAL_FACILITY_FIELDS,
  type AgeGroupName,
  type ChangeFilingStatus,
  type ClassChangeOp,
} from '@lib/standards';

/** The material fields of a facility, every one optional (the same validation as PATCH /facilities/{id}). */
export class ChangeFacilityDto extends PickType(UpdateFacilityDto, MATERIAL_FACILITY_FIELDS) {}

export class ClassChangeDto {
  @ApiProperty({ enum: CLASS_CHANGE_OPS }) @IsIn(CLASS_CHANGE_OPS) op: ClassChangeOp;
  @ApiPropertyOptional({ format: 'uuid', description: 'update, remove: the class' }) @IsOptional() @IsUUID() classId?: string;
  @ApiPropertyOptional({ maxLength: 50 }) @IsOptional() @IsString() @MinLength(1) @MaxLength(50) name?: string;
  @ApiPropertyOptional({ enum: AGE_GROUP_NAMES }) @IsOptional() @IsIn(AGE_GROUP_NAMES) ageGroup?: AgeGroupName;
  @ApiPropertyOptional({ type: 'integer', minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(1000) places?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0 }) @IsOptional() @IsInt() @Min(0) @Max(1000) enrolled?: number;
}

export class CreateChangeFilingDto {
  @ApiProperty({ example: '扩建二楼活动室，增设托小班', maxLength: 500 }) @IsString() @MinLength(1) @MaxLength(500) reason: string;
  @ApiPropertyOptional({ type: ChangeFacilityDto, description: 'the material fields as they would be' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChangeFacilityDto)
  facility?: ChangeFacilityDto;
  @ApiPropertyOptional({ type: [ClassChangeDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ClassChangeDto)
  classes?: ClassChangeDto[];
}

export class ChangeFilingDecisionView {
  @ApiPropertyOptional() note?: string;
  @ApiPropertyOptional() reason?: string;
}

/** A class as it was when the change was filed. */
export class ClassBeforeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: AGE_GROUP_NAMES }) ageGroup: AgeGroupName;
  @ApiProperty({ type: 'integer' }) places: number;
  @ApiProperty({ type: 'integer' }) enrolled: number;
}

/** The facility as it was when the change was filed, for the side-by-side view. */
export class ChangeFilingBeforeView {
  @ApiPropertyOptional({ type: ChangeFacilityDto, description: 'the fields the change proposes, as they were' })
  facility?: Record<string, unknown>;
  @ApiPropertyOptional({ type: [ClassBeforeView], description: 'every class of the facility, as it was' }) classes?: ClassBeforeView[];
}

export class ChangeFilingView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty({ description: 'the facility’s name now (approved state)' }) facilityName: string;
  @ApiProperty({ example: '220102' }) regionCode: string;
  @ApiProperty({ enum: CHANGE_FILING_STATUSES }) status: ChangeFilingStatus;
  @ApiProperty() reason: string;
  @ApiProperty({ type: ChangeFacilityDto, description: 'the material fields as proposed' }) facility: Record<string, unknown>;
  @ApiProperty({ type: [ClassChangeDto] }) classes: ClassChangeDto[];
  @ApiProperty({ type: ChangeFilingBeforeView, description: 'the proposed fields and every class as they were when filed' })
  before: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: ChangeFilingDecisionView, nullable: true }) decision: ChangeFilingDecisionView | null;
  @ApiProperty({ description: 'pending for longer than the review deadline (working days)' }) overdue: boolean;
}

export class ChangeFilingListView {
  @ApiProperty({ type: [ChangeFilingView] }) items: ChangeFilingView[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor?: string | null;
}

export class ChangeFilingQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CHANGE_FILING_STATUSES }) @IsOptional() @IsIn(CHANGE_FILING_STATUSES) status?: ChangeFilingStatus;
  @ApiPropertyOptional({ example: '220102' }) @IsOptional() @Matches(/^\d{6}$/) regionCode?: string;
}

/** The change as it would be filed, without its reason: the console's live check (nothing is filed). */
export class ChangeCheckDto extends OmitType(CreateChangeFilingDto, ['reason'] as const) {}

export class ChangeCheckView {
  @ApiProperty({ description: 'a change filing of this change would be accepted: no rule that refuses a filing is broken' })
  acceptable: boolean;
  @ApiProperty({ type: [ComplianceCheckView], description: 'every rule, against the facility as it would be after the change' })
  checks: ComplianceCheckView[];
}
