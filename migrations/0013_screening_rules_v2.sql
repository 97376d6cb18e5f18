CREATE TABLE `screening_window_overrides` (
	`id` text PRIMARY KEY NOT NULL,
	`booking_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`first_day` text NOT NULL,
	`reason` text NOT NULL,
	`decided_by_user_id` text NOT NULL,
	`decided_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`submission_id`) REFERENCES `screening_submissions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "screening_window_overrides_reason" CHECK(length(trim("screening_window_overrides"."reason")) > 0),
	CONSTRAINT "screening_window_overrides_first_day" CHECK("screening_window_overrides"."first_day" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
--> statement-breakpoint
CREATE INDEX `screening_window_overrides_booking` ON `screening_window_overrides` (`booking_id`,`decided_at`);