# SPDX-License-Identifier: ISC
# A survey's listed dates (opens_on, closes_on) are local dates, the
# installation's zone (the config's timezone), so whether it is open
# compares them with the local date, never UTC's: in the first local
# hours of its opening day (east of Greenwich) UTC's date is still the
# day before, and in the last local hours of its closing day (west of
# it) UTC's date is already the day after; a survey must take answers
# on both.  The stack's zone is Belgrade's, where that is only the first
# hour after midnight, so a second karika-surveys is started here on a
# copy of the stack's configuration with a zone whose date differs from
# UTC's right now (14 hours ahead in the afternoon UTC, 12 behind in the
# morning), and is asked straight over its own socket with cgi-fcgi.
use strict;
use warnings;
use Test::More;
use File::Temp qw(tempdir);
use POSIX ();
use Karika::Test;

my $bin = "$ENV{KARIKA_BUILD}/karika-surveys";
my $tmp = tempdir(CLEANUP => 1);
chmod 0755, $tmp;
my $sock = "$tmp/surveys.sock";

# A zone (POSIX TZ, no zone files needed) whose date is not UTC's now.
my @utc = gmtime;
my ($zone, $side) = $utc[2] >= 11 ? ('<+14>-14', 'ahead') : ('<-12>12', 'behind');
my $local = do {
	local $ENV{TZ} = $zone;
	POSIX::tzset();
	POSIX::strftime('%Y-%m-%d', localtime);
};
POSIX::tzset();
my $utc_date = POSIX::strftime('%Y-%m-%d', @utc);
isnt($local, $utc_date, "the zone $zone ($side of UTC) has another date than UTC now");

# A published survey (the demo definition) that opened a minute ago and
# closes in ten minutes, on the local day: opens_on = closes_on = today.
my ($year) = map { $_->[0] } sql("SELECT YEAR(UTC_DATE())");
my $code = 'tz-' . (time() % 100000);
sql("INSERT INTO survey (municipality_id, code, title_sr_latn, title_sr_cyrl, title_bs, title_en, "
    . "opens_on, closes_on, definition, status, opens_at, closes_at, round) "
    . "SELECT municipality_id, '$code', title_sr_latn, title_sr_cyrl, title_bs, title_en, "
    . "'$local', '$local', definition, 'published', UTC_TIMESTAMP() - INTERVAL 1 MINUTE, "
    . "UTC_TIMESTAMP() + INTERVAL 10 MINUTE, 1 FROM survey WHERE code = 'needs-$year'");

open(my $f, '<', state_dir() . '/karika.conf') or die;
my $conf = join('', grep { !/^(timezone|surveys\.socket)\s*=/ } <$f>);
close $f;
open(my $c, '>', "$tmp/karika.conf") or die;
print $c $conf, "timezone = $zone\n";
close $c;
my $pid = fork() // die;
if ($pid == 0) {
	open(STDOUT, '>', "$tmp/surveys.log");
	open(STDERR, '>&', \*STDOUT);
	exec($bin, '-c', "$tmp/karika.conf", '-s', $sock, '-n', 1) or exit 127;
}
ok(wait_for(sub { -S $sock }, 20), "a karika-surveys in $zone listens") or diag(`cat $tmp/surveys.log`);

sub ask {
	my ($path) = @_;
	return scalar `env -i REQUEST_METHOD=GET DOCUMENT_URI=$path SCRIPT_NAME=$path REQUEST_URI=$path QUERY_STRING= SERVER_PROTOCOL=HTTP/1.1 REMOTE_ADDR=127.0.0.1 REQUEST_ID=tz-test cgi-fcgi -bind -connect $sock 2>&1`;
}

my $out = ask("/surveys/$code/");
like($out, qr/^Status: 200/mi, 'the welcome page');
like($out, qr/<survey slug="$code"[^>]* state="open"/, "the survey is open on its local day ($side of UTC)");
like($out, qr/<form method="post" action="\/surveys\/$code\/start"/, 'and offers Start');
$out = ask('/surveys/');
like($out, qr/<open>.*<survey [^>]*code="$code"/s, 'the list counts it among the open surveys');

# Past its local closing day (the row's date yesterday): closed.
my ($yesterday) = map { $_->[0] } sql("SELECT '$local' - INTERVAL 1 DAY");
sql("UPDATE survey SET opens_on = '$yesterday', closes_on = '$yesterday' WHERE code = '$code'");
# The worker keeps a survey's row for a second (cache.c, SURVEY_ROW_MS).
select(undef, undef, undef, 1.1);
like(ask("/surveys/$code/"), qr/<survey slug="$code"[^>]* state="closed"/, 'a survey whose local closing day is past is closed');

kill 'TERM', $pid;
waitpid($pid, 0);
sql("DELETE FROM survey WHERE code = '$code'");
# The demo surveys open at 00:00 and close at 23:59 Belgrade time, in
# summer time too (the pilot's dates fall there until November).
{
	require Time::Local;
	for my $row (sql("SELECT code, opens_on, closes_on, opens_at, closes_at FROM survey WHERE code IN ('pilot-$year', 'needs-$year')")) {
		my ($sc, $on, $off, $at, $till) = @$row;
		my @local = map {
			my ($y, $mo, $d, $h, $mi) = /^(\d+)-(\d+)-(\d+)[ T](\d+):(\d+)/;
			my $t = Time::Local::timegm(0, $mi, $h, $d, $mo - 1, $y);
			local $ENV{TZ} = 'CET-1CEST,M3.5.0,M10.5.0/3';
			POSIX::tzset();
			my $s = POSIX::strftime('%Y-%m-%d %H:%M', localtime $t);
			$s;
		} ($at, $till);
		POSIX::tzset();
		is($local[0], "$on 00:00", "$sc opens at local midnight of its first day");
		is($local[1], "$off 23:59", "$sc closes at 23:59 local of its last day");
	}
}

done_testing();
