// Excel import/export framework (docs/decisions/010-excel-import-export.md): column definitions shared
// by import and export, readTable with a per-row error report, writeTable, writeTemplate, annotateErrors.
export {
  boolean,
  columnsOf,
  date,
  list,
  decimal,
  excelSerialToDate,
  fromValidator,
  integer,
  oneOf,
  parseDateText,
  text,
  type CellKind,
  type Column,
  type ColumnType,
  type ParseResult,
} from './columns.ts';
export {
  DEFAULT_MAX_ROWS,
  headerOf,
  importReport,
  normaliseHeader,
  readTable,
  validateUnique,
  type ImportReport,
  type ParsedRow,
  type ReadOptions,
  type ReadResult,
  type RowError,
} from './read.ts';
export { writeTable, writeTemplate, type TemplateOptions, type WriteOptions } from './write.ts';
export { annotateErrors, ERROR_SHEET, type AnnotateOptions } from './annotate.ts';
export { decodeCsv, parseCsv, type CsvEncoding } from './csv.ts';
