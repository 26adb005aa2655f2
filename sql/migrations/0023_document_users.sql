-- SPDX-License-Identifier: ISC
-- 0023: a file in documents.dir goes with the last row of ANY table that
-- names it (issue 16, fcgi/common/docs.c).  A file is named by its
-- content (its SHA-256), so the same bytes may be an application's
-- document (application_document, 0016: karika-applications) and a
-- course's material (course_material, 0021: karika-registry), and
-- neither worker may read the other's table.  Each worker that deletes
-- such a row calls this procedure in the same transaction (docs_drop()):
-- it counts the rows of both tables still naming the file, by locking
-- reads on their sha256 indexes, so that until the caller commits no
-- worker can write a new row naming that file (its INSERT waits), and
-- the caller removes the file only when the count is 0.  A locking read
-- through a view would not do: MariaDB materialises a UNION view and
-- locks nothing of its tables.  Only the count is returned, never which
-- table or row.  A table that comes to name files is added here (by a
-- later migration replacing the procedure).
CREATE OR REPLACE PROCEDURE document_users(IN h CHAR(64))
	READS SQL DATA SQL SECURITY DEFINER
BEGIN
	DECLARE s BINARY(32) DEFAULT UNHEX(h);
	DECLARE a, c BIGINT DEFAULT 0;
	SELECT COUNT(*) INTO a FROM application_document WHERE sha256 = s
	    FOR UPDATE;
	SELECT COUNT(*) INTO c FROM course_material WHERE sha256 = s
	    FOR UPDATE;
	SELECT a + c AS n;
END;
