import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsDateOnly, PageQuery } from '@lib/core';
import { IsPlainText } from '@lib/complaints';
import { CREDIT_LEVELS, PENALTY_KINDS, type CreditLevel, type PenaltyKind } from '@lib/standards';

export class CreatePenaltyDto {
  @ApiProperty({ enum: PENALTY_KINDS }) @IsIn(PENALTY_KINDS) kind: PenaltyKind;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'yuan; required for a fine, not allowed otherwise' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  amountYuan?: number;
  @ApiProperty({ example: '长南卫罚〔2026〕12号', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsPlainText()
  decisionNo: string;
  @ApiProperty({ format: 'date', description: 'not in the future' }) @IsDateOnly() decidedOn: string;
  @ApiProperty({ example: '《托育机构管理规范（试行）》', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @IsPlainText()
  legalBasis: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) @IsPlainText() note?: string;
}

export class RevokePenaltyDto {
  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'e.g. the appeal decision' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @IsPlainText()
  reason: string;
}

export class PenaltyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty() creditCode: string;
  @ApiProperty({ enum: ['health', 'fire', 'market', 'housing'] }) agency: string;
  @ApiProperty({ enum: PENALTY_KINDS }) kind: PenaltyKind;
  @ApiProperty({ type: 'integer', nullable: true }) amountYuan: number | null;
  @ApiProperty() decisionNo: string;
  @ApiProperty({ format: 'date' }) decidedOn: string;
  @ApiProperty() legalBasis: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() revoked: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) revocationReason: string | null;
}

export class PenaltyListView {
  @ApiProperty({ type: [PenaltyView] }) items: PenaltyView[];
}

export class CreditView {
  @ApiProperty() creditCode: string;
  @ApiProperty({ enum: CREDIT_LEVELS }) level: CreditLevel;
  @ApiProperty({ type: [String], description: 'the rules that apply, worst first, in the language asked for' }) reasons: string[];
  @ApiProperty({ type: [String], description: 'facilities with this credit code in the caller’s reach' }) facilities: string[];
  @ApiProperty({ type: 'integer', description: 'penalties not revoked' }) penalties: number;
  @ApiProperty({ type: 'integer' }) substantiatedComplaints: number;
  @ApiProperty({ type: 'integer' }) substantiatedIncidents: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when the worker last computed it' }) computedAt:
    string | null;
}

export class CreditListView {
  @ApiProperty({ type: [CreditView] }) items: CreditView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class CreditListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CREDIT_LEVELS }) @IsOptional() @IsIn(CREDIT_LEVELS) level?: CreditLevel;
}

export class PublicPenaltyView {
  @ApiProperty({ enum: PENALTY_KINDS }) kind: PenaltyKind;
  @ApiProperty({ format: 'date' }) decidedOn: string;
  @ApiProperty() legalBasis: string;
}

export class PublicCreditView {
  @ApiProperty({ enum: CREDIT_LEVELS }) level: CreditLevel;
  @ApiProperty({ type: [PublicPenaltyView], description: 'the last 3 years, revoked ones left out' }) penalties: PublicPenaltyView[];
}
