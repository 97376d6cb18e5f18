CREATE TABLE `user_mfa` (
	`user_id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`secret` text NOT NULL,
	`last_used_step` integer,
	`created_at` integer NOT NULL,
	`confirmed_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "user_mfa_status" CHECK("user_mfa"."status" IN ('pending', 'active'))
);
--> statement-breakpoint
CREATE TABLE `user_recovery_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`code_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_recovery_codes_user` ON `user_recovery_codes` (`user_id`);--> statement-breakpoint
-- Hand-edited: drizzle-kit rebuilt the sessions table and copied a column the old table lacks.
-- Adding the column in place keeps every open session (they count as password-only).
ALTER TABLE `sessions` ADD `auth_level` text DEFAULT 'password' NOT NULL CONSTRAINT "sessions_auth_level" CHECK(`auth_level` IN ('password', 'mfa'));--> statement-breakpoint
CREATE INDEX `audit_events_actor` ON `audit_events` (`actor_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_events_occurred_at` ON `audit_events` (`occurred_at`);