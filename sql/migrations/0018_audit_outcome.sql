-- SPDX-License-Identifier: ISC
-- 0018: an audit row's outcome holds up to 64 characters.  A refused page
-- is audited with its route's name as the outcome (route.c), and names
-- such as "admin-account-disable" are longer than the 16 characters of
-- 0002: in strict mode such a row was refused, so the refusal went
-- unrecorded.

ALTER TABLE audit MODIFY outcome VARCHAR(64) NOT NULL DEFAULT 'ok';
