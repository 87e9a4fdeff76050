ALTER TABLE "member_units" ADD COLUMN "uscc" text;--> statement-breakpoint
ALTER TABLE "member_units" ADD COLUMN "region_code" text;--> statement-breakpoint
ALTER TABLE "member_units" ADD COLUMN "industry_code" text;--> statement-breakpoint
ALTER TABLE "member_units" ADD COLUMN "joined_on" date;--> statement-breakpoint
ALTER TABLE "member_units" ADD COLUMN "left_on" date;--> statement-breakpoint
ALTER TABLE "member_units" ADD COLUMN "employee_count" integer;--> statement-breakpoint
ALTER TABLE "member_units" ADD COLUMN "employee_count_as_of" date;--> statement-breakpoint
ALTER TABLE "member_units" ADD COLUMN "enrolment" integer;--> statement-breakpoint
ALTER TABLE "member_units" ADD COLUMN "enrolment_as_of" date;--> statement-breakpoint
CREATE UNIQUE INDEX "member_units_uscc" ON "member_units" USING btree ("consortium_id","uscc");