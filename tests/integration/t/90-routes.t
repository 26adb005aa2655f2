# SPDX-License-Identifier: ISC
# Each worker lists its routes (karika-<worker> --routes), and every route
# it lists answers through nginx (no route is unreachable or unmapped).
use strict;
use warnings;
use Test::More;
use Karika::Test;

for my $w (WORKERS) {
	my @lines = `$ENV{KARIKA_BUILD}/karika-$w --routes`;
	is($?, 0, "karika-$w --routes succeeds");
	ok(scalar(@lines) >= 2, "karika-$w lists its routes");
	for (@lines) {
		my ($worker, $method, $path, $name) = split;
		next unless $method eq 'GET' && $path !~ /%/;
		my $r = get($path);
		is($r->{status}, 200, "$w route $name ($path) answers 200 through nginx");
	}
}
done_testing();
