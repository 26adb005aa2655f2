-- SPDX-License-Identifier: ISC
-- 0019: the summary of closed months (issue 14, "Performance").  The
-- figures, the budget report, the public pages and the province add up
-- units delivered: with a register of a million people that is hundreds
-- of thousands of delivery rows a year per town, read at every request.
-- A provider's closed month (month_close) no longer changes (0006's
-- triggers refuse any write to its deliveries), so its sum is kept once:
-- report_month holds, per town (the service's), service, provider and
-- closed month, the units delivered (in hundredths, exact) and the
-- number of delivery rows.  Cost is not kept: it is units x the year's
-- unit price, which the municipality may still change, so the reports
-- multiply at read time (SUM(units x price) = price x SUM(units) for one
-- service and year: exact, rounded once as before).
--
-- report_month_done names the provider months the summary holds.  The
-- reports read report_month for those and the deliveries themselves for
-- every other month (open ones, and closed ones the job has not reached
-- yet): the same figures either way, which t/88-reports.t checks.
-- report_month_fill() fills what was closed since its last run (karika-
-- jobs calls it nightly, as the reports' database user; its rows reach a
-- replica by replication); reopening a month (deleting its month_close
-- row) drops its summary at once, in the same transaction, by trigger.
--
-- People are not kept here: they are counted from enrolments and from
-- what the register holds of the person (settlement, sex, birth year,
-- needs), none of which a closed month freezes; a kept count would go
-- stale.  enrolment_service_org lets the reports find the providers of a
-- town's services from the index alone.

CREATE TABLE IF NOT EXISTS report_month (
	municipality_id BIGINT UNSIGNED NOT NULL,
	service_id BIGINT UNSIGNED NOT NULL,
	organisation_id BIGINT UNSIGNED NOT NULL,
	month DATE NOT NULL,
	centi BIGINT NOT NULL,
	deliveries INT UNSIGNED NOT NULL,
	PRIMARY KEY (municipality_id, month, service_id, organisation_id),
	KEY report_month_provider (organisation_id, month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS report_month_done (
	organisation_id BIGINT UNSIGNED NOT NULL,
	month DATE NOT NULL,
	filled BOOLEAN NOT NULL DEFAULT FALSE,
	filled_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (organisation_id, month),
	KEY report_month_done_month (month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE enrolment
	ADD KEY IF NOT EXISTS enrolment_service_org (service_id, organisation_id);

-- A reopened month leaves the summary with its month_close row.
CREATE OR REPLACE TRIGGER month_close_reopen AFTER DELETE ON month_close
    FOR EACH ROW
BEGIN
	DELETE FROM report_month WHERE organisation_id = OLD.organisation_id
	    AND month = OLD.month;
	DELETE FROM report_month_done WHERE organisation_id = OLD.organisation_id
	    AND month = OLD.month;
END;

-- Sums the provider months closed since the last run into report_month,
-- in one transaction: the months it takes are marked first (so that a
-- month closed meanwhile waits for the next run, and one reopened
-- meanwhile waits for this one to commit and then drops what it wrote),
-- then summed, then marked filled.  One run at a time (a named lock).
-- Returns one row: the provider months and the summary rows it added.
CREATE OR REPLACE PROCEDURE report_month_fill()
	MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
	DECLARE months, added BIGINT DEFAULT 0;
	DECLARE EXIT HANDLER FOR SQLEXCEPTION
	BEGIN
		ROLLBACK;
		DO RELEASE_LOCK('karika.report_month_fill');
		RESIGNAL;
	END;
	IF GET_LOCK('karika.report_month_fill', 60) = 1 THEN
		START TRANSACTION;
		INSERT INTO report_month_done (organisation_id, month, filled)
		SELECT c.organisation_id, c.month, FALSE FROM month_close c
		WHERE NOT EXISTS (SELECT 1 FROM report_month_done x
		    WHERE x.organisation_id = c.organisation_id
		    AND x.month = c.month);
		SET months = ROW_COUNT();
		INSERT INTO report_month (municipality_id, service_id,
		    organisation_id, month, centi, deliveries)
		SELECT s.municipality_id, e.service_id, e.organisation_id,
		    d.month, CAST(SUM(d.units) * 100 AS SIGNED), COUNT(*)
		FROM report_month_done x
		JOIN enrolment e ON e.organisation_id = x.organisation_id
		JOIN delivery d ON d.enrolment_id = e.id AND d.month = x.month
		JOIN service s ON s.id = e.service_id
		WHERE NOT x.filled
		GROUP BY s.municipality_id, e.service_id, e.organisation_id,
		    d.month;
		SET added = ROW_COUNT();
		UPDATE report_month_done SET filled = TRUE, filled_at = NOW()
		WHERE NOT filled;
		COMMIT;
		DO RELEASE_LOCK('karika.report_month_fill');
		SELECT months, added;
	ELSE
		SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT =
		    'report_month_fill is already running';
	END IF;
END;
