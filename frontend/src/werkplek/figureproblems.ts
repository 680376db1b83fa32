// A refused upload of context figures in the workspace's language: every bad cell of the file as "Regel 5, kolom
// ‘waarde’: is geen getal.", from the problem's fields (rows[i].column, header, file, set) and the line beside them.
import type { ApiError } from '../api';
import type { FieldError } from '../types';
import { w, type WKey } from './texts';

const COLUMNS = ['indicator', 'region', 'period', 'value', 'unit', 'source'];

function columnName(column: string): string {
  return COLUMNS.includes(column) ? w(`figures.column.${column}` as WKey) : column;
}

/** Why a cell was refused, in words, from the API's reason. */
function cellReason(message: string): string {
  if (/is required/.test(message)) return w('figures.error.required');
  if (/between thousands/.test(message)) return w('figures.error.thousands');
  if (/put % in the column unit/.test(message)) return w('figures.error.percent');
  if (/is not a number/.test(message)) return w('figures.error.number');
  const long = /at most (\d+) characters/.exec(message);
  if (long) return w('figures.error.tooLong', { max: long[1] });
  if (/same indicator, region and period/.test(message)) return w('figures.error.twice');
  if (/UTF-8/.test(message)) return w('figures.error.encoding');
  return w('figures.error.character');
}

function headerProblem(message: string): string {
  const missing = /the column (\w+) .*is missing/.exec(message);
  if (missing) return w('figures.error.headerMissing', { column: columnName(missing[1]) });
  const unknown = /^'(.*)' is not a column/.exec(message);
  if (unknown) return w('figures.error.headerUnknown', { name: unknown[1] });
  if (/twice/.test(message)) return w('figures.error.headerTwice');
  return w('figures.error.fileEncoding');
}

function fileProblem(error: FieldError): string {
  const line = error.line ?? 1;
  if (/is empty/.test(error.message)) return w('figures.error.empty');
  if (/holds no figures/.test(error.message)) return w('figures.error.noFigures');
  const many = /at most (\d+) go in one set/.exec(error.message);
  if (many) return w('figures.error.tooMany', { max: many[1] });
  if (/UTF-8/.test(error.message)) return w('figures.error.fileEncoding');
  return w('figures.error.csv', { line });
}

/** One sentence per problem of a refused upload; empty when the refusal names none of the file's fields. */
export function figureProblems(error: ApiError): string[] {
  const out: string[] = [];
  for (const e of error.problem?.errors ?? []) {
    const line = e.line ?? 1;
    const cell = /^rows\[\d+]\.(\w+)$/.exec(e.field);
    let text: string;
    if (cell) {
      text = w('figures.error.cell', { line, column: columnName(cell[1]), reason: cellReason(e.message) });
    } else if (/^rows\[\d+]$/.test(e.field)) {
      text = /needs quotes/.test(e.message)
        ? w('figures.error.rowComma', { line })
        : w('figures.error.row', { line });
    } else if (e.field === 'header') {
      text = headerProblem(e.message);
    } else if (e.field === 'file') {
      text = fileProblem(e);
    } else if (e.field === 'set') {
      text = w('figures.error.set');
    } else {
      continue;
    }
    if (!out.includes(text)) out.push(text);
  }
  return out;
}
