import { AnnualReportEntity } from './annual-report.entity.js';

export { ReportsModule } from './reports.module.js';
export { ReportService } from './report.service.js';
export { reportCsv, reportXlsx } from './report-formats.js';
export * from './dto/report.dto.js';
export { AnnualReportEntity } from './annual-report.entity.js';
export const reportsEntities = [AnnualReportEntity];
