ALTER TABLE `sessions` ADD `tablet_booking_id` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `tablet_locked_at` integer;--> statement-breakpoint
ALTER TABLE `sessions` ADD `tablet_patient_token_hash` text;--> statement-breakpoint
ALTER TABLE `patient_sessions` ADD `tablet` integer DEFAULT false NOT NULL;