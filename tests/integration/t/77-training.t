# SPDX-License-Identifier: ISC
# The register of professionals, courses, tests and certificates, and
# access that follows qualification (issue 16), as the people who use
# them meet them: a CSW worker whose required certificate lapsed is
# refused a person's record and the cases (403, saying which course
# lapsed on which day and where to take it), and she and her supervisor
# are told by e-mail once; she takes the course's test, fails it,
# retakes it and passes, and access comes back at once; the certificate
# verifies publicly by its code; another worker cannot see her attempt
# or its answers (404, audited); an answer sent after the time limit is
# refused and the page says so; the attempts of a period are limited;
# reminders reach the SMTP sink 60, 30 and 7 days before a lapse, once
# each, by the daily job's clock; the page of a test never carries the
# answer key; the administrators' form refuses a supervisor of another
# town, saying so and keeping what was typed; an analyst of several
# towns has the completion report town by town, each town's line as its
# own page sums it and the province's their sum.
use strict;
use warnings;
use utf8;
use Test::More;
use Karika::Test;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

sub one { my ($q) = @_; return (sql($q))[0][0] }

my ($m) = one("SELECT id FROM municipality WHERE code = 'novi-pazar'");
my ($csr) = one("SELECT MIN(id) FROM organisation WHERE municipality_id = $m AND category = 'csw'");
my ($pos) = one("SELECT id FROM staff_position WHERE municipality_id = $m AND code = 'case-manager'");
my ($course) = one("SELECT id FROM course WHERE municipality_id = $m AND code = 'assessment'");
my ($person) = one("SELECT MIN(id) FROM person WHERE municipality_id = $m");
my $today = one("SELECT CAST(UTC_DATE() AS CHAR)");

# Two CSW case managers with the demo password: Vesna, whose assessment
# certificate lapsed yesterday, supervised by Goran, whose is current.
my $tag = time() % 100000;
my ($ve, $ge) = ("trn-vesna-$tag\@example.net", "trn-goran-$tag\@example.net");
for my $a ([$ve, 'Vesna Lazić'], [$ge, 'Goran Pavlović']) {
	sql("INSERT INTO account (email, name, password_hash, locale, status) SELECT '$a->[0]', '$a->[1]', "
	    . "password_hash, 'en', 'active' FROM account WHERE email = 'csw\@example.org'");
	sql("INSERT INTO account_role (account_id, role, municipality_id) SELECT id, 'csw', $m FROM account WHERE email = '$a->[0]'");
}
my ($vid) = one("SELECT id FROM account WHERE email = '$ve'");
my ($gid) = one("SELECT id FROM account WHERE email = '$ge'");
for my $p ([$vid, 'Vesna', 'Lazić', $gid], [$gid, 'Goran', 'Pavlović', 'NULL']) {
	sql("INSERT INTO professional (municipality_id, account_id, given_name, family_name, name_key, "
	    . "organisation_id, position_id, profession, licence_number, licence_from, licence_to, started_on, "
	    . "supervisor_account_id) VALUES ($m, $p->[0], '$p->[1]', '$p->[2]', LOWER('$p->[2] $p->[1]'), "
	    . "$csr, $pos, 'Socijalni radnik', CONCAT('TRN-', $p->[0]), UTC_DATE() - INTERVAL 1 YEAR, "
	    . "UTC_DATE() + INTERVAL 5 YEAR, UTC_DATE() - INTERVAL 3 YEAR, $p->[3])");
}
my ($vp) = one("SELECT id FROM professional WHERE account_id = $vid");
my ($gp) = one("SELECT id FROM professional WHERE account_id = $gid");
sql("INSERT INTO certificate (code, professional_id, course_id, issued_on, valid_to) VALUES "
    . "(CONCAT('t', LPAD($tag, 5, '0'), 'v-0000-0000'), $vp, $course, UTC_DATE() - INTERVAL 2 YEAR, UTC_DATE() - INTERVAL 1 DAY), "
    . "(CONCAT('t', LPAD($tag, 5, '0'), 'g-0000-0000'), $gp, $course, UTC_DATE() - INTERVAL 100 DAY, UTC_DATE() + INTERVAL 200 DAY)");

sub job {
	my ($now) = @_;
	my $out = `$ENV{KARIKA_BUILD}/karika-training -c $ENV{KARIKA_STATE}/karika.conf --now $now 2>&1`;
	is($?, 0, "the daily job runs as of $now") or diag($out);
	return $out;
}
job($today);
is(one("SELECT access_until < UTC_DATE() FROM professional WHERE id = $vp"), 1, "the job finds Vesna's access lapsed");

# --- a lapsed certificate suspends access to case and person records -----
my $v = login($ve);
my $g = login($ge);
$_->get('/?lang=en') for ($v, $g);
my $r = $v->get("/registry/persons/$person");
is($r->{status}, 403, 'a lapsed worker is refused a person\'s record');
like(main_text($r->{content}), qr/certificate for the course “Individual assessment and planning” lapsed on/,
    'the page says which certificate lapsed');
like($r->{content}, qr{href="/registry/training/courses/$course"}, 'and where to take the course');
is($v->get('/registry/cases')->{status}, 403, 'and the cases');
is($v->get('/registry/persons')->{status}, 403, 'and the list of persons');
is($v->get('/registry/training')->{status}, 200, 'her training page stays open');
is($v->get('/registry/organisations')->{status}, 200, 'and the organisations (no person there)');
is($g->get("/registry/persons/$person")->{status}, 200, 'a current colleague opens the record');
is(one("SELECT COUNT(*) FROM audit WHERE account_id = $vid AND action = 'access.suspended'"), 3,
    'every refusal is audited');

my $mail = mail_to($ve);
ok($mail && $mail->{subject} =~ /Access suspended/, 'she is told by e-mail') or diag(explain($mail));
like($mail->{body} // '', qr{/registry/training/courses/$course}, 'with the link to the course');
$mail = mail_to($ge);
ok($mail && $mail->{body} =~ /Vesna Lazić/, 'and so is her supervisor');
job($today);
is(one("SELECT COUNT(*) FROM outbox WHERE to_addr IN ('$ve', '$ge')"), 2, 'once');

# --- the test: drawn, timed, answered, kept away from others --------------
sub start {
	my ($a) = @_;
	my $r = $a->submit("/registry/training/courses/$course", {}, "/registry/training/courses/$course/attempts");
	my ($id) = ($r->{headers}{location} // '') =~ m{^/registry/training/attempts/(\d+)$};
	return ($r, $id);
}

# The answers to attempt id: right ones, or all wrong.
sub answers {
	my ($id, $right) = @_;
	my %f;
	for my $o (sql("SELECT q.code, q.type, o.code, o.item, o.correct, COALESCE(o.match_code, '') "
	    . "FROM test_attempt_question aq JOIN test_question q ON q.id = aq.question_id "
	    . "JOIN test_option o ON o.question_id = q.id WHERE aq.attempt_id = $id ORDER BY aq.position, o.position")) {
		my ($q, $type, $code, $item, $ok, $match) = @$o;
		if ($type eq 'matching') {
			$f{"q.$q.$code"} = $match if $right && $item;
		} elsif ($right ? $ok : !$ok) {
			next if !$right && exists $f{"q.$q"};
			push @{ $f{"q.$q"} }, $code;
		}
	}
	return \%f;
}

my $id;
($r, $id) = start($v);
is($r->{status}, 303, 'she starts the test');
ok($id, 'and is sent to her attempt');
is(one("SELECT COUNT(*) FROM test_attempt_question WHERE attempt_id = $id"), 10, 'ten questions are drawn');
is(one("SELECT COUNT(DISTINCT question_id) FROM test_attempt_question WHERE attempt_id = $id"), 10,
    'none twice');
$r = $v->get("/registry/training/attempts/$id");
is($r->{status}, 200, 'the questions are shown');
like($r->{content}, qr/Send your answers no later than/, 'with the time they must be sent by');
my @fields = $r->{content} =~ /<(?:fieldset|input)[^>]*>/g;
ok(!grep({ /correct|match/ } @fields), 'the page carries no answer key');
is(($v->get("/registry/training/courses/$course/attempts"))->{status}, 405, 'starting is a POST');

# Another worker cannot see it, nor answer it.
is($g->get("/registry/training/attempts/$id")->{status}, 404, 'another worker gets 404 for the attempt');
$r = $g->submit('/registry/training', answers($id, 1), "/registry/training/attempts/$id");
is($r->{status}, 404, 'and cannot answer it');
is(one("SELECT COUNT(*) FROM audit WHERE account_id = $gid AND object_type = 'test_attempt' "
    . "AND object_id = $id AND outcome = 'not-found'"), 2, 'both tries audited');

# All wrong: failed, still suspended.
$r = $v->submit("/registry/training/attempts/$id", answers($id, 0));
is($r->{status}, 303, 'she sends wrong answers');
$r = $v->get("/registry/training/attempts/$id");
like(main_text($r->{content}), qr/You did not pass: 0 of 10 right/, 'and fails');
is(one("SELECT status FROM test_attempt WHERE id = $id"), 'failed', 'recorded as failed');
is(one("SELECT COUNT(*) FROM test_attempt_answer WHERE attempt_id = $id") > 0, 1, 'the answers are kept for the statistics');
is($v->get("/registry/persons/$person")->{status}, 403, 'access stays suspended');
$r = $v->submit("/registry/training/attempts/$id", answers($id, 1));
is($r->{status}, 409, 'a finished attempt takes no second answer');

# Retake, all right: passed, certificate, access back at once.
($r, $id) = start($v);
ok($id, 'she starts again');
$r = $v->submit("/registry/training/attempts/$id", answers($id, 1));
is($r->{status}, 303, 'she sends the right answers');
$r = $v->get($r->{headers}{location});
like(main_text($r->{content}), qr/You passed: 10 of 10 right/, 'and passes');
my ($code) = $r->{content} =~ m{/registry/certificates/([0-9a-z-]{19})"};
ok($code, 'a certificate with a verification code is issued');
is(one("SELECT valid_to FROM certificate WHERE code = '$code'"),
    one("SELECT CAST(UTC_DATE() + INTERVAL 24 MONTH - INTERVAL 1 DAY AS CHAR)"), 'valid for 24 months');
$r = $v->get("/registry/persons/$person");
is($r->{status}, 200, 'access to the person\'s record is back at once');
is($v->get('/registry/cases')->{status}, 200, 'and to the cases');

# The certificate verifies publicly.
my $anon = agent();
$r = $anon->get("/registry/certificates/$code?lang=en");
is($r->{status}, 200, 'anyone checks the certificate by its code');
like(main_text($r->{content}), qr/The certificate was issued and is valid\..*Vesna Lazić.*Individual assessment and planning/s,
    'holder and course shown');
$r = get('/registry/certificates/' . ($code =~ s/-//gr));
is($r->{status}, 303, 'the code without its hyphens goes to its page');
is(get('/registry/certificates/zzzz-zzzz-zzzz-zzzz')->{status}, 404, 'an unknown code is a 404');
$r = get('/registry/certificates?code=' . uc($code));
is($r->{status}, 303, 'the form takes a typed code');
$r = $anon->get('/registry/certificates?code=abc&lang=en');
is($r->{status}, 422, 'a code of the wrong shape comes back');
like(main_text($r->{content}), qr/16 letters and digits/, 'saying what a code looks like');

# --- the time limit is kept by the server --------------------------------
($r, $id) = start($g);
ok($id, 'Goran starts a test');
sql("UPDATE test_attempt SET deadline_at = UTC_TIMESTAMP() - INTERVAL 2 MINUTE WHERE id = $id");
$r = $g->submit("/registry/training/courses/$course", answers($id, 1), "/registry/training/attempts/$id");
is($r->{status}, 409, 'an answer after the time limit is refused');
like(main_text($r->{content}), qr/not accepted: they arrived after the time was up/, 'and the page says so');
is(one("SELECT status FROM test_attempt WHERE id = $id"), 'late', 'the attempt ends as late');
is(one("SELECT COUNT(*) FROM certificate WHERE attempt_id = $id"), 0, 'nothing is issued');

# --- attempts per period ------------------------------------------------
sql("INSERT INTO test_attempt (course_id, professional_id, started_at, deadline_at, status, total) VALUES "
    . "($course, $gp, UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() - INTERVAL 1 DAY, 'failed', 10), "
    . "($course, $gp, UTC_TIMESTAMP() - INTERVAL 2 DAY, UTC_TIMESTAMP() - INTERVAL 2 DAY, 'failed', 10)");
($r) = start($g);
is($r->{status}, 429, 'a fourth attempt in the period is refused');
like(main_text($r->{content}), qr/used every attempt of this period/, 'saying when the next is possible');

# --- the editors: a question written, its statistics -------------------
my $ed = login('editor@example.org');
$ed->get('/?lang=en');
my %q = (code => "m$tag", type => 'matching', text_sr_latn => 'Povežite rok sa merom.',
    text_bs => 'Povežite rok s mjerom.', text_en => 'Match the time with the measure.',
    options_sr_latn => "h48 = 48 sati\nd30 = 30 dana", options_bs => "h48 = 48 sati\nd30 = 30 dana",
    options_en => "h48 = 48 hours\nd30 = 30 days", items_sr_latn => "urgent = Hitna mera\nextended = Produžena",
    items_bs => "urgent = Hitna mjera\nextended = Produžena", items_en => "urgent = Urgent measure\nextended = Extended",
    key => 'urgent=h48', active => 1);
$r = $ed->submit("/registry/training/courses/$course/questions/new", \%q);
is($r->{status}, 422, 'a matching key without every item comes back');
like(main_text($r->{content}), qr/write item=code for every item/, 'saying what is missing');
like($r->{content}, qr/Match the time with the measure\./, 'keeping what was typed');
$q{key} = 'urgent=h48 extended=d30';
$r = $ed->submit("/registry/training/courses/$course/questions/new", \%q);
is($r->{status}, 303, 'the editor saves the question');
is(one("SELECT COUNT(*) FROM test_option o JOIN test_question q ON q.id = o.question_id "
    . "WHERE q.code = 'm$tag' AND o.item = 1 AND o.match_code IS NOT NULL"), 2, 'its items with their matches');
$r = $ed->get("/registry/training/courses/$course/questions");
is($r->{status}, 200, 'the bank with its statistics');
like(main_text($r->{content}), qr/Asked Right Wrong answers chosen/, 'shows how each question went');
like($r->{content}, qr{>m$tag</a>}, 'the new question among them');
unlike($v->get("/registry/training/courses/$course")->{content}, qr{/questions"}, 'a worker sees no editor links');
is($v->get("/registry/training/courses/$course/questions")->{status}, 403, 'nor the statistics');
sql("UPDATE test_question SET active = 0 WHERE code = 'm$tag'");

# --- the administrators' form: the supervisor works in the town ------------
my $adm = login('admin@example.org');
$adm->get('/?lang=en');
sql("INSERT INTO municipality (code, name_sr_latn, name_sr_cyrl, name_bs, name_en, country, currency) "
    . "VALUES ('trn-$tag', 'Drugi $tag', 'Други $tag', 'Drugi $tag', 'Other $tag', 'RS', 'RSD')");
my ($om) = one("SELECT id FROM municipality WHERE code = 'trn-$tag'");
sql("INSERT INTO account (email, name, status) VALUES ('trn-far-$tag\@example.net', 'Daleki Supervizor $tag', 'active')");
my ($far) = one("SELECT id FROM account WHERE email = 'trn-far-$tag\@example.net'");
sql("INSERT INTO account_role (account_id, role, municipality_id) VALUES ($far, 'csw', $om)");
sql("INSERT INTO csw_supervisor (account_id, municipality_id) VALUES ($far, $om)");
my ($sup) = one("SELECT id FROM account WHERE email = 'csw2\@example.org'");
my %pf = (given_name => 'Jelena', family_name => "Novak$tag", email => '', organisation => $csr, position => $pos,
    profession => 'Psiholog', licence => '', licence_from => '', licence_to => '', started => '1. 2. 2026.',
    supervisor => $far);
$r = $adm->submit('/registry/professionals/new', \%pf);
is($r->{status}, 422, 'a supervisor of another town is refused');
like(main_text($r->{content}), qr/The supervisor must work in this municipality/, 'saying why');
like($r->{content}, qr/value="Novak$tag"/, 'keeping what was typed');
is(one("SELECT COUNT(*) FROM professional WHERE family_name = 'Novak$tag'"), 0, 'nothing is written');
$r = $adm->submit("/registry/professionals/$vp/edit", { %pf, given_name => 'Vesna', family_name => 'Lazić',
    supervisor => $far });
is($r->{status}, 422, 'nor may a record be changed to one');
is(one("SELECT supervisor_account_id FROM professional WHERE id = $vp"), $gid, 'the record keeps its supervisor');
$r = $adm->submit('/registry/professionals/new', { %pf, supervisor => $sup });
is($r->{status}, 303, 'a supervisor of the town is taken') or diag(main_text($r->{content}));
is(one("SELECT supervisor_account_id FROM professional WHERE family_name = 'Novak$tag'"), $sup, 'and kept');

# --- completion town by town, for an analyst of several towns -----------
# A second town with an organisation of three professionals: one current,
# one due within 60 days, one lapsed and suspended.  An analyst of the
# demo town alone sees it alone; given an analyst role in the second town
# too, both, each town's line as its own completion page sums it, and
# the province's line their sum.
sql("INSERT INTO organisation (municipality_id, name, kind) VALUES ($om, 'Centar $tag', 'association')");
my ($oorg) = one("SELECT id FROM organisation WHERE municipality_id = $om AND name = 'Centar $tag'");
for my $p (['Cvetko', 'NULL', 'NULL'], ['Dušan', 'UTC_DATE() + INTERVAL 30 DAY', 'NULL'],
    ['Ema', 'UTC_DATE() - INTERVAL 1 DAY', 'UTC_DATE() - INTERVAL 1 DAY']) {
	sql("INSERT INTO professional (municipality_id, given_name, family_name, name_key, organisation_id, "
	    . "position_id, profession, started_on, due_on, access_until) VALUES ($om, '$p->[0]', 'Prov$tag', "
	    . "LOWER('prov$tag $p->[0]'), $oorg, $pos, 'Psiholog', UTC_DATE() - INTERVAL 1 YEAR, $p->[1], $p->[2])");
}
my $pa = "trn-prov-$tag\@example.net";
sql("INSERT INTO account (email, name, password_hash, locale, status) SELECT '$pa', 'Pokrajinski analitičar', "
    . "password_hash, 'en', 'active' FROM account WHERE email = 'analyst\@example.org'");
my ($paid) = one("SELECT id FROM account WHERE email = '$pa'");
sql("INSERT INTO account_role (account_id, role, municipality_id) VALUES ($paid, 'analyst', $m)");
my $an = login($pa);
$an->get('/?lang=en');
my $town = $an->get('/registry/training/completion');
is($town->{status}, 200, "the analyst's completion page");
like($town->{content}, qr{href="/registry/training/completion/province"}, 'links to the towns');
my @sum = (0) x 5;
for my $row ($town->{content} =~ m{<tr>\s*<th scope="row">[^<]*</th>((?:\s*<td class="num">[^<]*</td>){5})\s*</tr>}g) {
	my @n = $row =~ m{<td class="num">([^<]*)</td>}g;
	s/,//g for @n;
	$sum[$_] += $n[$_] for 0 .. 4;
}
ok($sum[0] > 0, 'the demo town has professionals');
unlike($town->{content}, qr/NaN/, 'every count is a number, also of an organisation whose staff have no due date');
my ($mname) = one("SELECT name_en FROM municipality WHERE id = $m");
sub cells { my (@n) = @_; return join('', map { "\\s*<td class=\"num\">" . ($_ =~ s/(\d)(?=(\d{3})+$)/$1,/gr) . '</td>' } @n) }
$r = $an->get('/registry/training/completion/province');
is($r->{status}, 200, 'the completion town by town');
like($r->{content}, qr{<th scope="row"><a href="#town-$m">\Q$mname\E</a></th>${\ cells(@sum)}\s*</tr>},
    "one town's line, as its own page sums it");
unlike($r->{content}, qr/Other $tag/, 'and no other town');
like($r->{content}, qr{<th scope="row">All municipalities</th>${\ cells(@sum)}}, 'the sum is that town\'s');
sql("INSERT INTO account_role (account_id, role, municipality_id) VALUES ($paid, 'analyst', $om)");
$r = $an->get('/registry/training/completion/province');
like($r->{content}, qr{<th scope="row"><a href="#town-$om">Other $tag</a></th>${\ cells(3, 1, 1, 1, 1)}\s*</tr>},
    "the second town's line: three professionals, one current, due, lapsed and suspended each");
like($r->{content}, qr{<th scope="row"><a href="#town-$m">\Q$mname\E</a></th>${\ cells(@sum)}\s*</tr>},
    'the first town\'s line is unchanged');
like($r->{content}, qr{<th scope="row">All municipalities</th>${\ cells(map { $sum[$_] + (3, 1, 1, 1, 1)[$_] } 0 .. 4)}},
    "the province's line is their sum");
like($r->{content}, qr{<h2 id="town-$om">Other $tag</h2>.*<th scope="row">Centar $tag</th>${\ cells(3, 1, 1, 1, 1)}}s,
    'each town by organisation');
unlike(main_text($r->{content}), qr/Prov$tag|Cvetko|Ema\b/, 'counts only, never a name');
is($adm->get('/registry/training/completion/province')->{status}, 403, 'an administrator is refused');
is($g->get('/registry/training/completion/province')->{status}, 403, 'so is a CSW worker');

# --- reminders by the job's clock ---------------------------------------
my $due = one("SELECT CAST(valid_to AS CHAR) FROM certificate WHERE professional_id = $gp AND course_id = $course");
sub before { my ($d) = @_; return one("SELECT CAST(DATE '$due' - INTERVAL $d DAY AS CHAR)") }
sub reminders { return one("SELECT COUNT(*) FROM outbox WHERE to_addr = '$ge' AND template LIKE 'course-due-%'") }
job(before(61));
is(reminders(), 0, 'no reminder 61 days before');
job(before(60));
is(reminders(), 1, 'one 60 days before');
$mail = mail_to($ge);
like($mail->{subject} // '', qr/lapses in 60 days/, 'it reaches the SMTP sink, in his language');
job(before(60));
job(before(45));
is(reminders(), 1, 'not again until the next stage');
job(before(30));
is(reminders(), 2, 'the 30-day reminder');
like((mail_to($ge) // {})->{subject} // '', qr/30 days/, 'sent');
job(before(7));
is(reminders(), 3, 'the 7-day reminder');
like((mail_to($ge) // {})->{subject} // '', qr/7 days/, 'sent');
job(before(3));
is(reminders(), 3, 'and nothing more');

# --- the days left, in the form its number takes ---------------------------
for my $c ([21, 'sr-Latn', qr/ističe za 21 dan\b/], [3, 'sr-Latn', qr/ističe za 3 dana\b/],
    [11, 'sr-Latn', qr/ističe za 11 dana\b/], [1, 'en', qr/due in 1 day\b/], [12, 'en', qr/due in 12 days\b/]) {
	sql("UPDATE certificate SET valid_to = UTC_DATE() + INTERVAL $c->[0] DAY WHERE professional_id = $gp AND course_id = $course");
	my $p = $adm->get("/registry/professionals/$gp?lang=$c->[1]");
	like($p->{content} // '', $c->[2], "$c->[0] days left, in $c->[1]");
}

done_testing();
