import { asc, desc, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** ORDER BY from a whitelisted sort key (unknown keys fall back to the default), with a stable tie-break. */
export function orderBy(
  sortable: Record<string, AnyPgColumn>,
  sort: string | undefined,
  order: 'asc' | 'desc',
  fallback: string,
  tieBreak: AnyPgColumn,
): SQL[] {
  const col = sortable[sort ?? ''] ?? sortable[fallback]!;
  return [order === 'desc' ? desc(col) : asc(col), asc(tieBreak)];
}

/** `%term%` for ILIKE with the LIKE metacharacters escaped. */
export const likeTerm = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const countAll = sql<number>`count(*) OVER ()`.mapWith(Number);

/**
 * One bind parameter holding a whole array, for `= ANY(${arrayParam(ids)}::uuid[])` and `unnest(…)`:
 * drizzle's sql`` expands a plain array into one parameter per element (a list over 65,535 elements
 * fails, and `ANY` needs an array).
 */
export const arrayParam = (values: readonly unknown[]) => sql.param(values);

/** `column = id`, or `column = ANY(ids)` for several orgs (a subtree), as one bind parameter. */
export function inOrgs(column: AnyPgColumn, orgIds: string | readonly string[]): SQL {
  return typeof orgIds === 'string' ? sql`${column} = ${orgIds}` : sql`${column} = ANY(${arrayParam(orgIds)}::uuid[])`;
}
