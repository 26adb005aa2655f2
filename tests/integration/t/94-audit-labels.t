# SPDX-License-Identifier: ISC
# After the other tests have written every kind of audit row: the
# administrator's audit log names each action the trail holds (its
# filter lists them all) in words of the page's language, never as a
# message key, in all four locales.
use strict;
use warnings;
use utf8;
use Test::More;
use Karika::Test;

my @actions = map { $_->[0] } sql("SELECT DISTINCT action FROM audit ORDER BY 1");
cmp_ok(scalar(@actions), '>=', 20, scalar(@actions) . ' kinds of action in the trail');
my $admin = login('admin@example.org');
for my $l (qw(sr-Cyrl sr-Latn bs en)) {
	my $r = $admin->get("/registry/admin/audit?lang=$l");
	is($r->{status}, 200, "$l: the audit log");
	my @raw = $r->{content} =~ /(audit\.action\.[a-z0-9._-]+)/g;
	is(scalar(@raw), 0, "$l: every action in words") or diag(join(' ', @raw[0 .. ($#raw < 9 ? $#raw : 9)]));
}
$admin->get('/registry/admin/audit?lang=sr-Cyrl');
done_testing();
