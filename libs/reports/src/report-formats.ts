import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvLine } from '@lib/core';
import { DOMAINS, DOMAIN_LABELS, FACILITY_KINDS, FACILITY_KIND_LABELS, OUTCOMES, OUTCOME_LABELS, labelsIn } from '@lib/standards';
import type { AnnualReportView, ReportRowView } from './dto/report.dto.js';

const KIND_NAMES = labelsIn(FACILITY_KIND_LABELS, 'zh');
const DOMAIN_NAMES = labelsIn(DOMAIN_LABELS, 'zh');
const OUTCOME_NAMES = labelsIn(OUTCOME_LABELS, 'zh');
/** Columns holding a share (0..1): a percentage in the XLSX (the CSV keeps the decimal, for machines). */
const PERCENT_COLUMNS = new Set(['普惠托位占比', '持证保育人员占比']);

/** The report as sections of (header, value) columns: the CSV is all of them, the XLSX one sheet each. */
function sections(): { sheet: string; columns: [string, (r: ReportRowView) => string | number][] }[] {
  const id: [string, (r: ReportRowView) => string | number][] = [
    ['区域代码', (r) => r.regionCode],
    ['区域', (r) => r.name],
  ];
  return [
    {
      sheet: '托位与目标',
      columns: [
        ...id,
        ['常住人口', (r) => r.population],
        ['机构数', (r) => r.facilityCount],
        ['托位数', (r) => r.placeCount],
        ['普惠托位数', (r) => r.affordablePlaceCount],
        ['普惠托位占比', (r) => r.affordableShare],
        ['每千人口托位数', (r) => r.placesPer1000],
        ['年度目标', (r) => r.target],
        ['持证保育人员占比', (r) => r.caregiversCertifiedShare],
        ['排队儿童数', (r) => r.waitingChildren],
      ],
    },
    {
      sheet: '机构类型',
      columns: [
        ...id,
        ...FACILITY_KINDS.map((k): [string, (r: ReportRowView) => number] => [KIND_NAMES[k]!, (r) => r.facilitiesByKind[k] ?? 0]),
      ],
    },
    {
      sheet: '监督检查',
      columns: [
        ...id,
        ...DOMAINS.flatMap((d) =>
          OUTCOMES.map((o): [string, (r: ReportRowView) => number] => [
            `${DOMAIN_NAMES[d]}检查-${OUTCOME_NAMES[o]}`,
            (r) => r.inspectionsByDomain[d]?.[o] ?? 0,
          ]),
        ),
      ],
    },
    { sheet: '整改', columns: [...id, ['新开整改通知', (r) => r.ordersOpened], ['已整改销号', (r) => r.ordersResolved]] },
  ];
}

const rowsOf = (report: AnnualReportView) => [...report.rows, { ...report.total, name: `${report.total.name}（合计）` }];

/** UTF-8 with a BOM and CRLF, so Excel opens the Chinese headers correctly. */
export function reportCsv(report: AnnualReportView): string {
  const all = sections().flatMap((s, i) => (i === 0 ? s.columns : s.columns.slice(2)));
  return `\uFEFF${csvLine(all.map(([h]) => h))}${rowsOf(report)
    .map((r) => csvLine(all.map(([, f]) => f(r))))
    .join('')}`;
}

/**
 * The workbook written as it is made (ExcelJS's streaming writer: each row is committed to the zip stream and
 * dropped), so a report of thousands of rows is never held whole in memory. A failure ends the stream with the error.
 */
export function reportXlsx(report: AnnualReportView): Readable {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = '托育机构登记备案与监管系统';
  book.created = new Date(report.generatedAt);
  const write = async () => {
    for (const s of sections()) {
      const sheet = book.addWorksheet(s.sheet);
      // Columns before rows: the streaming writer fixes a column's width and format when its first row is committed.
      sheet.columns = s.columns.map(([header]) => ({ width: 14, style: PERCENT_COLUMNS.has(header) ? { numFmt: '0.0%' } : {} }));
      sheet.addRow([`${report.year} 年度报告（截至 ${report.asOf}）`]).commit();
      const head = sheet.addRow(s.columns.map(([h]) => h));
      head.font = { bold: true };
      head.commit();
      for (const r of rowsOf(report)) sheet.addRow(s.columns.map(([, f]) => f(r))).commit();
      sheet.commit();
    }
    await book.commit();
  };
  write().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}
