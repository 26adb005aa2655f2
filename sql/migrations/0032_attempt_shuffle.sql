-- SPDX-License-Identifier: ISC
-- 0032: a test's options in an order of each attempt's own (issue 16
-- review).  The page showed every question's options (and a matching
-- question's items) in the bank's order, where a matching question's
-- item n goes with option n: the order was the key.  Each attempt now
-- keeps a secret drawn from getrandom(2) when it starts (test.c,
-- STMT_ATTEMPT_INSERT); the page shuffles each question's options and
-- items with a stream seeded by it and the question's id (quiz.c,
-- quiz_stream_rand), so that a reload shows the same order and another
-- attempt another.  It never reaches a page.  Attempts already kept get
-- a secret of their own here.
ALTER TABLE test_attempt
	ADD COLUMN IF NOT EXISTS shuffle BIGINT NOT NULL DEFAULT 0;
UPDATE test_attempt
	SET shuffle = CAST(CONV(SUBSTR(SHA2(CONCAT(UUID(), RAND(), id), 256),
	    1, 15), 16, 10) AS SIGNED)
	WHERE shuffle = 0;
