import ExcelJS from 'exceljs';
import { ExportFormat } from './export.enums';

export type CellValue = string | number | null;

export interface SheetColumn {
  header: string;
  /** Column width in characters (CJK characters count double). */
  width?: number;
  /** Excel number format for numeric cells, e.g. '0.00' for yuan. */
  numFmt?: string;
}

/** One table: a header row of column labels and the data rows under it. */
export interface Sheet {
  name: string;
  columns: SheetColumn[];
  rows: CellValue[][];
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  [ExportFormat.XLSX]: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  [ExportFormat.CSV]: 'text/csv; charset=utf-8',
};

export const EXTENSIONS: Record<ExportFormat, string> = { [ExportFormat.XLSX]: 'xlsx', [ExportFormat.CSV]: 'csv' };

/** Both formats come from the same exceljs workbook; nothing is assembled by hand. */
export async function renderSheet(sheet: Sheet, format: ExportFormat): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '群友';
  const worksheet = workbook.addWorksheet(sheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((column, index) => ({
    header: column.header,
    key: `c${index}`,
    width: column.width ?? Math.max(10, displayWidth(column.header) + 2),
    style: column.numFmt ? { numFmt: column.numFmt } : {},
  }));
  worksheet.getRow(1).font = { bold: true };
  worksheet.addRows(sheet.rows);

  if (format === ExportFormat.XLSX) return Buffer.from(await workbook.xlsx.writeBuffer());
  return Buffer.from(
    await workbook.csv.writeBuffer({
      formatterOptions: { writeBOM: true },
      map: neutralizeFormula,
    }),
  );
}

/**
 * Text a member typed (a nickname, a note) must not run as a formula when the CSV is opened in
 * Excel: a leading = + - @ gets a quote in front. (The XLSX stores it as text already.)
 */
function neutralizeFormula(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
}

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) > 0xff ? 2 : 1;
  return width;
}
