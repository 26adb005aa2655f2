-- SPDX-License-Identifier: ISC
-- 0022: retention of applications and closed cases (issue 17, section
-- 8).  karika-retention deletes refused or withdrawn applications a
-- period after their last change (updated_at: nothing changes one
-- after its refusal or withdrawal) and closed cases a period after
-- closed_at, in batches that lock the records they pick.  Without an
-- index on the condition each batch would scan the whole table and,
-- under REPEATABLE READ, lock every row and gap it passed, so that no
-- worker could file an application or open a case until the batch
-- committed; with these the batch reads and locks only what is due.
ALTER TABLE application
    ADD KEY IF NOT EXISTS application_retention (status, updated_at);
ALTER TABLE case_file
    ADD KEY IF NOT EXISTS case_retention (status, closed_at);
