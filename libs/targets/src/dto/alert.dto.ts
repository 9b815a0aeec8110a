import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '@lib/core';
import { ALERT_KINDS, ALERT_SUBJECT_TYPES, type AlertKind, type AlertSubjectType } from '../alert.entity.js';

export class AlertListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ALERT_KINDS }) @IsOptional() @IsIn(ALERT_KINDS) kind?: AlertKind;
  @ApiPropertyOptional({ enum: ['open', 'resolved'] }) @IsOptional() @IsIn(['open', 'resolved']) status?: 'open' | 'resolved';
  @ApiPropertyOptional({ format: 'uuid', description: "one facility's alerts (a group of GET /alerts/groups)" })
  @IsOptional()
  @IsUUID()
  facilityId?: string;
  @ApiPropertyOptional({ description: "a unit's own alerts, those about no facility (a group of GET /alerts/groups)", example: '220102' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  regionCode?: string;
}

/** Open alerts grouped by what they are about (docs/api.md "Alerts grouped"). */
export class AlertGroupQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ALERT_KINDS }) @IsOptional() @IsIn(ALERT_KINDS) kind?: AlertKind;
}

export class AlertKindCount {
  @ApiProperty({ enum: ALERT_KINDS }) kind: AlertKind;
  @ApiProperty({ type: 'integer' }) count: number;
}

export class AlertGroupView {
  @ApiPropertyOptional({ format: 'uuid', description: 'the facility the alerts are about; absent for a unit’s own alerts' })
  facilityId?: string;
  @ApiPropertyOptional() facilityName?: string;
  @ApiPropertyOptional({ description: 'the facility’s unit, or the unit the alerts are about', example: '220102' }) regionCode?: string;
  @ApiPropertyOptional({ description: 'the unit’s name' }) regionName?: string;
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ type: [AlertKindCount], description: 'by kind, most first' }) kinds: AlertKindCount[];
  @ApiPropertyOptional({ format: 'date', description: 'the earliest due date among them' }) dueOn?: string;
}

export class AlertGroupListView {
  @ApiProperty({ type: [AlertGroupView] }) items: AlertGroupView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class AlertSubjectView {
  @ApiProperty({ enum: ALERT_SUBJECT_TYPES }) type: AlertSubjectType;
  @ApiProperty() id: string;
}

export class AlertView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ALERT_KINDS }) kind: AlertKind;
  @ApiProperty({ type: AlertSubjectView }) subject: AlertSubjectView;
  @ApiPropertyOptional({ format: 'uuid' }) facilityId?: string;
  @ApiPropertyOptional({ description: 'the facility the alert is about (every alert about a facility names it)' }) facilityName?: string;
  @ApiPropertyOptional() regionCode?: string;
  @ApiProperty({ description: 'zh-CN' }) message: string;
  @ApiProperty() messageEn: string;
  @ApiPropertyOptional({ format: 'date', description: 'for expiring kinds, the expiry date' }) dueOn?: string;
  @ApiPropertyOptional({ enum: ['within_30_days', 'within_7_days', 'expired'], description: 'expiring kinds: how close the date is' })
  stage?: 'within_30_days' | 'within_7_days' | 'expired';
  @ApiPropertyOptional({
    enum: ['unit', 'city'],
    description: 'incident_unacknowledged: told to the unit’s regulators (after 2 h) or to the city-level ones too (after 4 h)',
  })
  escalation?: 'unit' | 'city';
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) resolvedAt?: string;
}

export class AlertListView {
  @ApiProperty({ type: [AlertView] }) items: AlertView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
