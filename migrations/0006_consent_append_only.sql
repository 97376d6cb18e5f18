-- Informed consent is legal evidence (docs/decisions/018-informed-consent.md, security goal E6).
-- A published consent form version never changes and is never removed: edits make a new version.
-- A draft may be edited or discarded.
CREATE TRIGGER consent_versions_published_no_update BEFORE UPDATE ON consent_document_versions
WHEN OLD.status = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published consent version is immutable');
END;
--> statement-breakpoint
CREATE TRIGGER consent_versions_published_no_delete BEFORE DELETE ON consent_document_versions
WHEN OLD.status = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published consent version is immutable');
END;
--> statement-breakpoint
CREATE TRIGGER consent_documents_no_delete BEFORE DELETE ON consent_documents
BEGIN
  SELECT RAISE(ABORT, 'consent_documents are never deleted');
END;
--> statement-breakpoint
-- Signatures, countersignatures, withdrawals and check answers are append-only.
CREATE TRIGGER consent_records_no_update BEFORE UPDATE ON consent_records
BEGIN
  SELECT RAISE(ABORT, 'consent_records is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER consent_records_no_delete BEFORE DELETE ON consent_records
BEGIN
  SELECT RAISE(ABORT, 'consent_records is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER consent_countersignatures_no_update BEFORE UPDATE ON consent_countersignatures
BEGIN
  SELECT RAISE(ABORT, 'consent_countersignatures is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER consent_countersignatures_no_delete BEFORE DELETE ON consent_countersignatures
BEGIN
  SELECT RAISE(ABORT, 'consent_countersignatures is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER consent_withdrawals_no_update BEFORE UPDATE ON consent_withdrawals
BEGIN
  SELECT RAISE(ABORT, 'consent_withdrawals is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER consent_withdrawals_no_delete BEFORE DELETE ON consent_withdrawals
BEGIN
  SELECT RAISE(ABORT, 'consent_withdrawals is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER consent_check_attempts_no_update BEFORE UPDATE ON consent_check_attempts
BEGIN
  SELECT RAISE(ABORT, 'consent_check_attempts is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER consent_check_attempts_no_delete BEFORE DELETE ON consent_check_attempts
BEGIN
  SELECT RAISE(ABORT, 'consent_check_attempts is append-only');
END;
