# SPDX-License-Identifier: ISC
# Case management, partner referrals and the domestic-violence module
# (issue 15), as the people who use them meet them: a case worker opens a
# case, assesses and plans it, the supervisor approves the plan; the
# worker refers the person to a partner with two fields ticked, and the
# partner's staff see exactly those two fields and nothing else on any
# route, accept and report; the partner's access ends when the referral
# closes, and at its expiry; an outcome closes the case after the
# supervisor's approval, and closing needs an outcome; a DV case does not
# exist for a worker not assigned to it (404, absent from lists and
# searches) until they break the glass with a reason, which the
# supervisor learns by e-mail; every read of a case is in the audit trail.
use strict;
use warnings;
use utf8;
use Test::More;
use Karika::Test;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

sub count { my ($q) = @_; return (sql($q))[0][0] }

my ($m) = map { $_->[0] } sql("SELECT id FROM municipality WHERE code = 'novi-pazar'");
my ($nsz) = map { $_->[0] } sql("SELECT id FROM organisation WHERE municipality_id = $m AND registration_number = '17000011'");
my ($tekstil) = map { $_->[0] } sql("SELECT id FROM organisation WHERE municipality_id = $m AND registration_number = '17000018'");
my ($rural) = map { $_->[0] } sql("SELECT id FROM settlement WHERE municipality_id = $m AND name = 'Trnava'");
my $past = count("SELECT DATE_FORMAT(UTC_DATE() - INTERVAL 3 DAY, '%e. %c. %Y.')");

# A CSW worker of the town assigned to nothing, signing in with the demo
# password; the person the case is for.
my $tag = time() % 100000;
my $otherm = "cases-other-$tag\@example.net";
sql("INSERT INTO account (email, name, password_hash, locale, status) SELECT '$otherm', 'Druga Radnica', password_hash, 'sr-Latn', 'active' FROM account WHERE email = 'csw\@example.org'");
sql("INSERT INTO account_role (account_id, role, municipality_id) SELECT id, 'csw', $m FROM account WHERE email = '$otherm'");
sql("INSERT INTO person (municipality_id, given_name, family_name, name_key, family_key, birth_date, sex, settlement_id, address, phone, jmbg)
    VALUES ($m, 'Zehra', 'Testović$tag', 'zehra testovic$tag', 'testovic$tag', '1988-02-03', 'female', $rural, 'Trnava 77', '+381 64 123 4567', NULL)");
my ($pid) = map { $_->[0] } sql("SELECT id FROM person WHERE family_key = 'testovic$tag'");

my $csw = login('csw@example.org');
my $sup = login('csw2@example.org');
my $other = login($otherm);
my $partner = login('partner@example.org');
$_->get('/?lang=sr-Latn') for ($csw, $sup, $other, $partner);

# --- a case: opened, assessed, planned -----------------------------------
my $r = $csw->get("/registry/cases?q=testovic$tag");
is($r->{status}, 200, 'the worker searches for the person');
like($r->{content}, qr{/registry/cases/new\?person=$pid}, 'and is offered to open a case');
$r = $csw->submit("/registry/cases/new?person=$pid", { opened => $past, intake => 'employment',
    intake_note => 'Upućena iz NSZ', ota => 1 }, "/registry/cases/new?person=$pid");
is($r->{status}, 303, 'the worker opens the case') or diag(main_text($r->{content}));
my ($cid) = ($r->{headers}{location} // '') =~ m{^/registry/cases/(\d+)\?done=case-created$};
ok($cid, 'and lands on the case');
is(count("SELECT lead_account_id = (SELECT id FROM account WHERE email = 'csw\@example.org') FROM case_file WHERE id = $cid"), 1, 'led by the worker');

$r = $csw->submit("/registry/cases/$cid/assessment", { intake => 'employment', ota => 1,
    needs => 'Stalan posao', strengths => 'Iskustvo u šivenju', 'b-transport' => 1,
    'n-transport' => 'Nema autobusa', 'n-care' => 'bez oznake' });
is($r->{status}, 422, 'a barrier note without its barrier comes back');
like($r->{content}, qr/value="Nema autobusa"/, 'keeping what was typed');
$r = $csw->submit("/registry/cases/$cid/assessment", { intake => 'employment', ota => 1,
    needs => 'Stalan posao', strengths => 'Iskustvo u šivenju', 'b-transport' => 1,
    'n-transport' => 'Nema autobusa', urgent => 1 });
is($r->{status}, 303, 'the assessment is saved');
$r = $csw->get("/registry/cases/$cid");
like($r->{content}, qr/Korisnici jednokratne pomoći na selu/, 'the rural mark comes from the settlement');
like($r->{content}, qr/Nema autobusa/, 'the barrier and its note show');
$r = $csw->submit("/registry/cases/$cid/goals/new", { text => 'Zaposlenje u tekstilnoj industriji' });
is($r->{status}, 303, 'a goal is added');
# A choice the form did not offer (form_choice): refused beside its
# field, what was typed kept, nothing written.
my ($csw_id) = map { $_->[0] } sql("SELECT id FROM account WHERE email = 'csw\@example.org'");
$r = $csw->submit("/registry/cases/$cid/activities/new", { text => 'Prijava na evidenciju', organisation => 999999999, due => $past });
is($r->{status}, 422, 'a partner the form did not offer is refused');
like($r->{content}, qr/Izaberite jednu od ponuđenih mogućnosti/, 'saying to choose one of those offered');
like($r->{content}, qr/value="Prijava na evidenciju"/, 'what was typed is kept');
is(count("SELECT COUNT(*) FROM case_activity WHERE case_id = $cid"), 0, 'and no activity is written');
$r = $csw->submit("/registry/cases/$cid/transfer", { worker => $csw_id });
is($r->{status}, 422, 'a case is not transferred to its own worker, who is not among the choices');
like($r->{content}, qr/Izaberite jednu od ponuđenih mogućnosti/, 'with the same reason');
$r = $csw->submit("/registry/cases/$cid/activities/new", { text => 'Prijava na evidenciju', organisation => $nsz, due => $past });
is($r->{status}, 303, 'an activity with a partner and a deadline is added');
$r = $csw->submit("/registry/cases/$cid/reviews/new", { due => $past });
is($r->{status}, 303, 'a review is scheduled');
$r = $csw->get('/registry/cases');
like($r->{content}, qr{<a href="/registry/cases/$cid">Zehra Testović$tag</a>.*?class="num overdue">1 / 1<}s,
    'the worker\'s list shows the overdue activity and review');
like($r->{content}, qr/hitno/, 'and the urgent flag');

# The plan: sent for approval; the worker cannot approve it, the supervisor can.
$r = $csw->post("/registry/cases/$cid/plan/submit", { csrf => $csw->csrf("/registry/cases/$cid") });
is($r->{status}, 303, 'the plan is sent to the supervisor');
$r = $csw->post("/registry/cases/$cid/plan/approve", { csrf => $csw->csrf("/registry/cases/$cid") });
is($r->{status}, 403, 'the lead worker cannot approve their own plan');
$r = $sup->get('/registry/cases');
like($r->{content}, qr{/registry/cases/$cid"}, 'the supervisor sees it waiting');
$r = $sup->post("/registry/cases/$cid/plan/approve", { csrf => $sup->csrf("/registry/cases/$cid") });
is($r->{status}, 303, 'the supervisor approves the plan');
is(count("SELECT plan_status FROM case_file WHERE id = $cid"), 'approved', 'approved');

# --- a referral with two fields ticked ------------------------------------
$r = $csw->submit("/registry/cases/$cid/referrals/new", { organisation => $nsz, request => 'Posredovanje', days => 30 });
is($r->{status}, 422, 'a referral with no field ticked comes back');
$r = $csw->submit("/registry/cases/$cid/referrals/new", { organisation => $nsz,
    request => 'Posredovanje u zapošljavanju', days => 30, 'f-name' => 1, 'f-phone' => 1 });
is($r->{status}, 303, 'the worker refers with the name and the phone ticked');
my ($rid) = map { $_->[0] } sql("SELECT MAX(id) FROM referral WHERE case_id = $cid");

$r = $partner->get('/registry/referrals');
is($r->{status}, 200, 'the partner lists its referrals');
like($r->{content}, qr{/registry/referrals/$rid">Zehra Testović$tag<}, 'with this one, by the ticked name');
$r = $partner->get("/registry/referrals/$rid");
is($r->{status}, 200, 'the partner opens it');
my $html = $r->{content};
like($html, qr/Zehra Testović$tag/, 'the name shows');
like($html, qr/\+381 64 123 4567/, 'the phone shows');
my ($packet) = $html =~ m{<dl class="packet">(.*?)</dl>}s;
my @dt = ($packet // '') =~ m{<dt>}g;
is(scalar @dt, 2, 'exactly two fields in the packet');
unlike($html, qr/1988|03\. ?2\. ?1988|Trnava 77|Trnava|Iskustvo u šivenju|Nema autobusa|Stalan posao|Prijava na evidenciju/,
    'and nothing else of the person or the case');
# Nothing else on any route.
for my $path ("/registry/cases/$cid", '/registry/cases', "/registry/persons/$pid", '/registry/persons',
    '/registry/dv', '/registry/enrolments', "/registry/cases/$cid/referrals/new") {
	my $x = $partner->get($path);
	ok($x->{status} == 403 || $x->{status} == 404, "the partner gets nothing at $path ($x->{status})");
	unlike($x->{content} // '', qr/Testović$tag/, "nor the name there");
}
$r = $partner->get('/registry/protocol');
is($r->{status}, 200, 'the partner sees the protocol');
unlike($r->{content}, qr/Testović$tag/, 'which names no one');
# Another organisation's referral does not exist for it.
my ($tek_ref) = map { $_->[0] } sql("SELECT id FROM referral WHERE organisation_id <> $nsz ORDER BY id LIMIT 1");
if ($tek_ref) {
	is($partner->get("/registry/referrals/$tek_ref")->{status}, 404, 'another partner\'s referral is a 404');
}

$r = $partner->post("/registry/referrals/$rid/accept", { csrf => $partner->csrf("/registry/referrals/$rid") });
is($r->{status}, 303, 'the partner accepts');
$r = $partner->submit("/registry/referrals/$rid/report", { action_note => 'Prijavljena na evidenciju, upućena poslodavcu', result => 'employed' });
is($r->{status}, 303, 'and records what it did and the result');
$r = $csw->get("/registry/cases/$cid");
like($r->{content}, qr/Prijavljena na evidenciju, upućena poslodavcu/, 'the worker sees the partner\'s report');

# Access ends when the referral closes.
$r = $csw->post("/registry/referrals/$rid/close", { csrf => $csw->csrf("/registry/cases/$cid") });
is($r->{status}, 303, 'the worker closes the referral');
is($partner->get("/registry/referrals/$rid")->{status}, 404, 'the partner can no longer open it');
unlike($partner->get('/registry/referrals')->{content}, qr/Testović$tag/, 'nor list it');

# ... and at its expiry, whatever runs.
$r = $csw->submit("/registry/cases/$cid/referrals/new", { organisation => $nsz,
    request => 'Drugi uput', days => 1, 'f-name' => 1 });
is($r->{status}, 303, 'a second referral for one day');
my ($rid2) = map { $_->[0] } sql("SELECT MAX(id) FROM referral WHERE case_id = $cid");
is($partner->get("/registry/referrals/$rid2")->{status}, 200, 'open while it lasts');
sql("UPDATE record_grant SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE object_type = 'referral' AND object_id = $rid2");
is($partner->get("/registry/referrals/$rid2")->{status}, 404, 'gone once it expired');
sql("CALL record_grant_expire()");
is(count("SELECT ended_at IS NOT NULL FROM record_grant WHERE object_type = 'referral' AND object_id = $rid2"), 1,
    'and the job marks the grant ended');

# --- the outcome closes the case -----------------------------------------
$r = $csw->submit("/registry/cases/$cid/close", { outcome_on => $past });
is($r->{status}, 422, 'closing needs an outcome');
$r = $csw->submit("/registry/cases/$cid/close", { outcome => 'exit', outcome_on => $past });
is($r->{status}, 422, 'an exit needs its reason');
$r = $csw->submit("/registry/cases/$cid/close", { outcome => 'employed-cm', outcome_on => $past, organisation => $tekstil });
is($r->{status}, 303, 'the worker records the outcome');
is(count("SELECT status FROM case_file WHERE id = $cid"), 'closing', 'the case waits for the supervisor');
$r = $sup->post("/registry/cases/$cid/close/approve", { csrf => $sup->csrf("/registry/cases/$cid") });
is($r->{status}, 303, 'the supervisor approves the closing');
is(count("SELECT CONCAT(status, ' ', outcome) FROM case_file WHERE id = $cid"), 'closed employed-cm', 'closed with its outcome');

# --- domestic violence -----------------------------------------------------
my ($dv) = map { $_->[0] } sql("SELECT d.id FROM dv_case d JOIN record_grant g ON g.object_type = 'dv' AND g.object_id = d.id
    JOIN account a ON a.id = g.account_id WHERE a.email = 'csw\@example.org' AND g.kind = 'assigned' ORDER BY d.id LIMIT 1");
ok($dv, 'the demo DV case is assigned to csw@example.org');
$r = $csw->get("/registry/dv/$dv");
is($r->{status}, 200, 'the assigned worker opens it');
like($r->{content}, qr/Sigurna adresa poznata timu/, 'with the victim\'s address');
like($r->{content}, qr/ističe za manje od 24 sata/, 'warned of a measure ending within a day');
# The safety plan's day of adoption cannot be still to come.
my $soon = count("SELECT CAST(UTC_DATE() + INTERVAL 3 DAY AS CHAR)");
my $plan0 = count("SELECT IFNULL(plan_adopted_on, '-') FROM dv_case WHERE id = $dv");
$r = $csw->post("/registry/dv/$dv/plan?lang=en", { csrf => $csw->csrf("/registry/dv/$dv"), plan => 'Plan sigurnosti',
    plan_adopted => $soon, contact => 'no', status => 'open' });
is($r->{status}, 422, 'a plan adopted on a day still to come is refused');
like($r->{content}, qr/id="f-plan_adopted"[^>]*aria-invalid="true"/, 'the day is marked');
like($r->{content}, qr/value="Plan sigurnosti"/, 'and the plan as typed is kept');
is(count("SELECT IFNULL(plan_adopted_on, '-') FROM dv_case WHERE id = $dv"), $plan0, 'nothing was saved');

$r = $other->get("/registry/dv/$dv");
is($r->{status}, 404, 'a worker not assigned gets a 404');
for my $path ('/registry/dv', '/registry/dv?q=imamovic', '/registry/cases?q=imamovic', '/registry/cases') {
	my $x = $other->get($path);
	is($x->{status}, 200, "$path answers");
	unlike($x->{content}, qr/Imamović|Imamovic/, "and the DV case is not in it");
}
$r = $other->submit('/registry/dv/glass', { case => $dv, reason => 'hitno' });
is($r->{status}, 422, 'a reason of a word is not enough');
$r = $other->submit('/registry/dv/glass', { case => $dv, reason => 'Policija traži podatke o merama, dežurna noć, voditeljka odsutna' });
is($r->{status}, 303, 'the worker breaks the glass with a reason');
$r = $other->get("/registry/dv/$dv");
is($r->{status}, 200, 'and opens the case');
like($r->{content}, qr/Lejla Imamović/, 'seeing it');
unlike($r->{content}, qr/Sigurna adresa poznata timu/, 'but not the victim\'s address');
$r = $other->post("/registry/dv/$dv/plan", { csrf => $other->csrf("/registry/dv/$dv"), contact => 'no', status => 'open' });
is($r->{status}, 403, 'and changes nothing');
my $mail = mail_to('csw2@example.org');
ok($mail, 'the supervisor gets an e-mail');
like($mail->{subject} // '', qr/staklo|glass/i, 'about the broken glass');
like($mail->{body} // '', qr/Druga Radnica/, 'naming who broke it');
is(count("SELECT COUNT(*) FROM record_grant WHERE object_type = 'dv' AND object_id = $dv AND kind = 'glass'
    AND reason LIKE 'Policija%' AND expires_at > UTC_TIMESTAMP() AND expires_at <= UTC_TIMESTAMP() + INTERVAL 4 HOUR"), 1,
    'the reason is recorded, the access time-limited');
# After it expires, the case is gone again.
sql("UPDATE record_grant SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE object_type = 'dv' AND object_id = $dv AND kind = 'glass'");
is($other->get("/registry/dv/$dv")->{status}, 404, 'when the glass access expires, the case is gone again');

# --- the worker's list, 50 cases a page ----------------------------------
# 51 open cases led by the worker assigned to nothing (deleted again).
sql("INSERT INTO case_file (municipality_id, person_id, lead_account_id, opened_on, intake)
    SELECT $m, $pid, a.id, UTC_DATE(), 'self' FROM account a JOIN seq_1_to_51 WHERE a.email = '$otherm'");
my $rowre = qr{<th scope="row"><a href="/registry/cases/\d+">Zehra Testović$tag</a>};
$r = $other->get('/registry/cases');
is(scalar(() = $r->{content} =~ /$rowre/g), 50, 'a worker\'s list shows 50 of their 51 cases');
like($r->{content}, qr{<a rel="next" href="/registry/cases\?page=2">}, 'and links to the next page');
$r = $other->get('/registry/cases?page=2');
is(scalar(() = $r->{content} =~ /$rowre/g), 1, 'which shows the 51st');
like($r->{content}, qr{<a rel="prev" href="/registry/cases">}, 'and links back');
unlike($r->{content}, qr{rel="next"}, 'and no further');
$r = $other->get('/registry/cases?page=3');
is($r->{status}, 200, 'a page past the end is empty');
unlike($r->{content}, qr/$rowre|class="none"/, 'with no rows and no "no open case" either');
sql("DELETE c FROM case_file c JOIN account a ON a.id = c.lead_account_id WHERE a.email = '$otherm'");

# --- the audit trail -----------------------------------------------------
ok(count("SELECT COUNT(*) FROM audit WHERE action = 'case.read' AND object_type = 'case' AND object_id = $cid") >= 3,
    'every read of the case is audited');
ok(count("SELECT COUNT(*) FROM audit WHERE action = 'referral.read' AND object_id = $rid") >= 2, 'so is the partner\'s');
ok(count("SELECT COUNT(*) FROM audit WHERE action = 'dv.read' AND object_id = $dv AND outcome = 'not-found'") >= 1,
    'and the refused DV read');
is(count("SELECT COUNT(*) FROM audit WHERE action = 'dv.glass' AND object_id = $dv AND outcome = 'ok'"), 1, 'and the glass');

done_testing();
