# SPDX-License-Identifier: ISC
# Group activities and what an administrator sets up for case management
# (issue 15): a CSW worker lists the town's group activities, opens one
# (its sessions, its participants; the read audited), adds a session and
# records who came in one form (audited), and a form with a bad date
# comes back with what was ticked; another town's activity does not
# exist.  The worker makes a new activity (its kind, days and partner;
# a last day before the first comes back with what was typed), changes
# it, adds a case as a participant and removes one who came to no
# session, while one who came stays (409); each change is audited, and
# the list, the activity and its sessions link to these pages.  The
# administrator adds, renames and takes a priority group out
# of use (no longer offered on a case, kept where it was marked), and
# names and removes a supervisor; nobody else may.
use strict;
use warnings;
use utf8;
use Test::More;
use Karika::Test;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

sub count { my ($q) = @_; return (sql($q))[0][0] }

my ($m) = map { $_->[0] } sql("SELECT id FROM municipality WHERE code = 'novi-pazar'");
my ($ga) = map { $_->[0] } sql("SELECT MIN(id) FROM group_activity WHERE municipality_id = $m");
my $csw = login('csw@example.org');
my $admin = login('admin@example.org');
$_->get('/?lang=sr-Latn') for ($csw, $admin);

# --- group activities -------------------------------------------------------
my $r = $csw->get('/registry/groups');
is($r->{status}, 200, 'the worker lists the group activities');
like($r->{content}, qr{href="/registry/groups/$ga">Obuka: lične i poslovne kompetencije</a>}, 'the demo training is there');

my $reads = count("SELECT COUNT(*) FROM audit WHERE action = 'group.read' AND object_id = $ga");
$r = $csw->get("/registry/groups/$ga");
is($r->{status}, 200, 'and opens it');
is(count("SELECT COUNT(*) FROM audit WHERE action = 'group.read' AND object_id = $ga"), $reads + 1,
    'the read of its participants is audited');
like($r->{content}, qr{Komunikacija}, 'its sessions');
my @members = $r->{content} =~ m{<li><a href="/registry/cases/(\d+)">}g;
is(scalar @members, 10, 'its ten participants');

$r = $csw->submit("/registry/groups/$ga/sessions/new", { held => '31. 2. 2026.', topic => 'Umrežavanje' });
is($r->{status}, 422, 'a session on a day that does not exist comes back');
like($r->{content}, qr/value="Umrežavanje"/, 'keeping the topic typed');
$r = $csw->submit("/registry/groups/$ga/sessions/new", { held => '3. 11. 2026.', topic => 'Umrežavanje' });
is($r->{status}, 303, 'the worker adds a session') or diag(main_text($r->{content}));
my ($sid) = ($r->{headers}{location} // '') =~ m{^/registry/groups/$ga/sessions/(\d+)\?done=session-created$};
ok($sid, 'and lands on its attendance');

$r = $csw->get("/registry/groups/$ga/sessions/$sid");
is($r->{status}, 200, 'the attendance form');
like($r->{content}, qr{<input type="checkbox" id="c-$members[0]" name="c-$members[0]" value="1"}, 'a box per participant');
like($r->{content}, qr{<label for="c-$members[0]">}, 'labelled with the name');

$r = $csw->submit("/registry/groups/$ga/sessions/$sid",
    { held => 'sutra', topic => 'Umrežavanje', "c-$members[0]" => 1, "c-$members[1]" => 1 });
is($r->{status}, 422, 'a bad date comes back');
like($r->{content}, qr{id="c-$members[0]" name="c-$members[0]" value="1" checked}, 'with the boxes as they were ticked');
unlike($r->{content}, qr{id="c-$members[2]" name="c-$members[2]" value="1" checked}, 'and the others not');
is(count("SELECT COUNT(*) FROM group_attendance WHERE session_id = $sid"), 0, 'nothing is written');

my ($othercase) = map { $_->[0] } sql("SELECT MIN(c.id) FROM case_file c WHERE c.municipality_id = $m "
    . "AND NOT EXISTS (SELECT 1 FROM group_member g WHERE g.case_id = c.id AND g.activity_id = $ga)");
$r = $csw->submit("/registry/groups/$ga/sessions/$sid",
    { held => '3. 11. 2026.', topic => 'Umrežavanje', "c-$members[0]" => 1, "c-$members[1]" => 1,
      "c-$othercase" => 1 });
is($r->{status}, 303, 'the worker records who came') or diag(main_text($r->{content}));
is(count("SELECT COUNT(*) FROM group_attendance WHERE session_id = $sid"), 2, 'two participants came');
is(count("SELECT COUNT(*) FROM group_attendance WHERE session_id = $sid AND case_id = $othercase"), 0,
    'a case that is no participant is not recorded');
is(count("SELECT COUNT(*) FROM audit WHERE action = 'group.attendance' AND object_id = $sid AND outcome = 'ok'"), 1,
    'the attendance is audited');
$r = $csw->submit("/registry/groups/$ga/sessions/$sid", { held => '3. 11. 2026.', "c-$members[1]" => 1 });
is(count("SELECT COUNT(*) FROM group_attendance WHERE session_id = $sid"), 1, 'unticking removes one');

my ($other_s) = map { $_->[0] } sql("SELECT MIN(s.id) FROM group_session s WHERE s.activity_id <> $ga") ;
is($csw->get("/registry/groups/$ga/sessions/999999999")->{status}, 404, 'no such session: 404');
is($csw->post("/registry/groups/$ga/sessions/999999999", { csrf => $csw->csrf('/account/') })->{status}, 404,
    'nor to change');

# Another town's activity does not exist.
my $tag = time() % 100000;
sql("INSERT INTO municipality (code, name_sr_latn, name_sr_cyrl, name_bs, name_en, country, currency) "
    . "VALUES ('grp-$tag', 'Drugi $tag', 'Други $tag', 'Drugi $tag', 'Other $tag', 'RS', 'RSD')");
my ($om) = map { $_->[0] } sql("SELECT id FROM municipality WHERE code = 'grp-$tag'");
sql("INSERT INTO group_activity (municipality_id, title, starts_on) VALUES ($om, 'Tuđa obuka', '2026-01-01')");
my ($oga) = map { $_->[0] } sql("SELECT id FROM group_activity WHERE municipality_id = $om");
is($csw->get("/registry/groups/$oga")->{status}, 404, 'another town\'s activity is a 404');
is(count("SELECT COUNT(*) FROM audit WHERE action = 'group.read' AND object_id = $oga AND outcome = 'not-found'"), 1,
    'and the attempt is audited');
unlike($csw->get('/registry/groups')->{content}, qr/Tuđa obuka/, 'and absent from the list');
for my $who ('provider1', 'partner', 'analyst', 'admin') {
	my $a = $who eq 'admin' ? $admin : login("$who\@example.org");
	is($a->get("/registry/groups/$ga")->{status}, 403, "$who may not open an activity");
}

# --- a new activity, its changes, its participants -----------------------------
like($csw->get('/registry/groups')->{content}, qr{href="/registry/groups/new"}, 'the list links to a new activity');
$r = $csw->get("/registry/groups/$ga");
like($r->{content}, qr{href="/registry/groups/$ga/edit"}, 'the activity links to its changes');
like($r->{content}, qr{href="/registry/groups/$ga/members"}, 'and to its participants');
like($csw->get("/registry/groups/$ga/sessions/$sid")->{content}, qr{href="/registry/groups/$ga/members"},
    'so does a session\'s attendance');
like($csw->get("/registry/groups/$ga/sessions/new")->{content}, qr{href="/registry/groups/$ga/members"},
    'and a new session');

$r = $csw->get('/registry/groups/new');
is($r->{status}, 200, 'the form for a new activity');
like($r->{content}, qr{<option value="competences" selected>Obuka u ličnim i poslovnim kompetencijama</option>},
    'a training in personal and business competences by default');
my ($partner) = map { $_->[0] } sql("SELECT MIN(id) FROM organisation WHERE municipality_id = $m AND category = 'partner'");
like($r->{content}, qr{<option value="$partner">}, 'a partner of the town may run it');
my %act = (title => "Klub za posao $tag", kind => 'job-club', starts => '1. 3. 2027.', ends => '28. 2. 2027.',
    organisation => $partner);
$r = $csw->submit('/registry/groups/new', \%act);
is($r->{status}, 422, 'a last day before the first comes back');
like(main_text($r->{content}), qr/Kraj ne može biti pre početka/, 'saying why');
like($r->{content}, qr/value="Klub za posao $tag"/, 'keeping the title typed');
like($r->{content}, qr{<option value="job-club" selected>}, 'and the kind chosen');
my ($notpartner) = map { $_->[0] } sql("SELECT MIN(id) FROM organisation WHERE municipality_id = $m AND category <> 'partner'");
$r = $csw->submit('/registry/groups/new', { %act, organisation => $notpartner });
is($r->{status}, 422, 'an organisation that is no partner of the town is refused');
$act{ends} = '31. 5. 2027.';
$r = $csw->submit('/registry/groups/new', \%act);
is($r->{status}, 303, 'the worker makes a new activity') or diag(main_text($r->{content}));
my ($na) = ($r->{headers}{location} // '') =~ m{^/registry/groups/(\d+)\?done=group-saved$};
ok($na, 'and lands on its page');
is(count("SELECT CONCAT(title, '/', kind, '/', starts_on, '/', ends_on, '/', organisation_id, '/', municipality_id) "
    . "FROM group_activity WHERE id = $na"), "Klub za posao $tag/job-club/2027-03-01/2027-05-31/$partner/$m",
    'kept with its kind, days, partner and town');
is(count("SELECT COUNT(*) FROM audit WHERE action = 'group.create' AND object_id = $na"), 1, 'audited');
like(main_text($csw->get("/registry/groups/$na")->{content}), qr/Klub za traženje posla/, 'its page names its kind');

$r = $csw->get("/registry/groups/$na/edit");
is($r->{status}, 200, 'its form');
like($r->{content}, qr/value="Klub za posao $tag"/, 'with its values');
$r = $csw->submit("/registry/groups/$na/edit", { title => "Klub za posao $tag", kind => 'job-club',
    starts => '1. 3. 2027.', ends => '', organisation => '' });
is($r->{status}, 303, 'the worker changes it: the CSW runs it, no last day');
is(count("SELECT CONCAT(COALESCE(organisation_id, 'csw'), '/', COALESCE(ends_on, '-')) FROM group_activity WHERE id = $na"),
    'csw/-', 'changed');
is(count("SELECT COUNT(*) FROM audit WHERE action = 'group.update' AND object_id = $na"), 1, 'audited');
is($csw->get("/registry/groups/$oga/edit")->{status}, 404, 'another town\'s activity cannot be changed');
is($csw->submit("/registry/groups/$na", { title => 'X', kind => 'other', starts => '1. 1. 2027.' },
    "/registry/groups/$oga/edit")->{status}, 404, 'nor posted to');

my @open = map { $_->[0] } sql("SELECT id FROM case_file WHERE municipality_id = $m AND status = 'open' ORDER BY id LIMIT 2");
$r = $csw->get("/registry/groups/$na/members");
is($r->{status}, 200, 'the participants\' page');
like($r->{content}, qr{<option value="$open[0]">}, 'offers the town\'s open cases');
$r = $csw->submit("/registry/groups/$na/members", { case => '' });
is($r->{status}, 422, 'choosing no case comes back');
$r = $csw->submit("/registry/groups/$na/members", { case => $open[0] });
is($r->{status}, 303, 'the worker adds a case');
$r = $csw->submit("/registry/groups/$na/members", { case => $open[1] });
is($r->{status}, 303, 'and another');
is(count("SELECT COUNT(*) FROM group_member WHERE activity_id = $na"), 2, 'two participants');
is(count("SELECT COUNT(*) FROM audit WHERE action = 'group.member.add' AND object_type = 'case' "
    . "AND object_id IN ($open[0], $open[1])"), 2, 'each audited on the case');
$r = $csw->get("/registry/groups/$na/members");
unlike($r->{content}, qr{<option value="$open[0]">}, 'a participant is no longer offered');
like($r->{content}, qr{action="/registry/groups/$na/members/$open[0]/remove"}, 'and has a button to remove');
my ($closed) = map { $_->[0] } sql("SELECT MIN(id) FROM case_file WHERE municipality_id = $m AND status = 'closed'");
$r = $csw->submit("/registry/groups/$na/members", { case => $closed });
is($r->{status}, 422, 'a closed case cannot join');
my $sid2;
$r = $csw->submit("/registry/groups/$na/sessions/new", { held => '2. 3. 2027.', topic => 'Prvi susret' });
($sid2) = ($r->{headers}{location} // '') =~ m{/sessions/(\d+)\?};
$csw->submit("/registry/groups/$na/sessions/$sid2", { held => '2. 3. 2027.', "c-$open[1]" => 1 });
is(count("SELECT COUNT(*) FROM group_attendance WHERE session_id = $sid2"), 1, 'one of them comes to a session');

my $t = $csw->csrf("/registry/groups/$na/members");
$r = $csw->post("/registry/groups/$na/members/$open[1]/remove", { csrf => $t });
is($r->{status}, 409, 'one who came stays a participant');
like(main_text($r->{content}), qr/ostaje na spisku/, 'and the page says why');
$r = $csw->post("/registry/groups/$na/members/$open[0]/remove", { csrf => $t });
is($r->{status}, 303, 'one who came to no session is removed');
is(count("SELECT GROUP_CONCAT(case_id) FROM group_member WHERE activity_id = $na"), $open[1], 'the other stays');
is(count("SELECT COUNT(*) FROM audit WHERE action = 'group.member.remove' AND object_id = $open[0] AND outcome = 'ok'"), 1,
    'the removal is audited');
is($csw->post("/registry/groups/$na/members/$open[0]/remove", { csrf => $t })->{status}, 404,
    'removing one who is no participant: 404');
is($csw->post("/registry/groups/$na/members/$open[1]/remove", {})->{status}, 403, 'without the CSRF token: 403');
is($csw->get("/registry/groups/$oga/members")->{status}, 404, 'another town\'s participants do not exist');
for my $who ('provider1', 'analyst', 'admin') {
	my $a = $who eq 'admin' ? $admin : login("$who\@example.org");
	is($a->get('/registry/groups/new')->{status}, 403, "$who may not make an activity");
}

# --- priority groups ---------------------------------------------------------
$r = $admin->get('/registry/admin/priority-groups');
is($r->{status}, 200, 'the administrator lists the priority groups');
like($r->{content}, qr/Žene žrtve nasilja u porodici/, 'the pilot\'s groups');
$r = $admin->submit('/registry/admin/priority-groups', { code => 'Mladi NEET', name_sr_latn => 'Mladi van obrazovanja i rada',
    name_bs => 'Mladi izvan obrazovanja i rada', name_en => '', active => 1 });
is($r->{status}, 422, 'a code with capitals and spaces and a missing name come back');
like($r->{content}, qr/value="Mladi van obrazovanja i rada"/, 'keeping the names typed');
$r = $admin->submit('/registry/admin/priority-groups', { code => 'dv-women', name_sr_latn => 'X',
    name_bs => 'X', name_en => 'X', active => 1 });
is($r->{status}, 409, 'a code the town has is refused');
$r = $admin->submit('/registry/admin/priority-groups', { code => "neet-$tag", name_sr_latn => 'Mladi van obrazovanja i rada',
    name_bs => 'Mladi izvan obrazovanja i rada', name_en => 'Young people not in education or work',
    position => 3, active => 1 });
is($r->{status}, 303, 'the administrator adds a group') or diag(main_text($r->{content}));
my ($pg) = map { $_->[0] } sql("SELECT id FROM priority_group WHERE code = 'neet-$tag'");
my $cyrl = count("SELECT name_sr_cyrl FROM priority_group WHERE id = $pg");
utf8::decode($cyrl);
is($cyrl, 'Млади ван образовања и рада', 'its Cyrillic name is made');
is(count("SELECT COUNT(*) FROM audit WHERE action = 'priority-group.create' AND object_id = $pg"), 1, 'audited');

my ($case) = map { $_->[0] } sql("SELECT MIN(c.id) FROM case_file c JOIN account a ON a.id = c.lead_account_id "
    . "WHERE a.email = 'csw\@example.org' AND c.status = 'open'");
like($csw->get("/registry/cases/$case/priority")->{content}, qr/name="pg-$pg"/, 'a case may be marked with it');
$r = $csw->submit("/registry/cases/$case/priority", { "pg-$pg" => 1 });
is($r->{status}, 303, 'and is');

$r = $admin->submit("/registry/admin/priority-groups/$pg", { name_sr_latn => 'Mladi NEET', name_bs => 'Mladi NEET',
    name_en => 'NEET youth', position => 3 });
is($r->{status}, 303, 'the administrator renames it and takes it out of use');
is(count("SELECT CONCAT(name_en, '/', active) FROM priority_group WHERE id = $pg"), 'NEET youth/0', 'renamed, not in use');
my ($case2) = map { $_->[0] } sql("SELECT MAX(c.id) FROM case_file c JOIN account a ON a.id = c.lead_account_id "
    . "WHERE a.email = 'csw\@example.org' AND c.status = 'open' AND c.id <> $case");
unlike($csw->get("/registry/cases/$case2/priority")->{content}, qr/name="pg-$pg"/, 'no longer offered to other cases');
like($csw->get("/registry/cases/$case/priority")->{content}, qr/name="pg-$pg"[^>]*checked/, 'kept where it was marked');
like($admin->get('/registry/admin/priority-groups')->{content}, qr/van upotrebe/, 'the list says it is out of use');
is($admin->get('/registry/admin/priority-groups/999999999')->{status}, 404, 'no such group: 404');

# --- supervisors -------------------------------------------------------------
my $newsup = "sup-$tag\@example.net";
sql("INSERT INTO account (email, name, status) VALUES ('$newsup', 'Nova Supervizorka $tag', 'active')");
my ($nid) = map { $_->[0] } sql("SELECT id FROM account WHERE email = '$newsup'");
sql("INSERT INTO account_role (account_id, role, municipality_id) VALUES ($nid, 'csw', $m)");
$r = $admin->get('/registry/admin/supervisors');
is($r->{status}, 200, 'the administrator sees the supervisors');
like($r->{content}, qr/csw2\@example.org/, 'the demo supervisor');
like($r->{content}, qr{<option value="$nid">Nova Supervizorka $tag</option>}, 'a CSW worker is offered');
my ($cit) = map { $_->[0] } sql("SELECT id FROM account WHERE email = 'citizen\@example.org'");
$r = $admin->submit('/registry/admin/supervisors', { worker => $cit });
is($r->{status}, 422, 'a citizen cannot be named');
$r = $admin->submit('/registry/admin/supervisors', { worker => $nid });
is($r->{status}, 303, 'the administrator names a supervisor');
is(count("SELECT COUNT(*) FROM csw_supervisor WHERE account_id = $nid AND municipality_id = $m"), 1, 'recorded');
$r = $admin->post("/registry/admin/supervisors/$nid/remove", { csrf => $admin->csrf('/registry/admin/supervisors') });
is($r->{status}, 303, 'and removes them');
is(count("SELECT COUNT(*) FROM csw_supervisor WHERE account_id = $nid"), 0, 'gone');
is(count("SELECT COUNT(*) FROM audit WHERE action IN ('supervisor.add', 'supervisor.remove') AND object_id = $nid"), 2,
    'both audited');
is($admin->post("/registry/admin/supervisors/$nid/remove", { csrf => $admin->csrf('/registry/admin/supervisors') })->{status},
    404, 'removing one who is none: 404');
is($admin->post("/registry/admin/supervisors/$nid/remove", {})->{status}, 403, 'without the CSRF token: 403');
is($csw->get('/registry/admin/supervisors')->{status}, 403, 'a CSW worker may not');
is($csw->get('/registry/admin/priority-groups')->{status}, 403, 'nor see the groups\' page');

done_testing();
