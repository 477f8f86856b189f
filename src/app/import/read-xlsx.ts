import type ExcelJS from 'exceljs';
import { sheetFromRows, type RawRow, type RawWorkbook } from './workbook.js';

type CellValue = ExcelJS.CellValue;

/** Excel stores dates as UTC midnight; the day is all the plan means. */
function dateText(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The text a person sees in a cell, whatever exceljs made of it. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) {
    // A typed email often becomes a mailto: link whose text is itself rich text.
    const text: unknown = value.text;
    return typeof text === 'string' ? text : cellText(text as CellValue);
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return value.result === undefined ? '' : cellText(value.result);
  }
  if ('error' in value) return value.error;
  return '';
}

/** Reads an `.xlsx` file's sheets as text rows, keeping Excel's row numbers. */
export async function readXlsxWorkbook(content: ArrayBuffer | Uint8Array): Promise<RawWorkbook> {
  // Loaded when first needed: most turns read no workbook and write none.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  // exceljs types its input as an ArrayBuffer; a copy keeps a pooled Buffer's neighbours out.
  const bytes = content instanceof Uint8Array ? new Uint8Array(content).buffer : content;
  await workbook.xlsx.load(bytes);
  const sheets = workbook.worksheets.map((worksheet) => {
    const rows: RawRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellText(cell.value).trim();
      });
      rows.push({ number: row.number, cells: Array.from(cells, (cell) => cell ?? '') });
    });
    return sheetFromRows(worksheet.name, rows);
  });
  const title = workbook.title.trim();
  return title === '' ? { sheets } : { sheets, title };
}
