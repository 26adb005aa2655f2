# SPDX-License-Identifier: ISC
# Reports (issue 14) as the people who use them meet them: the figures
# equal an independent count over the register, read from the summary of
# closed months (0019, filled as karika-jobs does) and the deliveries of
# the open ones, also when a month is reopened and closed again; a provider reaches no
# figure of another provider; the CSW's list of the people behind a figure
# writes an audit row per person; the forecast's scenario form keeps what
# was typed and the budget CSV is UTF-8 with a byte order mark; a
# residential institution's return is checked, reviewed and counted only
# once accepted; a provincial analyst sees two towns summed; and every
# public figure (the public page, the first page, the four open-data
# files) holds no cell under k and no lone hidden cell a total would
# reveal.
use strict;
use warnings;
use utf8;
use Test::More;
use Karika::Test;
use Encode ();

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

sub one { my ($q) = @_; return (sql($q))[0][0] }
sub audits { my ($a) = @_; return one("SELECT COUNT(*) FROM audit WHERE action = '$a'") }
# "1,234.50 RSD" or "18" (English pages) as a number.
sub num { my ($s) = @_; $s =~ s/[^0-9.]//g; return $s eq '' ? undef : $s + 0 }
# The body as characters (the agent decodes text; get() gives bytes).
sub html {
	my ($r) = @_;
	my $c = $r->{content} // '';
	return utf8::is_utf8($c) ? $c : Encode::decode('UTF-8', $c);
}
# The body as bytes.
sub bytes {
	my ($r) = @_;
	my $c = $r->{content} // '';
	return utf8::is_utf8($c) ? Encode::encode('UTF-8', $c) : $c;
}

my ($m) = map { $_->[0] } sql("SELECT id FROM municipality WHERE code = 'novi-pazar'");
my $k = one("SELECT small_cell_k FROM municipality WHERE id = $m");
my ($o1) = map { $_->[0] } sql("SELECT organisation_id FROM account_role r JOIN account a ON a.id = r.account_id WHERE a.email = 'provider1\@example.org'");
my ($o2) = map { $_->[0] } sql("SELECT organisation_id FROM account_role r JOIN account a ON a.id = r.account_id WHERE a.email = 'provider2\@example.org'");
my $year = one("SELECT YEAR(UTC_DATE())");
my $analyst = login('analyst@example.org');
my $csw = login('csw@example.org');
my $p2 = login('provider2@example.org');

# --- the summary of closed months (0019) ----------------------------------
# karika-jobs fills it as the reports' user; afterwards the closed months
# (demo: January to September) are read from it and October from the
# deliveries, and every figure below must still equal a count of the
# deliveries themselves.
my ($rc, $out) = sql_as('reports', 'CALL report_month_fill()');
is($rc, 0, 'the reports\' user fills the summary of closed months') or diag $out;
ok(one("SELECT COUNT(*) FROM report_month_done d JOIN organisation o ON o.id = d.organisation_id WHERE o.municipality_id = $m") > 0,
    'the town\'s closed months are summed');
my $summary_sql = "SELECT COUNT(*) FROM (SELECT s.municipality_id, e.service_id, e.organisation_id, d.month, "
    . "SUM(d.units) * 100 AS centi, COUNT(*) AS n FROM report_month_done x JOIN enrolment e ON e.organisation_id = x.organisation_id "
    . "JOIN delivery d ON d.enrolment_id = e.id AND d.month = x.month JOIN service s ON s.id = e.service_id "
    . "GROUP BY s.municipality_id, e.service_id, e.organisation_id, d.month) t "
    . "LEFT JOIN report_month r ON r.municipality_id = t.municipality_id AND r.service_id = t.service_id "
    . "AND r.organisation_id = t.organisation_id AND r.month = t.month AND r.centi = t.centi AND r.deliveries = t.n "
    . "WHERE r.month IS NULL";
is(one($summary_sql), 0, 'each summed month equals the sum of its deliveries');
is(one("SELECT COUNT(*) FROM report_month r LEFT JOIN report_month_done x ON x.organisation_id = r.organisation_id AND x.month = r.month WHERE x.month IS NULL"),
    0, 'and the summary holds nothing of a month it does not name');
($rc, $out) = sql_as('reports', 'INSERT INTO report_month_done (organisation_id, month) VALUES (1, \'2000-01-01\')');
isnt($rc, 0, 'the worker\'s user cannot write the summary itself');
ok(one("SELECT COUNT(*) FROM delivery d JOIN enrolment e ON e.id = d.enrolment_id JOIN service s ON s.id = e.service_id "
    . "LEFT JOIN report_month_done x ON x.organisation_id = e.organisation_id AND x.month = d.month "
    . "WHERE s.municipality_id = $m AND YEAR(d.month) = YEAR(UTC_DATE()) AND x.month IS NULL") > 0,
    'open months are read from the deliveries (both paths are counted below)');

# --- the figures equal an independent count -------------------------------
my $page = html($analyst->get("/reports/figures?year=$year&lang=en"));
my %row;
while ($page =~ m{<a href="/reports/figures/services/(\d+)\?year=\d+">.*?</th>(.*?)</tr>}sg) {
	my ($id, $cells) = ($1, $2);
	my @td = $cells =~ m{<td class="num">(.*?)</td>}sg;
	$row{$id} = [map { num($_) } @td];
}
my @svc = sql("SELECT id FROM service WHERE municipality_id = $m");
is(scalar(keys %row), scalar(@svc), 'a row per service of the town');
for my $s (map { $_->[0] } @svc) {
	my $users = one("SELECT COUNT(DISTINCT person_id) FROM enrolment WHERE service_id = $s "
	    . "AND start_date < MAKEDATE($year + 1, 1) AND (end_date IS NULL OR end_date >= MAKEDATE($year, 1))");
	my $cost = one("SELECT COALESCE(ROUND(SUM(d.units * p.price_para)), 0) FROM delivery d "
	    . "JOIN enrolment e ON e.id = d.enrolment_id JOIN service_price p ON p.service_id = e.service_id "
	    . "AND p.year = $year WHERE e.service_id = $s AND YEAR(d.month) = $year");
	my $places = one("SELECT SUM(places) FROM capacity WHERE service_id = $s AND year = $year");
	is($row{$s}[0], $users, "service $s: users as counted");
	is($row{$s}[2], $places, "service $s: places as funded") if defined $places;
	is(sprintf('%.2f', $row{$s}[5]), sprintf('%.2f', $cost / 100), "service $s: cost = units x price, to the para");
}
my $people = one("SELECT COUNT(DISTINCT e.person_id) FROM enrolment e JOIN service s ON s.id = e.service_id "
    . "WHERE s.municipality_id = $m AND e.start_date < MAKEDATE($year + 1, 1) "
    . "AND (e.end_date IS NULL OR e.end_date >= MAKEDATE($year, 1))");
like($page, qr{Total \(each person once\)</th><td class="num">\Q@{[ $people =~ s/(\d)(?=(\d{3})+$)/$1,/gr ]}\E</td>}, 'the total counts each person once');
# Units are days, hours, months or visits by service: the town's line
# adds none of them up (issue 14); a service's providers share its unit.
{
	my ($foot) = $page =~ m{<tfoot>(.*?)</tfoot>}s;
	my @ft = ($foot // '') =~ m{<td class="num">(.*?)</td>}sg;
	is($ft[4], '', 'the town\'s total adds no units of different kinds');
	my $sp = html($analyst->get("/reports/figures/services/$svc[0][0]?year=$year&lang=en"));
	($foot) = $sp =~ m{<tfoot>(.*?)</tfoot>}s;
	@ft = ($foot // '') =~ m{<td class="num">(.*?)</td>}sg;
	isnt($ft[4] // '', '', 'a service\'s total adds its units');
}
# The breakdowns (one pass over the people, and the needs): the CSW sees
# them exact; each equals a GROUP BY of the register, group for group.
my $in_year = "FROM (SELECT DISTINCT e.person_id FROM enrolment e JOIN service s ON s.id = e.service_id "
    . "WHERE s.municipality_id = $m AND e.start_date < MAKEDATE($year + 1, 1) "
    . "AND (e.end_date IS NULL OR e.end_date >= MAKEDATE($year, 1))) d JOIN person p ON p.id = d.person_id ";
my %bd_sql = (
	area => "SELECT COUNT(*) $in_year LEFT JOIN settlement st ON st.id = p.settlement_id GROUP BY st.area",
	sex => "SELECT COUNT(*) $in_year GROUP BY p.sex",
	age => "SELECT COUNT(*) $in_year GROUP BY CASE WHEN p.birth_date IS NULL THEN 9 "
	    . "WHEN $year - YEAR(p.birth_date) < 7 THEN 1 WHEN $year - YEAR(p.birth_date) < 18 THEN 2 "
	    . "WHEN $year - YEAR(p.birth_date) < 26 THEN 3 WHEN $year - YEAR(p.birth_date) < 65 THEN 4 "
	    . "WHEN $year - YEAR(p.birth_date) < 80 THEN 5 ELSE 6 END",
	need => "SELECT COUNT(*) $in_year JOIN person_need pn ON pn.person_id = p.id GROUP BY pn.need_id",
);
my $cpage = html($csw->get("/reports/figures?year=$year&lang=en"));
my %bd;
while ($cpage =~ m{aria-labelledby="bd-(\w+)">(.*?)</table>}sg) {
	my ($dim, $t) = ($1, $2);
	$bd{$dim} = join ',', sort { $a <=> $b } map { num($_) } $t =~ m{<td class="num">(.*?)</td>}sg;
}
for my $dim (sort keys %bd_sql) {
	my $want = join ',', sort { $a <=> $b } map { $_->[0] } sql($bd_sql{$dim});
	is($bd{$dim}, $want, "the breakdown by $dim equals a count of the register");
}

# A month reopened leaves the summary at once (trigger), its figures come
# from the deliveries again, and closed again they are summed again.
my ($rm) = sql("SELECT organisation_id, month, closed_at FROM month_close c WHERE EXISTS "
    . "(SELECT 1 FROM report_month r WHERE r.organisation_id = c.organisation_id AND r.month = c.month "
    . "AND r.municipality_id = $m) ORDER BY month LIMIT 1");
SKIP: {
	skip 'no summed month in the demo town', 5 unless $rm;
	my ($ro, $rmonth, $rat) = @$rm;
	my $costs = sub {
		my $p = html($analyst->get("/reports/figures?year=$year&lang=en"));
		my %c;
		while ($p =~ m{<a href="/reports/figures/services/(\d+)\?year=\d+">.*?</th>(.*?)</tr>}sg) {
			my ($id, $cells) = ($1, $2);
			my @td = $cells =~ m{<td class="num">(.*?)</td>}sg;
			$c{$id} = sprintf('%.2f', num($td[5]));
		}
		return join ',', map { "$_=$c{$_}" } sort keys %c;
	};
	my $with = $costs->();
	sql("DELETE FROM month_close WHERE organisation_id = $ro AND month = '$rmonth'");
	is(one("SELECT COUNT(*) FROM report_month WHERE organisation_id = $ro AND month = '$rmonth'")
	    + one("SELECT COUNT(*) FROM report_month_done WHERE organisation_id = $ro AND month = '$rmonth'"),
	    0, 'a reopened month leaves the summary');
	is($costs->(), $with, 'and its figures, read from the deliveries, are the same');
	sql("INSERT INTO month_close (organisation_id, month, closed_at) VALUES ($ro, '$rmonth', '$rat')");
	is($costs->(), $with, 'closed again and not yet summed: the same');
	($rc, $out) = sql_as('reports', 'CALL report_month_fill()');
	like($out, qr/^1\t[1-9]/, 'the next run sums that one month') or diag $out;
	is($costs->(), $with, 'summed again: the same');
}

# --- a provider reaches no figure of another provider ---------------------
my ($svc1) = map { $_->[0] } sql("SELECT MIN(service_id) FROM enrolment WHERE organisation_id = $o1");
my $before = one("SELECT COUNT(*) FROM audit WHERE action = 'report.open' AND outcome = 'not-found'");
my $r = $p2->get("/reports/figures/services/$svc1/providers/$o1");
is($r->{status}, 404, "the second provider gets 404 for the first's months");
is(one("SELECT COUNT(*) FROM audit WHERE action = 'report.open' AND outcome = 'not-found'"), $before + 1, 'and it is audited');
$page = html($p2->get("/reports/figures/services/$svc1?lang=en"));
unlike($page, qr{/providers/$o1\b}, "the first provider does not appear on the second's service page");
my $own1 = one("SELECT COUNT(DISTINCT person_id) FROM enrolment WHERE organisation_id = $o2 AND service_id = $svc1 "
    . "AND start_date < MAKEDATE($year + 1, 1) AND (end_date IS NULL OR end_date >= MAKEDATE($year, 1))");
$page = html($p2->get("/reports/figures?lang=en"));
my ($p2row) = $page =~ m{/reports/figures/services/$svc1\?year=\d+">.*?</th><td class="num">([^<]*)</td>}s;
is(num($p2row), $own1, "the second provider's town page counts only its own users");
for my $path ("/reports/figures/services/$svc1/persons", '/reports/demand', '/reports/forecast',
    '/reports/province', '/reports/state', '/reports/forecast.csv', '/reports/returns') {
	is($p2->get($path)->{status}, 403, "a provider may not open $path");
}

# --- the CSW's drill-down to people is audited ------------------------------
$before = audits('report.persons');
$r = $csw->get("/reports/figures/services/$svc1/providers/$o1/persons?year=$year&lang=en");
is($r->{status}, 200, 'the CSW opens the people behind a figure');
my $listed = () = html($r) =~ m{<a href="/registry/persons/\d+">}g;
ok($listed > 0, "people are listed ($listed)");
is(audits('report.persons'), $before + $listed, 'one audit row per person listed');
is($analyst->get("/reports/figures/services/$svc1/persons")->{status}, 403, 'the analyst may not list people');

# --- the forecast: scenarios, method, budget CSV ---------------------------
my $name = 'Test ' . time();
$r = $analyst->submit('/reports/scenarios/new?lang=en', { name => $name, price => '3,5x', takeup => '150' }, '/reports/scenarios/new');
is($r->{status}, 422, 'a wrong percentage and share are refused');
like(html($r), qr/value="3,5x"/, 'and what was typed is kept');
$r = $analyst->submit('/reports/scenarios/new', { name => $name, price => '-2,25', takeup => '50' });
is($r->{status}, 303, 'a scenario is saved');
my ($sid) = $r->{headers}{location} =~ /scenario=(\d+)/;
is(one("SELECT price_change_bp FROM report_scenario WHERE id = $sid"), -225, 'the price change kept in basis points');
$r = $analyst->submit("/reports/scenarios/new", { name => $name, price => '1', takeup => '10' });
is($r->{status}, 409, 'a second scenario of the same name is refused');
$r = $analyst->submit("/reports/scenarios/$sid/places", { service => $svc1, places => 4 });
is($r->{status}, 303, 'extra places are saved');
$page = html($analyst->get("/reports/forecast?scenario=$sid&lang=en"));
like($page, qr/least-squares line/, 'the method is shown in words');
my ($mo, $noun) = $page =~ /whose deliveries \((\d+) (months?)\)/;
ok($mo, 'with the months the base year delivered');
is($noun, $mo == 1 ? 'month' : 'months', "in the form the number takes ($mo)");
my $csv = $analyst->get("/reports/forecast.csv?scenario=$sid");
is($csv->{status}, 200, 'the budget proposal downloads');
like($csv->{headers}{'content-type'}, qr{^text/csv; charset=utf-8}, 'as CSV in UTF-8');
is(substr(bytes($csv), 0, 3), "\xEF\xBB\xBF", 'with a byte order mark');
my @lines = split /\r\n/, substr(html($csv), 1);
like($lines[0], qr/^service;name;unit;/, 'a header line');
is(scalar(@lines), scalar(@svc) + 2, 'a line per service and a total');
my ($total_cost) = $lines[-1] =~ /;([0-9.]+)$/;
my $sum = 0;
$sum += (split /;/)[-1] * 100 for @lines[1 .. $#lines - 1];
is(sprintf('%.0f', $total_cost * 100), sprintf('%.0f', $sum), 'the total is the sum of the services, to the para');

# --- a residential institution's return ------------------------------------
my ($o3) = map { $_->[0] } sql("SELECT id FROM organisation WHERE municipality_id = $m AND category = 'residential' LIMIT 1");
my $staff = 'dom-' . time() . '@example.net';
sql("INSERT INTO account (email, name, password_hash, locale, status) SELECT '$staff', 'Dom Test', password_hash, 'en', 'active' FROM account WHERE email = 'provider1\@example.org'");
sql("INSERT INTO account_role (account_id, role, municipality_id, organisation_id) SELECT id, 'provider', $m, $o3 FROM account WHERE email = '$staff'");
my $dom = login($staff);
my $q = int((one("SELECT MONTH(UTC_DATE())") - 1) / 3) + 1;
sql("DELETE FROM report_return WHERE organisation_id = $o3 AND period = MAKEDATE($year, 1) + INTERVAL ($q * 3 - 3) MONTH");
$r = $dom->submit('/reports/returns/new?lang=en', { year => $year, quarter => $q, places => 50, users => 60,
    admissions => 2, discharges => 1, waiting => 3 }, '/reports/returns/new');
is($r->{status}, 422, 'more residents than places is refused');
like(html($r), qr/value="60"/, 'and the figures typed are kept');
$r = $dom->submit('/reports/returns/new', { year => $year + 1, quarter => 4, places => 50, users => 40,
    admissions => 2, discharges => 1, waiting => 3 });
is($r->{status}, 422, 'a quarter that has not begun is refused');
$r = $dom->submit('/reports/returns/new', { year => $year, quarter => $q, places => 50, users => 40,
    admissions => 2, discharges => 1, waiting => 3 });
is($r->{status}, 303, 'a valid return is sent');
my $rid = one("SELECT id FROM report_return WHERE organisation_id = $o3 AND period = MAKEDATE($year, 1) + INTERVAL ($q * 3 - 3) MONTH");
is(one("SELECT status FROM report_return WHERE id = $rid"), 'submitted', 'waiting for review');
is($p2->get("/reports/returns/$rid")->{status}, 404, 'another provider cannot open it');
$r = $analyst->submit("/reports/returns/$rid", { decision => 'return', reason => '' });
is($r->{status}, 422, 'sending back needs a reason');
$r = $analyst->submit("/reports/returns/$rid", { decision => 'return', reason => 'Check the discharges' });
is($r->{status}, 303, 'the analyst sends it back');
($page) = html($analyst->get("/reports/state?lang=en")) =~ m{(<table class="report state-institutions">.*?</table>)}s;
unlike($page, qr/<td class="num">40<\/td>/, 'a return sent back does not count');
$r = $dom->submit('/reports/returns/new', { year => $year, quarter => $q, places => 50, users => 41,
    admissions => 2, discharges => 1, waiting => 3 });
is($r->{status}, 303, 'the institution corrects and sends it again');
$r = $analyst->submit("/reports/returns/$rid", { decision => 'accept', reason => '' });
is($r->{status}, 303, 'the analyst accepts it');
is(audits('report.return.accept') > 0, 1, 'the decision is audited');
($page) = html($analyst->get("/reports/state?lang=en")) =~ m{(<table class="report state-institutions">.*?</table>)}s;
like($page, qr/<td class="num">41<\/td>/, 'an accepted return counts');
$r = $dom->submit('/reports/returns/new', { year => $year, quarter => $q, places => 50, users => 42,
    admissions => 2, discharges => 1, waiting => 3 });
is($r->{status}, 409, 'an accepted quarter is final');
# Completeness: a quarter's returns are missing only once it has ended
# (issue 14: the running quarter counted every institution as missing).
{
	my @now = localtime;
	my ($y, $cur) = ($now[5] + 1900, int($now[4] / 3) + 1);
	my ($t) = html($analyst->get("/reports/returns?year=$y&lang=en")) =~ m{<table class="report completeness">(.*?)</table>}s;
	my @rows = ($t // '') =~ m{<tr><th scope="row">(.*?)</tr>}sg;
	is(scalar(@rows), 4, 'four quarters');
	my @miss = map { (m{<td class="num">\s*([^<]*?)\s*</td>\s*$}s)[0] } @rows;
	is($miss[$cur - 1], 'not due yet', "the running quarter $cur has nothing missing yet");
	like($miss[$cur - 2], qr/^\d+$/, 'the one before counts what is missing') if $cur > 1;
	($t) = html($analyst->get('/reports/returns?year=' . ($y + 1) . '&lang=en')) =~ m{<table class="report completeness">(.*?)</table>}s;
	is(scalar(() = ($t // '') =~ /not due yet/g), 4, 'nor next year\'s');
}

# The CSW's cases on the state page ("per CSW: applications by status
# and age, decisions, cases"): counts of case_file.
{
	my $y = (localtime)[5] + 1900;
	my @want = map { one($_) } (
	    "SELECT COUNT(*) FROM case_file WHERE municipality_id = $m AND status = 'open'",
	    "SELECT COUNT(*) FROM case_file WHERE municipality_id = $m AND status = 'closing'",
	    "SELECT COUNT(*) FROM case_file WHERE municipality_id = $m AND YEAR(opened_on) = 2025",
	    "SELECT COUNT(*) FROM case_file WHERE municipality_id = $m AND status = 'closed' AND YEAR(outcome_on) = 2025",
	    "SELECT COUNT(*) FROM case_file WHERE municipality_id = $m AND status = 'closed' AND YEAR(outcome_on) = 2025 "
	    . "AND outcome IN ('employed-cm', 'employed-se', 'self-employed')");
	for my $who ($analyst, login('csw@example.org')) {
		my ($t) = html($who->get('/reports/state?year=2025&lang=en')) =~ m{<table class="report state-cases">(.*?)</table>}s;
		my @got = map { num($_) } ($t // '') =~ m{<td class="num">(.*?)</td>}sg;
		is("@got", "@want", 'the state page counts the CSW\'s cases: open, closing, opened and closed in 2025, jobs');
	}
	is($want[4], 10, 'the pilot\'s 10 jobs among them');
}

# --- the province: two towns side by side, summed ---------------------------
my $code = 'prov-' . time() % 100000;
sql("INSERT INTO municipality (code, name_sr_latn, name_sr_cyrl, name_bs, name_en, country, currency) VALUES ('$code', 'Tutin', 'Тутин', 'Tutin', 'Tutin', 'RS', 'RSD')");
my ($m2) = map { $_->[0] } sql("SELECT id FROM municipality WHERE code = '$code'");
my $prov = 'prov-' . time() . '@example.net';
sql("INSERT INTO account (email, name, password_hash, locale, status) SELECT '$prov', 'Province', password_hash, 'en', 'active' FROM account WHERE email = 'analyst\@example.org'");
sql("INSERT INTO account_role (account_id, role, municipality_id) SELECT id, 'analyst', x.m FROM account, (SELECT $m AS m UNION SELECT $m2) x WHERE email = '$prov'");
$page = html(login($prov)->get("/reports/province?year=$year&lang=en"));
like($page, qr/Novi Pazar/, 'the first town');
like($page, qr/Tutin/, 'and the second, side by side');
like($page, qr{Total</th><td class="num">\Q@{[ $people =~ s/(\d)(?=(\d{3})+$)/$1,/gr ]}\E</td>}, 'summed');
unlike($page, qr{<th scope="col" class="num">Units}, 'no units: a town\'s add hours to days');
unlike($page, qr{/registry/persons/}, 'never a person');
unlike(html($analyst->get("/reports/province?lang=en")), qr/Tutin/, 'an analyst of one town sees one');

# --- every public figure: no cell under k, none to derive ------------------
# Cells of a table by column (year); a hidden cell is "<k".
sub check_columns {
	my ($what, $cols, $totals) = @_;
	for my $y (sort keys %$cols) {
		my @c = @{ $cols->{$y} };
		my @small = grep { $_ ne "<$k" && $_ > 0 && $_ < $k } @c;
		ok(!@small, "$what $y: no cell under $k") or diag("@c");
		my $hidden = grep { $_ eq "<$k" } @c;
		my $total_hidden = !defined $totals || !defined $totals->{$y} || $totals->{$y} eq "<$k";
		ok($hidden != 1 || $total_hidden, "$what $y: no lone hidden cell beside its total");
	}
}
for my $lang (LOCALES) {
	my $r = get("/reports/public?lang=$lang");
	is($r->{status}, 200, "the public page in $lang");
	my $h = html($r);
	like($h, qr{<svg[^>]*role="img"}, "it draws a chart in $lang");
	like($h, qr{<table class="report public">}, "with a table beside it in $lang");
}
my $pub = html(get('/reports/public?lang=en'));
my ($users_table) = $pub =~ m{<caption id="tab-users">.*?</caption>(.*?)</table>}s;
my @years = $users_table =~ m{<th scope="col" class="num">(\d{4})</th>}g;
my (%cols, %tot);
for my $tr ($users_table =~ m{<tbody>(.*?)</tbody>}s) {
	for my $row ($tr =~ m{<tr>(.*?)</tr>}sg) {
		my @td = map { s/&lt;/</r =~ s/,//gr } $row =~ m{<td class="num">(.*?)</td>}sg;
		push @{ $cols{$years[$_]} }, $td[$_] for 0 .. $#td;
	}
}
my ($foot) = $users_table =~ m{<tfoot>(.*?)</tfoot>}s;
my @ft = map { s/&lt;/</r =~ s/,//gr } $foot =~ m{<td class="num">(.*?)</td>}sg;
$tot{$years[$_]} = $ft[$_] for 0 .. $#ft;
ok(scalar(@years) > 0, 'the public table has years');
check_columns('public page users', \%cols, \%tot);
my $first = html(get('/reports/?lang=en'));
my @fp = map { s/&lt;/</r =~ s/,//gr } $first =~ m{<td class="num">(.*?)</td>}sg;
my $fp_total = pop @fp;
check_columns('first page', { $year => \@fp }, { $year => $fp_total });
# The open-data files hold the same cells, hidden the same way.
my (%csv_users, %csv_hidden);
for my $ds ('users', 'spending') {
	my $r = get("/reports/open/$ds.csv");
	is($r->{status}, 200, "$ds.csv downloads");
	is(substr(bytes($r), 0, 3), "\xEF\xBB\xBF", "$ds.csv is UTF-8 with a byte order mark");
	my @l = split /\r\n/, substr(html($r), 1);
	is($l[0], 'municipality;year;service;service_name;value;suppressed;extracted', "$ds.csv: the dictionary's columns");
	my %c;
	for (@l[1 .. $#l]) {
		my @f = split /;/;
		is($f[5], $f[4] eq "<$k" ? 1 : 0, "$ds.csv $f[1] $f[2]: the flag says hidden") if $f[5] ne ($f[4] eq "<$k" ? 1 : 0);
		push @{ $c{$f[1]} }, $ds eq 'users' ? $f[4] : ($f[4] eq "<$k" ? "<$k" : $k);
		$csv_hidden{$ds}{"$f[1] $f[2]"} = $f[5];
		$csv_users{"$f[1] $f[2]"} = $f[4] if $ds eq 'users';
	}
	check_columns("$ds.csv", \%c, \%tot) if $ds eq 'users';
	my $j = get("/reports/open/$ds.json");
	is($j->{status}, 200, "$ds.json downloads");
	like($j->{headers}{'content-type'}, qr{^application/json}, "$ds.json is JSON");
	my $jt = html($j);
	like($jt, qr/"licence": "CC-BY-4.0"/, "$ds.json names its licence");
	like($jt, qr/"extracted": "\d{4}-\d{2}-\d{2}"/, "$ds.json its date of extraction");
	my $bad = 0;
	while ($jt =~ /"year": (\d+), "service": "([^"]+)".*?"value": ("?[\d.]+"?|null), "suppressed": (true|false)/g) {
		my ($y, $s, $v, $h) = ($1, $2, $3, $4);
		$bad++ if ($h eq 'true') != ($csv_hidden{$ds}{"$y $s"} eq '1');
		$bad++ if $ds eq 'users' && $h eq 'false' && $v > 0 && $v < $k;
	}
	is($bad, 0, "$ds.json hides what the CSV hides, and nothing under $k shows");
}
is(scalar(grep { $csv_hidden{spending}{$_} ne $csv_hidden{users}{$_} } keys %{ $csv_hidden{users} }), 0,
    'spending is hidden wherever users are');
my $idx = html(get('/reports/open/?lang=en'));
like($idx, qr/Data dictionary/, 'the open-data page has a data dictionary');
like($idx, qr/CC-BY-4.0/, 'a licence');
like($idx, qr/Date of extraction/, 'and the date of extraction');
# The dictionary names exactly the fields the files have (issue 14: it
# listed the CSV's columns as the JSON's rows' keys).
{
	require JSON::PP;
	my %dict = map {
		my ($t) = $idx =~ m{<table class="report dictionary" id="$_">(.*?)</table>}s;
		($_ => join(' ', sort(($t // '') =~ m{<th scope="row"><code>([^<]+)</code></th>}g)))
	} qw(dict-csv dict-json dict-rows);
	my ($head) = split /\r\n/, substr(html(get('/reports/open/users.csv')), 1);
	is($dict{'dict-csv'}, join(' ', sort split /;/, $head), 'the CSV columns, as users.csv has them');
	my (%top, %row);
	for my $ds ('users', 'spending') {
		my $doc = JSON::PP->new->decode(bytes(get("/reports/open/$ds.json")));
		$top{$_} = 1 for keys %$doc;
		for my $r (@{ $doc->{rows} }) {
			$row{$_} = 1 for keys %$r;
			ok(!defined $r->{value} && $r->{shown_as} eq "<$k", "$ds.json: a hidden row is null, shown as <$k")
			    if $r->{suppressed} && !(!defined $r->{value} && ($r->{shown_as} // '') eq "<$k");
		}
	}
	is($dict{'dict-json'}, join(' ', sort keys %top), 'the JSON file\'s keys, as the files have them');
	is($dict{'dict-rows'}, join(' ', sort keys %row), 'the keys of a JSON row, as the files have them');
	my $cyr = html(get('/reports/open/?lang=sr-Cyrl'));
	like($cyr, qr/JSON/, 'the Cyrillic page writes JSON in Latin');
	unlike($cyr, qr/ЈСОН|ЦСВ|труе/, 'not transliterated');
}

# --- the CSW's applications and unmet demand (0024) -----------------------
# Applications of every kind for one service, by SQL; the state report's
# row for each service and the demand page's waiting and refused columns
# equal counts of the applications tables themselves.
my ($as) = map { $_->[0] } sql("SELECT MIN(id) FROM service WHERE municipality_id = $m");
my ($acc) = map { $_->[0] } sql("SELECT id FROM account WHERE email = 'citizen\@example.org'");
my $app_n = 0;
my $app = sub {
	my ($status, $submitted, $decided, $no_place) = @_;
	$app_n++;
	sql("INSERT INTO application (municipality_id, service_id, applicant_account_id, filed_by_account_id, "
	    . "status, relation, given_name, family_name, name_key, family_key, birth_date, submitted_at, "
	    . "decided_at, waiting_since) VALUES ($m, $as, $acc, $acc, '$status', 'parent', 'Test$app_n', 'Reports', "
	    . "'test$app_n reports', 'reports', '2015-01-01', $submitted, $decided, "
	    . ($status eq 'waiting' || $status eq 'offered' ? $decided : 'NULL') . ")");
	sql("INSERT INTO application_event (application_id, kind, at) SELECT MAX(id), 'waiting', $decided FROM application")
	    if $no_place;
};
my $jan = "MAKEDATE(YEAR(UTC_DATE()), 1)";
$app->('submitted', 'UTC_TIMESTAMP() - INTERVAL 10 DAY', 'NULL') for 1 .. 2;
$app->('review', 'UTC_TIMESTAMP() - INTERVAL 45 DAY', 'NULL');
$app->('info', 'UTC_TIMESTAMP() - INTERVAL 70 DAY', 'NULL');
$app->('enrolled', "$jan", "$jan + INTERVAL 20 DAY");
$app->('waiting', "$jan", "$jan + INTERVAL 40 DAY", 1) for 1 .. 3;
$app->('offered', "$jan", "$jan + INTERVAL 5 DAY", 1);
$app->('refused', "$jan", "$jan + INTERVAL 3 DAY") for 1 .. 2;
$app->('refused', "$jan - INTERVAL 1 YEAR", "$jan - INTERVAL 300 DAY");
$app->('draft', 'NULL', 'NULL');
my $dy = "YEAR(a.decided_at) = $year";
my %app_sql = (
	submitted => "a.status = 'submitted'", review => "a.status = 'review'", info => "a.status = 'info'",
	'age-30' => "a.status IN ('submitted', 'review', 'info') AND DATEDIFF(UTC_DATE(), DATE(a.submitted_at)) <= 30",
	'age-60' => "a.status IN ('submitted', 'review', 'info') AND DATEDIFF(UTC_DATE(), DATE(a.submitted_at)) BETWEEN 31 AND 60",
	'age-over' => "a.status IN ('submitted', 'review', 'info') AND DATEDIFF(UTC_DATE(), DATE(a.submitted_at)) > 60",
	waiting => "a.status IN ('waiting', 'offered')",
	approved => "$dy AND a.status <> 'refused'",
	'no-place' => "$dy AND a.id IN (SELECT application_id FROM application_event WHERE kind = 'waiting')",
	refused => "$dy AND a.status = 'refused'",
	'in-time' => "$dy AND DATEDIFF(a.decided_at, a.submitted_at) <= 30",
);
my @app_cols = qw(submitted review info age-30 age-60 age-over waiting approved no-place refused in-time);
$page = html($csw->get("/reports/state?year=$year&lang=en"));
my ($apps_table) = $page =~ m{<table class="report state-applications">(.*?)</table>}s;
ok($apps_table, 'the state report has the CSW\'s applications');
my ($diff, $seen) = (0, 0);
for my $sv (sql("SELECT id, name_en FROM service WHERE municipality_id = $m")) {
	my ($sid, $name) = @$sv;
	my ($cells) = ($apps_table // '') =~ m{<th scope="row">\Q$name\E</th>(.*?)</tr>}s;
	my @got = map { num($_) } ($cells // '') =~ m{<td class="num">(.*?)</td>}sg;
	$seen++ if @got == @app_cols;
	for my $i (0 .. $#app_cols) {
		my $want = one("SELECT COUNT(*) FROM application a WHERE a.service_id = $sid AND a.status <> 'draft' AND $app_sql{$app_cols[$i]}");
		next if defined $got[$i] && $got[$i] == $want;
		$diff++;
		diag("service $sid $app_cols[$i]: page " . ($got[$i] // 'none') . ", count $want");
	}
}
is($seen, scalar(@svc), 'a row of applications per service');
is($diff, 0, 'every count of the applications equals a count of the tables');
my %want_as = map { $_ => one("SELECT COUNT(*) FROM application a WHERE a.service_id = $as AND $app_sql{$_}") } @app_cols;
ok($want_as{'age-30'} >= 2 && $want_as{'age-60'} >= 1 && $want_as{'age-over'} >= 1 && $want_as{'no-place'} >= 4
    && $want_as{refused} >= 2 && $want_as{'in-time'} >= 4, 'and the fixture reaches every column');
my ($as_name, $as_unit) = @{ (sql("SELECT name_en, unit FROM service WHERE id = $as"))[0] };
$page = html($analyst->get("/reports/demand?year=$year&lang=en"));
my ($dcells) = $page =~ m{<th scope="row">\Q$as_name\E \([^)]*\)</th>(.*?)</tr>}s;
my @dem = map { num($_) } ($dcells // '') =~ m{<td class="num">(.*?)</td>}sg;
is($dem[0], $want_as{waiting}, 'demand: waiting now is the applications on the list or offered a place');
is($dem[1], $want_as{'no-place'}, 'demand: refused for lack of places is the year\'s approvals without a free place');
my ($rc2, $out2) = sql_as('reports', 'SELECT COUNT(*) FROM application');
isnt($rc2, 0, 'the reports\' user cannot read the applications themselves');

# Each worker process keeps a few published tables (public.c): the
# public page's years and an anonymous visitor's single years of
# /reports/ side by side, never one served for the other.  ?lang= keeps
# nginx's micro-cache out of it (the answer sets the cookie).
my $pub_before = main_text(get('/reports/public?lang=en')->{content});
my $year_now = (gmtime)[5] + 1900;
my %users_page;
for my $y ($year_now, $year_now - 1, $year_now, $year_now - 1) {
	for (1 .. 3) {
		my $r = get("/reports/?year=$y&lang=en");
		is($r->{status}, 200, "an anonymous visitor's users per service of $y");
		my $t = main_text($r->{content});
		$users_page{$y} //= $t;
		is($t, $users_page{$y}, "the same figures for $y from any process");
	}
}
isnt($users_page{$year_now}, $users_page{$year_now - 1}, 'each year its own table');
for (1 .. 4) {
	is(main_text(get('/reports/public?lang=en')->{content}), $pub_before,
	    'the public page afterwards is the same, all its years');
}

done_testing();
