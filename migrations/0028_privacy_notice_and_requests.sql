CREATE TABLE `privacy_notice_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`version_number` integer NOT NULL,
	`status` text NOT NULL,
	`content` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by_user_id` text,
	`updated_at` integer NOT NULL,
	`published_at` integer,
	`published_by_user_id` text,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`published_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "privacy_notice_status" CHECK("privacy_notice_versions"."status" IN ('draft', 'published')),
	CONSTRAINT "privacy_notice_number" CHECK("privacy_notice_versions"."version_number" >= 1),
	CONSTRAINT "privacy_notice_published" CHECK("privacy_notice_versions"."status" = 'draft' OR "privacy_notice_versions"."published_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `privacy_notice_version_number` ON `privacy_notice_versions` (`version_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `privacy_notice_one_draft` ON `privacy_notice_versions` (`status`) WHERE "privacy_notice_versions"."status" = 'draft';--> statement-breakpoint
CREATE TABLE `privacy_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`booking_id` text,
	`kind` text NOT NULL,
	`details` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`due_at` integer NOT NULL,
	`decided_at` integer,
	`decided_by_user_id` text,
	`decision_reason` text,
	`outcome` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "privacy_requests_kind" CHECK("privacy_requests"."kind" IN ('correction', 'restriction', 'erasure')),
	CONSTRAINT "privacy_requests_status" CHECK("privacy_requests"."status" IN ('open', 'granted', 'partly_granted', 'refused')),
	CONSTRAINT "privacy_requests_decided" CHECK(("privacy_requests"."status" = 'open') = ("privacy_requests"."decided_at" IS NULL) AND ("privacy_requests"."status" = 'open' OR ("privacy_requests"."decided_by_user_id" IS NOT NULL AND "privacy_requests"."decision_reason" IS NOT NULL)))
);
--> statement-breakpoint
CREATE INDEX `privacy_requests_queue` ON `privacy_requests` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `privacy_requests_patient` ON `privacy_requests` (`patient_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `privacy_requests_one_open` ON `privacy_requests` (`patient_id`,`kind`) WHERE "privacy_requests"."status" = 'open';--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_clinic_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`email` text NOT NULL,
	`address` text NOT NULL,
	`time_zone` text NOT NULL,
	`slot_step_minutes` integer NOT NULL,
	`min_notice_hours` integer NOT NULL,
	`max_advance_days` integer NOT NULL,
	`hold_minutes` integer NOT NULL,
	`cancellation_window_hours` integer NOT NULL,
	`min_days_between_needling` integer NOT NULL,
	`max_upcoming_bookings_per_email` integer DEFAULT 3 NOT NULL,
	`default_locale` text DEFAULT 'en' NOT NULL,
	`clinical_record_retention_years` integer DEFAULT 10 NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "clinic_settings_singleton" CHECK("__new_clinic_settings"."id" = 'clinic'),
	CONSTRAINT "clinic_settings_upcoming_per_email" CHECK("__new_clinic_settings"."max_upcoming_bookings_per_email" BETWEEN 1 AND 50),
	CONSTRAINT "clinic_settings_slot_step" CHECK("__new_clinic_settings"."slot_step_minutes" BETWEEN 5 AND 120),
	CONSTRAINT "clinic_settings_hold" CHECK("__new_clinic_settings"."hold_minutes" BETWEEN 1 AND 60),
	CONSTRAINT "clinic_settings_default_locale" CHECK("__new_clinic_settings"."default_locale" IN ('it', 'en')),
	CONSTRAINT "clinic_settings_record_retention" CHECK("__new_clinic_settings"."clinical_record_retention_years" BETWEEN 5 AND 30)
);
--> statement-breakpoint
INSERT INTO `__new_clinic_settings`("id", "name", "phone", "email", "address", "time_zone", "slot_step_minutes", "min_notice_hours", "max_advance_days", "hold_minutes", "cancellation_window_hours", "min_days_between_needling", "max_upcoming_bookings_per_email", "default_locale", "updated_at") SELECT "id", "name", "phone", "email", "address", "time_zone", "slot_step_minutes", "min_notice_hours", "max_advance_days", "hold_minutes", "cancellation_window_hours", "min_days_between_needling", "max_upcoming_bookings_per_email", "default_locale", "updated_at" FROM `clinic_settings`;--> statement-breakpoint
DROP TABLE `clinic_settings`;--> statement-breakpoint
ALTER TABLE `__new_clinic_settings` RENAME TO `clinic_settings`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
ALTER TABLE `patients` ADD `restricted_at` integer;--> statement-breakpoint
ALTER TABLE `patients` ADD `legal_hold_reason` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `legal_hold_at` integer;--> statement-breakpoint
ALTER TABLE `patients` ADD `erased_at` integer;--> statement-breakpoint
ALTER TABLE `screening_submissions` ADD `privacy_notice_version_id` text REFERENCES privacy_notice_versions(id);--> statement-breakpoint
-- A published privacy notice never changes and is never deleted: submissions point at it (ADR 050).
CREATE TRIGGER privacy_notice_published_no_update BEFORE UPDATE ON privacy_notice_versions
WHEN OLD.status = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published privacy notice is immutable');
END;
--> statement-breakpoint
CREATE TRIGGER privacy_notice_published_no_delete BEFORE DELETE ON privacy_notice_versions
WHEN OLD.status = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published privacy notice is immutable');
END;
--> statement-breakpoint
-- A privacy request is decided once; the request and its decision are never edited or deleted.
CREATE TRIGGER privacy_requests_decided_no_update BEFORE UPDATE ON privacy_requests
WHEN OLD.status <> 'open'
BEGIN
  SELECT RAISE(ABORT, 'a decided privacy request is immutable');
END;
--> statement-breakpoint
CREATE TRIGGER privacy_requests_no_delete BEFORE DELETE ON privacy_requests
BEGIN
  SELECT RAISE(ABORT, 'privacy_requests are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER privacy_requests_open_keeps_request BEFORE UPDATE ON privacy_requests
WHEN NEW.patient_id IS NOT OLD.patient_id OR NEW.kind IS NOT OLD.kind
  OR NEW.details IS NOT OLD.details OR NEW.due_at IS NOT OLD.due_at
  OR NEW.created_at IS NOT OLD.created_at OR NEW.booking_id IS NOT OLD.booking_id
BEGIN
  SELECT RAISE(ABORT, 'a privacy request is never edited, only decided');
END;
