import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export class SetPopulationDto {
  @ApiProperty({ type: 'integer', example: 2025, minimum: 2000, maximum: 2100 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ type: 'integer', example: 660000, minimum: 1, maximum: 100000000 }) @IsInt() @Min(1) @Max(100_000_000) population: number;
  @ApiPropertyOptional({ description: 'true: accept a change of more than half up or down (else 422 implausible_population)' })
  @IsOptional()
  @IsBoolean()
  confirm?: boolean;
}
