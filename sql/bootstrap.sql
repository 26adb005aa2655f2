-- SPDX-License-Identifier: ISC
-- Run once by an administrator (as MariaDB root) before the first
-- migration: the database and the migrate user.  scripts/stack replaces
-- @PW_MIGRATE@ with the password it keeps in the state directory.
CREATE DATABASE IF NOT EXISTS karika CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'karika_migrate'@'localhost' IDENTIFIED BY '@PW_MIGRATE@';
ALTER USER 'karika_migrate'@'localhost' IDENTIFIED BY '@PW_MIGRATE@';
GRANT ALL PRIVILEGES ON karika.* TO 'karika_migrate'@'localhost';
