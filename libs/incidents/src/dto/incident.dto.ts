import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsDateOnly, PageQuery } from '@lib/core';
import {
  DOMAINS,
  DRILL_KINDS,
  INCIDENT_FINDINGS,
  INCIDENT_KINDS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  type DrillKind,
  type IncidentFinding,
  type IncidentKind,
  type IncidentSeverity,
  type IncidentStatus,
} from '@lib/standards';

export class CreateIncidentDto {
  @ApiProperty({ enum: INCIDENT_KINDS }) @IsIn(INCIDENT_KINDS) kind: IncidentKind;
  @ApiProperty({ enum: INCIDENT_SEVERITIES }) @IsIn(INCIDENT_SEVERITIES) severity: IncidentSeverity;
  @ApiProperty({ example: '2026-12-05T09:40:00+08:00', description: 'ISO 8601 with offset; not in the future' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'occurredAt needs a time zone offset' })
  occurredAt: string;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1000, description: 'a count: no child is named' })
  @IsInt()
  @Min(0)
  @Max(1000)
  childrenAffected: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 1000,
    description: 'children taken to hospital (a count, at most childrenAffected)',
  })
  @IsInt()
  @Min(0)
  @Max(1000)
  hospitalized: number;
  @ApiProperty({ maxLength: 2000, description: 'what happened; no child’s name' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  description: string;
  @ApiProperty({ maxLength: 2000 }) @IsString() @MinLength(1) @MaxLength(2000) actionsTaken: string;
}

export class IncidentNoteDto {
  @ApiProperty({ maxLength: 2000 }) @IsString() @MinLength(1) @MaxLength(2000) note: string;
}

export class AcknowledgeIncidentDto {
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MinLength(1) @MaxLength(2000) note?: string;
}

export class CloseIncidentDto {
  @ApiProperty({ enum: INCIDENT_FINDINGS }) @IsIn(INCIDENT_FINDINGS) finding: IncidentFinding;
  @ApiProperty({ maxLength: 2000 }) @IsString() @MinLength(1) @MaxLength(2000) note: string;
}

export class IncidentListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: INCIDENT_STATUSES }) @IsOptional() @IsIn(INCIDENT_STATUSES) status?: IncidentStatus;
  @ApiPropertyOptional({ enum: INCIDENT_KINDS }) @IsOptional() @IsIn(INCIDENT_KINDS) kind?: IncidentKind;
  @ApiPropertyOptional({ enum: INCIDENT_SEVERITIES }) @IsOptional() @IsIn(INCIDENT_SEVERITIES) severity?: IncidentSeverity;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() facilityId?: string;
  @ApiPropertyOptional({ example: '220102' }) @IsOptional() @Matches(/^\d{6}$/) regionCode?: string;
}

export class TimelineActorView {
  @ApiProperty({ enum: ['operator', 'regulator', 'admin'] }) role: string;
  @ApiPropertyOptional({ enum: ['health', 'fire', 'market', 'housing'] }) agency?: string;
}

export class TimelineEntryView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: ['update', 'acknowledged', 'closed'] }) type: 'update' | 'acknowledged' | 'closed';
  @ApiProperty({ type: TimelineActorView }) actor: TimelineActorView;
  @ApiProperty() note: string;
}

export class LinkedInspectionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DOMAINS }) domain: string;
  @ApiProperty({ enum: ['pass', 'rectify', 'fail'] }) outcome: string;
  @ApiProperty({ format: 'date-time' }) inspectedAt: string;
}

export class LinkedFacilityActionView {
  @ApiProperty({ enum: ['suspend', 'close'] }) action: 'suspend' | 'close';
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class IncidentLinksView {
  @ApiProperty({ type: [LinkedInspectionView], description: 'inspections recorded with this incidentId' })
  inspections: LinkedInspectionView[];
  @ApiProperty({ type: [LinkedFacilityActionView], description: 'suspensions and closures decided with this incidentId' })
  facilityActions: LinkedFacilityActionView[];
}

export class IncidentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty() facilityName: string;
  @ApiProperty({ example: '220102' }) regionCode: string;
  @ApiProperty({ enum: INCIDENT_KINDS }) kind: IncidentKind;
  @ApiProperty({ enum: INCIDENT_SEVERITIES }) severity: IncidentSeverity;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty({ format: 'date-time', description: 'occurredAt + the hours configured for the kind and severity' }) reportDueAt: string;
  @ApiProperty({ description: 'reported after reportDueAt' }) late: boolean;
  @ApiProperty({ enum: INCIDENT_STATUSES }) status: IncidentStatus;
  @ApiProperty({ type: 'integer' }) childrenAffected: number;
  @ApiProperty({ type: 'integer' }) hospitalized: number;
  @ApiProperty() description: string;
  @ApiProperty() actionsTaken: string;
  @ApiProperty({ enum: ['operator', 'regulator'], description: 'recorded by the operator, or by a regulator who received the report' })
  reportedVia: 'operator' | 'regulator';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ enum: INCIDENT_FINDINGS, nullable: true }) finding: IncidentFinding | null;
  @ApiProperty({ enum: ['none', 'unit', 'city'], description: 'unacknowledged serious or critical: who has been alerted' })
  escalation: 'none' | 'unit' | 'city';
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when the next escalation step falls due' })
  nextEscalationAt: string | null;
  @ApiProperty({ enum: DOMAINS, description: 'the inspection domain that fits the kind (the incident page pre-selects it)' })
  suggestedDomain: string;
  @ApiProperty({ type: [TimelineEntryView] }) timeline: TimelineEntryView[];
  @ApiProperty({ type: IncidentLinksView }) links: IncidentLinksView;
}

export class IncidentListView {
  @ApiProperty({ type: [IncidentView] }) items: IncidentView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class CreateDrillDto {
  @ApiProperty({ enum: DRILL_KINDS }) @IsIn(DRILL_KINDS) kind: DrillKind;
  @ApiProperty({ format: 'date', example: '2026-11-20', description: 'not in the future' }) @IsDateOnly() heldOn: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10000 }) @IsInt() @Min(1) @Max(10000) participants: number;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class DrillView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty({ enum: DRILL_KINDS }) kind: DrillKind;
  @ApiProperty({ format: 'date' }) heldOn: string;
  @ApiProperty({ type: 'integer' }) participants: number;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class DrillListView {
  @ApiProperty({ type: [DrillView] }) items: DrillView[];
}

export class PublicIncidentView {
  @ApiProperty({ enum: INCIDENT_KINDS }) kind: IncidentKind;
  @ApiProperty({ enum: INCIDENT_SEVERITIES }) severity: IncidentSeverity;
  @ApiProperty({ format: 'date' }) occurredOn: string;
  @ApiProperty({ enum: ['substantiated'] }) finding: IncidentFinding;
}
