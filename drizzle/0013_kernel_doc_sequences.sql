CREATE TABLE "doc_sequences" (
	"org_id" uuid NOT NULL,
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "doc_sequences_org_id_series_year_pk" PRIMARY KEY("org_id","series","year")
);
--> statement-breakpoint
-- One numbering scheme: carry over the numbers already issued, so no number is given twice.
INSERT INTO "doc_sequences" ("org_id", "series", "year", "last_seq")
SELECT "org_id", 'inspection.doc', "year", "last_seq" FROM "inspection_doc_sequences"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "doc_sequences" ("org_id", "series", "year", "last_seq")
SELECT "org_id", 'disclosure.doc', "year", "last_seq" FROM "disclosure_doc_sequences"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "doc_sequences" ("org_id", "series", "year", "last_seq")
SELECT "org_id", 'inspection.code', substring("code" from 3 for 4)::int, max(substring("code" from 8)::int)
FROM "inspections" WHERE "code" ~ '^J-[0-9]{4}-[0-9]+$' GROUP BY 1, 2, 3
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "doc_sequences" ("org_id", "series", "year", "last_seq")
SELECT "org_id", 'inspection.draw', substring("draw_id" from 3 for 4)::int, max(substring("draw_id" from 8)::int)
FROM "inspection_draws" WHERE "draw_id" ~ '^D-[0-9]{4}-[0-9]+$' GROUP BY 1, 2, 3
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "doc_sequences" ("org_id", "series", "year", "last_seq")
SELECT "org_id", 'enforcement.referral', substring("code" from 3 for 4)::int, max(substring("code" from 8)::int)
FROM "enforcement_referrals" WHERE "code" ~ '^R-[0-9]{4}-[0-9]+$' GROUP BY 1, 2, 3
ON CONFLICT DO NOTHING;
