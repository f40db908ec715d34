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

/**
 * The orgs a query reads: one org, a list of ids, or an org with its whole subtree. The subtree is a
 * semi-join on the org paths, which the planner can run in parallel over a big table (a list of ids
 * is compared row by row).
 */
export type OrgScope = string | readonly string[] | { readonly subtreeOf: string };

export function inOrgs(column: AnyPgColumn, orgIds: OrgScope): SQL {
  if (typeof orgIds === 'string') return sql`${column} = ${orgIds}`;
  if ('subtreeOf' in orgIds) return sql`${column} IN (SELECT id FROM orgs WHERE path LIKE ${`${orgIds.subtreeOf.replace(/[\\%_]/g, (c) => `\\${c}`)}%`})`;
  return sql`${column} = ANY(${arrayParam(orgIds)}::uuid[])`;
}
