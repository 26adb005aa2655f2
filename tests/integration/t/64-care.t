# SPDX-License-Identifier: ISC
# Organisations, enrolments and the monthly delivery (issue 12), as the
# people who use them meet them: the CSW and a provider enrol people; no
# enrolment beyond the provider's places or under a licence that is no
# longer valid, the form saying why and keeping what was typed; a provider
# fills this month for all its users in one grid, corrects it, sees last
# month beside, closes it, and a correction after closing is refused with
# the reason; the other provider can see and change none of it on any
# route; an administrator sets a price typed as "1.800,50"; every change
# leaves an audit row.
use strict;
use warnings;
use utf8;
use Test::More;
use Karika::Test;
use Encode ();

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

my ($m) = map { $_->[0] } sql("SELECT id FROM municipality WHERE code = 'novi-pazar'");
my ($o1) = map { $_->[0] } sql("SELECT organisation_id FROM account_role r JOIN account a ON a.id = r.account_id WHERE a.email = 'provider1\@example.org'");
my ($o2) = map { $_->[0] } sql("SELECT organisation_id FROM account_role r JOIN account a ON a.id = r.account_id WHERE a.email = 'provider2\@example.org'");
my ($companion) = map { $_->[0] } sql("SELECT id FROM service WHERE municipality_id = $m AND code = 'companion'");
my ($family) = map { $_->[0] } sql("SELECT id FROM service WHERE municipality_id = $m AND code = 'family-support'");
my ($year, $today, $month, $prev) = @{ (sql("SELECT YEAR(UTC_DATE()), UTC_DATE(), DATE_FORMAT(UTC_DATE(), '%Y-%m'), DATE_FORMAT(UTC_DATE() - INTERVAL 1 MONTH, '%Y-%m')"))[0] };
my ($d, $mo, $y) = (substr($today, 8, 2) + 0, substr($today, 5, 2) + 0, $year);
my $today_local = "$d. $mo. $y.";

# Opens the enrolment form for a person and sends it (the person stays in
# the form's address).
sub enrol {
	my ($who, $person, $f) = @_;
	my $page = "/registry/enrolments/new?person=$person";
	return $who->submit($page, $f, $page);
}

sub count { my ($q) = @_; return (sql($q))[0][0] }
sub audits { my ($action) = @_; return count("SELECT COUNT(*) FROM audit WHERE action = '$action'") }

my $p1 = login('provider1@example.org');
my $p2 = login('provider2@example.org');
my $csw = login('csw@example.org');
my $admin = login('admin@example.org');
$_->get('/?lang=sr-Latn') for ($p1, $p2, $csw, $admin);

# --- people to enrol (the person pages are another file's) ----------------
sql("INSERT INTO person (municipality_id, given_name, family_name, name_key, family_key, birth_date) VALUES
    ($m, 'Tarik', 'Careović', 'tarik careovic', 'careovic', '2015-03-03'),
    ($m, 'Нина', 'Негова', 'nina negova', 'negova', '2014-04-04')");
my ($tarik) = map { $_->[0] } sql("SELECT id FROM person WHERE name_key = 'tarik careovic'");
my ($nina) = map { $_->[0] } sql("SELECT id FROM person WHERE name_key = 'nina negova'");
# Nina was a user of provider 1 before (an ended enrolment): its staff see her.
sql("INSERT INTO enrolment (person_id, service_id, organisation_id, start_date, end_date, end_reason_id)
    VALUES ($nina, $family, $o1, '2025-01-10', '2025-06-30', 1)");

# --- places: exactly one left for the companion this year -----------------
my $taken = count("SELECT COUNT(*) FROM enrolment WHERE organisation_id = $o1 AND service_id = $companion
    AND start_date <= '$year-12-31' AND (end_date IS NULL OR end_date >= '$today')");
sql("INSERT INTO capacity (organisation_id, service_id, year, places) VALUES ($o1, $companion, $year, $taken + 1)
    ON DUPLICATE KEY UPDATE places = VALUES(places)");
sql("UPDATE licence SET capacity = 0 WHERE organisation_id = $o1 AND service_id = $companion");
# Room enough in family support.
sql("INSERT INTO capacity (organisation_id, service_id, year, places) VALUES ($o1, $family, $year, 100)
    ON DUPLICATE KEY UPDATE places = VALUES(places)");
sql("UPDATE licence SET capacity = 0 WHERE organisation_id = $o1 AND service_id = $family");

# A provider cannot enrol someone who is not among its users.
my $r = $p1->get("/registry/enrolments/new?person=$tarik");
is($r->{status}, 404, 'provider staff cannot open a person who is not their user');

# The CSW enrols Tarik at provider 1: the last place.
$r = $csw->get("/registry/enrolments/new?person=$tarik");
is($r->{status}, 200, 'the CSW opens the enrolment form');
like($r->{content}, qr/Tarik Careović/, 'naming the person');
my $before = audits('enrolment.create');
$r = enrol($csw, $tarik, { service => $companion, organisation => $o1,
    referral_number => '553-CARE/1', referral_date => $today_local, start => $today_local });
is($r->{status}, 303, 'the CSW enrols Tarik') or diag(main_text($r->{content}));
like($r->{headers}{location}, qr{^/registry/enrolments\?org=$o1&done=enrolled$}, 'and sees the provider\'s users');
my ($e1) = map { $_->[0] } sql("SELECT id FROM enrolment WHERE person_id = $tarik AND service_id = $companion AND referral_number = '553-CARE/1'");
ok($e1, 'the enrolment is stored with its referral act');
is(audits('enrolment.create'), $before + 1, 'and audited');
$r = $csw->get($r->{headers}{location});
like($r->{content}, qr/Korisnik je upisan/, 'the notice says so');
like($r->{content}, qr/Careović Tarik/, 'Tarik is among the provider\'s users');

# Now the companion is full: provider 1 tries to enrol Nina and is refused.
$r = $p1->get("/registry/enrolments/new?person=$nina");
is($r->{status}, 200, 'provider staff open the form for a former user');
$r = enrol($p1, $nina, { service => $companion, organisation => $o1,
    referral_number => '553-FULL/9', referral_date => $today_local, start => $today_local });
is($r->{status}, 409, 'beyond the places is refused (409)');
my $places = $taken + 1;
like($r->{content}, qr/Pružalac ima $places mesta za ovu uslugu u $year\. godini i svih $places je zauzeto\./,
    'saying how many places there are and that all are taken');
like($r->{content}, qr/value="553-FULL\/9"/, 'the referral number as typed is kept');
like($r->{content}, qr/value="\Q$today\E"|value="\Q$today_local\E"/, 'the start as typed is kept');
is(count("SELECT COUNT(*) FROM enrolment WHERE person_id = $nina AND service_id = $companion"), 0, 'nothing was stored');

# An expired licence stops new enrolments, saying until when it was valid.
my ($lic, $lto) = @{ (sql("SELECT number, valid_to FROM licence WHERE organisation_id = $o1 AND service_id = $family"))[0] };
sql("UPDATE licence SET valid_to = UTC_DATE() - INTERVAL 3 DAY WHERE organisation_id = $o1 AND service_id = $family");
my ($exp) = map { $_->[0] } sql("SELECT DATE_FORMAT(UTC_DATE() - INTERVAL 3 DAY, '%e. %c. %Y.')");
$r = enrol($p1, $nina, { service => $family, organisation => $o1,
    referral_number => '', referral_date => '', start => $today_local });
is($r->{status}, 409, 'under an expired licence is refused');
like(main_text($r->{content}), qr/Licenca br\. \Q$lic\E važila je do \Q$exp\E;/, 'naming the licence and its last day');
sql("UPDATE licence SET valid_to = '$lto' WHERE organisation_id = $o1 AND service_id = $family");

# Provider staff enrol only at their own organisation.
$r = enrol($p1, $nina, { service => $family, organisation => $o2,
    start => $today_local });
is($r->{status}, 422, 'another provider is no choice for provider staff');
# A referral act needs its number and date together.
$r = enrol($p1, $nina, { service => $family, organisation => $o1,
    referral_number => '553-HALF/1', start => $today_local });
is($r->{status}, 422, 'a referral number without its date is refused');
like($r->{content}, qr/i broj i datum uputnog akta/, 'saying both are needed');
$r = enrol($p1, $nina, { service => $family, organisation => $o1,
    referral_number => '553-0042/' . $year, referral_date => $today_local, start => $today_local });
is($r->{status}, 303, 'provider staff enrol a former user again');
my ($e2) = map { $_->[0] } sql("SELECT id FROM enrolment WHERE person_id = $nina AND service_id = $family AND end_date IS NULL");
ok($e2, 'stored');

# --- the month's grid ------------------------------------------------------
my $path = "/registry/deliveries/$month";
$r = $p1->get('/registry/deliveries');
is($r->{status}, 200, 'the month index');
like($r->{content}, qr{href="$path"}, 'lists this month');
$r = $p1->get($path);
is($r->{status}, 200, 'this month\'s grid');
my @ids = $r->{content} =~ /name="u(\d+)"/g;
my %want = map { $_->[0] => 1 } sql("SELECT e.id FROM enrolment e WHERE e.organisation_id = $o1
    AND e.start_date <= LAST_DAY('$month-01') AND (e.end_date IS NULL OR e.end_date >= '$month-01')");
is_deeply([sort { $a <=> $b } @ids], [sort { $a <=> $b } keys %want], 'a row for every enrolment active in the month');
ok((grep { $_ == $e1 } @ids) && (grep { $_ == $e2 } @ids), 'the new users among them');
like($r->{content}, qr/aria-labelledby="p$e1 c$companion"/, 'each cell labelled by its person and its column');
# Last month beside: a row with a figure last month shows it.
my ($lid, $lunits) = @{ (sql("SELECT d.enrolment_id, d.units FROM delivery d JOIN enrolment e ON e.id = d.enrolment_id
    WHERE e.organisation_id = $o1 AND d.month = '$prev-01' AND d.units = FLOOR(d.units) ORDER BY d.enrolment_id LIMIT 1"))[0] // [] };
SKIP: {
	skip 'no figure last month', 1 unless $lid;
	my $shown = $lunits + 0;
	like($r->{content}, qr{<th scope="row" id="p$lid">[^<]*</th><td>$shown</td>}, 'last month\'s figure beside the cell');
}

# A wrong cell: the grid comes back with every value as typed.
my %cells = map { ("u$_" => '4') } @ids;
$cells{"u$e1"} = 'dvanaest';
$cells{"u$e2"} = '2,5';
$before = audits('delivery.save');
$r = $p1->submit($path, \%cells);
is($r->{status}, 422, 'a cell that is no number brings the grid back (422)');
like($r->{content}, qr/name="u$e1" id="u$e1" value="dvanaest"[^>]*aria-invalid="true"/, 'with the wrong cell as typed, marked');
like($r->{content}, qr/id="e$e1">Upišite broj/, 'its error beside it');
like($r->{content}, qr/name="u$e2" id="u$e2" value="2,5"/, 'and the other cells as typed');
is(count("SELECT COUNT(*) FROM delivery WHERE month = '$month-01' AND enrolment_id = $e2"), 0, 'nothing was saved');
# The most is the month's own: 30 days in November, 28 or 29 in February
# (issue 12 review), and the message names the month.
my $days = count("SELECT DAY(LAST_DAY('$month-01'))");
$cells{"u$e1"} = 24 * $days + 1;
$r = $p1->submit($path, \%cells);
is($r->{status}, 422, 'more hours than the month has is refused');
like($r->{content}, qr/Najviše @{[24 * $days]} za \w+ $year\./, 'saying the month\'s most, and the month');
$cells{"u$e1"} = '4';
my ($eday) = grep { my $id = $_; count("SELECT s.unit FROM enrolment e JOIN service s ON s.id = e.service_id WHERE e.id = $id") eq 'day' } @ids;
SKIP: {
	skip 'no user of a daily service this month', 2 unless $eday;
	$cells{"u$eday"} = $days + 1;
	$r = $p1->submit($path, \%cells);
	is($r->{status}, 422, "a daily service: $days + 1 days are refused");
	like($r->{content}, qr/id="e$eday">Najviše $days za \w+ $year\./, 'saying how many days the month has');
	$cells{"u$eday"} = $days;
}

# Filled, then corrected.
$cells{"u$e1"} = '60';
$r = $p1->submit($path, \%cells);
is($r->{status}, 303, 'the whole month is saved in one form');
is(count("SELECT units FROM delivery WHERE enrolment_id = $e2 AND month = '$month-01'"), '2.50', '2,5 is stored as 2.50');
is(count("SELECT COUNT(*) FROM delivery WHERE month = '$month-01' AND enrolment_id IN (" . join(',', @ids) . ")"), scalar(@ids), 'a row for every user');
is(audits('delivery.save'), $before + @ids, 'an audit row for every cell written');
$r = $p1->get($r->{headers}{location});
like($r->{content}, qr/Mesec je sačuvan/, 'the notice says so');
like($r->{content}, qr/name="u$e2" id="u$e2" value="2,5"/, 'the figure shown the local way');
$cells{"u$e1"} = '62,75';
$before = audits('delivery.save');
$r = $p1->submit($path, \%cells);
is($r->{status}, 303, 'a correction is saved');
is(count("SELECT units FROM delivery WHERE enrolment_id = $e1 AND month = '$month-01'"), '62.75', 'the cell holds the correction');
is(audits('delivery.save'), $before + 1, 'only the changed cell is written and audited');

# --- the other provider, on every route -------------------------------------
$r = $p2->get("$path?org=$o1");
unlike($r->{content}, qr/Careović|Негова|name="u$e1"/, 'the other provider\'s grid never shows provider 1\'s users');
$r = $p2->submit($path, { "u$e1" => '1' });
is(count("SELECT units FROM delivery WHERE enrolment_id = $e1 AND month = '$month-01'"), '62.75', 'nor does its form change them');
$before = count("SELECT COUNT(*) FROM audit WHERE outcome = 'not-found'");
is($p2->get("/registry/enrolments/$e1/end")->{status}, 404, 'nor can it open provider 1\'s enrolment');
is($p2->submit("/registry/enrolments/$e2/end", { end => $today_local, reason => 'moved' }, "/registry/enrolments/$e2/end")->{status}, 404, 'nor end one');
is($p2->get("/registry/enrolments/new?person=$nina")->{status}, 404, 'nor enrol provider 1\'s user');
is($p2->get("/registry/organisations/$o1")->{status}, 404, 'nor open provider 1\'s organisation');
$r = $p2->get("/registry/enrolments?org=$o1");
unlike($r->{content}, qr/Careović|Негова/, 'nor list provider 1\'s users');
$r = $p2->get("/registry/deliveries?org=$o1");
is($r->{status}, 200, 'its month index is its own');
# (five: the end form is opened before it is sent)
is(count("SELECT COUNT(*) FROM audit WHERE outcome = 'not-found'"), $before + 5, 'each refusal audited');
is(count("SELECT COUNT(*) FROM enrolment WHERE id = $e2 AND end_date IS NULL"), 1, 'the enrolment is still open');

# The CSW sees provider 1's grid, read-only.
$r = $csw->get("$path?org=$o1");
is($r->{status}, 200, 'the CSW chooses provider 1\'s grid');
like($r->{content}, qr/Careović/, 'and sees its users');
unlike($r->{content}, qr/name="u\d+"/, 'without a form');
is($csw->post($path, { csrf => $csw->csrf('/account/'), "u$e1" => '3' })->{status}, 403, 'nor may the CSW write it');

# --- closing the month ---------------------------------------------------------
$r = $p1->get("$path/close");
is($r->{status}, 200, 'closing is confirmed first');
like($r->{content}, qr/više ne može ispravljati/, 'saying what it means');
$r = $p1->submit("$path/close", {});
is($r->{status}, 303, 'the month is closed');
is(count("SELECT COUNT(*) FROM month_close WHERE organisation_id = $o1 AND month = '$month-01'"), 1, 'stored');
is(count("SELECT COUNT(*) FROM audit WHERE action = 'month.close' AND object_id = $o1 AND outcome = '$month'"), 1, 'and audited');
$r = $p1->get($path);
like($r->{content}, qr/Mesec je zatvoren i više se ne menja/, 'the grid says it is closed');
unlike($r->{content}, qr/name="u\d+"/, 'and has no form any more');
my $t = $p1->csrf('/account/');
$r = $p1->post($path, { csrf => $t, "u$e1" => '70' });
is($r->{status}, 409, 'a correction after closing is refused (409)');
like($r->{content}, qr/Ovaj mesec je zatvoren, pa ništa nije sačuvano/, 'saying why');
like($r->{content}, qr{<th scope="row" id="p$e1">[^<]*</th><td>[^<]*</td><td>70</td>}, 'keeping what was typed');
is(count("SELECT units FROM delivery WHERE enrolment_id = $e1 AND month = '$month-01'"), '62.75', 'nothing changed');
# The database refuses it too, whoever writes.
my ($rc, $out) = sql_as('registry', "UPDATE delivery SET units = 1 WHERE enrolment_id = $e1 AND month = '$month-01'");
isnt($rc, 0, 'the trigger refuses a write to a closed month');

# --- ending an enrolment ----------------------------------------------------------
$r = $p1->get("/registry/enrolments/$e2/end");
is($r->{status}, 200, 'the end form');
$r = $p1->submit("/registry/enrolments/$e2/end", { end => '1. 1. 2001.', reason => 'moved' });
is($r->{status}, 422, 'an end before the start is refused');
$r = $p1->submit("/registry/enrolments/$e2/end", { end => $today_local, reason => 'moved' });
is($r->{status}, 303, 'provider staff end an enrolment with a reason');
is(count("SELECT r.code FROM enrolment e JOIN end_reason r ON r.id = e.end_reason_id WHERE e.id = $e2"), 'moved', 'the coded reason is stored');
is(count("SELECT COUNT(*) FROM audit WHERE action = 'enrolment.end' AND object_id = $e2 AND outcome = 'moved'"), 1, 'audited');

# --- an administrator and the catalogue ------------------------------------------------
$r = $admin->get("/registry/services/$family/edit");
is($r->{status}, 200, 'an administrator opens a service');
like($r->{content}, qr/inputmode="decimal"/, 'the price takes a decimal keyboard');
my %svc = (unit => 'visit', year => $year, price => '18,000', target_sr_latn => 'Porodice dece sa smetnjama',
    target_bs => 'Porodice djece', target_en => 'Families', eligibility_sr_latn => 'Bez uslova',
    eligibility_bs => 'Bez uslova', eligibility_en => 'None', age_min => '0', age_max => '18', online => 1);
$r = $admin->submit("/registry/services/$family/edit", \%svc);
is($r->{status}, 422, 'a price that could mean two things is refused');
like($r->{content}, qr/value="18,000"/, 'kept as typed');
$svc{price} = '1.800,50';
$before = audits('service.price');
$r = $admin->submit("/registry/services/$family/edit", \%svc);
is($r->{status}, 303, '"1.800,50" is a price');
is(count("SELECT price_para FROM service_price WHERE service_id = $family AND year = $year"), 180050, 'stored as 180050 para');
is(Encode::decode('UTF-8', count("SELECT target_sr_cyrl FROM service WHERE id = $family")), 'Породице деце са сметњама', 'the Cyrillic text made from the Latin');
is(audits('service.price'), $before + 1, 'audited');
$r = get('/registry/services?lang=sr-Latn');
like($r->{content}, qr/1\.800,50/, 'the public catalogue shows this year\'s price');
is($p1->get("/registry/services/$family/edit")->{status}, 403, 'provider staff cannot edit a service');

# Organisations: a new one, its licence, its places; all audited.
$r = $admin->submit('/registry/organisations/new', { name => 'Udruženje „Most“', kind => 'association',
    category => 'provider', registration => '17-000', address => 'Ulica 1', phone => '', email => '', website => '' });
is($r->{status}, 422, 'a registration number with a dash is refused');
like($r->{content}, qr/value="Udruženje „Most“"/, 'the name kept as typed');
$r = $admin->submit('/registry/organisations/new', { name => 'Udruženje „Most“', kind => 'association',
    category => 'provider', registration => '17000099', address => 'Ulica 1', phone => '', email => '', website => '' });
is($r->{status}, 303, 'an administrator adds an organisation');
my ($o3) = $r->{headers}{location} =~ m{/registry/organisations/(\d+)};
$r = $admin->submit("/registry/organisations/$o3/licences/new", { service => $family, number => 'CARE-LIC-1',
    valid_from => '1. 1. 2024.', valid_to => '31. 12. 2029.', capacity => '5' });
is($r->{status}, 303, 'its licence');
$r = $admin->submit("/registry/organisations/$o3/capacity", { service => $family, year => $year, places => '5' });
is($r->{status}, 303, 'its places this year');
$r = $admin->get("/registry/organisations/$o3");
like($r->{content}, qr/CARE-LIC-1/, 'the organisation\'s page shows the licence');
is(count("SELECT COUNT(*) FROM audit WHERE object_type = 'organisation' AND object_id = $o3 AND action IN ('organisation.create', 'capacity.set')")
    + count("SELECT COUNT(*) FROM audit WHERE action = 'licence.create' AND outcome = 'ok'"), 3, 'each change audited');
$r = $p1->get('/registry/organisations');
like($r->{content}, qr/Sunčev zrak/, 'provider staff see their own organisation');
unlike($r->{content}, qr/Gerontološki|Most/, 'and only it');
$r = $csw->get('/registry/organisations');
like($r->{content}, qr/Gerontološki.*Most|Most.*Gerontološki/s, 'the CSW sees all of the town');

done_testing();
