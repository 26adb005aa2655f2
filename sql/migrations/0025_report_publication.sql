-- SPDX-License-Identifier: ISC
-- 0025: which published datasets the city's social-affairs department
-- chooses to show the public (issue 14, "Public and open data"): users
-- per service per year, spending per service per year (each with its
-- open-data files, CSV and JSON) and the link to the published survey
-- results.  One row per municipality, written by karika-reports'
-- settings page (fcgi/reports/publish.c) and read by every public page
-- and open-data file.  A town without a row publishes everything, as it
-- did before this table.
CREATE TABLE report_publication (
	municipality_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
	users BOOLEAN NOT NULL DEFAULT TRUE,
	spending BOOLEAN NOT NULL DEFAULT TRUE,
	surveys BOOLEAN NOT NULL DEFAULT TRUE,
	updated_by BIGINT UNSIGNED NULL,
	updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
	    ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT report_publication_municipality FOREIGN KEY
		(municipality_id) REFERENCES municipality (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
