-- SPDX-License-Identifier: ISC
-- 0028: a caseload import is confirmed once (issue 12, the review of the
-- register).  The preview carries the file's rows to its confirmation as
-- a hidden field; the confirmation posted again (the back button, a
-- double click) imported them again: the same people twice, their
-- enrolments taking the provider's places twice.  Each confirmed import
-- now leaves the SHA-256 of the rows it was given, once per organisation
-- of the importer (0 for the CSW, whose imports are the town's): the
-- same rows confirmed again find their row and import nothing
-- (fcgi/registry/caseload.c, import_confirm).  The row is written in the
-- import's own transaction, so two confirmations at once wait for each
-- other on the unique key and the second finds the first's row.
CREATE TABLE IF NOT EXISTS caseload_import (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	municipality_id BIGINT UNSIGNED NOT NULL,
	organisation_id BIGINT UNSIGNED NOT NULL,
	digest CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	account_id BIGINT UNSIGNED NOT NULL,
	imported INT UNSIGNED NOT NULL,
	created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY caseload_import_once (municipality_id, organisation_id,
	    digest),
	CONSTRAINT caseload_import_municipality FOREIGN KEY
		(municipality_id) REFERENCES municipality (id),
	CONSTRAINT caseload_import_account FOREIGN KEY (account_id)
		REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
