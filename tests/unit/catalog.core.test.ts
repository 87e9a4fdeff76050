import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinCatalogs } from '../../server/modules/reference/catalog.builtin.ts';
import {
  educationLevelOf,
  impliedParents,
  levelOf,
  validateCatalogRows,
} from '../../server/modules/reference/catalog.core.ts';

describe('code shapes and parents', () => {
  it('knows the levels of each catalog', () => {
    expect(levelOf('industry', 'C')).toBe(1);
    expect(levelOf('industry', '39')).toBe(2);
    expect(levelOf('industry', '391')).toBe(3);
    expect(levelOf('industry', '3911')).toBe(4);
    expect(levelOf('industry', 'Z')).toBeNull();
    expect(levelOf('major', '51')).toBe(1);
    expect(levelOf('major', '5102')).toBe(2);
    expect(levelOf('major', '510201')).toBe(3);
    expect(levelOf('occupation', '6-25-04-01')).toBe(4);
    expect(levelOf('occupation', '6-25')).toBe(2);
    expect(levelOf('region', '320000')).toBe(1);
    expect(levelOf('region', '320500')).toBe(2);
    expect(levelOf('region', '320505')).toBe(3);
  });

  it('derives parents from codes, and says when it cannot', () => {
    expect(impliedParents('industry', '39')).toBeNull(); // a 大类's 门类 must be given
    expect(impliedParents('industry', '3911')).toEqual(['391']);
    expect(impliedParents('major', '510201')).toEqual(['5102']);
    expect(impliedParents('occupation', '6-25-04-01')).toEqual(['6-25-04']);
    expect(impliedParents('region', '320505')).toEqual(['320500']);
    expect(impliedParents('region', '110101')).toEqual(['110100', '110000']);
    expect(impliedParents('region', '429004')).toEqual(['429000', '420000']);
    expect(educationLevelOf('510201')).toBe('higher');
    expect(educationLevelOf('710201')).toBe('secondary');
    expect(educationLevelOf('310201')).toBe('undergraduate');
  });
});

describe('validateCatalogRows', () => {
  const existing = new Map([
    ['C', 1],
    ['39', 2],
  ]);

  it('accepts children of loaded parents and parents later in the file', () => {
    const { entries, errors } = validateCatalogRows(
      'industry',
      [
        { row: 2, code: '3911', name: '计算机整机制造' },
        { row: 3, code: '391', name: '计算机制造' },
      ],
      existing,
    );
    expect(errors).toEqual([]);
    expect(entries.map((e) => [e.code, e.parentCode, e.level])).toEqual([
      ['3911', '391', 4],
      ['391', '39', 3],
    ]);
  });

  it('names every bad row and writes nothing', () => {
    const { entries, errors } = validateCatalogRows(
      'industry',
      [
        { row: 2, code: '391', name: '计算机制造' },
        { row: 3, code: '391', name: '重复' },
        { row: 4, code: '4011', name: '父级缺失' },
        { row: 5, code: 'c1', name: '坏代码' },
        { row: 6, code: '40', name: '缺门类' },
        { row: 7, code: '3921', name: '父级不符', parentCode: '391' },
        { row: 8, code: '392', name: '' },
      ],
      existing,
    );
    expect(entries).toEqual([]);
    expect(errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'DUPLICATE'],
      [4, 'PARENT_MISSING'],
      [5, 'CODE_FORMAT'],
      [6, 'PARENT_REQUIRED'],
      [7, 'PARENT_MISMATCH'],
      [8, 'REQUIRED'],
    ]);
    expect(errors.find((e) => e.row === 3)?.message).toContain('row 2');
  });

  it('checks occupation marks and major code ranges', () => {
    const occ = validateCatalogRows(
      'occupation',
      [
        { row: 2, code: '2', name: '专业技术人员' },
        { row: 3, code: '2-02', name: '工程技术人员', marks: ['s'] },
        { row: 4, code: '2-03', name: 'x', marks: ['Q'] },
      ],
      new Map(),
    );
    expect(occ.errors.map((e) => [e.row, e.code])).toEqual([[4, 'MARK_INVALID']]);
    const major = validateCatalogRows('major', [{ row: 2, code: '91', name: '不存在的大类' }], new Map());
    expect(major.errors.map((e) => e.code)).toEqual(['CODE_FORMAT']);
  });
});

describe('built-in catalogs', () => {
  it('every built-in code has a valid shape and its parent is built in too', () => {
    for (const b of builtinCatalogs) {
      const codes = new Map(b.entries.map(([c]) => [c, levelOf(b.kind, c)]));
      const { errors } = validateCatalogRows(
        b.kind,
        b.entries.map(([code, name, parentCode], i) => ({ row: i + 1, code, name, parentCode })),
        new Map(),
      );
      expect(errors, b.kind).toEqual([]);
      expect([...codes.values()].every((l) => l !== null)).toBe(true);
    }
  });

  // The shared reference copy of GB/T 4754-2017 is not shipped; compare with it when it is at hand.
  const csv = path.resolve(import.meta.dirname, '../../../shared/data/gbt4754-2017.csv');
  it.runIf(fs.existsSync(csv))('the built-in 门类 and 大类 match a full copy of GB/T 4754-2017', () => {
    const lines = fs.readFileSync(csv, 'utf8').trim().split(/\r?\n/).slice(1);
    const reference = lines
      .map((l) => l.split(','))
      .filter(([level]) => level === '门类' || level === '大类')
      .map(([, code, name, parent]) => [code, name, parent || undefined]);
    const industry = builtinCatalogs.find((b) => b.kind === 'industry')!;
    // the copy is a third party's; where it truncates an official name we keep the official one
    const defectsOfCopy: Record<string, string> = { '37': '铁路、船舶、航空航天和其他运输设备制' };
    const ours = industry.entries.map(([c, n, p]) => [c, defectsOfCopy[c] ?? n, p]);
    expect(ours.sort()).toEqual(reference.sort());
    expect(industry.entries.find(([c]) => c === '37')?.[1]).toBe('铁路、船舶、航空航天和其他运输设备制造业');
  });
});
