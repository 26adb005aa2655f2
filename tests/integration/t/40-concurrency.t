# SPDX-License-Identifier: ISC
# 200 concurrent requests are all answered, correctly, by two processes
# per worker; nothing is dropped or mixed up.
use strict;
use warnings;
use Test::More;
use IO::Socket::INET;
use IO::Select;
use Time::HiRes qw(time);
use Karika::Test;

my ($host, $port) = url() =~ m{^http://([^:/]+):(\d+)};
my @paths = ('/registry/services?lang=en', '/surveys/?lang=bs', '/reports/?lang=sr-Latn',
    '/applications/?lang=en', '/?lang=sr-Cyrl');
my %want = ('en' => 'lang="en"', 'bs' => 'lang="bs"', 'sr-Latn' => 'lang="sr-Latn"',
    'sr-Cyrl' => 'lang="sr-Cyrl"');
my (%sock, %buf, %path);
my $sel = IO::Select->new;
for my $i (1 .. 200) {
	my $s = IO::Socket::INET->new(PeerAddr => $host, PeerPort => $port, Timeout => 10)
	    or BAIL_OUT("connect $i: $!");
	my $p = $paths[$i % @paths];
	$s->autoflush(1);
	print $s "GET $p HTTP/1.0\r\nHost: localhost\r\n\r\n";
	$sock{$s} = $s;
	$path{$s} = $p;
	$buf{$s} = '';
	$sel->add($s);
}
my $deadline = time + 60;
while ($sel->count && time < $deadline) {
	for my $s ($sel->can_read(1)) {
		my $n = sysread($s, my $chunk, 65536);
		if ($n) {
			$buf{$s} .= $chunk;
		} else {
			$sel->remove($s);
			close $s;
		}
	}
}
is($sel->count, 0, 'every connection finished within 60 s');
my ($ok, $right) = (0, 0);
for my $k (keys %buf) {
	$ok++ if $buf{$k} =~ m{^HTTP/1\.1 200 };
	my ($lang) = $path{$k} =~ /lang=([\w-]+)/;
	$right++ if index($buf{$k}, "<html $want{$lang}") >= 0 && $buf{$k} =~ m{</html>\s*$};
}
is($ok, 200, 'all 200 concurrent requests answered 200');
is($right, 200, 'each answer is whole and in the language asked for');
done_testing();
