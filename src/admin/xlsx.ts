import type { Activity } from '../activities/types';
import { EXPORT_TEXT } from '../officials/copy';
import { REGISTRATION_COLUMNS, type ExportRow } from './csv';

/**
 * Registrations as an Excel workbook (exceljs: a maintained library that writes real .xlsx files,
 * so officials open the list without import dialogs). Identifier columns are string cells with the
 * text format '@': codes and mobiles stay exactly as entered. Chinese headers, frozen header row.
 */
export async function registrationsXlsx(rows: ExportRow[], activities: Map<number, Activity>): Promise<Buffer> {
  // Loaded on the first export: exceljs costs ~27 MB and a few hundred ms at every start otherwise.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = EXPORT_TEXT.workbookCreator;
  const sheet = workbook.addWorksheet(EXPORT_TEXT.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = REGISTRATION_COLUMNS.map((c) => ({ header: c.header, width: c.width ?? 12, style: c.text ? { numFmt: '@' } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const activity = activities.get(r.activityId);
    const row = sheet.addRow(REGISTRATION_COLUMNS.map((c) => c.value(r, activity)));
    REGISTRATION_COLUMNS.forEach((c, i) => {
      if (c.text) {
        const cell = row.getCell(i + 1);
        cell.value = String(cell.value ?? '');
        cell.numFmt = '@';
      }
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
