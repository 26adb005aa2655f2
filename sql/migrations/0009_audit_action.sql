-- SPDX-License-Identifier: ISC
-- 0009: the audit trail indexed by action, so that its filter lists every
-- action the trail holds (SELECT DISTINCT action reads the index, not the
-- table) instead of a list in C that each new audited action must join.

CREATE INDEX audit_action ON audit (action);
