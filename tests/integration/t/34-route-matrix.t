# SPDX-License-Identifier: ISC
# The route x role matrix (routes.tsv): every route of every worker asked
# by every kind of caller gives the expected outcome, and no route exists
# without its rows.
use strict;
use warnings;
use Test::More;
use FindBin;
use Karika::Test;

my %login = (citizen => 'citizen@example.org', provider1 => 'provider1@example.org',
    provider2 => 'provider2@example.org', csw => 'csw@example.org',
    analyst => 'analyst@example.org', editor => 'editor@example.org',
    admin => 'admin@example.org');
my @roles = ('anon', sort keys %login);

open(my $f, '<', "$FindBin::Bin/../routes.tsv") or die "routes.tsv: $!";
my (%want, @rows);
while (<$f>) {
	next if /^#/ || !/\S/;
	chomp;
	my ($w, $m, $p, $role, $st) = split /\t/;
	$want{"$w $m $p"}{$role} = $st;
	push @rows, [$w, $m, $p, $role, $st];
}

# Every route a worker has is in the table, for every role.
for my $w (WORKERS) {
	for (`$ENV{KARIKA_BUILD}/karika-$w --routes`) {
		my (undef, $m, $p) = split;
		my $have = $want{"$w $m $p"} // {};
		my @missing = grep { !exists $have->{$_} } @roles;
		ok(!@missing, "$w $m $p has a row for every role") or diag("missing: @missing");
	}
}

# An account to disable and enable again (the % of the admin routes).
my $target = 'matrix-' . time() . '@example.net';
sql("INSERT INTO account (email, name, status) VALUES ('$target', 'Matrix Target', 'active')");
my ($tid) = map { $_->[0] } sql("SELECT id FROM account WHERE email = '$target'");
sql("INSERT INTO account_role (account_id, role, municipality_id) SELECT $tid, 'citizen', id FROM municipality WHERE code = 'novi-pazar'");

my %agent;
sub caller_for {
	my ($role) = @_;
	return $agent{$role} //= $role eq 'anon' ? agent() : login($login{$role});
}
for my $row (@rows) {
	my ($w, $m, $p, $role, $st) = @$row;
	my $path = $p =~ s/%/$tid/r;
	my $a = caller_for($role);
	my $r;
	if ($m eq 'GET') {
		$r = $a->get($path);
	} else {
		my $t = $a->csrf($role eq 'anon' ? '/account/login' : '/account/');
		$r = $a->post($path, { csrf => $t // '' });
	}
	is($r->{status}, $st, "$role: $m $p is $st");
	# Signing out ends the session: sign in again for the next row.
	delete $agent{$role} if $p =~ m{/account/(logout|sessions/end)$};
}
done_testing();
