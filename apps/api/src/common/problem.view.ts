import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ProblemErrorView {
  @ApiPropertyOptional({ type: String, description: 'the field, as a path into the body or query (`documents[2].expiresOn`)' })
  field?: string;

  @ApiProperty({ type: String, example: 'required' })
  code: string;

  @ApiProperty({ type: String, description: 'for people, in the language asked for (Accept-Language)' })
  message: string;
}

/** RFC 9457 problem details: every error answer (problem.filter.ts `problemOf`). */
export class ProblemView {
  @ApiProperty({
    type: String,
    example: 'urn:childcare:problem:validation',
    description: '`urn:childcare:problem:<code>` or `about:blank`',
  })
  type: string;

  @ApiProperty({ type: String, example: '请求无效' })
  title: string;

  @ApiProperty({ type: 'integer', example: 400 })
  status: number;

  @ApiProperty({ type: String })
  detail: string;

  @ApiPropertyOptional({ type: [ProblemErrorView], description: 'one entry per refused field or rule' })
  errors?: ProblemErrorView[];
}
