# SPDX-License-Identifier: ISC
# karika-migrate: applied migrations are recorded with their checksum;
# running it again is a no-op; a changed applied file is refused; a new
# file is applied.
use strict;
use warnings;
use Test::More;
use File::Temp qw(tempdir);
use File::Copy qw(copy);
use Karika::Test;

my $bin = "$ENV{KARIKA_BUILD}/karika-migrate";
my $conf = state_dir() . '/karika.conf';
my $dir = "$ENV{KARIKA_SRC}/sql/migrations";

my @rows = sql('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
is($rows[0][1], '0001_core.sql', 'the first migration is recorded');
like($rows[0][2], qr/^[0-9a-f]{64}$/, 'with its SHA-256');

my $out = `$bin -c $conf -d $dir 2>&1`;
is($?, 0, 'migrating again succeeds');
like($out, qr/^0 applied/m, 'and applies nothing');

my $tmp = tempdir(CLEANUP => 1);
copy("$dir/$_", "$tmp/$_") for map { s{.*/}{}r } glob("$dir/*.sql");
open(my $f, '>>', "$tmp/0001_core.sql") or die;
print $f "\n-- an edit after the fact\n";
close $f;
$out = `$bin -c $conf -d $tmp 2>&1`;
isnt($?, 0, 'a changed applied migration is refused');
like($out, qr/0001_core\.sql was applied with checksum .* write a new one/s, 'and the message says what to do');

copy("$dir/0001_core.sql", "$tmp/0001_core.sql");
open($f, '>', "$tmp/9999_test_probe.sql") or die;
print $f "CREATE TABLE migrate_probe (a INT);\nINSERT INTO migrate_probe VALUES (1);\n";
close $f;
$out = `$bin -c $conf -d $tmp 2>&1`;
is($?, 0, 'a new migration is applied');
like($out, qr/applied 9999_test_probe\.sql/, 'and reported');
is((sql('SELECT a FROM migrate_probe'))[0][0], 1, 'its statements ran');
$out = `$bin -c $conf -d $tmp 2>&1`;
like($out, qr/^0 applied/m, 'and is not applied twice');
sql('DROP TABLE migrate_probe; DELETE FROM schema_migrations WHERE version = 9999');

open($f, '>', "$tmp/9998_broken.sql") or die;
print $f "CREATE TABLE nonsense (;\n";
close $f;
$out = `$bin -c $conf -d $tmp 2>&1`;
isnt($?, 0, 'a failing migration stops the run');
like($out, qr/9998_broken\.sql/, 'and names the file');
is(scalar(sql('SELECT version FROM schema_migrations WHERE version = 9998')), 0,
    'a failed migration is not recorded');
done_testing();
