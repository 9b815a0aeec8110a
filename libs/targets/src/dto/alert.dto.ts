import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@lib/core';
import { ALERT_KINDS, ALERT_SUBJECT_TYPES, type AlertKind, type AlertSubjectType } from '../alert.entity.js';

export class AlertListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ALERT_KINDS }) @IsOptional() @IsIn(ALERT_KINDS) kind?: AlertKind;
  @ApiPropertyOptional({ enum: ['open', 'resolved'] }) @IsOptional() @IsIn(['open', 'resolved']) status?: 'open' | 'resolved';
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
