CREATE TABLE "disclosure_doc_sequences" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "disclosure_doc_sequences_org_id_year_pk" PRIMARY KEY("org_id","year")
);
--> statement-breakpoint
CREATE TABLE "disclosure_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_key" text DEFAULT '' NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"doc_number" text NOT NULL,
	"issued_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_register" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"category" text NOT NULL,
	"entry_kind" text NOT NULL,
	"title" text NOT NULL,
	"doc_number" text,
	"link" text,
	"made_on" date NOT NULL,
	"published_on" date,
	"abolished_on" date,
	"amount" numeric(16, 2),
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_report_narratives" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"overview" text DEFAULT '' NOT NULL,
	"problems" text DEFAULT '' NOT NULL,
	"other" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disclosure_report_narratives_org_id_year_pk" PRIMARY KEY("org_id","year")
);
--> statement-breakpoint
ALTER TABLE "disclosure_applications" ADD COLUMN "fee_units" integer;--> statement-breakpoint
ALTER TABLE "disclosure_applications" ADD COLUMN "fee_notice_on" date;--> statement-breakpoint
ALTER TABLE "disclosure_applications" ADD COLUMN "fee_explanation" text;--> statement-breakpoint
ALTER TABLE "disclosure_applications" ADD COLUMN "decision_reason" text;--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_letters_subject_idx" ON "disclosure_letters" USING btree ("org_id","application_id","kind","subject_key");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_letters_number_idx" ON "disclosure_letters" USING btree ("org_id","year","seq");--> statement-breakpoint
CREATE INDEX "disclosure_register_org_cat_idx" ON "disclosure_register" USING btree ("org_id","category");--> statement-breakpoint
CREATE INDEX "disclosure_register_org_made_idx" ON "disclosure_register" USING btree ("org_id","made_on");