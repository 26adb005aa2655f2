-- SPDX-License-Identifier: ISC
-- 0015: the rest of issue 15 in karika-registry.  An administrator keeps
-- the town's priority groups (list, add, rename, deactivate): a group no
-- longer in use is deactivated, never deleted, so that the marks and the
-- figures of past years keep their group; a deactivated group is not
-- offered for new marks.  The registry's grants for these pages (priority
-- groups, supervisors, group sessions and attendance) are in
-- sql/grants.sql.
ALTER TABLE priority_group
	ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE AFTER derive;
