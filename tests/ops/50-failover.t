# SPDX-License-Identifier: ISC
# Failover beyond one set of workers: a private stack with two sets of
# the four workers (KARIKA_WORKER_SETS=2: <worker>.sock and
# <worker>-2.sock, as two hosts would run them) behind one nginx upstream
# per worker (nginx/dev.conf.in).  Clients ask for pages of every worker
# without pause (with a cookie, so that the micro-cache answers none of
# them); after a second the first set is killed by PID (SIGKILL, parents
# and children: a host lost, no goodbye).  No request may fail from one
# second after the kill on; how many failed within that second is
# reported (nginx passes a GET on to the other set at once, so it is
# normally none).  A POST after the kill reaches the live set too (nginx
# passes on a request the dead set never received), and nginx is not
# told to resend a POST that was received (no non_idempotent).
use strict;
use warnings;
use Test::More;
use HTTP::Tiny;
use IO::Socket::INET;
use POSIX ();
use Time::HiRes qw(sleep time);
use Karika::Ops;

use constant { CLIENTS => 4, BEFORE => 1, AFTER => 3 };

my $tmp = tmpdir();
my $port = IO::Socket::INET->new(Listen => 1, LocalAddr => '127.0.0.1:0')->sockport;
my %env = (KARIKA_STATE => "$tmp/s", KARIKA_PORT => $port, KARIKA_BUILD => BUILD,
    KARIKA_WORKER_SETS => 2);
my $stack = SRC . '/scripts/stack';
my ($rc, $out) = run_cmd(\%env, $stack, 'start');
END { run_cmd(\%env, $stack, 'stop') }
is($rc, 0, 'a private stack starts with two sets of workers') or BAIL_OUT($out);
my $run = "$tmp/s/run";
my @workers = qw(registry surveys applications reports);
ok((!grep { !-S "$run/$_.sock" || !-S "$run/$_-2.sock" } @workers), 'each worker listens on two sockets');
my $conf = do { local $/; open(my $f, '<', "$tmp/s/nginx/nginx.conf") or die; <$f> }
    . do { local $/; open(my $f, '<', "$tmp/s/nginx/karika-render.conf") or die; <$f> };
like($conf, qr{upstream karika_registry \{\s*server unix:\S+/registry\.sock;\s*server unix:\S+/registry-2\.sock;}s,
    'nginx has an upstream per worker with both sockets');
unlike($conf, qr{fastcgi_pass unix:}, 'every fastcgi_pass names an upstream');
like($conf, qr{fastcgi_next_upstream error timeout;}, 'a failed connection passes the request on');
unlike($conf, qr{^\s*(fastcgi|proxy)_next_upstream\s[^;]*non_idempotent}m,
    'but never a POST the dead worker received');

my $url = "http://127.0.0.1:$port";
my @pages = ('/', '/registry/services', '/surveys/', '/applications/', '/reports/',
    '/account/login', '/registry/services?lang=en');
# Any cookie but lang makes a page uncacheable (karika-render.conf).
my %hdr = (headers => { Cookie => 'failover=1' });

# Both sets answer: each worker's two logs gain request lines.
sub served {
	my ($w) = @_;
	open(my $f, '<', "$tmp/s/log/$w.log") or return 0;
	return scalar(grep { / route=/ } <$f>);
}
my $http = HTTP::Tiny->new(timeout => 10, max_redirect => 0);
$http->get("$url$_", \%hdr) for (@pages) x 8;
for my $w (@workers) {
	ok(served($w) > 0 && served("$w-2") > 0, "both sets of $w answer");
}

# The clients: each asks for the pages in turn and notes when each
# answer came and its status, until TERM.
my $t0 = time;
my @kids;
for my $c (1 .. CLIENTS) {
	my $pid = fork() // die;
	if ($pid == 0) {
		my $h = HTTP::Tiny->new(timeout => 10, max_redirect => 0);
		my @seen;
		my $stop = 0;
		local $SIG{TERM} = sub { $stop = 1 };
		my $i = $c;
		while (!$stop) {
			my $r = $h->get($url . $pages[$i++ % @pages], \%hdr);
			push @seen, sprintf("%.4f %d", time, $r->{status});
		}
		open(my $f, '>', "$tmp/client$c") or POSIX::_exit(1);
		print $f "$_\n" for @seen;
		close $f;
		POSIX::_exit(0);
	}
	push @kids, $pid;
}
sleep BEFORE;

# The first set goes, all at once, by PID: each parent and its children.
my @set1;
for my $w (@workers) {
	open(my $f, '<', "$run/$w.pid") or die;
	chomp(my $parent = <$f>);
	push @set1, $parent, split(' ', `pgrep -P $parent`);
}
my $killed = time;
kill 'KILL', @set1;
sleep AFTER;
kill 'TERM', @kids;
waitpid($_, 0) for @kids;
ok(!(grep { kill 0, $_ } @set1), 'the first set is gone (' . scalar(@set1) . ' processes)');

my (%n, %bad);
for my $c (1 .. CLIENTS) {
	open(my $f, '<', "$tmp/client$c") or die "client $c left no record";
	while (<$f>) {
		my ($t, $st) = split;
		my $when = $t < $killed ? 'before' : $t < $killed + 1 ? 'first' : 'after';
		$n{$when}++;
		$bad{$when}++ if $st != 200;
	}
}
$bad{$_} //= 0 for qw(before first after);
diag(sprintf('failover: %d requests before the kill (%d failed), %d in the first second after '
    . 'it (%d failed), %d later (%d failed)', $n{before} // 0, $bad{before}, $n{first} // 0,
    $bad{first}, $n{after} // 0, $bad{after}));
ok(($n{before} // 0) > 20 && ($n{after} // 0) > 50, 'the clients kept asking throughout');
is($bad{before}, 0, 'none failed before the kill');
is($bad{after}, 0, "none failed from one second after the kill on ($bad{first} in the first second)");

# A POST after the kill: the dead set refuses the connection, so nginx
# gives it to the live set, whose worker answers (the form's missing
# CSRF token: 403), never nginx's 502.
my @post = map { $http->post_form("$url/account/login", { email => 'x@example.org', password => 'x' },
    \%hdr)->{status} } 1 .. 6;
is_deeply(\@post, [(403) x 6], 'a POST after the kill is answered by the live set');
is($http->get("$url/registry/services", \%hdr)->{status}, 200, 'and the site serves on');
done_testing();
