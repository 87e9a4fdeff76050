// Authorization for the whole server. Every route asks here; nothing else decides.
import type { Db } from '../../db/client.ts';
import { AppError, type ErrorCode } from '../../lib/errors.ts';
import {
  capabilitiesIn,
  decide,
  listScope,
  type Actor,
  type GrantTable,
  type ListScope,
  type Scope,
  type Target,
} from './access.core.ts';
import { loadGrantRows } from './access.repo.ts';

const CACHE_MS = 30_000;

export class AccessControl {
  private grants: GrantTable = new Map();
  private loadedAt = 0;

  constructor(private readonly db: Db) {}

  /** Grants are read from the database and kept for a short while; `reload` after changing them. */
  async reload(): Promise<void> {
    const rows = await loadGrantRows(this.db);
    const table = new Map<string, Map<string, Scope>>();
    for (const r of rows) {
      let caps = table.get(r.roleCode);
      if (!caps) table.set(r.roleCode, (caps = new Map()));
      caps.set(r.capabilityCode, r.scope);
    }
    this.grants = table;
    this.loadedAt = Date.now();
  }

  private async current(): Promise<GrantTable> {
    if (Date.now() - this.loadedAt > CACHE_MS) await this.reload();
    return this.grants;
  }

  /**
   * Throws 404 (`notFound` code) when the actor may not know the consortium exists,
   * 403 when they may see it but not do this.
   */
  async require(
    actor: Actor,
    capability: string,
    target: Target,
    notFound: ErrorCode = 'CONSORTIUM_NOT_FOUND',
  ): Promise<void> {
    const d = decide(actor, await this.current(), capability, target);
    if (d === 'not_found') throw new AppError(notFound, 'Not found.');
    if (d === 'forbidden') {
      throw new AppError('FORBIDDEN', `You do not have the permission ${capability} here.`, { capability });
    }
  }

  async can(actor: Actor, capability: string, target: Target): Promise<boolean> {
    return decide(actor, await this.current(), capability, target) === 'allow';
  }

  async listScope(actor: Actor, capability: string, consortiumId: string): Promise<ListScope> {
    const s = listScope(actor, await this.current(), capability, consortiumId);
    if (s === 'not_found') throw new AppError('CONSORTIUM_NOT_FOUND', 'Not found.');
    if (s === 'forbidden' || s === 'allow') {
      throw new AppError('FORBIDDEN', `You do not have the permission ${capability} here.`, { capability });
    }
    return s;
  }

  async capabilities(actor: Actor, consortiumId: string | null): Promise<string[]> {
    return capabilitiesIn(actor, await this.current(), consortiumId);
  }
}
