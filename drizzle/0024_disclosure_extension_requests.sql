ALTER TABLE "disclosure_applications" ADD COLUMN "extension_request_days" integer;--> statement-breakpoint
ALTER TABLE "disclosure_applications" ADD COLUMN "extension_request_reason" text;--> statement-breakpoint
ALTER TABLE "disclosure_applications" ADD COLUMN "extension_requested_by" uuid;--> statement-breakpoint
ALTER TABLE "disclosure_applications" ADD COLUMN "extension_requested_on" date;--> statement-breakpoint
ALTER TABLE "disclosure_applications" ADD COLUMN "extension_refused_on" date;--> statement-breakpoint
ALTER TABLE "disclosure_applications" ADD COLUMN "extension_refusal_reason" text;