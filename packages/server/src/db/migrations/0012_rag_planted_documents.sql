CREATE TABLE "rag_planted_documents" (
	"rag_run_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"namespace" text NOT NULL,
	"document_ids" text[] NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "rag_planted_documents_rag_run_id_namespace_pk" PRIMARY KEY("rag_run_id","namespace")
);
--> statement-breakpoint
ALTER TABLE "rag_planted_documents" ADD CONSTRAINT "rag_planted_documents_rag_run_id_rag_runs_id_fk" FOREIGN KEY ("rag_run_id") REFERENCES "public"."rag_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rag_planted_documents" ADD CONSTRAINT "rag_planted_documents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;