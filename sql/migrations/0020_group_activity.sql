-- SPDX-License-Identifier: ISC
-- 0020: group activities kept by CSW workers (issue 15): an activity has
-- a kind (a training in personal and business competences, vocational
-- training, a job club, a support group, or another) and may have a
-- last day; 0010 had only the title, the partner that runs it (NULL:
-- the CSW itself) and the first day.  The workers now create and change
-- activities and add and remove participants (grants.sql).
ALTER TABLE group_activity
	ADD COLUMN IF NOT EXISTS kind ENUM('competences', 'vocational',
	    'job-club', 'support', 'other') NOT NULL DEFAULT 'competences'
	    AFTER title,
	ADD COLUMN IF NOT EXISTS ends_on DATE NULL AFTER starts_on;
