ALTER TABLE "inspection_draws" ADD COLUMN "result_digest" text GENERATED ALWAYS AS (md5(result::text)) STORED;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD COLUMN "strata_summary" jsonb;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD COLUMN "drawn_units" jsonb;--> statement-breakpoint
-- Backfill from the frozen strata: the summary without the pools.
UPDATE "inspection_draws" d SET "strata_summary" = (
  SELECT jsonb_agg(jsonb_build_object('name', s -> 'name', 'riskTier', s -> 'riskTier', 'k', s -> 'k', 'candidateCount', jsonb_array_length(s -> 'candidates')) ORDER BY o)
  FROM jsonb_array_elements(d."strata") WITH ORDINALITY AS x(s, o))
WHERE jsonb_typeof(d."strata") = 'array';--> statement-breakpoint
-- Backfill from executed draws: the drawn units in draw order with their frozen names and their teams. The id → object
-- maps are built once per draw (OFFSET 0 keeps the subquery from being inlined) and looked up by key: no n × k join.
UPDATE "inspection_draws" d SET "drawn_units" = (
  SELECT coalesce(jsonb_agg(jsonb_build_object('unitId', s.id, 'name', coalesce(m.units -> s.id ->> 'name', s.id), 'type', m.units -> s.id -> 'type',
    'riskTier', m.units -> s.id -> 'riskTier', 'team', coalesce(m.teams -> s.id, '[]'::jsonb)) ORDER BY s.o), '[]'::jsonb)
  FROM (SELECT d."result" -> 'selected' AS sel,
      (SELECT coalesce(jsonb_object_agg(e ->> 'id', e) FILTER (WHERE e ->> 'id' IS NOT NULL), '{}'::jsonb) FROM jsonb_array_elements(d."units") AS e) AS units,
      (SELECT coalesce(jsonb_object_agg(e ->> 'unitId', e -> 'selected') FILTER (WHERE e ->> 'unitId' IS NOT NULL), '{}'::jsonb)
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(d."result" -> 'teams') = 'array' THEN d."result" -> 'teams' ELSE '[]'::jsonb END) AS e) AS teams
      OFFSET 0) AS m,
    jsonb_array_elements_text(m.sel) WITH ORDINALITY AS s(id, o))
WHERE jsonb_typeof(d."result" -> 'selected') = 'array' AND jsonb_typeof(d."units") = 'array';--> statement-breakpoint
-- The pool's display snapshot as three arrays aligned with the candidates (an id → object map built once per draw).
UPDATE "inspection_draws" d SET "units" = (
  SELECT jsonb_build_object(
    'names', coalesce(jsonb_agg(coalesce(m.map -> c.id -> 'name', to_jsonb(c.id)) ORDER BY c.o), '[]'::jsonb),
    'types', coalesce(jsonb_agg(coalesce(m.map -> c.id -> 'type', 'null'::jsonb) ORDER BY c.o), '[]'::jsonb),
    'riskTiers', coalesce(jsonb_agg(coalesce(m.map -> c.id -> 'riskTier', 'null'::jsonb) ORDER BY c.o), '[]'::jsonb))
  FROM (SELECT CASE WHEN jsonb_typeof(d."candidates") = 'array' THEN d."candidates" ELSE '[]'::jsonb END AS ids,
      (SELECT coalesce(jsonb_object_agg(e ->> 'id', e) FILTER (WHERE e ->> 'id' IS NOT NULL), '{}'::jsonb) FROM jsonb_array_elements(d."units") AS e) AS map
      OFFSET 0) AS m,
    jsonb_array_elements_text(m.ids) WITH ORDINALITY AS c(id, o))
WHERE jsonb_typeof(d."units") = 'array';--> statement-breakpoint
-- A pool of 100,000 units is ~10 MB of jsonb: stored uncompressed (written and read several times faster; new rows only).
ALTER TABLE "inspection_draws" ALTER COLUMN "candidates" SET STORAGE EXTERNAL, ALTER COLUMN "units" SET STORAGE EXTERNAL, ALTER COLUMN "strata" SET STORAGE EXTERNAL, ALTER COLUMN "result" SET STORAGE EXTERNAL;
