ALTER TABLE "disclosure_applications" ADD COLUMN "access_mode" text;--> statement-breakpoint
ALTER TABLE "disclosure_applications" ADD COLUMN "access_note" text;--> statement-breakpoint
ALTER TABLE "disclosure_applications" ADD COLUMN "holder_agency" text;--> statement-breakpoint
ALTER TABLE "disclosure_applications" ADD COLUMN "holder_contact" text;--> statement-breakpoint
ALTER TABLE "disclosure_applications" ADD COLUMN "fee_served_on" date;