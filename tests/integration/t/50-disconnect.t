# SPDX-License-Identifier: ISC
# A client that goes away mid-request, or a peer speaking garbage to a
# worker's socket, does not hurt the worker: same processes, still serving.
use strict;
use warnings;
use Test::More;
use IO::Socket::INET;
use IO::Socket::UNIX;
use Time::HiRes qw(sleep);
use Karika::Test;

my ($host, $port) = url() =~ m{^http://([^:/]+):(\d+)};
my @before = map { [worker_pids($_)] } WORKERS;

for my $i (1 .. 20) {
	my $s = IO::Socket::INET->new(PeerAddr => $host, PeerPort => $port) or die $!;
	if ($i % 2) {
		# Announce a body, send part of it, and leave.
		print $s "POST /surveys/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n\r\na=1&b=";
	} else {
		# Ask for a page and leave before reading the answer.
		print $s "GET /registry/services HTTP/1.1\r\nHost: x\r\n\r\n";
	}
	close $s;
}
# Garbage straight to each worker's FastCGI socket.
for my $w (WORKERS) {
	my $u = IO::Socket::UNIX->new(Peer => state_dir() . "/run/$w.sock") or die "$w: $!";
	print $u "\x01\x01\x00\x01\x00\x08\x00\x00" . ("\xff" x 64);
	close $u;
	$u = IO::Socket::UNIX->new(Peer => state_dir() . "/run/$w.sock") or die "$w: $!";
	print $u "GET / HTTP/1.0\r\n\r\n";
	close $u;
}
sleep 1;
for my $w (WORKERS) {
	my $r = get("/$w/health");
	is($r->{status}, 200, "$w still answers after clients left and garbage arrived");
}
is(get('/registry/services')->{status}, 200, 'pages are served');
my @after = map { [worker_pids($_)] } WORKERS;
is_deeply(\@after, \@before, 'no worker process died or was replaced');
done_testing();
