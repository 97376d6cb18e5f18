-- The language a member of staff works in (their profile; null: the clinic's default), and the
-- language a patient was asked the health questions in (ADR 038). Added columns, never a rebuilt
-- table (as 0015 to 0018): a rebuild drops the tables' triggers and needs foreign keys off, which
-- SQLite ignores inside the migration's transaction. Every answer given before this was English.
ALTER TABLE `users` ADD `locale` text CONSTRAINT "users_locale" CHECK("locale" IN ('it', 'en'));--> statement-breakpoint
ALTER TABLE `screening_submissions` ADD `locale` text DEFAULT 'en' NOT NULL CONSTRAINT "screening_submissions_locale" CHECK("locale" IN ('it', 'en'));
