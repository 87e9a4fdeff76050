CREATE TABLE "consortium_documents" (
	"consortium_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consortium_documents_consortium_id_id_pk" PRIMARY KEY("consortium_id","id")
);
--> statement-breakpoint
CREATE TABLE "consortium_industries" (
	"consortium_id" uuid NOT NULL,
	"industry_code" text NOT NULL,
	"chains" text[] DEFAULT '{}'::text[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "consortium_industries_consortium_id_industry_code_pk" PRIMARY KEY("consortium_id","industry_code")
);
--> statement-breakpoint
CREATE TABLE "consortium_parks" (
	"consortium_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"output_value" numeric(14, 2),
	"output_year" integer,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "consortium_parks_consortium_id_id_pk" PRIMARY KEY("consortium_id","id")
);
--> statement-breakpoint
CREATE TABLE "consortium_status_history" (
	"consortium_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" text NOT NULL,
	"since" date NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consortium_status_history_consortium_id_id_pk" PRIMARY KEY("consortium_id","id")
);
--> statement-breakpoint
ALTER TABLE "consortia" ADD COLUMN "batch" integer;--> statement-breakpoint
ALTER TABLE "consortia" ADD COLUMN "batch_year" integer;--> statement-breakpoint
ALTER TABLE "consortium_documents" ADD CONSTRAINT "consortium_documents_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_industries" ADD CONSTRAINT "consortium_industries_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_parks" ADD CONSTRAINT "consortium_parks_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_status_history" ADD CONSTRAINT "consortium_status_history_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consortium_documents_kind" ON "consortium_documents" USING btree ("consortium_id","kind","uploaded_at");--> statement-breakpoint
CREATE INDEX "consortium_status_since" ON "consortium_status_history" USING btree ("consortium_id","since");