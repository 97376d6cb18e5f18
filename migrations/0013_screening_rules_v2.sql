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
CREATE INDEX `screening_window_overrides_booking` ON `screening_window_overrides` (`booking_id`,`decided_at`);--> statement-breakpoint
-- A clinician's earlier first day inside a waiting window is a clinical record (docs/decisions/006,
-- 032): append-only. A later decision is a new row; the latest for the submission counts.
CREATE TRIGGER screening_window_overrides_no_update BEFORE UPDATE ON screening_window_overrides
BEGIN
  SELECT RAISE(ABORT, 'screening_window_overrides is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER screening_window_overrides_no_delete BEFORE DELETE ON screening_window_overrides
BEGIN
  SELECT RAISE(ABORT, 'screening_window_overrides is append-only');
END;
--> statement-breakpoint
-- The submission must belong to the booking the row names.
CREATE TRIGGER screening_window_overrides_same_booking BEFORE INSERT ON screening_window_overrides
WHEN NOT EXISTS (
  SELECT 1 FROM screening_submissions s WHERE s.id = NEW.submission_id AND s.booking_id = NEW.booking_id
)
BEGIN
  SELECT RAISE(ABORT, 'screening_window_overrides: the submission is not this booking''s');
END;
