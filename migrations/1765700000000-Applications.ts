import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Parents' applications and the waitlist (issue #17, docs/applications.md): parent accounts, applications with up to
 * three ranked choices (the queue index per facility and age group), offers that hold a class's place (classes.held)
 * and the units' waiting children in region_figures.
 */
export class Applications1765700000000 implements MigrationInterface {
  name = 'Applications1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" DROP CONSTRAINT "users_role_check"`);
    await q.query(`ALTER TABLE "users" ADD CONSTRAINT "users_role_check" CHECK (role IN ('operator', 'regulator', 'admin', 'parent'))`);
    await q.query(
      `CREATE TABLE "applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "parent_id" uuid NOT NULL, "child_label" text NOT NULL, "child_birth_month" character(7) NOT NULL, "start_month" character(7) NOT NULL, "service_type" text NOT NULL, "age_months" integer NOT NULL, "age_group" text NOT NULL, "status" text NOT NULL, "placed_facility_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "applications_months_check" CHECK (child_birth_month ~ '^[0-9]{4}-[0-9]{2}$' AND start_month ~ '^[0-9]{4}-[0-9]{2}$'), CONSTRAINT "applications_age_group_check" CHECK (age_group IN ('infant', 'toddler', 'preschool')), CONSTRAINT "applications_status_check" CHECK (status IN ('waiting', 'placed', 'withdrawn')), CONSTRAINT "PK_938c0a27255637bde919591888f" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_applications_parent" ON "applications"  ("parent_id", "created_at") `);
    await q.query(
      `CREATE UNIQUE INDEX "IDX_applications_active_child" ON "applications"  ("parent_id", "child_label", "child_birth_month") WHERE status = 'waiting'`,
    );
    await q.query(
      `CREATE TABLE "application_choices" ("application_id" uuid NOT NULL, "rank" integer NOT NULL, "facility_id" uuid NOT NULL, "status" text NOT NULL, "age_group" text NOT NULL, "start_month" character(7) NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "application_choices_status_check" CHECK (status IN ('waiting', 'offered', 'placed', 'declined', 'expired', 'withdrawn')), CONSTRAINT "application_choices_rank_check" CHECK (rank BETWEEN 1 AND 3), CONSTRAINT "PK_3ecdc5e38620f5ac6e6b0204544" PRIMARY KEY ("application_id", "rank"))`,
    );
    await q.query(`CREATE INDEX "IDX_application_choices_facility" ON "application_choices"  ("facility_id", "status") `);
    await q.query(
      `CREATE INDEX "IDX_application_choices_queue" ON "application_choices"  ("facility_id", "age_group", "start_month", "applied_at", "application_id") WHERE status IN ('waiting', 'offered')`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "IDX_application_choices_facility_once" ON "application_choices"  ("application_id", "facility_id") `,
    );
    await q.query(
      `CREATE TABLE "offers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "facility_id" uuid NOT NULL, "class_id" uuid, "status" text NOT NULL, "expires_on" date NOT NULL, "offered_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "offers_status_check" CHECK (status IN ('open', 'accepted', 'declined', 'expired', 'withdrawn')), CONSTRAINT "PK_4c88e956195bba85977da21b8f4" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_offers_facility" ON "offers"  ("facility_id") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_offers_open_choice" ON "offers"  ("application_id", "facility_id") WHERE status = 'open'`);
    await q.query(`CREATE INDEX "IDX_offers_open_expiry" ON "offers"  ("expires_on") WHERE status = 'open'`);
    await q.query(`CREATE INDEX "IDX_offers_application" ON "offers"  ("application_id") `);
    await q.query(`ALTER TABLE "region_figures" ADD "waiting_children" integer NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "region_figures" ADD "waiting_by_age_group" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "classes" ADD "held" integer NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "classes" ADD CONSTRAINT "classes_held_check" CHECK (held >= 0 AND enrolled + held <= places)`);
    await q.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "applications_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "applications_placed_facility_id_fkey" FOREIGN KEY ("placed_facility_id") REFERENCES "facilities"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "application_choices" ADD CONSTRAINT "application_choices_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "application_choices" ADD CONSTRAINT "application_choices_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facilities"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "offers" ADD CONSTRAINT "offers_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "offers" ADD CONSTRAINT "offers_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facilities"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "offers" ADD CONSTRAINT "offers_class_id_fkey" FOREIGN KEY ("class_id") REFERENCES "classes"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "offers" ADD CONSTRAINT "offers_offered_by_fkey" FOREIGN KEY ("offered_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "offers" DROP CONSTRAINT "offers_offered_by_fkey"`);
    await q.query(`ALTER TABLE "offers" DROP CONSTRAINT "offers_class_id_fkey"`);
    await q.query(`ALTER TABLE "offers" DROP CONSTRAINT "offers_facility_id_fkey"`);
    await q.query(`ALTER TABLE "offers" DROP CONSTRAINT "offers_application_id_fkey"`);
    await q.query(`ALTER TABLE "application_choices" DROP CONSTRAINT "application_choices_facility_id_fkey"`);
    await q.query(`ALTER TABLE "application_choices" DROP CONSTRAINT "application_choices_application_id_fkey"`);
    await q.query(`ALTER TABLE "applications" DROP CONSTRAINT "applications_placed_facility_id_fkey"`);
    await q.query(`ALTER TABLE "applications" DROP CONSTRAINT "applications_parent_id_fkey"`);
    await q.query(`ALTER TABLE "classes" DROP CONSTRAINT "classes_held_check"`);
    await q.query(`ALTER TABLE "classes" DROP COLUMN "held"`);
    await q.query(`ALTER TABLE "region_figures" DROP COLUMN "waiting_by_age_group"`);
    await q.query(`ALTER TABLE "region_figures" DROP COLUMN "waiting_children"`);
    await q.query(`DROP INDEX "public"."IDX_offers_application"`);
    await q.query(`DROP INDEX "public"."IDX_offers_open_expiry"`);
    await q.query(`DROP INDEX "public"."IDX_offers_open_choice"`);
    await q.query(`DROP INDEX "public"."IDX_offers_facility"`);
    await q.query(`DROP TABLE "offers"`);
    await q.query(`DROP INDEX "public"."IDX_application_choices_facility_once"`);
    await q.query(`DROP INDEX "public"."IDX_application_choices_queue"`);
    await q.query(`DROP INDEX "public"."IDX_application_choices_facility"`);
    await q.query(`DROP TABLE "application_choices"`);
    await q.query(`DROP INDEX "public"."IDX_applications_active_child"`);
    await q.query(`DROP INDEX "public"."IDX_applications_parent"`);
    await q.query(`DROP TABLE "applications"`);
    await q.query(`ALTER TABLE "users" DROP CONSTRAINT "users_role_check"`);
    await q.query(`ALTER TABLE "users" ADD CONSTRAINT "users_role_check" CHECK (role IN ('operator', 'regulator', 'admin'))`);
  }
}
