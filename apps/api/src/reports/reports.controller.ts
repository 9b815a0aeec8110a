import { Controller, Get, Headers, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, type Actor } from '@lib/auth';
import { AnnualReportQuery, AnnualReportView, ReportService, reportCsv, reportXlsx } from '@lib/reports';
import { CurrentActor } from '../common/access.guard.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('reports')
@ApiExtraModels(AnnualReportView)
@ApiBearerAuth()
@Controller('api/v1/reports')
export class ReportsController {
  constructor(private readonly reports: ReportService) {}

  /** JSON by default; `Accept: text/csv` a CSV (UTF-8 with BOM); `Accept: <xlsx>` an Excel workbook. */
  @Get('annual')
  @ApiOperation({ summary: '年度报告（JSON、CSV、XLSX） · Annual report (JSON, CSV, XLSX)' })
  @Access.grants({ role: 'admin' }, { role: 'regulator' })
  @ApiOkResponse({
    description: 'JSON by default; `Accept: text/csv`: a CSV (UTF-8 with a BOM); `Accept: <xlsx>`: an Excel workbook',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AnnualReportView) } },
      'text/csv': { schema: { type: 'string' } },
      [XLSX]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  async annual(
    @CurrentActor() actor: Actor,
    @Query() query: AnnualReportQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AnnualReportView | string | StreamableFile> {
    const report = await this.reports.annual(actor, query.year, query.regionCode);
    const file = `childcare-report-${report.year}-${report.total.regionCode}`;
    if (accept?.includes(XLSX)) {
      // Streamed (chunked): the workbook is written as the client reads it.
      return new StreamableFile(reportXlsx(report), { type: XLSX, disposition: `attachment; filename="${file}.xlsx"` });
    }
    if (accept?.includes('text/csv')) {
      void reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${file}.csv"`);
      return reportCsv(report);
    }
    return report;
  }
}
