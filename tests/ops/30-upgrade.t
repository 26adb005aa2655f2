# SPDX-License-Identifier: ISC
# Upgrade in place from the previous release, commit a17e73e (the
# reviewed foundation): its tree (git archive, so a test that dies
# leaves no worktree behind) is built without sanitizers (kept in
# $KARIKA_BUILD/prev-a17e73e for the next run) and started with its own
# demo data by its own scripts/stack; then its workers stop, this tree's
# karika-migrate upgrades that database, this tree's workers start on
# it, and every page of the old route list answers as before (anonymous
# and signed in as the demo administrator) and every row of the old
# tables is still there (count and checksum of the old columns).  Then
# a deliberately broken migration: karika-migrate names the statement
# that failed, its line and the statements that ran; it is not
# recorded; mended, it runs again over what did run (IF NOT EXISTS).
use strict;
use warnings;
use Test::More;
use HTTP::Tiny;
use IO::Socket::INET;
use Time::HiRes qw(time);
use Karika::Ops;

use constant PREV => 'a17e73e';

my $tmp = tmpdir();
my $old = BUILD . '/prev-' . PREV;
my $oldsrc = "$old/src";
my ($rc, $out);
if (!-x "$old/build/karika-registry") {
	system('rm', '-rf', $old);
	mkdir $old; mkdir $oldsrc; mkdir "$old/build";
	my $t = time;
	($rc, $out) = run_cmd({}, 'sh', '-c', 'git -C "$1" archive "$2" | tar -x -C "$3"', 'sh',
	    SRC, PREV, $oldsrc);
	is($rc, 0, 'the previous release ' . PREV . ' comes out of git') or BAIL_OUT($out);
	($rc, $out) = run_cmd({}, 'sh', '-c', 'cd "$1" && autoreconf -fi && cd "$2" && '
	    . '"$1"/configure -q CFLAGS=-O1 && make -j2 -s', 'sh', $oldsrc, "$old/build");
	is($rc, 0, 'and builds, without sanitizers') or BAIL_OUT(substr($out, -3000));
	diag(sprintf('previous release built in %.0f s', time - $t));
} else {
	pass('the previous release ' . PREV . ' is built already');
	pass("in $old");
}

sub free_port { IO::Socket::INET->new(Listen => 1, LocalAddr => '127.0.0.1:0')->sockport }
my $state = "$tmp/state";
my $port = free_port();
my %oldenv = (KARIKA_STATE => $state, KARIKA_PORT => $port, KARIKA_BUILD => "$old/build");
my %newenv = (KARIKA_STATE => $state, KARIKA_PORT => $port, KARIKA_BUILD => BUILD, KARIKA_DEMO => 0);
my $stopper = \%oldenv;
END { run_cmd($stopper, "$oldsrc/scripts/stack", 'stop') if $stopper; run_cmd(\%newenv, SRC . '/scripts/stack', 'stop') }

($rc, $out) = run_cmd(\%oldenv, "$oldsrc/scripts/stack", 'start');
is($rc, 0, 'the previous release starts with its demo data') or BAIL_OUT($out);

# Its GET routes without ids, as it lists them.
my @routes;
for my $w (qw(registry surveys applications reports)) {
	for (`$old/build/karika-$w --routes`) {
		my (undef, $method, $path) = split;
		push @routes, $path if $method eq 'GET' && $path !~ /[%*]/;
	}
}
ok(@routes >= 20, scalar(@routes) . ' pages in the old route list');

my $http = HTTP::Tiny->new(timeout => 10, max_redirect => 0);
sub signed_in {
	my $r = $http->get("http://127.0.0.1:$port/account/login");
	my ($csrf) = ($r->{headers}{'set-cookie'} // '') =~ /csrf=([^;]+)/;
	$r = $http->post_form("http://127.0.0.1:$port/account/login",
	    { email => 'admin@example.org', password => 'karika-demo-2026', csrf => $csrf // '' },
	    { headers => { Cookie => 'csrf=' . ($csrf // '') } });
	my ($sid) = ($r->{headers}{'set-cookie'} // '') =~ /sid=([^;]+)/;
	return $sid;
}
sub statuses {
	my $sid = signed_in();
	ok($sid, 'the demo administrator signs in');
	my %s;
	for my $p (@routes) {
		$s{"anon $p"} = $http->get("http://127.0.0.1:$port$p")->{status};
		$s{"admin $p"} = $http->get("http://127.0.0.1:$port$p",
		    { headers => { Cookie => 'sid=' . ($sid // '') } })->{status};
	}
	return \%s;
}
my $before = statuses();
ok((grep { $_ == 200 } values %$before) >= 20, 'the old pages answer');

# The old tables, their columns, and a checksum of each table's rows.
sub sql_rows { map { $_->[0] } admin_sql($state, $_[0]) }
my @tables = sql_rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'karika' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY 1");
my %cols = map { my $t = $_; $t => [sql_rows("SELECT column_name FROM information_schema.columns WHERE table_schema = 'karika' AND table_name = '$t' ORDER BY ordinal_position")] } @tables;
sub sums {
	my %s;
	for my $t (@tables) {
		my $row = join(', ', map { "QUOTE(`$_`)" } @{ $cols{$t} });
		my ($r) = admin_sql($state, "SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('|', $row))), 0) FROM `$t`");
		$s{$t} = "$r->[0] rows, $r->[1]";
	}
	return \%s;
}
my $rows_before = sums();
my $nrows = 0;
$nrows += (split ' ', $_)[0] for values %$rows_before;
ok($nrows > 100, scalar(@tables) . " old tables hold $nrows rows");

# The upgrade: the old workers stop, this tree migrates, its workers start.
($rc, $out) = run_cmd(\%oldenv, "$oldsrc/scripts/stack", 'stop');
undef $stopper;
($rc, $out) = run_cmd(\%newenv, SRC . '/scripts/stack', 'db-start');
is($rc, 0, "the database starts again under this tree's scripts/stack") or diag $out;
my @mig = (BUILD . '/karika-migrate', '-c', "$state/karika.conf", '-d', SRC . '/sql/migrations');
my $t = time;
($rc, $out) = run_cmd({}, @mig);
is($rc, 0, "this tree's karika-migrate upgrades the old database") or diag $out;
my @applied = $out =~ /^applied (\S+)/mg;
ok(@applied >= 1, 'applying ' . scalar(@applied) . ' migrations: ' . join(' ', @applied));
diag(sprintf('upgrade migrations: %.1f s', time - $t));
is_deeply(sums(), $rows_before, 'every old row is there, in its old columns');
($rc, $out) = run_cmd({}, @mig);
like($out, qr/^0 applied/m, 'migrating again applies nothing');

($rc, $out) = run_cmd(\%newenv, SRC . '/scripts/stack', 'start');
is($rc, 0, "this tree's workers start on the upgraded database") or diag $out;
my $after = statuses();
my @changed = grep { $after->{$_} != $before->{$_} } sort keys %$before;
is_deeply(\@changed, [], 'every page of the old route list answers as it did')
    or diag join "\n", map { "$_: $before->{$_} -> $after->{$_}" } @changed;

# A broken migration: which statement, which line, what ran.
my $dir = "$tmp/migrations";
mkdir $dir;
system('cp', glob(SRC . '/sql/migrations/*.sql'), $dir) == 0 or die;
my $broken = <<'SQL';
-- SPDX-License-Identifier: ISC
-- A deliberately broken migration (tests/ops/30-upgrade.t).
CREATE TABLE IF NOT EXISTS upgrade_probe (a INT);
CREATE TRIGGER IF NOT EXISTS upgrade_probe_check BEFORE INSERT ON upgrade_probe
FOR EACH ROW
	IF NEW.a < 0 THEN
		SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'no; never';
	END IF;
INSERT INTO upgrade_no_such_table VALUES (1);
CREATE TABLE upgrade_probe_later (a INT);
SQL
open(my $f, '>', "$dir/9999_broken.sql") or die; print $f $broken; close $f;
($rc, $out) = run_cmd({}, @mig[0 .. 2], '-d', $dir);
isnt($rc, 0, 'a failing migration fails karika-migrate');
like($out, qr/9999_broken\.sql: statement 3 \(line 9: INSERT INTO upgrade_no_such_table VALUES \(1\);\) failed: 1146 /,
    'naming the statement that failed, its line and the server\'s error') or diag $out;
like($out, qr/the 2 statement\(s\) before the failed one ran/, 'and how many ran before it');
is(scalar(admin_sql($state, "SELECT version FROM schema_migrations WHERE version = 9999")), 0,
    'it is not recorded');
is(scalar(admin_sql($state, "SHOW TABLES LIKE 'upgrade_probe_later'")), 0,
    'nothing after the failed statement ran');
$broken =~ s/^INSERT INTO upgrade_no_such_table.*\n//m;
open($f, '>', "$dir/9999_broken.sql") or die; print $f $broken; close $f;
($rc, $out) = run_cmd({}, @mig[0 .. 2], '-d', $dir);
is($rc, 0, 'mended, it runs again over what had run (IF NOT EXISTS)') or diag $out;
like($out, qr/^applied 9999_broken\.sql/m, 'and is recorded');

done_testing();
