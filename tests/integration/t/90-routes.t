# SPDX-License-Identifier: ISC
# Each worker lists its routes (karika-<worker> --routes) with who may
# call each, and every public page among them answers through nginx.
use strict;
use warnings;
use Test::More;
use Karika::Test;

for my $w (WORKERS) {
	my @lines = `$ENV{KARIKA_BUILD}/karika-$w --routes`;
	is($?, 0, "karika-$w --routes succeeds");
	ok(scalar(@lines) >= 2, "karika-$w lists its routes");
	for (@lines) {
		my ($worker, $method, $path, $name, $perms) = split;
		like($perms // '', qr/^(none|[a-z,]+)$/, "$w $method $path names who may call it");
		next unless $method eq 'GET' && $path !~ /[%*]/ && $perms =~ /\banon\b/;
		next if $path =~ m{/(confirm|reset|invite)$};    # need a token
		my $r = get($path);
		is($r->{status}, 200, "$w route $name ($path) answers 200 through nginx");
	}
}
done_testing();
