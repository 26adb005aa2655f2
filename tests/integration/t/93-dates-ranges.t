# SPDX-License-Identifier: ISC
# What the reviewer typed (issues 14 and 15): a case opened, an outcome
# or an incident on a day still to come is refused beside its field with
# what was typed kept; a number that is a number but out of its field's
# range says so, not "enter a number".  No form here is saved.
use strict;
use warnings;
use utf8;
use Test::More;
use Karika::Test;
use POSIX qw(strftime);

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

sub one { my ($q) = @_; return (sql($q))[0][0] }
# The error shown beside field $name, as text.
sub error_of {
	my ($html, $name) = @_;
	my ($e) = $html =~ m{<p class="error" id="e-\Q$name\E">(.*?)</p>}s or return '';
	return $e =~ s/<[^>]+>//gr;
}

# As typed, and as the form gives a valid date back (YYYY-MM-DD).
my $future = '1. 1. 2030.';
my $soon = strftime('%-d. %-m. %Y.', localtime(time + 2 * 86400));
my %iso = ($future => '2030-01-01', $soon => strftime('%Y-%m-%d', localtime(time + 2 * 86400)));
my $m = one("SELECT id FROM municipality WHERE code = 'novi-pazar'");
my $cswid = one("SELECT id FROM account WHERE email = 'csw\@example.org'");
my $cases = one("SELECT COUNT(*) FROM case_file");

my $csw = login('csw@example.org');
$csw->get('/?lang=en');

# --- a case opened in the future ------------------------------------------
my $pid = one("SELECT MIN(id) FROM person WHERE municipality_id = $m");
for my $day ($future, $soon) {
	my $r = $csw->submit("/registry/cases/new?person=$pid", { opened => $day, intake => 'employment' },
	    "/registry/cases/new?person=$pid");
	is($r->{status}, 422, "a case opened on $day is refused");
	like(error_of($r->{content}, 'opened'), qr/in the future/, 'beside the date');
	like($r->{content}, qr/value="\Q$iso{$day}\E"/, 'which is kept');
}
is(one("SELECT COUNT(*) FROM case_file"), $cases, 'and no case is opened');

# --- an outcome in the future ---------------------------------------------
my $cid = one("SELECT MIN(id) FROM case_file WHERE status = 'open' AND lead_account_id = $cswid");
ok($cid, 'the worker leads an open case');
my $r = $csw->submit("/registry/cases/$cid/close", { outcome => 'training', outcome_on => $soon });
is($r->{status}, 422, "an outcome on $soon is refused");
like(error_of($r->{content}, 'outcome_on'), qr/in the future/, 'beside its date');
like($r->{content}, qr/value="\Q$iso{$soon}\E"/, 'kept');
is(one("SELECT status FROM case_file WHERE id = $cid"), 'open', 'the case stays open');
$r = $csw->submit("/registry/cases/$cid/close", { outcome => 'training', outcome_on => 'x' });
is($r->{status}, 422, 'a malformed date still comes back');
unlike(error_of($r->{content}, 'outcome_on'), qr/in the future/, 'as malformed');

# --- a DV incident in the future ------------------------------------------
my $dvs = one("SELECT COUNT(*) FROM dv_case");
my %dv = (incident => $future, 'k-physical' => 1, victim => 'Test Žrtva', victim_sex => 'female',
    perpetrator => 'Test Počinilac', perpetrator_sex => 'male', relationship => 'spouse', contact => 'safe-only');
$r = $csw->submit('/registry/dv/new', \%dv);
is($r->{status}, 422, 'an incident on 1. 1. 2030. is refused');
like(error_of($r->{content}, 'incident'), qr/in the future/, 'beside its date');
like($r->{content}, qr/value="\Q$iso{$future}\E"/, 'kept');
like($r->{content}, qr/value="Test Počinilac"/, 'with the rest of the form');
is(one("SELECT COUNT(*) FROM dv_case"), $dvs, 'and no DV case is made');

# --- numbers out of range ---------------------------------------------------
my $nsz = one("SELECT id FROM organisation WHERE name LIKE 'Nacionalna služba%'");
for my $days (0, 91, -3) {
	$r = $csw->submit("/registry/cases/$cid/referrals/new", { organisation => $nsz, request => 'Test',
	    days => $days, 'f-name' => 1 });
	is($r->{status}, 422, "a referral for $days days is refused");
	like(error_of($r->{content}, 'days'), qr/Enter a number from 1–90\./, 'as out of range, naming the range');
	like($r->{content}, qr/value="\Q$days\E"/, 'kept as typed');
}
$r = $csw->submit("/registry/cases/$cid/referrals/new", { organisation => $nsz, request => 'Test',
    days => 'ten', 'f-name' => 1 });
like(error_of($r->{content}, 'days'), qr/Enter a number/, 'a word is no number');

my $analyst = login('analyst@example.org');
$analyst->get('/?lang=en');
for my $takeup (150, -5) {
	$r = $analyst->submit('/reports/scenarios/new', { name => "Range $takeup", price => '1', takeup => $takeup });
	is($r->{status}, 422, "a take-up of $takeup % is refused");
	like(error_of($r->{content}, 'takeup'), qr/Enter a number from 0–100\./, 'as out of range, naming the range');
	like($r->{content}, qr/0–100/, 'the label gives the range');
}
my $sid = one("SELECT MIN(id) FROM report_scenario WHERE municipality_id = $m");
my $svc = one("SELECT MIN(id) FROM service WHERE municipality_id = $m");
SKIP: {
	skip 'no scenario in the town', 3 unless $sid;
	$r = $analyst->submit("/reports/scenarios/$sid/places", { service => $svc, places => -1 });
	is($r->{status}, 422, 'minus one extra place is refused');
	like(error_of($r->{content}, 'places'), qr/Enter a number from 0–100000\./, 'as out of range, naming the range');
	like($r->{content}, qr/0–100000/, 'the label gives the range');
}

done_testing();
