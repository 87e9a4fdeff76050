// Use cases of the national catalogs: ship the built-in subset, show what is loaded and how complete,
// browse, import all-or-nothing, and edit the major crosswalk.
import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/access.core.ts';
import { builtinCatalogs } from './catalog.builtin.ts';
import {
  educationLevelOf,
  impliedParents,
  kinds,
  levelOf,
  validateCatalogRows,
  type CatalogKind,
  type CatalogRowError,
  type CatalogRowInput,
} from './catalog.core.ts';
import * as repo from './reference.repo.ts';

/** Insert the built-in catalogs and entries that are missing (run with the migrations). */
export async function syncBuiltinCatalogs(db: Queryable): Promise<void> {
  for (const b of builtinCatalogs) {
    let catalog = await repo.findCatalog(db, b.kind, b.version);
    if (!catalog) {
      const hasCurrent = await repo.findCurrentCatalog(db, b.kind);
      catalog = await repo.insertCatalog(db, {
        kind: b.kind,
        version: b.version,
        title: b.title,
        source: b.source,
        isCurrent: !hasCurrent,
      });
    }
    const catalogId = catalog.id;
    await repo.insertEntriesIfMissing(
      db,
      b.entries.map(([code, name, parent]) => {
        const level = levelOf(b.kind, code);
        if (level === null) throw new Error(`built-in ${b.kind} code ${code} has no valid shape`);
        return {
          catalogId,
          code,
          name,
          level,
          parentCode: parent ?? impliedParents(b.kind, code)?.[0] ?? null,
          educationLevel: b.kind === 'major' ? educationLevelOf(code) : null,
          builtin: true,
          certainty: b.certainty,
        };
      }),
    );
  }
}

export function presentCatalog(c: repo.CatalogRow, counts: Map<number, number>) {
  const def = kinds[c.kind];
  const levels = def.levels.map((l, i) => {
    const loaded = counts.get(l.level) ?? 0;
    const expected = def.expected.counts[i] ?? null;
    return {
      level: l.level,
      nameZh: l.nameZh,
      nameEn: l.nameEn,
      loaded,
      expected,
      complete: expected === null ? null : loaded >= expected,
    };
  });
  return {
    id: c.id,
    kind: c.kind,
    version: c.version,
    title: c.title,
    source: c.source,
    isCurrent: c.isCurrent,
    updatedAt: c.updatedAt.toISOString(),
    levels,
    expectedSource: def.expected.source,
    expectedCertainty: def.expected.certainty,
  };
}

export async function catalogOverview(db: Db) {
  const [catalogs, counts] = await Promise.all([repo.listCatalogs(db), repo.levelCounts(db)]);
  const byCatalog = new Map<string, Map<number, number>>();
  for (const c of counts) {
    if (!byCatalog.has(c.catalogId)) byCatalog.set(c.catalogId, new Map());
    byCatalog.get(c.catalogId)!.set(c.level, c.n);
  }
  return catalogs.map((c) => presentCatalog(c, byCatalog.get(c.id) ?? new Map()));
}

export async function getCatalog(db: Queryable, kind: CatalogKind, version: string) {
  const c = await repo.findCatalog(db, kind, version);
  if (!c) throw new AppError('CATALOG_NOT_FOUND', `No ${kind} catalog of version ${version} is loaded.`);
  return c;
}

export type ImportResult = {
  ok: boolean;
  dryRun: boolean;
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: CatalogRowError[];
};

/**
 * Validate `rows` against the catalog (version created if new) and, unless `dryRun`, write them all in
 * one transaction — or nothing when any row is wrong.
 */
export async function importCatalogRows(
  db: Db,
  actor: Actor,
  input: {
    kind: CatalogKind;
    version: string;
    title?: string | undefined;
    fileName?: string | undefined;
    dryRun: boolean;
  },
  rows: CatalogRowInput[],
  columns?: Parameters<typeof validateCatalogRows>[3],
): Promise<ImportResult> {
  const existing = await repo.findCatalog(db, input.kind, input.version);
  const levels = existing ? await repo.codeLevels(db, existing.id) : new Map<string, number>();
  const { entries, errors } = validateCatalogRows(input.kind, rows, levels, columns);
  const names = existing ? await repo.entryNames(db, existing.id) : new Map<string, string>();
  let inserted = 0;
  let updated = 0;
  for (const e of entries) {
    const prior = names.get(e.code);
    if (prior === undefined) inserted++;
    else if (prior !== e.name) updated++;
  }
  const result: ImportResult = {
    ok: errors.length === 0 && rows.length > 0,
    dryRun: input.dryRun,
    total: rows.length,
    inserted: errors.length ? 0 : inserted,
    updated: errors.length ? 0 : updated,
    unchanged: errors.length ? 0 : entries.length - inserted - updated,
    errors,
  };
  if (rows.length === 0) {
    result.errors = [{ row: 0, column: '', code: 'EMPTY_FILE', message: 'the file has no data rows' }];
  }
  if (!result.ok || input.dryRun) return result;
  await db.transaction(async (tx) => {
    let catalog = existing;
    if (!catalog) {
      const hasCurrent = await repo.findCurrentCatalog(tx, input.kind);
      catalog = await repo.insertCatalog(tx, {
        kind: input.kind,
        version: input.version,
        title: input.title ?? `${kinds[input.kind].titleZh}（${input.version}）`,
        source: `导入：${input.fileName ?? '文件'}`,
        isCurrent: !hasCurrent,
      });
    }
    const catalogId = catalog.id;
    await repo.upsertEntries(
      tx,
      entries.map((e) => ({ catalogId, ...e })),
    );
    await repo.recordImport(tx, {
      catalogId,
      actorId: actor.userId,
      actorName: actor.displayName,
      fileName: input.fileName ?? null,
      rows: rows.length,
      inserted,
      updated,
    });
  });
  return result;
}

export async function makeCurrent(db: Db, kind: CatalogKind, version: string) {
  const c = await getCatalog(db, kind, version);
  await repo.setCurrent(db, c);
}

export async function entryDetail(db: Db, kind: CatalogKind, version: string, code: string) {
  const c = await getCatalog(db, kind, version);
  const [entry] = await repo.findEntries(db, c.id, [code]);
  if (!entry) throw new AppError('CATALOG_ENTRY_NOT_FOUND', `No code ${code} in ${c.title}.`);
  // ancestors by walking parent codes (at most four levels)
  const ancestors: repo.EntryRow[] = [];
  let parent = entry.parentCode;
  while (parent) {
    const [p] = await repo.findEntries(db, c.id, [parent]);
    if (!p) break;
    ancestors.unshift(p);
    parent = p.parentCode;
  }
  const children = await repo.childCount(db, c.id, code);
  const crosswalk = kind === 'major' ? await repo.crosswalkOf(db, c.id, code) : [];
  return { catalog: c, entry, ancestors, children, crosswalk };
}

/** Replace a major's links to industries and occupations (current catalogs of those kinds). */
export async function setCrosswalk(
  db: Db,
  majorVersion: string,
  majorCode: string,
  links: { industries: string[]; occupations: string[] },
) {
  const majors = await getCatalog(db, 'major', majorVersion);
  const [major] = await repo.findEntries(db, majors.id, [majorCode]);
  if (!major) throw new AppError('CATALOG_ENTRY_NOT_FOUND', `No major ${majorCode} in ${majors.title}.`);
  const out: { targetKind: 'industry' | 'occupation'; targetCatalogId: string; targetCode: string }[] = [];
  const issues: { path: string; code: string; message: string }[] = [];
  for (const [targetKind, codes, field] of [
    ['industry', links.industries, 'industries'],
    ['occupation', links.occupations, 'occupations'],
  ] as const) {
    if (codes.length === 0) continue;
    const target = await repo.findCurrentCatalog(db, targetKind);
    if (!target) {
      issues.push({
        path: `body.${field}`,
        code: 'NO_CATALOG',
        message: `no ${targetKind} catalog is loaded`,
      });
      continue;
    }
    const found = new Set((await repo.findEntries(db, target.id, codes)).map((e) => e.code));
    codes.forEach((code, i) => {
      if (!found.has(code)) {
        issues.push({
          path: `body.${field}.${i}`,
          code: 'UNKNOWN_CODE',
          message: `${code} is not in ${target.title}`,
        });
      } else out.push({ targetKind, targetCatalogId: target.id, targetCode: code });
    });
  }
  if (issues.length) {
    throw new AppError('VALIDATION_FAILED', issues[0]!.message, { issues });
  }
  await db.transaction(async (tx) => repo.replaceCrosswalk(tx, majors.id, majorCode, out));
  return repo.crosswalkOf(db, majors.id, majorCode);
}

export type CodeStatus = 'known' | 'unknown' | 'unverifiable';

/**
 * Check codes against the current catalog of a kind: `known`; `unknown` when the catalog has that level
 * loaded and not the code (or not even its top level); `unverifiable` when the level is not loaded yet
 * (then the code is accepted: the full table has not been imported).
 */
export async function codeStatuses(
  db: Queryable,
  kind: CatalogKind,
  codes: string[],
): Promise<Map<string, CodeStatus>> {
  const out = new Map<string, CodeStatus>();
  const catalog = await repo.findCurrentCatalog(db, kind);
  const known = catalog ? await repo.codeLevels(db, catalog.id) : new Map<string, number>();
  const loadedLevels = new Set(known.values());
  for (const code of new Set(codes)) {
    const level = levelOf(kind, code);
    if (level === null) out.set(code, 'unknown');
    else if (known.has(code)) out.set(code, 'known');
    else if (loadedLevels.has(level)) out.set(code, 'unknown');
    else {
      // the level is not loaded: the nearest ancestor of a loaded level must still be known
      let top = code;
      for (let p = impliedParents(kind, top); p && p.length; p = impliedParents(kind, top)) {
        top = p[p.length - 1]!;
        if (loadedLevels.has(levelOf(kind, top) ?? 0)) break;
      }
      const topKnown = loadedLevels.has(levelOf(kind, top) ?? 0) ? known.has(top) : true;
      out.set(code, topKnown ? 'unverifiable' : 'unknown');
    }
  }
  return out;
}

/** Names of GB/T 4754 codes in the current industry catalog (codes not found are absent). */
export async function industryNames(db: Queryable, codes: string[]): Promise<Map<string, string>> {
  const catalog = await repo.findCurrentCatalog(db, 'industry');
  if (!catalog || codes.length === 0) return new Map();
  return new Map((await repo.findEntries(db, catalog.id, codes)).map((e) => [e.code, e.name]));
}
