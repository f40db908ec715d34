DROP TABLE "disclosure_doc_sequences" CASCADE;--> statement-breakpoint
DROP TABLE "inspection_doc_sequences" CASCADE;