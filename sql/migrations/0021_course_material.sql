-- SPDX-License-Identifier: ISC
-- 0021: attached PDFs as course materials (issue 16).  A module's page of
-- text (0014) may have PDFs attached by the course's editors.  The file
-- is documents.dir/<sha256 in hex>, kept as the applications' documents
-- are (0016, fcgi/common/docs.c): written under a temporary name,
-- synced, and renamed only after this row committed; its content was
-- checked as a PDF by its first bytes.  Workers download it through the
-- registry, which checks that they may see the course, and nginx sends
-- it (X-Accel-Redirect) as an attachment.
--
-- Removing an attachment removes the row, and the file with the last row
-- naming it: a file is named by its content, and the same bytes may be
-- another module's material or an application's document, whose rows
-- this worker cannot see; the stored procedure document_users (0023)
-- counts them all, locking course_material_sha and its like.
CREATE TABLE IF NOT EXISTS course_material (
	id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	module_id BIGINT UNSIGNED NOT NULL,
	sha256 BINARY(32) NOT NULL,
	bytes INT UNSIGNED NOT NULL,
	filename VARCHAR(255) NOT NULL,
	added_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	added_by BIGINT UNSIGNED NOT NULL,
	KEY course_material_module (module_id),
	KEY course_material_sha (sha256),
	CONSTRAINT course_material_module_fk FOREIGN KEY (module_id)
		REFERENCES course_module (id),
	CONSTRAINT course_material_account FOREIGN KEY (added_by)
		REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
