CREATE TABLE `staff_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`roles` text NOT NULL,
	`invited_by_user_id` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`accepted_user_id` text,
	FOREIGN KEY (`invited_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`accepted_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "staff_invitations_email_lower" CHECK("staff_invitations"."email" = lower("staff_invitations"."email")),
	CONSTRAINT "staff_invitations_accepted" CHECK(("staff_invitations"."accepted_at" IS NULL) = ("staff_invitations"."accepted_user_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_invitations_tokenHash_unique` ON `staff_invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `staff_invitations_email` ON `staff_invitations` (`email`);--> statement-breakpoint
CREATE TABLE `rate_limit_counters` (
	`key` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`window_started_at` integer NOT NULL
);
--> statement-breakpoint
-- Added columns rather than rebuilt tables: a rebuild drops patient_sessions, and with foreign
-- keys on (the migrator runs in a transaction, where PRAGMA foreign_keys cannot change) that
-- would cascade to every booking draft. Column CHECKs carry the constraints of the schema.
ALTER TABLE `clinic_settings` ADD `max_upcoming_bookings_per_email` integer DEFAULT 3 NOT NULL CONSTRAINT "clinic_settings_upcoming_per_email" CHECK("max_upcoming_bookings_per_email" BETWEEN 1 AND 50);--> statement-breakpoint
ALTER TABLE `booking_drafts` ADD `hold_client_key` text;--> statement-breakpoint
CREATE INDEX `booking_drafts_hold_client` ON `booking_drafts` (`hold_client_key`);--> statement-breakpoint
-- A session opened by a manage link before this release does not say which booking: it must
-- open its link again (its draft stays).
UPDATE `patient_sessions` SET `verified_email` = NULL, `proven_by` = NULL WHERE `proven_by` = 'manage_link';--> statement-breakpoint
ALTER TABLE `patient_sessions` ADD `proven_booking_id` text CONSTRAINT "patient_sessions_link_scope" CHECK(("proven_by" = 'manage_link') = ("proven_booking_id" IS NOT NULL));
