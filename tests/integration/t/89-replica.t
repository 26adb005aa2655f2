# SPDX-License-Identifier: ISC
# The reports from a real MariaDB replica (issue 14, "Scale").  This test
# starts a stack of its own with KARIKA_REPLICA=1 (scripts/stack): a
# primary with its binary log and a second mariadbd replicating it with
# MariaDB's own replication (MASTER_USE_GTID=slave_pos), read-only, which
# the reports worker reads its figures from (reports_replica.db_socket).
# A write on the primary shows on the figures once the replica has it
# (MASTER_GTID_WAIT), and not before: the figures are the replica's.
# Everything the worker writes still goes to the primary: the sign-in
# session's touch, audit rows, a scenario (the replica is read-only, so a
# write sent there would fail the request).  With the replica gone the
# figures come from the primary and the worker says so in its log.  The
# stack is stopped by PID at the end.
use strict;
use warnings;
use File::Temp ();
use IO::Socket::INET ();

my ($src, $state, $stack, $me);
BEGIN {
	$me = $$;
	$src = $ENV{KARIKA_SRC} or die "KARIKA_SRC is not set: run through tests/integration/run\n";
	$state = File::Temp::tempdir('/tmp/karika-replica.XXXXXX');
	my $port = IO::Socket::INET->new(Listen => 1, LocalAddr => '127.0.0.1:0')->sockport;
	$stack = "$src/scripts/stack";
	@ENV{qw(KARIKA_STATE KARIKA_PORT KARIKA_URL KARIKA_REPLICA)} =
	    ($state, $port, "http://127.0.0.1:$port", 1);
	delete $ENV{KARIKA_TEST_STATE};
	if (system("$stack start > $state/start.log 2>&1") != 0) {
		my $why = `cat $state/start.log; tail -n 20 $state/log/*.log 2>&1`;
		system("$stack stop > /dev/null 2>&1");
		system('rm', '-rf', $state);
		die "the stack with a replica did not start:\n$why";
	}
}
# Only here: Karika::Test's sql() forks children that end through exit.
END {
	if ($stack && $$ == $me) {
		system("$stack stop > /dev/null 2>&1");
		system('rm', '-rf', $state);
	}
}

use Test::More;
use Karika::Test;

sub one { my ($q) = @_; return (sql($q))[0][0] }
# The mariadb client as the admin on the replica.
sub replica {
	my ($q) = @_;
	open(my $fh, '-|', $stack, 'replica-sql', '-e', $q) or die "replica-sql: $!";
	local $/;
	my $out = <$fh> // '';
	close $fh;
	$out =~ s/\s+\z//;
	return $out;
}
# Waits until the replica has applied everything the primary has now.
sub caught_up {
	my $pos = one('SELECT @@global.gtid_binlog_pos');
	return replica("SELECT MASTER_GTID_WAIT('$pos', 30)") eq '0';
}
sub num { my ($s) = @_; $s =~ s/[^0-9.]//g; return $s eq '' ? undef : $s + 0 }
# The places of service $id on the analyst's figures page.
sub places {
	my ($a, $id, $year) = @_;
	my $p = $a->get("/reports/figures?year=$year&lang=en")->{content} // '';
	my ($cells) = $p =~ m{<a href="/reports/figures/services/$id\?year=\d+">.*?</th>(.*?)</tr>}s;
	my @td = ($cells // '') =~ m{<td class="num">(.*?)</td>}sg;
	return num($td[2] // '');
}

is(replica("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'SLAVE_RUNNING'"),
    'ON', 'the replica reads the primary\'s binary log and applies it');
like(replica('SHOW SLAVE STATUS'), qr/\tSlave_Pos\t/, 'by GTID (slave_pos)');
like(replica('SELECT @@read_only, @@server_id'), qr/^1\t2$/, 'read-only, server 2');
ok(caught_up(), 'the replica has the schema, the grants and the demo data');
is(replica('SELECT COUNT(*) FROM karika.person'), one('SELECT COUNT(*) FROM person'),
    'as many people as the primary');
like(`cat $state/karika.conf`, qr{^reports_replica\.db_socket = \Q$state\E/run/replica\.sock$}m,
    'the reports worker is pointed at it');

# --- a write on the primary shows once the replica has it -----------------
my $year = one('SELECT YEAR(UTC_DATE())');
my ($m) = one("SELECT id FROM municipality WHERE code = 'novi-pazar'");
my ($svc, $org) = @{ (sql("SELECT c.service_id, c.organisation_id FROM capacity c "
    . "JOIN service s ON s.id = c.service_id WHERE s.municipality_id = $m AND c.year = $year "
    . "ORDER BY c.service_id LIMIT 1"))[0] };
my $analyst = login('analyst@example.org');
my $before = places($analyst, $svc, $year);
ok(defined $before, "service $svc has places on the figures page");
sql("UPDATE capacity SET places = places + 7 WHERE service_id = $svc AND organisation_id = $org AND year = $year");
ok(caught_up(), 'MASTER_GTID_WAIT: the replica has the write');
is(places($analyst, $svc, $year), $before + 7, 'the figures show it');

# The figures are the replica's: with its SQL thread stopped a new write
# on the primary does not show, and shows once the replica applies it.
replica('STOP SLAVE SQL_THREAD');
sql("UPDATE capacity SET places = places + 5 WHERE service_id = $svc AND organisation_id = $org AND year = $year");
is(one("SELECT SUM(places) FROM capacity WHERE service_id = $svc AND year = $year"), $before + 12,
    'the primary has the second write');
is(places($analyst, $svc, $year), $before + 7, 'the figures, read from the paused replica, do not yet');
replica('START SLAVE SQL_THREAD');
ok(caught_up(), 'the replica catches up');
is(places($analyst, $svc, $year), $before + 12, 'and the figures show the second write');

# --- the worker's writes go to the primary --------------------------------
# The session's touch: session_load marks a session seen at most once a
# minute; age it, and a reports page marks it again, on the primary.
my $sid = $analyst->cookie('sid');
sql("UPDATE session SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 5 MINUTE "
    . "WHERE account_id = (SELECT id FROM account WHERE email = 'analyst\@example.org')");
is($analyst->get('/reports/figures')->{status}, 200, 'a reports page for a session seen 5 minutes ago');
is(one("SELECT COUNT(*) FROM session WHERE account_id = (SELECT id FROM account WHERE email = 'analyst\@example.org') "
    . "AND last_seen_at > UTC_TIMESTAMP() - INTERVAL 1 MINUTE"), 1, 'marks it seen on the primary');
my $audits = one("SELECT COUNT(*) FROM audit WHERE action = 'report.open' AND outcome = 'not-found'");
is($analyst->get('/reports/figures/services/999999999')->{status}, 404, 'a service of no town is a 404');
is(one("SELECT COUNT(*) FROM audit WHERE action = 'report.open' AND outcome = 'not-found'"), $audits + 1,
    'audited on the primary');
my $name = "replica $$";
my $r = $analyst->submit('/reports/scenarios/new', { name => $name, price => '2', takeup => '10' });
is($r->{status}, 303, 'a scenario is saved');
is(one("SELECT COUNT(*) FROM report_scenario WHERE name = '$name'"), 1, 'on the primary');
ok(caught_up(), 'and replicated');
is(replica("SELECT COUNT(*) FROM karika.report_scenario WHERE name = '$name'"), '1', 'to the replica');
unlike(`cat $state/log/reports.log`, qr/replica is not reachable/, 'the worker never fell back to the primary');

# --- without the replica the figures come from the primary ----------------
my $rpid = `cat $state/run/replica.pid`;
chomp $rpid;
kill 'TERM', $rpid;
ok(wait_for(sub { !kill(0, $rpid) }, 30), 'the replica is stopped');
is(places($analyst, $svc, $year), $before + 12, 'the figures still answer, from the primary');
like(`cat $state/log/reports.log`, qr/replica is not reachable; reading figures from the primary/,
    'and the worker says so in its log');
unlike(`cat $state/log/*.log`, qr/ERROR: \w+Sanitizer|runtime error:/, 'no sanitizer report in this stack\'s logs');

done_testing();
