import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { AGE_GROUP_NAMES, type AgeGroupName } from '@lib/standards';

export class ReasonDto {
  @ApiProperty({ example: '消防检查发现疏散通道堵塞', maxLength: 500 }) @IsString() @MinLength(1) @MaxLength(500) reason: string;
}

/** Suspension and closure: a reason, and the incident that led to it, if one did (kept as the link both ways). */
export class StatusActionDto extends ReasonDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'the incident of this facility that led to it' })
  @IsOptional()
  @IsUUID()
  incidentId?: string;
}

export class ApproveDto {
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class ComplianceCheckView {
  @ApiProperty({ example: 'carer_ratio' }) code: string;
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'zh-CN' }) detail: string;
  @ApiProperty() detailEn: string;
  @ApiProperty({ description: 'a failure refuses submission (422)' }) blocksFiling: boolean;
}

export class ComplianceView {
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: [ComplianceCheckView] }) checks: ComplianceCheckView[];
}

export class PlacementView {
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty({ format: 'uuid' }) classId: string;
  @ApiProperty() name: string;
  @ApiProperty() distanceM: number;
  @ApiProperty({ type: 'integer' }) count: number;
}

export class PlacementClassView {
  @ApiProperty({ format: 'uuid' }) classId: string;
  @ApiProperty({ enum: AGE_GROUP_NAMES }) ageGroup: AgeGroupName;
  @ApiProperty({ type: 'integer' }) enrolled: number;
  @ApiProperty({ type: [PlacementView] }) placements: PlacementView[];
  @ApiProperty({ type: 'integer' }) unplaced: number;
}

export class PlacementPlanView {
  @ApiProperty({ type: [PlacementClassView] }) classes: PlacementClassView[];
  @ApiProperty({ type: 'integer' }) unplacedTotal: number;
  @ApiPropertyOptional({ description: 'true for the plan stored at closure, false for a live preview' }) stored?: boolean;
}

export class HistoryActorView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the system' }) id: string | null;
  @ApiProperty({ example: 'operator' }) role: string;
}

export class HistoryEntryView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: HistoryActorView }) actor: HistoryActorView;
  @ApiProperty({ example: 'facility.submitted' }) action: string;
  @ApiPropertyOptional() changes?: Record<string, unknown>;
}

export class HistoryView {
  @ApiProperty({ type: [HistoryEntryView] }) items: HistoryEntryView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
