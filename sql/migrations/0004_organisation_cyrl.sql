-- SPDX-License-Identifier: ISC
-- 0004: an organisation's name in Cyrillic, beside the name as registered.
-- Reference data the municipality enters may carry its name in both
-- scripts (services already have one column per locale): a sr-Cyrl page
-- shows name_cyrl when it is set, every other page and a NULL show name.
-- Never transliterated automatically: an organisation's name is a name.

ALTER TABLE organisation ADD COLUMN name_cyrl VARCHAR(200) NULL AFTER name;
