CREATE TABLE "disclosure_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"tracking_code" text NOT NULL,
	"channel" text NOT NULL,
	"source" text DEFAULT 'desk' NOT NULL,
	"received_on" date NOT NULL,
	"applicant_type" text NOT NULL,
	"applicant_name" text NOT NULL,
	"id_type" text,
	"id_number" text,
	"contact" text,
	"content" text NOT NULL,
	"content_key" text NOT NULL,
	"form_requested" text,
	"status" text NOT NULL,
	"correction_sent_on" date,
	"correction_deadline" date,
	"correction_items" text,
	"correction_late" boolean DEFAULT false NOT NULL,
	"corrected_on" date,
	"consultations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"extension_days" integer,
	"extension_reason" text,
	"extension_approved_by" uuid,
	"extension_approved_on" date,
	"extension_notice_on" date,
	"decided_on" date,
	"outcome" text,
	"fee_method" text,
	"fee_amount" numeric(12, 2),
	"fee_paid_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"case_no" text,
	"subject" text,
	"filed_on" date NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"closed_on" date,
	"application_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_applications_tracking_idx" ON "disclosure_applications" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "disclosure_applications_org_received_idx" ON "disclosure_applications" USING btree ("org_id","received_on");--> statement-breakpoint
CREATE INDEX "disclosure_applications_org_decided_idx" ON "disclosure_applications" USING btree ("org_id","decided_on");--> statement-breakpoint
CREATE INDEX "disclosure_applications_org_applicant_idx" ON "disclosure_applications" USING btree ("org_id","applicant_name");--> statement-breakpoint
CREATE INDEX "disputes_org_filed_idx" ON "disputes" USING btree ("org_id","filed_on");--> statement-breakpoint
CREATE INDEX "disputes_org_application_idx" ON "disputes" USING btree ("org_id","application_id");