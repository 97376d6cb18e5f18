-- What a patient sees when choosing who to see: a one-line bio and a portrait (ADR 037). Added
-- columns, never a rebuilt table (as 0015): bookings and users point at this table, and a
-- rebuild would need foreign keys off, which SQLite ignores inside the migration's transaction.
ALTER TABLE `practitioners` ADD `bio` text DEFAULT '' NOT NULL CONSTRAINT "practitioners_bio" CHECK(length("bio") <= 160);--> statement-breakpoint
ALTER TABLE `practitioners` ADD `photo_key` text CONSTRAINT "practitioners_photo_key" CHECK("photo_key" IS NULL OR (length("photo_key") = 64 AND "photo_key" NOT GLOB '*[^0-9a-f]*'));
