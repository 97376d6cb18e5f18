ALTER TABLE `bookings` ADD `booked_by_user_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `bookings` ADD `policy_override_reason` text;