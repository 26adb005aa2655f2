# SPDX-License-Identifier: ISC
# The survey editor (issue 11): an editor creates a survey in forms,
# downloads its XML, is refused an invalid upload (line and reason,
# nothing changed), uploads a valid one, publishes it (it appears on
# /surveys/), cannot remove a question once a response exists, copies it
# for the next round; the exports match the stored answers; callers
# without the editor role get 403; every change has its audit row.
use strict;
use warnings;
use utf8;
use Test::More;
use Karika::Test;

my $ed = login('editor@example.org');
my $slug = 'ed' . time() % 100000;

# Create: metadata and the first question.
my $r = $ed->get('/surveys/edit/');
is($r->{status}, 200, 'the editor list opens');
$r = $ed->submit('/surveys/edit/new', { slug => $slug, title => 'Probni upitnik',
    title_en => 'Trial survey', purpose => 'Svrha probe.', minutes => 5,
    anonymous => 1, groups => "citizen = Građanin\ncsw = Centar",
    quotas => "csw = 10", first => 'Kako ste?' });
is($r->{status}, 303, 'a new survey is created') or diag($r->{content});
my ($id) = ($r->{headers}{location} // '') =~ m{/surveys/edit/(\d+)};
ok($id, 'it has its page');
my ($status, $round) = @{ (sql("SELECT status, round FROM survey WHERE id = $id"))[0] };
is($status, 'draft', 'as a draft');
is($round, 1, 'round 1');

# Invalid metadata comes back with what was typed.
$r = $ed->submit('/surveys/edit/new', { slug => 'Bad Slug', title => 'Naslov', minutes => 5,
    purpose => 'x', first => 'q' });
is($r->{status}, 422, 'a bad slug is refused');
like($r->{content}, qr/Bad Slug/, 'and what was typed is kept');

# A question of each kind through the forms.
$r = $ed->submit("/surveys/edit/$id/pages/1/questions/new", { code => 'color', type => 'single',
    required => 1, other => 1, text => 'Koja boja?', text_en => 'Which colour?',
    options => "red = Crvena\nblue = Plava", options_en => "red = Red\nblue = Blue" });
is($r->{status}, 303, 'a single-choice question is added') or diag($r->{content});
$r = $ed->submit("/surveys/edit/$id/pages/new", { code => 'p2', title => 'Druga strana',
    conditions => 'color equals red', first => 'Zašto crvena?' });
is($r->{status}, 303, 'a second page with a condition') or diag($r->{content});
$r = $ed->submit("/surveys/edit/$id/pages/2/questions/new", { code => 'likert', type => 'matrix',
    text => 'Ocenite', items => "a = Prvo\nb = Drugo", options => "1 = Loše\n2 = Dobro" });
is($r->{status}, 303, 'a matrix question') or diag($r->{content});
$r = $ed->submit("/surveys/edit/$id/pages/2/questions/new", { code => 'many', type => 'multiple',
    text => 'Šta još?', max => 2, options => "x = Iks\ny = Ipsilon\nz = Zet" });
is($r->{status}, 303, 'a multiple-choice question') or diag($r->{content});
$r = $ed->submit("/surveys/edit/$id/pages/2/questions/new", { code => 'age', type => 'number',
    text => 'Godine?', min => 0, max => 120 });
is($r->{status}, 303, 'a number question') or diag($r->{content});
$r = $ed->submit("/surveys/edit/$id/pages/2/questions/new", { code => 'bad', type => 'single',
    text => 'Bez odgovora' });
is($r->{status}, 422, 'a choice without options is refused');

# A condition on a later page's question is refused with the reason.
$r = $ed->submit("/surveys/edit/$id/pages/1", { code => 'p1', conditions => 'likert equals 1' });
is($r->{status}, 422, 'a condition on a later question is refused');
# In Cyrillic the operators and the letters of a code stay Latin.
$r = $ed->submit("/surveys/edit/$id/pages/1", { code => 'p1', conditions => 'color is red', lang => 'sr-Cyrl' },
    "/surveys/edit/$id/pages/1?lang=sr-Cyrl");
is($r->{status}, 422, 'a condition with an unknown operator is refused');
like($r->{content}, qr/equals, one-of или not,/, 'the operators are written as typed, in Latin');
unlike($r->{content}, qr/нот/, 'none transliterated');
$r = $ed->submit("/surveys/edit/$id/pages/1", { code => 'P 1' }, "/surveys/edit/$id/pages/1?lang=sr-Cyrl");
like($r->{content}, qr/мала слова a–z, цифре/, 'a code\'s letters are said to be Latin a–z');
like($ed->get("/surveys/edit/$id?lang=sr-Cyrl")->{content}, qr/\(\.sps, /, 'a file\'s extension stays Latin');
is($ed->get("/surveys/edit/$id/preview?page=2")->{status}, 200, 'a draft previews');

# Move: the number question up.
my $page = $ed->get("/surveys/edit/$id")->{content};
like($page, qr/id="question-likert"/, 'the outline shows the questions');
my $t = $ed->csrf("/surveys/edit/$id");
$r = $ed->post("/surveys/edit/$id/questions/6/move", { csrf => $t, dir => 'up' });
is($r->{status}, 303, 'a question moves up');

# Download the XML.
$r = $ed->get("/surveys/edit/$id/definition.xml");
is($r->{status}, 200, 'the definition downloads');
like($r->{headers}{'content-disposition'} // '', qr/attachment; filename="$slug\.xml"/, 'as a file');
my $xml = $r->{content};
like($xml, qr/<question code="age"[^>]*type="number"/, 'with the questions made in forms');
ok(index($xml, '<question code="age"') < index($xml, '<question code="many"'), 'in their new order');

# An invalid upload: refused with line and reason, nothing changed.
my ($before) = map { $_->[0] } sql("SELECT MD5(definition) FROM survey WHERE id = $id");
(my $bad = $xml) =~ s/type="number"/type="bogus"/;
$r = $ed->submit("/surveys/edit/$id/definition", { xml => $bad });
is($r->{status}, 422, 'an invalid definition is refused');
like($r->{content}, qr/\d+: unknown question type bogus/, 'with its line and reason');
my ($after) = map { $_->[0] } sql("SELECT MD5(definition) FROM survey WHERE id = $id");
is($after, $before, 'and nothing changed');

# A valid upload.
(my $good = $xml) =~ s/Koja boja\?/Koja je boja?/;
$r = $ed->submit("/surveys/edit/$id/definition", { xml => $good });
is($r->{status}, 303, 'a valid definition is taken') or diag($r->{content});
my ($def) = map { $_->[0] } sql("SELECT definition FROM survey WHERE id = $id");
like($def, qr/Koja je boja\?/, 'and stored');

# Publish: local times, stored in UTC; the survey is listed.
$r = $ed->submit("/surveys/edit/$id/publish", { opens => '2020-01-01 08:00', closes => '2099-12-31 23:59' });
is($r->{status}, 303, 'published') or diag($r->{content});
my ($o, $c, $st) = @{ (sql("SELECT opens_at, closes_at, status FROM survey WHERE id = $id"))[0] };
is($o, '2020-01-01 07:00:00', 'opens_at is the local time in UTC');
is($c, '2099-12-31 22:59:00', 'closes_at too');
is($st, 'published', 'status published');
like(get('/surveys/?lang=sr-Latn')->{content}, qr/Probni upitnik/, 'the survey appears on /surveys/');

# Preview in each locale: the respondents' own page (questions.xsl),
# its form a GET back to the preview that moves between the pages and
# stores nothing.
for my $l (LOCALES) {
	$r = $ed->get("/surveys/edit/$id/preview?page=1&lang=$l");
	is($r->{status}, 200, "preview in $l");
	like($r->{content}, qr/<html lang="$l"/, "the page is in $l");
}
$r = $ed->get("/surveys/edit/$id/preview?page=1&lang=en");
like($r->{content}, qr/Which colour\?/, 'in English');
like($r->{content}, qr{<form method="get" action="/surveys/edit/$id/preview" novalidate="novalidate" class="questions">},
    "the respondents' form, sent back to the preview by GET");
like($r->{content}, qr{<fieldset id="f-q\.color"[^>]*>\s*<legend>Which colour\?}, 'a choice is a fieldset as respondents see it');
like($r->{content}, qr{id="f-q\.color-red" name="q\.color" value="red"}, 'with its options');
like($r->{content}, qr{<label for="f-q\.color\.other">}, 'and "other, please specify"');
unlike($r->{content}, qr{<form method="get"[^>]*class="questions">.*?name="csrf".*?</form>}s, 'no form token in a GET form');
like($r->{content}, qr{<button type="submit" name="page" value="2">Next</button>}, 'Next goes to page 2');
unlike($r->{content}, qr{name="go"}, 'nothing to save or send');
like($r->{content}, qr{href="/surveys/edit/$id/preview\?page=2"}, 'every page is linked');
like($r->{content}, qr{href="/surveys/edit/$id/preview\?page=1&amp;lang=bs"}, 'and every language');
my ($nresp) = map { $_->[0] } sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = $id");
$r = $ed->get("/surveys/edit/$id/preview?page=2&lang=sr-Latn&q.color=red&q.color.other=x");
is($r->{status}, 200, 'Next: page 2');
like($r->{content}, qr{Druga strana}, 'with its title');
like($r->{content}, qr{<label for="f-q\.q3">Za.{1,4}to crvena\?</label>}, 'a conditional page is shown');
like($r->{content}, qr{<div class="notice"><p>[^<]+</p><ul><li>Za.{1,4}to crvena\?</li>}, 'with what shows only under a condition');
like($r->{content}, qr{<button type="submit" name="page" value="1"[^>]*>Nazad</button>}, 'Back goes to page 1');
unlike($r->{content}, qr{name="page" value="3"}, 'and the last page has no Next');
my ($nresp2) = map { $_->[0] } sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = $id");
is($nresp2, $nresp, 'the preview stores no response');
is($ed->get("/surveys/edit/$id/preview?page=3")->{status}, 404, 'no page past the last');
is($ed->post("/surveys/edit/$id/preview?page=1", { csrf => $ed->csrf("/surveys/edit/$id") })->{status}, 405,
    'and nothing is posted to it');

# A response exists: the structure is locked.
sql("INSERT INTO survey_response (survey_id, respondent_group, page, status, completed_on) VALUES ($id, 'citizen', 2, 'completed', UTC_DATE())");
my ($rid) = map { $_->[0] } sql("SELECT MAX(id) FROM survey_response WHERE survey_id = $id");
sql("INSERT INTO survey_answer (response_id, survey_id, question, item, option_code, number, text) VALUES "
    . "($rid, $id, 'color', '', 'other', NULL, 'zelena; \"tamna\"'), ($rid, $id, 'likert', 'a', '2', 2, NULL), "
    . "($rid, $id, 'many', '', 'x', NULL, NULL), ($rid, $id, 'many', '', 'z', NULL, NULL), "
    . "($rid, $id, 'age', '', NULL, 42.5, NULL), ($rid, $id, 'q1', '', NULL, NULL, 'Dobro, hvala')");
$page = $ed->get("/surveys/edit/$id")->{content};
like($page, qr/ne mogu uklanjati|не могу уклањати|cannot be removed/, 'the page says the structure is locked');
$t = $ed->csrf("/surveys/edit/$id");
$r = $ed->post("/surveys/edit/$id/questions/1/delete", { csrf => $t, confirm => 1 });
is($r->{status}, 409, 'removing a question is refused');
$r = $ed->submit("/surveys/edit/$id/questions/2", { code => 'color', type => 'single',
    text => 'Koja je boja?', options => "red = Crvena\ngreen = Zelena" });
is($r->{status}, 422, 'changing options is refused');
like($r->{content}, qr{<p class="error" id="e-options">}, 'and says why beside the options');
unlike($r->{content}, qr/Line and reason|Ред и разлог|Red i razlog/, 'with no "line and reason" for what is no line');
# An option removed in sr-Latn only: blamed on that field, for the lock.
$r = $ed->submit("/surveys/edit/$id/questions/2?lang=en", { code => 'color', type => 'single', required => 1, other => 1,
    text => 'Koja je boja?', options => "red = Crvena", options_bs => "red = Crvena\nblue = Plava" },
    "/surveys/edit/$id/questions/2");
is($r->{status}, 422, 'an option removed in Serbian only is refused');
like($r->{content}, qr{<p class="error" id="e-options">The survey already has responses}, 'beside the options, as locked');
unlike($r->{content}, qr{id="e-options_bs"}, 'not blamed on the Bosnian lines');
# The type or the code changed: said beside them.
$r = $ed->submit("/surveys/edit/$id/questions/2?lang=en", { code => 'colour', type => 'number', text => 'Koja je boja?' },
    "/surveys/edit/$id/questions/2");
is($r->{status}, 422, 'a type and a code changed are refused');
like($r->{content}, qr{<p class="error" id="e-type">The survey already has responses}, 'beside the type');
like($r->{content}, qr{<p class="error" id="e-code">The survey already has responses}, 'and the code');
unlike($r->{content}, qr/Line and reason/, 'with no stray line');
(my $fewer = $good) =~ s{<question code="age".*?</question>}{}s;
$r = $ed->submit("/surveys/edit/$id/definition", { xml => $fewer });
is($r->{status}, 422, 'an upload without a question is refused too');
like($r->{content}, qr/this question cannot be removed|ovo pitanje ne može ukloniti/, 'saying why');
unlike($r->{content}, qr/Red i razlog|Line and reason/, 'as no line and reason');
$r = $ed->submit("/surveys/edit/$id/questions/2", { code => 'color', type => 'single', required => 1,
    other => 1, text => 'Koje je boje?', options => "red = Crvena\nblue = Plava" });
is($r->{status}, 303, 'but texts can be corrected') or diag($r->{content});

# Exports.
$r = $ed->get("/surveys/edit/$id/responses.csv");
is($r->{status}, 200, 'the responses CSV');
my $csv = $r->{content};
like($csv, qr/^\x{FEFF}/, 'begins with a byte order mark');
my @lines = split /\r\n/, $csv;
is(scalar @lines, 2, 'a header and one row per completed response');
like($lines[0], qr/^\x{FEFF}response;completed;group;q1;color;color_other;q3;likert_a;likert_b;age;many_x;many_y;many_z$/, 'the header names every column');
like($lines[1], qr/^$rid;\d{4}-\d\d-\d\d;citizen;Dobro, hvala;other;"zelena; ""tamna""";;2;;42\.5;1;0;1$/, 'the row holds the stored answers');
$r = $ed->get("/surveys/edit/$id/responses.sps?labels=sr-Latn");
is($r->{status}, 200, 'the SPSS syntax');
for my $v (qw(response completed group q1 color color_other q3 likert_a likert_b many_x many_y many_z age)) {
	like($r->{content}, qr/^\s+$v /m, "the .sps names $v");
}
like($r->{content}, qr/VALUE LABELS/, 'with value labels');
$r = $ed->get("/surveys/edit/$id/aggregates.csv?lang=sr-Latn");
is($r->{status}, 200, 'the aggregates CSV');
like($r->{content}, qr/\r\nmany;;x;Iks;1;100\.0;\r\n/, 'counts and percentages');

# Column names stay unique for SPSS and a CSV reader: codes that differ
# only by '-' and '_', a question coded like a fixed column, a reserved
# word; a negative number is written as a number; yes/no answers and the
# fixed columns have their labels.
$r = $ed->submit('/surveys/edit/new', { slug => "$slug-v", title => 'Imena', purpose => 'Proba imena.',
    minutes => 2, first => 'Prvo?' });
is($r->{status}, 303, 'a survey for the names') or diag($r->{content});
my ($vid) = ($r->{headers}{location} // '') =~ m{/surveys/edit/(\d+)};
$r = $ed->submit("/surveys/edit/$vid/definition", { xml => <<"XML" });
<survey version="1" slug="$slug-v" minutes="2">
  <title xml:lang="sr-Latn">Imena</title>
  <purpose xml:lang="sr-Latn">Proba imena.</purpose>
  <page code="p1">
    <question code="x-y" type="single" other="true"><text xml:lang="sr-Latn">Prvo</text>
      <option code="a"><label xml:lang="sr-Latn">A</label></option></question>
    <question code="x_y" type="yesno"><text xml:lang="sr-Latn">Drugo</text></question>
    <question code="to" type="number" decimals="1"><text xml:lang="sr-Latn">Broj</text></question>
    <question code="response" type="text"><text xml:lang="sr-Latn">Tekst</text></question>
  </page>
</survey>
XML
is($r->{status}, 303, 'its definition') or diag($r->{content});
sql("INSERT INTO survey_response (survey_id, page, status, completed_on) VALUES ($vid, 1, 'completed', UTC_DATE())");
my ($vrid) = map { $_->[0] } sql("SELECT MAX(id) FROM survey_response WHERE survey_id = $vid");
sql("INSERT INTO survey_answer (response_id, survey_id, question, item, option_code, number, text) VALUES "
    . "($vrid, $vid, 'x-y', '', 'a', NULL, NULL), ($vrid, $vid, 'x_y', '', 'yes', NULL, NULL), "
    . "($vrid, $vid, 'to', '', NULL, -3.5, NULL), ($vrid, $vid, 'response', '', NULL, NULL, '-2')");
@lines = split /\r\n/, $ed->get("/surveys/edit/$vid/responses.csv")->{content};
is($lines[0], "\x{FEFF}response;completed;group;x_y;x_y_other;x_y_2;vto;response_2", 'every column has a name of its own');
like($lines[1], qr/^$vrid;\d{4}-\d\d-\d\d;;a;;yes;-3\.5;'-2$/, 'a negative number is a number, a text that looks like one is guarded');
$r = $ed->get("/surveys/edit/$vid/responses.sps?labels=sr-Latn");
like($r->{content}, qr/^  x_y_2 A\d+$/m, 'the .sps reads the same names');
like($r->{content}, qr/^  response 'Broj odgovora' \/$/m, 'the fixed columns have labels');
like($r->{content}, qr/^  group 'Grupa ispitanika' \/$/m, 'in the language asked for');
like($r->{content}, qr/^  \/x_y_2 'yes' 'Da' 'no' 'Ne'$/m, 'yes and no have value labels');
like($r->{content}, qr/^  x_y 'a' 'A' 'other' 'Drugo'$/m, 'and "other" too');
like($r->{content}, qr/^  x_y_other 'Prvo: Drugo' \/$/m, '"other" in the variable label is in the language asked for');
like($ed->get("/surveys/edit/$vid/responses.sps?labels=en")->{content}, qr/^  completed 'Day completed' \/$/m, 'English');
like($ed->get("/surveys/edit/$vid/aggregates.csv")->{content}, qr/\r\nto;;;Broj;1;;-3\.5\r\n/, 'the aggregates write a negative mean as a number');

# Close, results, copy.
$t = $ed->csrf("/surveys/edit/$id");
$r = $ed->post("/surveys/edit/$id/close", { csrf => $t });
is($r->{status}, 422, 'closing needs its confirmation');
$r = $ed->post("/surveys/edit/$id/close", { csrf => $t, confirm => 1 });
is($r->{status}, 303, 'closed early');
$r = $ed->post("/surveys/edit/$id/results", { csrf => $t, published => 1 });
is($r->{status}, 303, 'results published');
is((sql("SELECT status, results_published FROM survey WHERE id = $id"))[0][0], 'closed', 'status closed');
$r = $ed->submit("/surveys/edit/$id/copy", { slug => "$slug-2" });
is($r->{status}, 303, 'copied for the next round') or diag($r->{content});
my ($cid, $cround, $cfrom, $cst) = @{ (sql("SELECT id, round, copied_from, status FROM survey WHERE code = '$slug-2'"))[0] };
is($cround, 2, 'round 2');
is($cfrom, $id, 'copied from the first');
is($cst, 'draft', 'a draft');

# Callers without the role.
my %who = (anon => agent(), citizen => login('citizen@example.org'),
    provider => login('provider1@example.org'), csw => login('csw@example.org'));
for my $w (sort keys %who) {
	for my $p ('/surveys/edit/', "/surveys/edit/$id", "/surveys/edit/$id/responses.csv",
	    "/surveys/edit/$id/definition.xml", "/surveys/edit/$id/questions/1") {
		my $got = $who{$w}->get($p)->{status};
		is($got, $w eq 'anon' ? 303 : 403, "$w: GET $p");
	}
	my $tk = $who{$w}->csrf($w eq 'anon' ? '/account/login' : '/account/');
	is($who{$w}->post("/surveys/edit/$id/close", { csrf => $tk // '', confirm => 1 })->{status}, 403, "$w: POST close");
}

# Audit rows.
my %audit = map { $_->[0] => 1 } sql("SELECT action FROM audit WHERE object_type = 'survey' AND object_id IN ($id, $cid)");
ok($audit{$_}, "audited: $_") for qw(survey.create survey.update survey.upload survey.publish survey.close survey.results.publish survey.copy survey.export);

done_testing();
