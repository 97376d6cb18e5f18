-- The patient's language on the draft and the booking, so emails and calendar files speak it
-- (ADR 038). Added columns, never a rebuilt table (as 0015 to 0017): drafts, events and consent
-- rows point at bookings, and a rebuild would need foreign keys off, which SQLite ignores inside
-- the migration's transaction. Rows made before have no language (null: the clinic's default);
-- a booking written later without one is English, as every booking was before.
ALTER TABLE `bookings` ADD `locale` text DEFAULT 'en' CONSTRAINT "bookings_locale" CHECK("locale" IN ('it', 'en'));--> statement-breakpoint
UPDATE `bookings` SET `locale` = NULL;--> statement-breakpoint
ALTER TABLE `booking_drafts` ADD `locale` text CONSTRAINT "booking_drafts_locale" CHECK("locale" IN ('it', 'en'));
