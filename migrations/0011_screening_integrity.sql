-- Screening records are clinical evidence (docs/decisions/006 and 017): append-only.
-- Rule-set versions never change: publishing adds a version.
CREATE TRIGGER screening_rule_sets_no_update BEFORE UPDATE ON screening_rule_sets
BEGIN
  SELECT RAISE(ABORT, 'screening_rule_sets is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER screening_rule_sets_no_delete BEFORE DELETE ON screening_rule_sets
BEGIN
  SELECT RAISE(ABORT, 'screening_rule_sets is append-only');
END;
--> statement-breakpoint
-- A submission's answers, versions and outcome never change. The one permitted update links a
-- wizard submission to its patient and booking when the booking is made, once.
CREATE TRIGGER screening_submissions_write_once BEFORE UPDATE ON screening_submissions
WHEN OLD.booking_id IS NOT NULL
  OR (OLD.patient_id IS NOT NULL AND NEW.patient_id IS NOT OLD.patient_id)
  OR NEW.id IS NOT OLD.id
  OR NEW.questionnaire_version IS NOT OLD.questionnaire_version
  OR NEW.rule_set_id IS NOT OLD.rule_set_id
  OR NEW.rule_set_version IS NOT OLD.rule_set_version
  OR NEW.answers IS NOT OLD.answers
  OR NEW.outcome IS NOT OLD.outcome
  OR NEW.wait_until IS NOT OLD.wait_until
  OR NEW.findings IS NOT OLD.findings
  OR NEW.source IS NOT OLD.source
  OR NEW.entered_by_user_id IS NOT OLD.entered_by_user_id
  OR NEW.submitted_at IS NOT OLD.submitted_at
BEGIN
  SELECT RAISE(ABORT, 'screening_submissions is append-only');
END;
--> statement-breakpoint
-- Answers that never became part of a booking (changed or abandoned in the wizard) may be purged;
-- a submission linked to a booking is a clinical record and stays.
CREATE TRIGGER screening_submissions_no_delete BEFORE DELETE ON screening_submissions
WHEN OLD.booking_id IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'screening_submissions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER screening_review_events_no_update BEFORE UPDATE ON screening_review_events
BEGIN
  SELECT RAISE(ABORT, 'screening_review_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER screening_review_events_no_delete BEFORE DELETE ON screening_review_events
BEGIN
  SELECT RAISE(ABORT, 'screening_review_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER screening_confirmations_no_update BEFORE UPDATE ON screening_confirmations
BEGIN
  SELECT RAISE(ABORT, 'screening_confirmations is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER screening_confirmations_no_delete BEFORE DELETE ON screening_confirmations
BEGIN
  SELECT RAISE(ABORT, 'screening_confirmations is append-only');
END;
--> statement-breakpoint
-- Rule-set version 1: the defaults of clinical-reference.md table 1.2 (DEFAULT_SCREENING_SETTINGS
-- in app/domain/screening/screening.schema.ts; a test checks the two agree). Reference data, so
-- every deployment has it, not only the demo.
INSERT INTO screening_rule_sets (id, version, settings, note, published_by_user_id, published_at)
VALUES (
  '00000000-0000-4000-8000-000000000001',
  1,
  '{"minimumAge":18,"reviewUnderAge":22,"isotretinoinMonths":6,"cancerTreatmentMonths":3,"toxinDays":14,"fillerDays":14,"retinoidDays":5,"peelDays":30,"laserDays":14,"tanDays":14,"stricterRuleIds":[]}',
  'Defaults from the clinical reference (table 1.2).',
  NULL,
  unixepoch() * 1000
);
