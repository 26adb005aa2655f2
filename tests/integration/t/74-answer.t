# SPDX-License-Identifier: ISC
# Answering the demo needs survey over HTTP (issue 11): every question
# type, Back, a validation error, save and resume; the stored response
# holds no address, agent or time; the results count it; a closed survey
# refuses answers; small cells are hidden on the public page; an
# invitation code works once; a full quota stops politely; 200
# respondents at once lose no response.
use strict;
use warnings;
use utf8;
use Test::More;
use Karika::Test;
use Encode ();
use POSIX ();

my ($year) = map { $_->[0] } sql("SELECT YEAR(UTC_DATE())");
my $slug = "needs-$year";
my $base = "/surveys/$slug/";
my ($sid) = map { $_->[0] } sql("SELECT id FROM survey WHERE code = '$slug'");
sub completed { my ($n) = map { $_->[0] } sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = $sid AND status = 'completed'"); return $n }

like(get('/surveys/?lang=en')->{content}, qr{href="$base"}, 'the list links the open survey');
# The worker's own paths are no survey's, even if a row says so.
sql("UPDATE survey SET code = 'health' WHERE code = 'pilot-$year'");
is(get('/surveys/health/')->{status}, 404, 'no survey answers at /surveys/health/');
is(get('/surveys/edit/page')->{status}, 404, 'nor at /surveys/edit/page');
sql("UPDATE survey SET code = 'pilot-$year' WHERE code = 'health'");

# Without answers in progress, /page and /saved send to the welcome
# page, which says so.
for my $path ('page', 'saved') {
	my $r = get("${base}$path?lang=en");
	is($r->{status}, 303, "/$path without a response: 303");
	like($r->{headers}{location}, qr{\Q$base\E\?done=survey-lost$}, 'to the welcome page');
	like(get("${base}?done=survey-lost&lang=en")->{content}, qr/No answers in progress were found on this device/,
	    'which says the answers were not found');
}

my $a = agent();
my $r = $a->get("$base?lang=en");
is($r->{status}, 200, 'the welcome page');
like($r->{content}, qr/about 10 minutes/, 'it says the time needed');
like($r->{content}, qr/anonymous/, 'and the anonymity promise');
my ($csrf) = $r->{content} =~ /name="csrf" value="([0-9a-f]{64})"/;
ok($csrf, 'with a form token');

# Start is a link to the first page, empty; the form beside it starts
# with an invitation code.
my ($start) = $r->{content} =~ m{<p class="start"><a class="button" href="([^"]+)">Start</a>};
like($start // '', qr{^${base}page\?at=about&amp;n=1&amp;of=\d+&amp;left=\d+&amp;first=1$}, 'Start links to the first page, empty');
like($r->{content}, qr{<form method="post" action="${base}start".*>Start with the code</button>}s, 'and a form starts with an invitation code');
{
	# Sending the first page begins the response: no request before it.
	my $s = agent();
	my $t = $s->csrf("$base?lang=en");
	my ($rows) = map { $_->[0] } sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = $sid");
	my $x = $s->post("${base}page?lang=en", { csrf => $t, p => 'about', go => 'next', 'q.age' => '30-44' });
	is($x->{status}, 422, 'the first page sent without Start, an answer missing: 422');
	ok(!defined $s->cookie('survey'), 'and no response begins');
	$x = $s->post("${base}page?lang=en", { csrf => $t, p => 'about', go => 'next', 'q.group' => 'citizen',
	    'q.age' => '30-44', 'q.settlement' => 'village' });
	is($x->{status}, 303, 'answered: 303');
	like($x->{headers}{location}, qr{${base}page\?at=household&}, 'to the next page');
	like($s->cookie('survey') // '', qr/^s1\./, 'the response begins, held by the browser');
	my ($now) = map { $_->[0] } sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = $sid");
	is($now, $rows, 'with nothing stored');
	like($s->get("${base}?lang=en")->{content}, qr{<a class="button" href="${base}page">Continue where you left off</a>},
	    'the welcome page then offers to continue');
	my $o = agent();
	my $u = $o->csrf("$base?lang=en");
	$x = $o->post("${base}page?lang=en", { csrf => $u, p => 'household', go => 'next', 'q.members' => '3' });
	like($x->{headers}{location} // '', qr{done=survey-lost$}, 'a later page sent without a response begins nothing');
}

$r = $a->post("${base}start", { csrf => $csrf, invite => '' });
is($r->{status}, 303, 'Start: 303');
like($r->{headers}{location}, qr{${base}page\?at=about&n=1&of=\d+&left=\d+&first=1$}, 'to the first page, empty (the page cache may keep it)');
my $sc = join "\n", ref $r->{headers}{'set-cookie'} ? @{ $r->{headers}{'set-cookie'} } : ($r->{headers}{'set-cookie'} // ());
like($sc, qr{survey=s1\.[A-Za-z0-9_-]+; Path=$base; HttpOnly; SameSite=Lax}, 'the response held sealed in a cookie for this survey only');
my ($rows0) = map { $_->[0] } sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = $sid");

sub page { my $r = $a->get("${base}page?lang=en"); return $r }
sub send_page {
	my ($p, %f) = @_;
	return $a->post("${base}page?lang=en", { csrf => $csrf, p => $p, go => 'next', %f });
}

$r = page();
is($r->{status}, 200, 'the first page');
like($r->{content}, qr/Page 1\/\d+/, 'with its progress');
like($r->{content}, qr/min left/, 'and the time left');
like($r->{content}, qr/<fieldset id="f-q\.group"/, 'the group question is a fieldset');
like($r->{content}, qr/<select id="f-q\.age"/, 'the dropdown a select');

$r = send_page('about', 'q.age' => '30-44');
is($r->{status}, 422, 'a required answer missing: 422');
like($r->{content}, qr/This field is required/, 'the error is said');
like($r->{content}, qr/aria-describedby="[^"]*e-q\.group"/, 'and tied to its question');
like($r->{content}, qr/<option value="30-44" selected/, 'what was chosen is kept');

$r = send_page('about', 'q.group' => 'citizen', 'q.age' => '30-44', 'q.settlement' => 'village');
is($r->{status}, 303, 'page 1 sent');
like($r->{headers}{location}, qr{${base}page\?at=household&n=2&of=\d+&left=\d+$}, 'to the next page, empty, with Back');
my $empty = $a->get($r->{headers}{location} . '&lang=en');
# Held by the browser (held.c): the database has no row of it, and the
# cookie shows nothing of the answers; a cookie changed by one character
# opens nothing.
my ($rows1) = map { $_->[0] } sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = $sid");
is($rows1, $rows0, 'a page sent stores nothing: the response is held by the browser');
my $held = $a->cookie('survey');
like($held, qr/^s1\.[A-Za-z0-9_-]{40,}$/, 'sealed in the survey cookie');
unlike($held, qr/village|citizen|30-44/, 'which shows none of the answers');
{
	my $b = agent();
	my $t = $b->csrf("$base?lang=en");
	my $bad = $held;
	substr($bad, -5, 1) = substr($bad, -5, 1) eq 'A' ? 'B' : 'A';
	$b->cookie('survey', $bad);
	my $x = $b->get("${base}page?lang=en");
	is($x->{status}, 303, 'a changed cookie opens no response');
	like($x->{headers}{location}, qr{done=survey-lost$}, 'it is as if there were none');
	$b->cookie('survey', $held);
	like($b->get("${base}page?lang=en")->{content}, qr/name="p" value="household"/, 'the cookie itself goes on anywhere');
}
like($empty->{content}, qr/name="p" value="household"/, 'that page');
like($empty->{content}, qr/name="go" value="back"/, 'with Back');
unlike($empty->{content}, qr/ checked/, 'and nothing chosen');
$r = send_page('household', 'q.members' => 'three', 'q.household' => 'elderly');
is($r->{status}, 422, 'a number that is no number: 422');
like($r->{content}, qr/Type a number/, 'says what to type');
like($r->{content}, qr/value="three"/, 'and keeps what was typed');
is(send_page('household', 'q.members' => '3', 'q.household' => ['elderly', 'other'],
    'q.household.other' => 'Baka', 'q.income' => 'tight')->{status}, 303, 'multiple with "other"');
my %problems = map { ("q.problems.$_" => '4') } qw(poverty unemployment violence isolation barriers access);
# A number's bounds are said as they were written, the local way.
$r = send_page('risks', 'q.care-hours' => '200', 'q.needed' => 'yes', %problems, 'q.violence-help' => 'no');
is($r->{status}, 422, 'a number over its maximum: 422');
like($r->{content}, qr/Type a number of at most 168\./, 'the maximum as written');
unlike($r->{content}, qr/168\.0/, 'with no decimals it does not have');
sub send_sr { my ($p, %f) = @_; return $a->post("${base}page?lang=sr-Latn", { csrf => $csrf, p => $p, go => 'next', %f }) }
$r = send_sr('risks', 'q.care-hours' => '-0,5', 'q.needed' => 'yes', %problems);
like($r->{content}, qr/Upišite broj od najmanje 0\./, 'the minimum too, in Serbian');
$r = send_sr('risks', 'q.care-hours' => '12,55', 'q.needed' => 'yes', %problems);
like($r->{content}, qr/Upišite broj sa najviše jednom decimalom\./, 'one decimal, in the right form');
is(send_page('risks', 'q.care-hours' => '12,5', 'q.needed' => 'yes', %problems, 'q.violence-help' => 'no')->{status}, 303,
    'a decimal comma, yes/no and a matrix');

# Back keeps answers.
$r = $a->post("${base}page?lang=en", { csrf => $csrf, p => 'services', go => 'back' });
is($r->{status}, 303, 'Back: 303');
$r = page();
like($r->{content}, qr/name="p" value="risks"/, 'Back shows the page before');
like($r->{content}, qr/id="f-q\.needed-yes" name="q\.needed" value="yes" checked/, 'with its answers kept');
like($r->{content}, qr/value="12\.5"/, 'the number kept');
# Back from a partly answered page keeps what was given: 5 of 6 matrix
# rows (the matrix is required, Next would ask for the sixth).
my %five = %problems;
delete $five{'q.problems.access'};
$r = $a->post("${base}page?lang=en", { csrf => $csrf, p => 'risks', go => 'back', %five, 'q.care-hours' => '12.5' });
is($r->{status}, 303, 'Back from a page half answered: 303');
like(page()->{content}, qr/name="p" value="household"/, 'to the page before');
# An invalid number on Back: not kept, and the page says so; the rest is kept.
$r = $a->post("${base}page?lang=en", { csrf => $csrf, p => 'household', go => 'back', 'q.members' => 'abc',
    'q.household' => ['elderly', 'other'], 'q.household.other' => 'Baka', 'q.income' => 'short' });
is($r->{status}, 422, 'Back with a number that is no number: 422, the page again');
like($r->{content}, qr/value="abc"/, 'what was typed is shown');
like($r->{content}, qr/Type a number/, 'the error beside it');
like($r->{content}, qr/the marked ones are not/, 'and the page says it was not kept');
$r = page();
like($r->{content}, qr/name="q\.income" value="short" checked/, 'the valid answer of that page was kept');
$r = send_page('household', 'q.members' => '3', 'q.household' => ['elderly', 'other'],
    'q.household.other' => 'Baka', 'q.income' => 'tight');
is($r->{status}, 303, 'on from there');
like($r->{headers}{location}, qr{${base}page$}, 'to the page itself: it holds answers, so never the empty one');
$r = page();
like($r->{content}, qr/name="p" value="risks"/, 'to the half answered page');
my @kept = $r->{content} =~ /name="q\.problems\.[a-z]+" value="4" checked/g;
is(scalar @kept, 5, 'its 5 matrix rows kept');
like($r->{content}, qr/value="12\.5"/, 'and its number');
is(send_page('risks', 'q.care-hours' => '12.5', 'q.needed' => 'yes', %problems, 'q.violence-help' => 'no')->{status}, 303, 'and on again');

# Save, then resume on another "device" with the code.
$r = $a->post("${base}page?lang=en", { csrf => $csrf, p => 'services', go => 'save' });
like($r->{headers}{location}, qr{${base}saved$}, 'Save: to the code');
$r = $a->get("${base}saved?lang=en");
my ($code) = $r->{content} =~ /<code>([0-9A-Z-]{24})<\/code>/;
ok($code, 'the resume code is shown');
# Once: a reload says it was shown, and offers a new one in its place.
$r = $a->get("${base}saved?lang=en");
is($r->{status}, 200, 'the code\'s page reloaded');
unlike($r->{content}, qr/<code>|\Q$code\E/, 'no longer shows the code');
like($r->{content}, qr/was shown already, once only/, 'but says it was shown');
like($r->{content}, qr{<form method="post" action="${base}saved">}, 'with a form for a new one');
is($a->post("${base}saved", { csrf => 'f' x 64 })->{status}, 403, 'which needs the form token');
$r = $a->post("${base}saved", { csrf => $csrf });
is($r->{status}, 303, 'a new code');
like($r->{headers}{location}, qr{${base}saved$}, 'to be shown');
my ($old, $shown) = ($code, $a->get("${base}saved?lang=en")->{content});
($code) = $shown =~ /<code>([0-9A-Z-]{24})<\/code>/;
ok($code && $code ne $old, 'a new code is shown, once');
my $b = agent();
$r = $b->submit("${base}resume?lang=en", { code => 'WRONG-CODE' });
is($r->{status}, 422, 'a wrong code: 422');
is($b->submit("${base}resume?lang=en", { code => $old })->{status}, 422, 'the old code no longer resumes');
$r = $b->submit("${base}resume?lang=en", { code => lc $code });
is($r->{status}, 303, 'the new code (any case) resumes');
$a = $b;
($csrf) = $a->get("${base}page?lang=en")->{content} =~ /name="csrf" value="([0-9a-f]{64})"/;
like(page()->{content}, qr/name="p" value="services"/, 'at the page saved');

my %aware = map { ("q.awareness.$_" => 'heard') } qw(day-care home-help companion respite assistance family-support);
$r = send_sr('services', %aware, 'q.used' => ['home-help', 'csw'], 'q.satisfaction' => '4',
    'q.csw-contact' => '1. 1. 2027.', 'q.unmet' => 'no');
is($r->{status}, 422, 'a date after its limit: 422');
like($r->{content}, qr/Upišite datum do 31\. 12\. 2026\./, 'the limit written the local way');
is(send_page('services', %aware, 'q.used' => ['home-help', 'csw'], 'q.satisfaction' => '4',
    'q.csw-contact' => '3. 2. 2025.', 'q.unmet' => 'no', 'q.info' => 'other', 'q.info.other' => 'Radio')->{status}, 303,
    'a date typed the local way, a single choice with "other"');
is(send_page('missing', 'q.new-services' => ['respite', 'sos'], 'q.priority' => 'elderly', 'q.volunteer' => 'yes',
    'q.first-step' => 'Više pomoći u kući')->{status}, 303, 'a line of text');
my $before = completed();
$r = send_page('open', 'q.comment' => "Dva reda\nteksta", 'q.next-round' => 'yes');
is($r->{status}, 303, 'the last page completes');
like($r->{headers}{location}, qr{${base}thanks$}, 'to the thanks');
like(join("\n", ref $r->{headers}{'set-cookie'} ? @{ $r->{headers}{'set-cookie'} } : ($r->{headers}{'set-cookie'} // ())),
    qr/survey=; Path=$base; Max-Age=0/, 'the cookie is gone');
is(completed(), $before + 1, 'one more completed response');
like($a->get("${base}thanks?lang=en")->{content}, qr/Thank you/, 'the thank-you page');

my ($rid) = map { $_->[0] } sql("SELECT MAX(id) FROM survey_response WHERE survey_id = $sid AND status = 'completed'");
# The day where the survey runs: the installation's zone (worker.c's
# default, the stack's config names none), not UTC's.
my $today = do {
	local $ENV{TZ} = 'CET-1CEST,M3.5.0,M10.5.0/3';
	POSIX::tzset();
	POSIX::strftime('%Y-%m-%d', localtime);
};
POSIX::tzset();
my ($row) = sql("SELECT IFNULL(resume_hash, '-'), IFNULL(invitation_id, '-'), IFNULL(answers, '-'), completed_on, respondent_group FROM survey_response WHERE id = $rid");
is_deeply($row, ['-', '-', '-', $today, 'citizen'], 'the response keeps no code, invitation or draft; the local day; its group');
my @cols = map { $_->[0] } sql("SELECT column_name FROM information_schema.columns WHERE table_schema = 'karika' AND table_name IN ('survey_response', 'survey_answer')");
ok(!grep(/addr|agent|ip|account|_at$/i, @cols), 'no column for an address, agent, account or time');
my %ans = map { ($_->[0] . '/' . $_->[1] => Encode::decode('UTF-8', $_->[2])) } sql("SELECT question, item, IFNULL(option_code, IFNULL(number, text)) FROM survey_answer WHERE response_id = $rid");
is($ans{'members/'}, '3.0000', 'the number stored');
is($ans{'care-hours/'}, '12.5000', 'the decimal stored');
is($ans{'csw-contact/'}, '2025-02-03', 'the date stored');
is($ans{'problems/poverty'}, '4', 'a matrix row stored');
is($ans{'first-step/'}, 'Više pomoći u kući', 'the text stored');
my ($n) = map { $_->[0] } sql("SELECT COUNT(*) FROM survey_answer WHERE response_id = $rid AND question = 'household'");
is($n, 2, 'a multiple choice: a row per option');

# Results: the editor sees the survey (not public yet) and counts it.
my $ed = login('editor@example.org');
$r = $ed->get("${base}results?lang=en");
is($r->{status}, 200, 'the editor sees the results before publication');
like($r->{content}, qr/Dva reda/, 'with the free text');
is(get("${base}results")->{status}, 404, 'the public does not');
like($ed->get("${base}results?lang=en&cross=group,age")->{content}, qr/cross-tabulated/, 'a cross-tabulation');
# The editor reaches the results from the editor's pages, and crosses
# two questions with a form.
like($ed->get('/surveys/edit/?lang=en')->{content}, qr{<a href="\Q$base\Eresults">See the results}, 'the editor list links the results');
like($ed->get("/surveys/edit/$sid?lang=en")->{content}, qr{<a href="\Q$base\Eresults">See the results}, 'so does the survey\'s page');
$r = $ed->get("${base}results?lang=en");
like($r->{content}, qr{<form method="get" action="\Q$base\Eresults" class="cross-form">}, 'the results have a cross-tabulation form');
like($r->{content}, qr{<select id="f-row" name="row">.*<option value="age"}s, 'with the choice questions');
unlike($r->{content}, qr{<option value="comment"}, 'not the free text ones');
$r = $ed->get("${base}results?lang=en&group=citizen&row=group&col=age");
like($r->{content}, qr/cross-tabulated/, 'the form\'s query crosses the two');
like($r->{content}, qr{<input type="hidden" name="group" value="citizen">}, 'keeping the group filter');
like($r->{content}, qr{<option value="age" selected>}, 'and showing the choice');
unlike(get("/surveys/pilot-$year/results?lang=en")->{content}, qr/cross-form/, 'the public has no such form');

# The public page of the published pilot: charts, a table, no free text.
$r = get("/surveys/pilot-$year/results?lang=en");
is($r->{status}, 200, 'published results are public');
like($r->{content}, qr/<svg class="chart" aria-hidden="true"/, 'an SVG chart');
like($r->{content}, qr/<table class="report">/, 'beside a table');
unlike($r->{content}, qr/Prevoz do grada/, 'never free text');

# Small cells: a survey with 2 responses shows no counts.
sql("INSERT INTO survey (municipality_id, code, title_sr_latn, title_sr_cyrl, title_bs, title_en, opens_on, closes_on, definition, status, opens_at, closes_at, results_published) SELECT municipality_id, 'tiny', 'Mali', 'Мали', 'Mali', 'Tiny', opens_on, closes_on, REPLACE(definition, 'slug=\"$slug\"', 'slug=\"tiny\"'), 'published', opens_at, closes_at, TRUE FROM survey WHERE id = $sid");
my ($tid) = map { $_->[0] } sql("SELECT id FROM survey WHERE code = 'tiny'");
for my $g ('citizen', 'citizen') {
	sql("INSERT INTO survey_response (survey_id, respondent_group, status, completed_on) VALUES ($tid, '$g', 'completed', UTC_DATE());
	    INSERT INTO survey_answer (response_id, survey_id, question, option_code) VALUES (LAST_INSERT_ID(), $tid, 'age', '30-44')");
}
$r = get('/surveys/tiny/results?lang=en');
is($r->{status}, 200, 'a tiny survey\'s results');
unlike(main_text($r->{content}), qr/Completed responses: 2/, 'shows no count of 2');
like($r->{content}, qr/fewer than 5/, 'but "fewer than 5"');
# 5 + 2 + 2 + 0: both cells of 2 are hidden.
for (1 .. 7) {
	my $opt = $_ <= 5 ? '18-29' : '45-64';
	sql("INSERT INTO survey_response (survey_id, respondent_group, status, completed_on) VALUES ($tid, 'user', 'completed', UTC_DATE());
	    INSERT INTO survey_answer (response_id, survey_id, question, option_code) VALUES (LAST_INSERT_ID(), $tid, 'age', '$opt')");
}
$r = get('/surveys/tiny/results?lang=en');
like($r->{content}, qr{Completed responses: <strong>9</strong>}, '9 responses are shown');
my ($age) = $r->{content} =~ /(<section class="result" aria-labelledby="r-age">.*?<\/section>)/s;
like($age, qr/18 to 29<\/th><td class="num">5</, 'a cell of 5 is shown');
like($age, qr/30 to 44<\/th><td class="num">fewer than 5/, 'a cell of 2 is hidden');
like($age, qr/45 to 64<\/th><td class="num">fewer than 5/, 'and a second small cell');
# A matrix row as the reviewer found it: 2 "not a problem", 7 "serious":
# the 2 is hidden, the 7 with it (said so), and the row's mean and median,
# which would give the split, are hidden too.
sql("INSERT INTO survey_answer (response_id, survey_id, question, item, option_code, number)
    SELECT id, $tid, 'problems', 'poverty', IF(respondent_group = 'citizen', '1', '4'), IF(respondent_group = 'citizen', 1, 4)
    FROM survey_response WHERE survey_id = $tid");
$r = get('/surveys/tiny/results?lang=en');
my ($prob) = $r->{content} =~ /(<section class="result" aria-labelledby="r-problems">.*?<\/section>)/s;
my ($pov) = $prob =~ /(<tr><th scope="row">Poverty<\/th>.*?<\/tr>)/s;
like($pov, qr/<td class="num">fewer than 5<\/td>/, 'a small matrix cell is hidden');
like($pov, qr/<td class="num">hidden, as it would reveal a hidden figure<\/td>/, 'its complement is said to be hidden for it');
unlike($pov, qr/>7</, 'the 7 is not shown');
unlike($pov, qr/[0-9],[0-9]{2}|[0-9]\.[0-9]{2}/, 'nor a mean or median that would pin the hidden cells');
like($r->{content}, qr/nor figures from which they could be worked out/, 'the note says so');
# Across the group filter: all 9 live in town, 7 users and 2 citizens.
# The citizens' 2 is hidden on their page; the users' page must not show
# 7, or 9 - 7 would give it.
sql("INSERT INTO survey_answer (response_id, survey_id, question, item, option_code)
    SELECT id, $tid, 'settlement', '', 'town' FROM survey_response WHERE survey_id = $tid");
$r = get('/surveys/tiny/results?lang=en');
my ($town) = $r->{content} =~ /aria-labelledby="r-settlement">.*?(<tr><th scope="row">[^<]*<\/th><td class="num">[^<]*<)/s;
like($town, qr/>9</, 'all 9 are shown on the page of all');
$r = get('/surveys/tiny/results?lang=en&group=user');
($town) = $r->{content} =~ /aria-labelledby="r-settlement">.*?(<tr><th scope="row">[^<]*<\/th><td class="num">[^<]*<)/s;
like($town, qr/hidden, as it would reveal a hidden figure/, 'the users\' 7 is hidden, for the citizens\' 2');

# Counts take the plural form their number takes: a survey of about 1
# minute, whose line of text takes at most 21 characters.
sql("INSERT INTO survey (municipality_id, code, title_sr_latn, title_sr_cyrl, title_bs, title_en, opens_on, closes_on, definition, status, opens_at, closes_at) SELECT municipality_id, 'short', 'Kratka', 'Кратка', 'Kratka', 'Short', opens_on, closes_on, REPLACE(REPLACE(REPLACE(definition, 'slug=\"$slug\"', 'slug=\"short\"'), 'minutes=\"10\"', 'minutes=\"1\"'), 'code=\"first-step\" type=\"text\" max=\"200\"', 'code=\"first-step\" type=\"text\" max=\"21\"'), 'published', opens_at, closes_at FROM survey WHERE id = $sid");
like(get('/surveys/short/?lang=en')->{content}, qr/It takes about 1 minute\./, 'about 1 minute');
like(get('/surveys/short/?lang=bs')->{content}, qr/traje oko 1 minute\./, 'oko 1 minute (bs)');
like(get('/surveys/?lang=en')->{content}, qr/short/, 'the short survey is listed');
{
	my $w = agent();
	my $t = $w->csrf('/surveys/short/?lang=sr-Latn');
	for my $p (['about', 'q.group' => 'pro', 'q.age' => '45-64', 'q.settlement' => 'town'],
	    ['services', %aware, 'q.unmet' => 'no'], ['professionals', 'q.years' => '5']) {
		my ($code, %f) = @$p;
		$w->post('/surveys/short/page', { csrf => $t, p => $code, go => 'next', %f });
	}
	my $x = $w->post('/surveys/short/page?lang=sr-Latn', { csrf => $t, p => 'missing', go => 'next',
	    'q.new-services' => 'sos', 'q.priority' => 'roma', 'q.first-step' => 'x' x 22 });
	is($x->{status}, 422, 'a line over its 21 characters: 422');
	like($x->{content}, qr/Odgovor može imati najviše 21 znak\./, 'najviše 21 znak');
	$x = $w->post('/surveys/short/page?lang=en', { csrf => $t, p => 'missing', go => 'next',
	    'q.new-services' => 'sos', 'q.priority' => 'roma', 'q.first-step' => 'x' x 22 });
	like($x->{content}, qr/at most 21 characters\./, 'at most 21 characters');
}

# A closed survey refuses answers.
my $c = agent();
my $t = $c->csrf("${base}?lang=en");
sql("UPDATE survey SET closes_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id = $sid");
# A worker keeps a survey's row for a second (cache.c, SURVEY_ROW_MS).
select(undef, undef, undef, 1.1);
$r = $c->post("${base}start?lang=en", { csrf => $t });
is($r->{status}, 409, 'a closed survey takes no start');
like($r->{content}, qr/closed/, 'and says so');
like(get("${base}?lang=en")->{content}, qr/is closed and takes no more answers/, 'the welcome page says it is closed');
sql("UPDATE survey SET closes_at = TIMESTAMP(closes_on, '22:59:00') WHERE id = $sid");
select(undef, undef, undef, 1.1);

# Walks a respondent to the end as group $g; returns the last status.
sub walk {
	my ($ag, $g, $invite) = @_;
	my $tok = $ag->csrf($base);
	my $r = $ag->post("${base}start", { csrf => $tok, invite => $invite // '' });
	return $r->{status} if $r->{status} != 303;
	my @pages = (['about', 'q.group' => $g, 'q.age' => '45-64', 'q.settlement' => 'town'],
	    ['services', %aware, 'q.unmet' => 'no'],
	    ['professionals', 'q.years' => '5'],
	    ['missing', 'q.new-services' => 'sos', 'q.priority' => 'roma'],
	    ['open']);
	for my $p (@pages) {
		my ($code, %f) = @$p;
		$r = $ag->post("${base}page", { csrf => $tok, p => $code, go => 'next', %f });
		return $r->{status} if $r->{status} != 303 || $r->{headers}{location} =~ /thanks/;
	}
	return 0;
}

# An invitation code: CSW answers only with one, and a code works once.
is(walk(agent(), 'csw'), 422, 'a closed group without an invitation: 422');
is(walk(agent(), 'csw', 'karika-demo-invite-1'), 303, 'with an invitation: completed');
my $r2 = agent()->submit($base, { invite => 'karika-demo-invite-1' }, "${base}start");
is($r2->{status}, 422, 'the same code again is refused');
my ($used) = map { $_->[0] } sql("SELECT used FROM survey_invitation WHERE code_hash = UNHEX(SHA2('karika-demo-invite-1', 256))");
is($used, 1, 'the invitation is marked used');
my ($inv) = map { $_->[0] } sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = $sid AND status = 'completed' AND invitation_id IS NOT NULL");
is($inv, 0, 'and no completed response keeps it');

# A full quota stops politely, at the group question.
sql("UPDATE survey_quota SET completed = quota WHERE survey_id = $sid AND respondent_group = 'admin'");
my $q = agent();
my $qt = $q->csrf($base);
$q->post("${base}start", { csrf => $qt });
$r = $q->post("${base}page?lang=en", { csrf => $qt, p => 'about', go => 'next', 'q.group' => 'admin', 'q.age' => '45-64', 'q.settlement' => 'town' });
is($r->{status}, 409, 'a full group: 409');
like($r->{content}, qr/already have enough answers from this group/, 'said politely at the group question');
my ($grp) = map { $_->[0] } sql("SELECT IFNULL(MAX(respondent_group), '-') FROM survey_response WHERE survey_id = $sid AND status = 'in_progress' AND respondent_group = 'admin'");
is($grp, '-', 'nothing more is stored');

# A response held by the browser (held.c) to its end: the pages sent
# write no row; an editor's change meanwhile (the definition's version
# moves) keeps its answers; the last page sent twice (a double click,
# the cookie not yet gone) completes it once.
{
	my $h = agent();
	my $tok = $h->csrf("$base?lang=en");
	is($h->post("${base}start", { csrf => $tok })->{status}, 303, 'held: Start');
	sub rows_of { my ($n) = map { $_->[0] } sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = $sid"); return $n }
	my $rows = rows_of();
	my @pages = (['about', 'q.group' => 'citizen', 'q.age' => '65-plus', 'q.settlement' => 'town'],
	    ['household', 'q.members' => '3', 'q.household' => 'elderly', 'q.income' => 'tight'],
	    ['risks', 'q.care-hours' => '12.5', 'q.needed' => 'yes', %problems, 'q.violence-help' => 'no'],
	    ['services', %aware, 'q.used' => ['home-help', 'csw'], 'q.satisfaction' => '4',
		'q.csw-contact' => '3. 2. 2025.', 'q.unmet' => 'no'],
	    ['missing', 'q.new-services' => 'sos', 'q.priority' => 'elderly', 'q.volunteer' => 'yes']);
	for my $p (@pages) {
		my ($code, %f) = @$p;
		is($h->post("${base}page", { csrf => $tok, p => $code, go => 'next', %f })->{status}, 303, "held: $code sent");
		if ($code eq 'household') {
			# The editor renames an option this response chose.
			sql("UPDATE survey SET definition = REPLACE(definition, '<option code=\"tight\">', "
			    . "'<option code=\"tight2\">') WHERE id = $sid");
			select(undef, undef, undef, 1.1);
		}
	}
	is(rows_of(), $rows, 'held: no row was written on the way');
	my $held = $h->cookie('survey');
	my $before = completed();
	my $r1 = $h->post("${base}page", { csrf => $tok, p => 'open', go => 'next', 'q.next-round' => 'no' });
	$h->cookie('survey', $held);
	my $r2 = $h->post("${base}page", { csrf => $tok, p => 'open', go => 'next', 'q.next-round' => 'no' });
	like($r1->{headers}{location} // '', qr{${base}thanks$}, 'held: the last page completes');
	like($r2->{headers}{location} // '', qr{${base}thanks$}, 'and sent again, also leads to the thanks');
	is(completed(), $before + 1, 'but completes it once');
	my ($rid) = map { $_->[0] } sql("SELECT MAX(id) FROM survey_response WHERE survey_id = $sid AND status = 'completed'");
	my %got = map { ($_->[0] => $_->[1]) } sql("SELECT question, IFNULL(option_code, number) FROM survey_answer WHERE response_id = $rid AND item = ''");
	is($got{age}, '65-plus', 'the answers from before the survey changed are kept');
	ok(!exists $got{income}, 'but not one whose option is gone');
	sql("UPDATE survey SET definition = REPLACE(definition, '<option code=\"tight2\">', "
	    . "'<option code=\"tight\">') WHERE id = $sid");
	select(undef, undef, undef, 1.1);
	is($got{'next-round'}, 'no', 'and the last page\'s');
	my ($row) = sql("SELECT IFNULL(resume_hash, '-'), IFNULL(answers, '-'), respondent_group FROM survey_response WHERE id = $rid");
	is_deeply($row, ['-', '-', 'citizen'], 'the row keeps no code or draft, only its group');
}

# Answers too long for a cookie: the response becomes a row under a
# resume code, and goes on to its end from there.
{
	my $l = agent();
	my $tok = $l->csrf("$base?lang=en");
	$l->post("${base}start", { csrf => $tok });
	for my $p (['about', 'q.group' => 'pro', 'q.age' => '45-64', 'q.settlement' => 'town'],
	    ['services', %aware, 'q.unmet' => 'no'], ['professionals', 'q.years' => '5'],
	    ['missing', 'q.new-services' => 'sos', 'q.priority' => 'roma']) {
		my ($code, %f) = @$p;
		$l->post("${base}page", { csrf => $tok, p => $code, go => 'next', %f });
	}
	my $long = "\x{416}" x 1500;
	my $r = $l->post("${base}page?lang=en", { csrf => $tok, p => 'open', go => 'back', 'q.comment' => $long });
	is($r->{status}, 303, 'Back with a long answer: 303');
	like($l->cookie('survey'), qr/^[0-9A-Z]{20}$/, 'the cookie now holds a resume code');
	my ($kept) = map { $_->[0] } sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = $sid AND status = 'in_progress' AND answers LIKE '%\"comment\"%'");
	ok($kept >= 1, 'and the answers are a row');
	like($l->get("${base}page?lang=en")->{content}, qr/name="p" value="missing"/, 'the page before');
	$l->post("${base}page", { csrf => $tok, p => 'missing', go => 'next', 'q.new-services' => 'sos', 'q.priority' => 'roma' });
	my $before = completed();
	$r = $l->post("${base}page", { csrf => $tok, p => 'open', go => 'next', 'q.comment' => $long });
	like($r->{headers}{location} // '', qr{${base}thanks$}, 'completed from the row');
	is(completed(), $before + 1, 'one more completed response');
	my ($len) = map { $_->[0] } sql("SELECT MAX(CHAR_LENGTH(text)) FROM survey_answer WHERE survey_id = $sid AND question = 'comment'");
	is($len, 1500, 'with the whole long answer');
}

# 200 respondents at once lose no response.
$before = completed();
my @kids;
for my $i (1 .. 200) {
	my $pid = fork() // die "fork: $!";
	if ($pid == 0) {
		my $st = walk(agent(), 'pro');
		exit($st == 303 ? 0 : 1);
	}
	push @kids, $pid;
}
my $bad = 0;
for (@kids) { waitpid($_, 0); $bad++ if $? != 0 }
is($bad, 0, '200 concurrent respondents all completed');
is(completed(), $before + 200, 'and the database holds all 200');

# nginx keeps no address or agent of a respondent.
open(my $log, '<', state_dir() . '/log/nginx-access.log') or die "log: $!";
my @sv = grep { m{"(?:GET|POST) /surveys/} } <$log>;
ok(@sv && !grep(!/^- /, @sv), 'nginx logs no client address for /surveys/');
ok(!grep(/karika-tests/, @sv), 'nor the user agent');

done_testing();
