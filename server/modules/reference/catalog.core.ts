// Pure rules of the national catalogs: their levels, code shapes, how a code names its parent, and the
// validation of an imported table (codes, hierarchy, duplicates) before anything is written.

export type CatalogKind = 'major' | 'industry' | 'occupation' | 'region';
export type EducationLevel = 'secondary' | 'higher' | 'undergraduate';

export type LevelDef = { level: number; nameZh: string; nameEn: string; pattern: RegExp; shape: string };

export type KindDef = {
  kind: CatalogKind;
  titleZh: string;
  titleEn: string;
  levels: LevelDef[];
  /** sizes of the complete official table, per level, with the source and how sure we are of them */
  expected: { counts: (number | null)[]; source: string; certainty: 'V' | 'P' | 'M' };
};

export const kinds: Record<CatalogKind, KindDef> = {
  major: {
    kind: 'major',
    titleZh: '职业教育专业目录',
    titleEn: 'Vocational education major catalogue',
    levels: [
      { level: 1, nameZh: '专业大类', nameEn: 'Major group', pattern: /^\d{2}$/, shape: '2 digits' },
      { level: 2, nameZh: '专业类', nameEn: 'Major class', pattern: /^\d{4}$/, shape: '4 digits' },
      { level: 3, nameZh: '专业', nameEn: 'Major', pattern: /^\d{6}$/, shape: '6 digits' },
    ],
    // 19 大类 at each of the three levels (本科 21–39, 专科 41–59, 中职 61–79); 97 专业类 (how they split
    // across the levels we do not state); 358 + 744 + 247 = 1,349 majors in 2021, +57 in 2025
    expected: { counts: [57, null, 1349], source: '职业教育专业目录（2021年）', certainty: 'M' },
  },
  industry: {
    kind: 'industry',
    titleZh: '国民经济行业分类 GB/T 4754',
    titleEn: 'Industrial classification GB/T 4754',
    levels: [
      { level: 1, nameZh: '门类', nameEn: 'Section', pattern: /^[A-T]$/, shape: 'one letter A–T' },
      { level: 2, nameZh: '大类', nameEn: 'Division', pattern: /^\d{2}$/, shape: '2 digits' },
      { level: 3, nameZh: '中类', nameEn: 'Group', pattern: /^\d{3}$/, shape: '3 digits' },
      { level: 4, nameZh: '小类', nameEn: 'Class', pattern: /^\d{4}$/, shape: '4 digits' },
    ],
    // sources disagree on 1,380 / 1,381 / 1,382 小类
    expected: { counts: [20, 97, 473, 1381], source: 'GB/T 4754-2017', certainty: 'P' },
  },
  occupation: {
    kind: 'occupation',
    titleZh: '职业分类大典',
    titleEn: 'Occupational classification (大典)',
    levels: [
      { level: 1, nameZh: '大类', nameEn: 'Major group', pattern: /^\d$/, shape: 'X' },
      { level: 2, nameZh: '中类', nameEn: 'Sub-major group', pattern: /^\d-\d{2}$/, shape: 'X-XX' },
      { level: 3, nameZh: '小类', nameEn: 'Minor group', pattern: /^\d-\d{2}-\d{2}$/, shape: 'X-XX-XX' },
      {
        level: 4,
        nameZh: '职业',
        nameEn: 'Occupation',
        pattern: /^\d-\d{2}-\d{2}-\d{2}$/,
        shape: 'X-XX-XX-XX',
      },
    ],
    expected: {
      counts: [8, 79, 450, 1639],
      source: '中华人民共和国职业分类大典（2022年版）',
      certainty: 'V',
    },
  },
  region: {
    kind: 'region',
    titleZh: '行政区划代码 GB/T 2260',
    titleEn: 'Administrative divisions GB/T 2260',
    levels: [
      { level: 1, nameZh: '省级', nameEn: 'Province', pattern: /^\d{2}0000$/, shape: 'XX0000' },
      { level: 2, nameZh: '地级', nameEn: 'Prefecture', pattern: /^\d{4}00$/, shape: 'XXXX00' },
      { level: 3, nameZh: '县级', nameEn: 'County', pattern: /^\d{6}$/, shape: '6 digits' },
    ],
    expected: { counts: [34, 333, 2844], source: '民政部 行政区划统计', certainty: 'M' },
  },
};

export function isCatalogKind(v: string): v is CatalogKind {
  return v in kinds;
}

/** The level a code has in its catalog, or null when it has the shape of none. */
export function levelOf(kind: CatalogKind, code: string): number | null {
  for (const l of kinds[kind].levels) if (l.pattern.test(code)) return l.level;
  return null;
}

/** Majors: the code's first digit says the education level (2x–3x 职业本科, 4x–5x 高职专科, 6x–7x 中职). */
export function educationLevelOf(code: string): EducationLevel | null {
  const d = code[0];
  if (d === '2' || d === '3') return 'undergraduate';
  if (d === '4' || d === '5') return 'higher';
  if (d === '6' || d === '7') return 'secondary';
  return null;
}

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/**
 * The parent a code's shape implies, or null when the shape does not say (industry 大类 → 门类 must
 * be given). Regions: a county's prefecture, falling back to the province for municipalities and for
 * counties directly under a province (…90xx), whose prefecture row many official tables omit.
 */
export function impliedParents(kind: CatalogKind, code: string): string[] | null {
  const level = levelOf(kind, code);
  if (level === null || level === 1) return [];
  switch (kind) {
    case 'major':
      return [code.slice(0, level === 2 ? 2 : 4)];
    case 'industry':
      return level === 2 ? null : [code.slice(0, level === 3 ? 2 : 3)];
    case 'occupation':
      return [code.slice(0, code.lastIndexOf('-'))];
    case 'region': {
      const province = `${code.slice(0, 2)}0000`;
      if (level === 2) return [province];
      const prefecture = `${code.slice(0, 4)}00`;
      return MUNICIPALITIES.has(code.slice(0, 2)) || code.slice(2, 4) === '90'
        ? [prefecture, province]
        : [prefecture];
    }
  }
}

export type CatalogRowInput = {
  row: number;
  code: string;
  name: string;
  parentCode?: string | null | undefined;
  marks?: string[] | undefined;
};

export type ValidEntry = {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  educationLevel: EducationLevel | null;
  marks: string[];
};

export type CatalogRowError = { row: number; column: string; code: string; message: string };

/**
 * Validate an imported table against the catalog's rules. `existing` holds the codes (with level) already
 * in the catalog version, so a file may add children to loaded parents. Returns entries only when there
 * are no errors: an import is all or nothing.
 */
export function validateCatalogRows(
  kind: CatalogKind,
  rows: CatalogRowInput[],
  existing: ReadonlyMap<string, number>,
  columns: { code: string; name: string; parent: string; marks: string } = {
    code: '代码',
    name: '名称',
    parent: '上级代码',
    marks: '标识',
  },
): { entries: ValidEntry[]; errors: CatalogRowError[] } {
  const def = kinds[kind];
  const errors: CatalogRowError[] = [];
  const firstRow = new Map<string, number>();
  const levels = new Map<string, number>(existing);
  const shapes = def.levels.map((l) => `${l.nameZh} ${l.shape}`).join(', ');

  // pass 1: shapes and duplicates, so that parents may appear after their children in the file
  const shaped: (CatalogRowInput & { level: number })[] = [];
  for (const r of rows) {
    const code = r.code.trim().toUpperCase();
    const level = levelOf(kind, code);
    if (level === null) {
      errors.push({
        row: r.row,
        column: columns.code,
        code: 'CODE_FORMAT',
        message: `“${r.code}” is not a code of ${def.titleEn} (${shapes})`,
      });
      continue;
    }
    const first = firstRow.get(code);
    if (first !== undefined) {
      errors.push({
        row: r.row,
        column: columns.code,
        code: 'DUPLICATE',
        message: `code ${code} appears again (first at row ${first})`,
      });
      continue;
    }
    firstRow.set(code, r.row);
    if (!r.name.trim()) {
      errors.push({ row: r.row, column: columns.name, code: 'REQUIRED', message: 'the name is empty' });
      continue;
    }
    levels.set(code, level);
    shaped.push({ ...r, code, level });
  }

  const entries: ValidEntry[] = [];
  for (const r of shaped) {
    const given = r.parentCode?.trim().toUpperCase() || null;
    const implied = impliedParents(kind, r.code);
    let parent: string | null = null;
    if (r.level > 1) {
      if (implied === null) {
        // the shape does not name the parent (industry 大类 → 门类): it must be given and be a top level
        if (!given) {
          errors.push({
            row: r.row,
            column: columns.parent,
            code: 'PARENT_REQUIRED',
            message: `${r.code} needs its parent code (its 门类)`,
          });
          continue;
        }
        parent = given;
      } else {
        parent = implied.find((p) => levels.has(p)) ?? implied[0] ?? null;
        if (given && !implied.includes(given)) {
          errors.push({
            row: r.row,
            column: columns.parent,
            code: 'PARENT_MISMATCH',
            message: `the parent of ${r.code} must be ${implied.join(' or ')}, not ${given}`,
          });
          continue;
        }
        if (given) parent = given;
      }
      const parentLevel = parent === null ? undefined : levels.get(parent);
      if (parent === null || parentLevel === undefined) {
        errors.push({
          row: r.row,
          column: given ? columns.parent : columns.code,
          code: 'PARENT_MISSING',
          message: `the parent ${parent ?? '?'} of ${r.code} is neither in the file nor in the catalog`,
        });
        continue;
      }
      if (parentLevel >= r.level) {
        errors.push({
          row: r.row,
          column: columns.parent,
          code: 'PARENT_LEVEL',
          message: `the parent ${parent} is not above ${r.code} in the hierarchy`,
        });
        continue;
      }
    } else if (given) {
      errors.push({
        row: r.row,
        column: columns.parent,
        code: 'PARENT_MISMATCH',
        message: `${r.code} is a top-level code and has no parent`,
      });
      continue;
    }
    const marks = (r.marks ?? []).map((m) => m.trim().toUpperCase()).filter(Boolean);
    const badMark = marks.find((m) => m !== 'S' && m !== 'L');
    if (badMark !== undefined || (kind !== 'occupation' && marks.length > 0)) {
      errors.push({
        row: r.row,
        column: columns.marks,
        code: 'MARK_INVALID',
        message:
          kind === 'occupation'
            ? `marks are S (数字职业) and L (绿色职业), not ${badMark}`
            : 'only occupations carry marks',
      });
      continue;
    }
    const educationLevel = kind === 'major' ? educationLevelOf(r.code) : null;
    if (kind === 'major' && educationLevel === null) {
      errors.push({
        row: r.row,
        column: columns.code,
        code: 'CODE_FORMAT',
        message: `${r.code}: major codes start with 2–7 (本科 2x–3x, 专科 4x–5x, 中职 6x–7x)`,
      });
      continue;
    }
    entries.push({
      code: r.code,
      name: r.name.trim(),
      level: r.level,
      parentCode: parent,
      educationLevel,
      marks: [...new Set(marks)].sort(),
    });
  }
  errors.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  return errors.length ? { entries: [], errors } : { entries, errors };
}
