-- SPDX-License-Identifier: ISC
-- 0013: retention (issue 17; DOMAIN.md, "Data protection").  Each record
-- kind has a retention period in the configuration (retention.*); the
-- nightly karika-retention (fcgi/tools/retention.c, run by karika-jobs)
-- deletes what is past it, in batches, as its own database user
-- karika_retention, and reports each run here, one row per kind; the
-- administrators read the runs at /registry/admin/retention.
--
-- retention_run: run_at is when the run started (the same for every row
-- of one run), as_of the date it counted from (--now, or the day), kind
-- the record kind, cutoff the instant before which rows were due, count
-- how many were deleted (a dry run: how many were due), dry_run whether
-- it only counted.  state: running while the job works (count grows with
-- each batch, in the batch's transaction), then done; failed when it
-- stopped half-way (the count says what was deleted); absent when the
-- kind's table is not in this database ("not present"); unhandled when
-- the table is there but this karika-retention has no rule for it yet.
CREATE TABLE IF NOT EXISTS retention_run (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	run_at TIMESTAMP(6) NOT NULL,
	as_of DATE NOT NULL,
	kind VARCHAR(24) NOT NULL,
	state ENUM('running', 'done', 'failed', 'absent', 'unhandled')
	    NOT NULL DEFAULT 'running',
	cutoff DATETIME NULL,
	count BIGINT UNSIGNED NULL,
	dry_run BOOLEAN NOT NULL,
	KEY retention_run_at (run_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The least age, in years, at which a kind's rows may be deleted at all,
-- whatever the configuration says: a wall below the job.  Only audit
-- rows have one, read by the trigger below (and by the job, which
-- refuses a shorter retention.audit_years before it deletes anything).
-- Only MariaDB's administrator changes it.
CREATE TABLE IF NOT EXISTS retention_floor (
	kind VARCHAR(24) NOT NULL PRIMARY KEY,
	years SMALLINT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT IGNORE INTO retention_floor (kind, years) VALUES ('audit', 2);

-- The audit trail stays append-only for everybody (0002), with one
-- exception: the retention user may delete a row older than the floor.
-- USER() is the account the client signed in as (inside a trigger
-- CURRENT_USER() would name the trigger's definer); a missing floor
-- refuses every delete.  UPDATE stays refused to all (audit_no_update).
CREATE OR REPLACE TRIGGER audit_no_delete BEFORE DELETE ON audit
FOR EACH ROW
BEGIN
	IF NOT COALESCE(SUBSTRING_INDEX(USER(), '@', 1) = 'karika_retention'
	    AND OLD.at < NOW(6) - INTERVAL (SELECT years FROM retention_floor
		WHERE kind = 'audit') YEAR, FALSE) THEN
		SIGNAL SQLSTATE '45000'
		    SET MESSAGE_TEXT = 'the audit trail is append-only';
	END IF;
END;

-- Whether a table is in this database, whoever asks: the retention user
-- sees in information_schema only the tables it is granted, and must
-- tell a kind whose table does not exist yet ("not present") from one
-- it has no rule for.
CREATE OR REPLACE FUNCTION retention_table_present(p_name VARCHAR(64))
	RETURNS BOOLEAN READS SQL DATA SQL SECURITY DEFINER
	RETURN EXISTS (SELECT 1 FROM information_schema.TABLES
	    WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = p_name);
