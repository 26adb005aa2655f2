# SPDX-License-Identifier: ISC
# karika-retention on the demo data with a fixed clock (--now 2020-06-15,
# before anything the demo or this test makes today, so that only the
# rows aged here by SQL can be due, whatever day the test runs): rows of
# every kind just past their period and just inside it; a dry run counts
# them and deletes nothing; the run (in batches of two) deletes exactly
# those past it, their survey answers with them, and writes one audit row
# per kind naming its report row; a second run finds nothing.  Refused
# and withdrawn applications go a year after their refusal or withdrawal
# with their documents, timeline and waiting-list places, and each file
# no other application names (after the commit: the dry run leaves
# every file); closed cases go ten years after their closing with their
# rows in every table that names them; domestic-violence cases have no
# rule yet.  The audit
# trail stays append-only for everybody else, and for the retention user
# below the floor of retention_floor; a retention.audit_years below it
# is refused.  Kinds whose table is not in the database say so.  The
# administrators' page shows both runs in words; karika-jobs runs it.
use strict;
use warnings;
use Test::More;
use HTTP::Tiny;
use IO::Socket::INET;
use Karika::Ops;

use constant NOW => '2020-06-15';

my $tmp = tmpdir();
my $port = IO::Socket::INET->new(Listen => 1, LocalAddr => '127.0.0.1:0')->sockport;
my %env = (KARIKA_STATE => "$tmp/s", KARIKA_PORT => $port, KARIKA_BUILD => BUILD);
my $stack = SRC . '/scripts/stack';
my ($rc, $out) = run_cmd(\%env, $stack, 'start');
END { run_cmd(\%env, $stack, 'stop') }
is($rc, 0, 'a private stack starts with the demo data') or BAIL_OUT($out);
my $conf = "$tmp/s/karika.conf";
open(my $c, '>>', $conf) or die;
print $c "retention.batch = 2\n";
close $c;
sub sql { return admin_sql("$tmp/s", $_[0]) }
sub one { my @r = sql($_[0]); return $r[0][0] }
sub retention { return run_cmd({}, BUILD . '/karika-retention', '-c', $conf, @_) }
sub secret { open(my $f, '<', "$tmp/s/secrets/$_[0]") or die; chomp(my $s = <$f>); return $s }
sub sql_as {
	my ($user, $q) = @_;
	return run_cmd({ MYSQL_PWD => secret($user) }, 'mariadb', '--no-defaults',
	    "--socket=$tmp/s/run/mysqld.sock", '-u', "karika_$user", '-e', $q, 'karika');
}

# The aged rows: "due" past the period as of NOW, "keep" just inside it.
my ($admin) = one("SELECT id FROM account WHERE email = 'admin\@example.org'");
my ($survey) = one("SELECT MIN(id) FROM survey");
sql(join '', map { "INSERT INTO survey_response (survey_id, status, expires_on, answers) "
    . "VALUES ($survey, 'in_progress', '$_->[0]', '[\"$_->[1]\"]');" }
    ['2020-06-01', 'due'], ['2020-06-01', 'due'], ['2020-06-14', 'due'],
    ['2020-06-15', 'keep'], ['2020-07-01', 'keep']);
sql("INSERT INTO survey_answer (response_id, survey_id, question, text) SELECT id, survey_id, "
    . "'retention-test', 'x' FROM survey_response WHERE answers = '[\"due\"]'");
# The marks of completed held responses: 31 days, so 2020-05-15.
sql("INSERT INTO survey_held_done (nonce_hash, done_on) VALUES "
    . join(', ', map { "(UNHEX(SHA2('$_->[1]$_->[0]', 256)), '$_->[0]')" }
	['2020-05-14', 'due'], ['2020-05-01', 'due'], ['2020-05-15', 'keep'], ['2020-06-01', 'keep']));
my $i = 0;
sql(join '', map { $i++; "INSERT INTO session (account_id, token_hash, csrf_token, created_at, "
    . "last_seen_at, expires_at, user_agent) VALUES ($admin, UNHEX(SHA2('ret$i', 256)), "
    . "REPEAT('0', 64), '2020-01-01', '2020-01-01', '$_->[0]', '$_->[1]');" }
    ['2020-06-14 23:59:59', 'due'], ['2020-06-10 00:00:00', 'due'],
    ['2020-06-15 00:00:00', 'keep'], ['2020-06-20 00:00:00', 'keep']);
# Links: 30 days, so the cutoff is 2020-05-16; a link is spent when used
# or when it expired, whichever came first.
sql(join '', map { $i++; "INSERT INTO account_token (account_id, purpose, token_hash, new_email, "
    . "created_at, expires_at, used_at) VALUES ($admin, 'reset', UNHEX(SHA2('ret$i', 256)), "
    . "'$_->[2]\@example.net', '2020-01-01', '$_->[0]', " . ($_->[1] ? "'$_->[1]'" : 'NULL') . ");" }
    ['2020-06-30', '2020-05-01', 'due'], ['2020-05-10', undef, 'due'],
    ['2020-06-05', '2020-06-01', 'keep'], ['2020-07-01', undef, 'keep']);
sql("INSERT INTO login_throttle (kind, key_hash, failures, last_failure_at) VALUES "
    . "('account', UNHEX(SHA2('due', 256)), 3, '2020-06-01'), "
    . "('account', UNHEX(SHA2('keep', 256)), 3, '2020-06-14 12:00:00')");
# The audit trail: 10 years, so 2010-06-15; five due (three batches).
sql("INSERT INTO audit (at, action, object_type, worker) VALUES "
    . join(', ', (map { "('2009-0$_-01', 'login', 'due', 'test')" } 1 .. 5),
	"('2010-06-15 00:00:01', 'login', 'keep', 'test')", "('2015-01-01', 'login', 'keep', 'test')"));

# Applications (a year, so the cutoff is 2019-06-15): a refused one and a
# withdrawn one due, each with documents, a timeline, a waiting-list
# place, a need and a criterion; a refused one just inside, and old ones
# that were not refused or withdrawn, kept.  The due refused one's file
# is its own; the withdrawn one's file is also a kept application's.
my $docdir = "$tmp/s/documents";
mkdir $docdir;
my ($svc, $muni) = @{ (sql("SELECT s.id, s.municipality_id FROM service s JOIN service_document d "
    . "ON d.service_id = s.id JOIN municipality m ON m.id = s.municipality_id "
    . "WHERE m.code = 'novi-pazar' ORDER BY s.id LIMIT 1"))[0] };
my ($parent) = one("SELECT id FROM account WHERE email = 'citizen2\@example.org'");
my ($need) = one("SELECT MIN(id) FROM need");
my ($crit) = one("SELECT MIN(id) FROM priority_criterion WHERE service_id = $svc");
my ($kind) = one("SELECT MIN(kind_id) FROM service_document WHERE service_id = $svc");
my %app;
for my $a (['due-refused', 'refused', '2019-06-01'], ['due-withdrawn', 'withdrawn', '2019-06-14 23:59:59'],
    ['keep-refused', 'refused', '2019-06-15 00:00:01'], ['keep-enrolled', 'enrolled', '2010-01-01'],
    ['keep-waiting', 'waiting', '2010-01-01']) {
	sql("INSERT INTO application (municipality_id, service_id, applicant_account_id, filed_by_account_id, "
	    . "status, relation, given_name, family_name, name_key, family_key, birth_date, created_at, "
	    . "updated_at) VALUES ($muni, $svc, $parent, $parent, '$a->[1]', 'parent', 'Ret', '$a->[0]', "
	    . "'ret $a->[0]', '$a->[0]', '2015-01-01', '2009-01-01', '$a->[2]')");
	$app{$a->[0]} = one("SELECT id FROM application WHERE family_name = '$a->[0]'");
}
my %file = (own => 'a' x 64, shared => 'b' x 64, kept => 'c' x 64, course => 'd' x 64);
for my $f (values %file) { open(my $fh, '>', "$docdir/$f") or die; print $fh "%PDF-1.4 $f\n"; close $fh }
for my $d (['due-refused', 'own'], ['due-refused', 'course'], ['due-withdrawn', 'shared'], ['keep-refused', 'shared'],
    ['keep-enrolled', 'kept']) {
	sql("INSERT INTO application_document (application_id, kind_id, sha256, bytes, type, filename, added_by) "
	    . "VALUES ($app{$d->[0]}, $kind, UNHEX('$file{$d->[1]}'), 20, 'application/pdf', 'x.pdf', $parent)");
}
# The same bytes as a course's PDF (0021): a row of another table, which
# only document_users (0023) counts for the retention job.
my ($module) = one("SELECT MIN(id) FROM course_module");
sql("INSERT INTO course_material (module_id, sha256, bytes, filename, added_by) "
    . "VALUES ($module, UNHEX('$file{course}'), 20, 'm.pdf', $parent)");
for my $a (values %app) {
	sql("INSERT INTO application_event (application_id, kind) VALUES ($a, 'submitted');"
	    . "INSERT INTO application_position (application_id, position, total, reason) VALUES ($a, 1, 1, 'joined');"
	    . "INSERT INTO application_need (application_id, need_id) VALUES ($a, $need);"
	    . ($crit ? "INSERT INTO application_criterion (application_id, criterion_id) VALUES ($a, $crit);" : ''));
}
# Cases (ten years, so 2010-06-15): a closed one due with a row in every
# table that names a case; one closed just inside and an old open one,
# kept.
my ($csw) = one("SELECT id FROM account WHERE email = 'csw\@example.org'");
my ($person) = one("SELECT MIN(id) FROM person WHERE municipality_id = $muni");
my ($group) = one("SELECT MIN(id) FROM priority_group WHERE municipality_id = $muni");
my ($activity) = one("SELECT MIN(id) FROM group_activity WHERE municipality_id = $muni");
my ($session) = one("SELECT MIN(id) FROM group_session WHERE activity_id = $activity");
my ($partner) = one("SELECT MIN(id) FROM organisation WHERE municipality_id = $muni");
my %case;
for my $c (['due', 'closed', "'2010-06-14 23:59:59'"], ['keep', 'closed', "'2010-06-15 00:00:01'"],
    ['open', 'open', 'NULL']) {
	sql("INSERT INTO case_file (municipality_id, person_id, lead_account_id, opened_on, intake, "
	    . "intake_note, status, outcome, outcome_on, closed_by, closed_at) VALUES ($muni, $person, $csw, "
	    . "'2008-01-01', 'csw', 'retention-$c->[0]', '$c->[1]', "
	    . ($c->[1] eq 'open' ? 'NULL, NULL, NULL' : "'training', '2010-01-01', $csw") . ", $c->[2])");
	my $id = $case{$c->[0]} = one("SELECT id FROM case_file WHERE intake_note = 'retention-$c->[0]'");
	sql("INSERT INTO case_barrier (case_id, barrier, note) VALUES ($id, 'skills', 'x');"
	    . "INSERT INTO case_priority (case_id, group_id) VALUES ($id, $group);"
	    . "INSERT INTO case_goal (case_id, text) VALUES ($id, 'goal');"
	    . "INSERT INTO case_activity (case_id, goal_id, text, due_on) SELECT $id, MAX(id), 'act', '2009-01-01' "
	    . "FROM case_goal WHERE case_id = $id;"
	    . "INSERT INTO case_review (case_id, due_on) VALUES ($id, '2009-06-01');"
	    . "INSERT INTO group_member (activity_id, case_id) VALUES ($activity, $id);"
	    . "INSERT INTO group_attendance (session_id, case_id) VALUES ($session, $id);"
	    . "INSERT INTO referral (case_id, organisation_id, sent_by, request) VALUES ($id, $partner, $csw, 'ref');"
	    . "INSERT INTO referral_field (referral_id, field) SELECT MAX(id), 'name' FROM referral WHERE case_id = $id;"
	    . "INSERT INTO record_grant (object_type, object_id, kind, organisation_id) "
	    . "SELECT 'referral', MAX(id), 'referral', $partner FROM referral WHERE case_id = $id;");
}
my @case_tables = qw(case_barrier case_priority case_goal case_activity case_review group_member
    group_attendance referral);
sub case_rows {
	my ($id) = @_;
	return join(',', (map { one("SELECT COUNT(*) FROM $_ WHERE case_id = $id") } @case_tables),
	    one("SELECT COUNT(*) FROM referral_field f JOIN referral r ON r.id = f.referral_id WHERE r.case_id = $id"),
	    one("SELECT COUNT(*) FROM record_grant g JOIN referral r ON g.object_type = 'referral' "
		. "AND g.object_id = r.id WHERE r.case_id = $id"));
}
my $grants = one("SELECT COUNT(*) FROM record_grant");
sub app_rows {
	my ($id) = @_;
	return join(',', map { one("SELECT COUNT(*) FROM $_ WHERE application_id = $id") }
	    qw(application_document application_event application_position application_need application_criterion));
}
my $crits = $crit ? 1 : 0;

my %table = (survey_abandoned => 'survey_response', survey_nonces => 'survey_held_done', sessions => 'session',
    tokens => 'account_token', throttle => 'login_throttle', audit => 'audit');
my %marked = (survey_abandoned => "answers = '[\"%s\"]'", sessions => "user_agent = '%s'",
    survey_nonces => "nonce_hash IN (SELECT UNHEX(SHA2(CONCAT('%s', d), 256)) FROM (SELECT '2020-05-14' AS d "
	. "UNION SELECT '2020-05-01' UNION SELECT '2020-05-15' UNION SELECT '2020-06-01') x)",
    tokens => "new_email = '%s\@example.net'", throttle => "key_hash = UNHEX(SHA2('%s', 256))",
    audit => "object_type = '%s' AND worker = 'test'");
my %due = (survey_abandoned => 3, survey_nonces => 2, sessions => 2, tokens => 2, throttle => 1, audit => 5);
sub rows { return { map { $_ => one("SELECT COUNT(*) FROM $table{$_}") } keys %table } }
sub marked { my ($k, $m) = @_; return one("SELECT COUNT(*) FROM $table{$k} WHERE " . sprintf($marked{$k}, $m)) }
my $before = rows();
my $answers = one("SELECT COUNT(*) FROM survey_answer");

# Not present: a kind whose table this database does not have.
my %absent = map { $_->[0] => 1 } map { [$_] } grep {
	one("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'karika' "
	    . "AND table_name = '" . { dv_cases => 'dv_case' }->{$_} . "'") == 0
} qw(dv_cases);

# The dry run: counts, deletes nothing.
($rc, $out) = retention('--dry-run', '--now', NOW);
is($rc, 0, 'the dry run succeeds') or diag $out;
for my $k (sort keys %due) {
	like($out, qr/^$k: $due{$k} due \(before /m, "it counts $due{$k} $k due");
}
like($out, qr/^applications: 2 due \(before 2019-06-15 /m, 'it counts 2 applications due');
like($out, qr/^cases: 1 due \(before 2010-06-15 /m, 'it counts 1 closed case due');
like($out, $absent{dv_cases} ? qr/^dv_cases: not present/m : qr/^dv_cases: present, but .*no rule/m,
    'DV cases: ' . ($absent{dv_cases} ? 'not present' : 'no rule yet'));
is_deeply(rows(), $before, 'and deletes nothing');
is(app_rows($app{'due-refused'}), "2,1,1,1,$crits", 'nor an application or its rows (two documents)');
is(case_rows($case{due}), '1,1,1,1,1,1,1,1,1,1', 'nor a case or its rows');
ok(-f "$docdir/$_", 'every file is there') for values %file;
is(one("SELECT COUNT(*) FROM retention_run WHERE dry_run = 1"), 9, 'a report row per kind');
is(one("SELECT COUNT(*) FROM audit WHERE action = 'retention.delete'"), 0, 'no audit row: nothing was removed');

# The run, in batches of two: exactly what is due goes.
($rc, $out) = retention('--now', NOW);
is($rc, 0, 'the run succeeds') or diag $out;
my $after = rows();
for my $k (sort keys %due) {
	like($out, qr/^$k: $due{$k} deleted \(before /m, "it deletes $due{$k} $k");
	is(marked($k, 'due'), 0, "no $k past the period is left");
	ok(marked($k, 'keep') > 0, "the $k inside it stay");
	is($after->{$k}, $before->{$k} - $due{$k} + ($k eq 'audit' ? 8 : 0),
	    "nothing else of $table{$k} went" . ($k eq 'audit' ? ' (and eight audit rows came)' : ''));
}
is(one("SELECT COUNT(*) FROM survey_answer"), $answers - 3, 'the answers of the abandoned responses went with them');
like($out, qr/^applications: 2 deleted \(before 2019-06-15 /m, 'it deletes 2 applications');
for my $a (qw(due-refused due-withdrawn)) {
	is(one("SELECT COUNT(*) FROM application WHERE id = $app{$a}"), 0, "the $a application is gone");
	is(app_rows($app{$a}), '0,0,0,0,0', 'with its documents, timeline, places, needs and criteria');
}
for my $a (qw(keep-refused keep-enrolled keep-waiting)) {
	is(app_rows($app{$a}), join(',', $a eq 'keep-waiting' ? 0 : 1, 1, 1, 1, $crits), "the $a application stays whole");
}
ok(!-e "$docdir/$file{own}", 'the file no other application names is removed');
ok(-f "$docdir/$file{shared}", 'a file a kept application names stays');
ok(-f "$docdir/$file{kept}", "a kept application's own file stays");
ok(-f "$docdir/$file{course}", "a file a course's PDF names stays when its application goes");
my ($dh, @aside);
@aside = grep { /^del-/ } readdir $dh if opendir($dh, "$docdir/tmp");
is("@aside", '', 'nothing is left moved aside');
like($out, qr/^cases: 1 deleted \(before 2010-06-15 /m, 'it deletes 1 closed case');
is(one("SELECT COUNT(*) FROM case_file WHERE id = $case{due}"), 0, 'the closed case past its period is gone');
is(case_rows($case{due}), '0,0,0,0,0,0,0,0,0,0', 'with its rows in every table that names it');
is(one("SELECT COUNT(*) FROM record_grant"), $grants - 1, "and its referral's access grant");
is(case_rows($case{$_}), '1,1,1,1,1,1,1,1,1,1', "the $_ case stays whole") for qw(keep open);
is(one("SELECT COUNT(*) FROM person WHERE id = $person"), 1, 'the person stays in the register');
is(one("SELECT COUNT(*) FROM audit a JOIN retention_run r ON r.id = a.object_id "
    . "WHERE a.action = 'retention.delete' AND a.object_type = 'retention_run' "
    . "AND a.worker = 'retention' AND r.dry_run = 0 AND r.state = 'done' AND r.count > 0"), 8,
    'one audit row per kind that lost rows, naming its report row');
is(one("SELECT GROUP_CONCAT(CONCAT(kind, '=', COALESCE(count, '-')) ORDER BY id) FROM retention_run WHERE dry_run = 0"),
    join(',', "survey_abandoned=3,survey_nonces=2,sessions=2,tokens=2,throttle=1", "applications=2,cases=1,dv_cases=-", "audit=5"),
    'the report rows count what went');
($rc, $out) = retention('--now', NOW);
like($out, qr/as of 2020-06-15: 0 rows deleted, 0 kind/, 'a second run finds nothing due');
is(one("SELECT COUNT(*) FROM audit WHERE action = 'retention.delete'"), 8, 'and adds no audit row');

# The audit trail's wall: nobody else deletes; the retention user only
# rows older than the floor (two years before today, the real clock).
sql("INSERT INTO audit (at, action, object_type, worker) VALUES "
    . "(NOW() - INTERVAL 1 YEAR, 'login', 'young', 'test'), ('2009-01-01', 'login', 'wall', 'test')");
my $young = one("SELECT id FROM audit WHERE object_type = 'young'");
my $wall = one("SELECT id FROM audit WHERE object_type = 'wall'");
($rc, $out) = sql_as('retention', "DELETE FROM audit WHERE id = $young");
like($out, qr/append-only/, 'the retention user cannot delete an audit row younger than the floor');
($rc, $out) = sql_as('migrate', "DELETE FROM audit WHERE object_type = 'wall'");
like($out, qr/append-only/, 'the schema owner cannot delete an old one');
($rc, $out) = sql_as('registry', "DELETE FROM audit WHERE object_type = 'wall'");
isnt($rc, 0, 'nor can a worker');
($rc, $out) = sql_as('retention', "UPDATE audit SET at = at WHERE id = $wall");
isnt($rc, 0, 'and nobody may change one');
is(one("SELECT COUNT(*) FROM audit WHERE object_type IN ('young', 'wall')"), 2, 'both rows are there');
($rc, $out) = sql_as('retention', "DELETE FROM audit WHERE id = $wall");
is($rc, 0, 'the retention user may delete one past the floor') or diag $out;
my $audit = rows()->{audit};
open($c, '>>', $conf) or die; print $c "retention.audit_years = 1\n"; close $c;
($rc, $out) = retention('--now', NOW);
isnt($rc, 0, 'a retention.audit_years below the floor is refused');
like($out, qr/shorter than the least 2 years of retention_floor/, 'naming the floor');
is(rows()->{audit}, $audit, 'and no audit row goes');

# The administrators' page: both runs, in words.
my $http = HTTP::Tiny->new(timeout => 10, max_redirect => 0);
my $url = "http://127.0.0.1:$port";
my $r = $http->get("$url/account/login");
my ($csrf) = ($r->{headers}{'set-cookie'} // '') =~ /csrf=([^;]+)/;
$r = $http->post_form("$url/account/login", { email => 'admin@example.org',
    password => 'karika-demo-2026', csrf => $csrf }, { headers => { Cookie => "csrf=$csrf" } });
my ($sid) = ($r->{headers}{'set-cookie'} // '') =~ /sid=([^;]+)/;
is($r->{status}, 303, 'the demo administrator signs in');
$r = $http->get("$url/registry/admin/accounts?lang=en", { headers => { Cookie => "sid=$sid" } });
like($r->{content}, qr{href="/registry/admin/retention">Data retention</a>}, 'the accounts page links to the report');
$r = $http->get("$url/registry/admin/retention?lang=en", { headers => { Cookie => "sid=$sid" } });
is($r->{status}, 200, 'the retention report answers');
my $page = $r->{content};
like($page, qr/Dry run \(counted only, nothing deleted\), as of/, 'it shows the dry run');
like($page, qr/Deletion, as of/, 'and the run');
like($page, qr{<th scope="row">Abandoned survey responses</th><td>.*?</td><td>\s*3 due\s*</td>}s, 'the dry run counted 3 abandoned responses');
like($page, qr{<th scope="row">Audit trail entries</th><td>.*?</td><td>\s*5 deleted\s*</td>}s, 'the run deleted 5 audit rows');
like($page, qr/Stopped by an error/, 'and the refused run says it stopped');
like($page, qr{<th scope="row">Refused and withdrawn applications</th><td>.*?</td><td>\s*2 deleted\s*</td>}s, 'the run deleted 2 applications');
like($page, qr{<th scope="row">Closed cases</th><td>.*?</td><td>\s*1 deleted\s*</td>}s, 'and 1 closed case');
like($page, qr{<th scope="row">Domestic violence cases</th><td>.*?</td><td>\s*The table exists, but the job has no rule for it yet}s,
    'DV cases: no rule yet') unless %absent;
like($page, qr/Not present \(no such table yet\)/, 'a kind without its table: not present') if %absent;
unlike($page, qr/retention\.kind|admin\.retention/, 'no raw keys');
$r = $http->get("$url/registry/admin/retention?lang=sr-Latn", { headers => { Cookie => "sid=$sid" } });
like($r->{content}, qr/Probni prolaz.*Obrisano: 2/s, 'in Serbian (Latin)');
$r = $http->get("$url/registry/admin/retention?lang=bs", { headers => { Cookie => "sid=$sid" } });
like($r->{content}, qr/Zapisi dnevnika pristupa i izmjena/, 'in Bosnian');
$r = $http->get("$url/registry/admin/retention?lang=sr-Cyrl", { headers => { Cookie => "sid=$sid" } });
like($r->{content}, qr/Пробни пролаз/, 'and in Cyrillic');

# karika-jobs runs it (today's clock: nothing of the above is due).
open($c, '>>', $conf) or die; print $c "retention.audit_years = 10\n"; close $c;
($rc, $out) = run_cmd({ KARIKA_BUILD => BUILD }, SRC . '/scripts/karika-jobs', '-c', $conf);
like($out, qr/retention: ok: retention as of \d{4}-\d\d-\d\d: \d+ rows deleted/, 'karika-jobs runs the retention job') or diag $out;
done_testing();
