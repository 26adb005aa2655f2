# SPDX-License-Identifier: ISC
# /registry/metrics: Prometheus' text format for the whole installation,
# read from this host; its counters move with the requests; the outbox
# backlog and karika-jobs' last run are there; nginx refuses it to any
# other address.  "Elsewhere" is simulated with a second loopback
# address: the client binds its socket to 127.0.0.2 (Linux routes all of
# 127/8 to lo), so nginx sees $remote_addr 127.0.0.2, which its "allow
# 127.0.0.1; allow ::1; deny all" refuses: the rule itself is tested,
# not a header.  The worker's own refusal of a non-loopback address
# (defence in depth) is asked straight over its socket with cgi-fcgi.
use strict;
use warnings;
use Test::More;
use HTTP::Tiny;
use Karika::Test;

sub metrics {
	my $r = get('/registry/metrics');
	is($r->{status}, 200, 'metrics answer 200 from 127.0.0.1') or return {};
	like($r->{headers}{'content-type'}, qr{^text/plain}, 'as text/plain');
	my %m;
	for (split /\n/, $r->{content}) {
		next if /^#/;
		my ($k, $v) = /^(\S+) (\S+)$/ or do { fail("a line in the text format: $_"); next };
		$m{$k} = $v;
	}
	return \%m;
}

my $m0 = metrics();
for my $w (WORKERS) {
	is($m0->{"karika_worker_up{worker=\"$w\"}"}, 1, "$w is up");
	ok(defined $m0->{"karika_requests_total{worker=\"$w\"}"}, "$w counts its requests");
	ok(defined $m0->{"karika_request_duration_seconds_bucket{worker=\"$w\",le=\"+Inf\"}"},
	    "$w has a latency histogram");
}
ok(defined $m0->{karika_outbox_pending}, 'the outbox backlog is there');
is($m0->{karika_db_up}, 1, 'and the database is up');

# Three pages and two 404s of the surveys worker, one 404 of the reports.
# (Three URIs: nginx's page cache would answer a repeat itself.)
get("/surveys/?metrics=$_") for 1 .. 3;
get('/surveys/no-such-page') for 1 .. 2;
get('/reports/no-such-page');
my $before_outbox = $m0->{karika_outbox_pending};
sql("INSERT INTO outbox (to_addr, locale, template, next_attempt_at) VALUES ('metrics\@example.org', 'en', 'test-metrics', UTC_TIMESTAMP() + INTERVAL 1 HOUR)");
my $m1 = metrics();
my $d = sub { $m1->{$_[0]} - ($m0->{$_[0]} // 0) };
is($d->('karika_requests_total{worker="surveys"}'), 5, 'surveys counted five requests');
is($d->('karika_responses_total{worker="surveys",class="2xx"}'), 3, 'three of them 2xx');
is($d->('karika_responses_total{worker="surveys",class="4xx"}'), 2, 'two of them 4xx');
is($d->('karika_responses_total{worker="reports",class="4xx"}'), 1, 'reports counted its 404');
is($d->('karika_request_duration_seconds_count{worker="surveys"}'), 5,
    'the histogram counted them too');
my @b = map { $m1->{$_} } sort { my ($x) = $a =~ /le="([^"]+)"/; my ($y) = $b =~ /le="([^"]+)"/;
    ($x eq '+Inf' ? 1e9 : $x) <=> ($y eq '+Inf' ? 1e9 : $y) }
    grep { /^karika_request_duration_seconds_bucket\{worker="surveys"/ } keys %$m1;
is(scalar(@b), 10, 'ten buckets');
ok(!grep({ $b[$_] < $b[$_ - 1] } 1 .. $#b), 'cumulative');
ok($d->('karika_requests_total{worker="registry"}') >= 1, 'the registry counted the first scrape');
ok($m1->{karika_outbox_pending} >= $before_outbox + 1, 'the new mail shows in the backlog');
sql("DELETE FROM outbox WHERE template = 'test-metrics'");

# karika-jobs records its run; the next scrape shows it.
my $t = time;
my $rc = system("KARIKA_BUILD=$ENV{KARIKA_BUILD} $ENV{KARIKA_SRC}/scripts/karika-jobs -c "
    . state_dir() . "/karika.conf 2>/dev/null");
my $m2 = metrics();
ok($m2->{karika_jobs_last_run_timestamp_seconds} >= $t - 1, "karika-jobs' last run is shown");
is($m2->{karika_jobs_last_run_failed}, $rc == 0 ? 0 : $m2->{karika_jobs_last_run_failed},
    'with the number of jobs that failed');

# From another address: nginx's rule refuses it.
my ($port) = url() =~ /:(\d+)$/;
my $other = HTTP::Tiny->new(local_address => '127.0.0.2', timeout => 10);
my $r = $other->get("http://127.0.0.1:$port/registry/metrics");
is($r->{status}, 403, 'from 127.0.0.2, nginx refuses the metrics');
unlike($r->{content}, qr/karika_/, 'and shows none of them');
$r = $other->get("http://127.0.0.1:$port/registry/services");
is($r->{status}, 200, 'while the pages answer that address as usual');

# Straight to the worker from a non-loopback address: 404.
my $sock = state_dir() . '/run/registry.sock';
my $out = `env -i REQUEST_METHOD=GET DOCUMENT_URI=/registry/metrics SCRIPT_NAME=/registry/metrics REQUEST_URI=/registry/metrics QUERY_STRING= SERVER_PROTOCOL=HTTP/1.1 REMOTE_ADDR=192.0.2.7 REQUEST_ID=metrics-test cgi-fcgi -bind -connect $sock 2>&1`;
like($out, qr/^Status: 404/mi, 'the worker itself answers 404 to a client elsewhere');
unlike($out, qr/karika_requests_total/, 'without a figure');

done_testing();
