import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDateOnly, PageQuery } from '@lib/core';
import {
  APPLICATION_STATUSES,
  CHOICE_STATUSES,
  OFFER_STATUSES,
  QUEUE_AGE_GROUPS,
  SERVICE_TYPES,
  WAITLIST_RULES,
  type ApplicationStatus,
  type ChoiceStatus,
  type OfferStatus,
  type QueueAgeGroup,
  type ServiceType,
} from '@lib/standards';

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class ChildDto {
  @ApiProperty({
    example: '小米',
    minLength: 1,
    maxLength: 20,
    description: 'a first name or nickname; nothing else about the child is asked',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  label: string;

  @ApiProperty({ example: '2025-03', pattern: YEAR_MONTH.source }) @IsString() @Matches(YEAR_MONTH) birthMonth: string;
}

export class CreateApplicationDto {
  @ApiProperty({ type: ChildDto }) @IsObject() @ValidateNested() @Type(() => ChildDto) child: ChildDto;
  @ApiProperty({ example: '2026-09', pattern: YEAR_MONTH.source, description: 'the month the place is wanted from' })
  @IsString()
  @Matches(YEAR_MONTH)
  startMonth: string;
  @ApiProperty({ enum: SERVICE_TYPES }) @IsIn(SERVICE_TYPES) serviceType: ServiceType;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: WAITLIST_RULES.maxChoices,
    description: 'facility ids, first choice first',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WAITLIST_RULES.maxChoices)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  choices: string[];
}

export class CreateOfferDto {
  @ApiProperty({ format: 'uuid', description: 'one of the caller’s facilities chosen by the application' }) @IsUUID() facilityId: string;
  @ApiProperty({ format: 'uuid', description: 'a class of that facility serving the child’s age' }) @IsUUID() classId: string;
  @ApiProperty({ format: 'date', example: '2026-12-20', description: `today .. today + ${WAITLIST_RULES.maxOfferDays} days` })
  @IsDateOnly()
  expiresOn: string;
}

export class ApplicationListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'operators: one of their facilities' }) @IsOptional() @IsUUID() facilityId?: string;
  @ApiPropertyOptional({ enum: QUEUE_AGE_GROUPS }) @IsOptional() @IsIn(QUEUE_AGE_GROUPS) ageGroup?: QueueAgeGroup;
  @ApiPropertyOptional({
    enum: CHOICE_STATUSES,
    description: 'operators: the choice’s status in their queue (default: waiting and offered); parents: ignored',
  })
  @IsOptional()
  @IsIn(CHOICE_STATUSES)
  status?: ChoiceStatus;
}

export class ChildView {
  @ApiProperty() label: string;
  @ApiProperty({ example: '2025-03' }) birthMonth: string;
}

export class OfferView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) classId: string | null;
  @ApiPropertyOptional({ description: 'the class’s name' }) className?: string;
  @ApiProperty({ enum: OFFER_STATUSES }) status: OfferStatus;
  @ApiProperty({ format: 'date' }) expiresOn: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
}

export class ChoiceView {
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty({ description: 'the facility’s name' }) facilityName: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 3 }) rank: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'place in the facility’s queue for the age group (1 = next); null once out of it',
  })
  position: number | null;
  @ApiProperty({ enum: CHOICE_STATUSES }) status: ChoiceStatus;
}

export class ApplicationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ type: ChildView }) child: ChildView;
  @ApiProperty({ example: '2026-09' }) startMonth: string;
  @ApiProperty({ enum: SERVICE_TYPES }) serviceType: ServiceType;
  @ApiProperty({ enum: QUEUE_AGE_GROUPS, description: 'the queue: the child’s single-age group in the start month' })
  ageGroup: QueueAgeGroup;
  @ApiProperty({ type: 'integer', description: 'the child’s age in completed months in the start month' }) ageMonths: number;
  @ApiProperty({ type: [ChoiceView], description: 'for an operator, only the choices of its facilities' }) choices: ChoiceView[];
  @ApiProperty({ type: [OfferView], description: 'for an operator, only its facilities’ offers' }) offers: OfferView[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ApplicationListView {
  @ApiProperty({ type: [ApplicationView] }) items: ApplicationView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class AcceptedOfferView extends OfferView {
  @ApiProperty({ type: ApplicationView, description: 'the application after the decision' }) application: ApplicationView;
}
