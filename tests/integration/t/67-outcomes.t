# SPDX-License-Identifier: ISC
# The figures of case management and of the domestic-violence module in
# karika-reports (issue 15): the demo town's activation outcomes of 2025
# are the pilot's (10 jobs: 6 through case management, 4 through social
# entrepreneurship), for the CSW, the analyst and the administrator; the
# breakdowns by partner are exact for the CSW and hidden under k for the
# others; DV figures are hidden under k for everyone, town by town for a
# provincial analyst; nobody else may open them; and the reports' database
# user reads the views, never the cases themselves.
use strict;
use warnings;
use utf8;
use Test::More;
use Karika::Test;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

# The cells of a row of a table, by the row's catalogue key or name.
sub row_cells {
	my ($html, $table, $row) = @_;
	my ($t) = $html =~ m{<table class="report" id="\Q$table\E">(.*?)</table>}s or return;
	for my $tr ($t =~ m{(<tr id="[^"]*"[^>]*>.*?</tr>)}sg) {
		next unless $tr =~ /data-key="\Q$row\E"/ || $tr =~ m{<th scope="row">\Q$row\E</th>};
		return map { s/&lt;/</r } $tr =~ m{<td class="num">([^<]*)</td>}g;
	}
	return;
}

my $csw = login('csw@example.org');
my $analyst = login('analyst@example.org');
my $admin = login('admin@example.org');
$_->get('/?lang=en') for ($csw, $analyst, $admin);

# --- activation outcomes --------------------------------------------------
my $r = $csw->get('/reports/outcomes?year=2025');
is($r->{status}, 200, 'the CSW opens the outcomes of 2025') or diag(main_text($r->{content}));
my $h = $r->{content};
is((row_cells($h, 'by-group', 'outcome.employed-cm'))[0], '6', '6 people employed through case management');
is((row_cells($h, 'by-group', 'outcome.employed-se'))[0], '4', '4 through social entrepreneurship');
is((row_cells($h, 'by-group', 'outcomes.jobs'))[0], '10', '10 jobs in all');
is((row_cells($h, 'by-group', 'outcome.training'))[0], '5', '5 trainings completed');
is((row_cells($h, 'by-group', 'outcome.exit'))[0], '3', '3 exits');
is((row_cells($h, 'by-group', 'outcomes.total'))[0], '18', '18 cases closed');
like($h, qr{Women victims of domestic violence}, 'a column per priority group');
is_deeply([row_cells($h, 'by-partner', 'Tekstil NP d.o.o.')], [0, 3, 0, 0, 0, 3],
    'the CSW sees a partner\'s small figures as they are');
is_deeply([(row_cells($h, 'by-year', '2025'))[0 .. 5]], [5, 6, 4, 0, 3, 18], 'the year by year table');
unlike($h, qr/&lt;5/, 'nothing is hidden from the CSW');

# A year with one job only, through a partner (the reviewer's 2026):
# one open case closed for a moment in 2024, then opened again.
my ($c24) = map { $_->[0] } sql("SELECT MAX(id) FROM karika.case_file WHERE status = 'open'");
sql("UPDATE karika.case_file SET status = 'closed', outcome = 'employed-cm', outcome_on = '2024-04-01', "
    . "outcome_organisation_id = (SELECT id FROM karika.organisation WHERE name = 'Tekstil NP d.o.o.') WHERE id = $c24");

for ([$analyst, 'analyst'], [$admin, 'administrator']) {
	my ($a, $who) = @$_;
	$r = $a->get('/reports/outcomes?year=2025');
	is($r->{status}, 200, "the $who opens the outcomes");
	$h = $r->{content};
	is_deeply([(row_cells($h, 'by-group', 'outcome.employed-cm'))[0],
	    (row_cells($h, 'by-group', 'outcome.employed-se'))[0],
	    (row_cells($h, 'by-group', 'outcomes.jobs'))[0]], [6, 4, 10],
	    "the $who sees the town's figures: 6, 4, 10 jobs");
	my @t = row_cells($h, 'by-partner', 'Tekstil NP d.o.o.');
	is($t[1], '<5', "a partner's 3 jobs are hidden from the $who");
	my ($bp) = $h =~ m{<table class="report" id="by-partner">(.*?)</table>}s;
	unlike($bp, qr{<td class="num">[1-4]</td>}, "no partner's count under 5 reaches the $who");
	# Complementary suppression: each column of the partners adds up
	# to the town's line and each row to its total, so no line may
	# keep a lone hidden cell (issue 14: the exits of 2025 were 0 in
	# every row but one "<5", which the town's 3 gave back; a year
	# with 1 job through case management, the same).
	for my $year (2025, 2024) {
		my $p = $a->get("/reports/outcomes?year=$year")->{content};
		my ($tb) = $p =~ m{<table class="report" id="by-partner">(.*?)</table>}s;
		my @rows = map { [map { s/&lt;/</r } m{<td class="num">([^<]*)</td>}g] }
		    $tb =~ m{<tr id="[^"]*"[^>]*>(.*?)</tr>}sg;
		my @lone;
		for my $j (0 .. 4) {
			my $hidden = grep { $_->[$j] eq '<5' } @rows;
			push @lone, "column $j" if $hidden == 1;
		}
		for my $i (0 .. $#rows) {
			my $hidden = grep { $_ eq '<5' } @{$rows[$i]}[0 .. 4];
			push @lone, "row $i" if $hidden == 1;
		}
		ok(@rows > 0 && !@lone, "$year: no line of the partners keeps a lone hidden cell for the $who")
		    or diag("@lone");
	}
}
sql("UPDATE karika.case_file SET status = 'open', outcome = NULL, outcome_on = NULL, "
    . "outcome_organisation_id = NULL WHERE id = $c24");

$r = $csw->get('/reports/outcomes?year=twenty');
is($r->{status}, 400, 'a malformed year is refused');
$r = $csw->get('/reports/outcomes');
is($r->{status}, 200, 'this year by default');

for my $who ('provider1', 'citizen', 'editor', 'partner') {
	my $a = login("$who\@example.org");
	is($a->get('/reports/outcomes')->{status}, 403, "$who may not see the outcomes");
	is($a->get('/reports/dv')->{status}, 403, "$who may not see the DV figures");
}
is(agent()->get('/reports/outcomes')->{status}, 303, 'anonymous callers are sent to sign in');

# The province: the analyst's towns side by side, each its headline line.
$r = $analyst->get('/reports/outcomes/province?year=2025');
is($r->{status}, 200, 'the analyst opens the outcomes town by town') or diag(main_text($r->{content}));
is_deeply([row_cells($r->{content}, 'out-province', 'Novi Pazar')], [5, 6, 4, 0, 3, 10, 18],
    'the town\'s row: the outcomes, 10 jobs, 18 cases closed');
is_deeply([row_cells($r->{content}, 'out-province', 'outcomes.province')], [5, 6, 4, 0, 3, 10, 18],
    'and the province\'s line');
is($csw->get('/reports/outcomes/province')->{status}, 403, 'the province is the analysts\'');

# --- domestic violence ----------------------------------------------------
$r = $csw->get('/reports/dv?year=2025');
is($r->{status}, 200, 'the CSW opens the DV figures of 2025');
$h = $r->{content};
is((row_cells($h, 'dv-kinds', 'dvkind.physical'))[0], '7', 'cases of physical violence');
is((row_cells($h, 'dv-kinds', 'dvkind.psychological'))[0], '8', 'of psychological violence');
is((row_cells($h, 'dv-kinds', 'dvkind.economic'))[0], '<5', '4 cases of economic violence are hidden, also from the CSW');
is((row_cells($h, 'dv-kinds', 'outcomes.dv.all'))[0], '11', 'eleven cases');
is((row_cells($h, 'dv-relationship', 'dvrel.former-partner'))[0], '<5', 'a small relationship is hidden');
is((row_cells($h, 'dv-relationship', 'dvrel.spouse'))[0], '<5', 'and the other with it (7 = 11 - 4)');
is((row_cells($h, 'dv-months', 'month.2'))[0], '<5', 'a month with one case is hidden');
unlike($h, qr{Imamović|Žrtva|Počinilac}, 'no name reaches the page');

$r = $analyst->get('/reports/dv?year=2025');
is($r->{status}, 200, 'the analyst opens them too');
$r = $analyst->get('/reports/dv/province?year=2025');
is($r->{status}, 200, 'and the province, town by town') or diag(main_text($r->{content}));
$h = $r->{content};
like($h, qr{<th scope="row">Novi Pazar</th>}, 'the analyst\'s town is a row');
is((row_cells($h, 'dv-province', 'Novi Pazar'))[0], '11', 'with its cases');
is((row_cells($h, 'dv-province', 'Novi Pazar'))[4], '<5', 'a small kind is hidden');
is((row_cells($h, 'dv-province', 'outcomes.province'))[4], '<5',
    'and the province\'s line does not give it back');
is($csw->get('/reports/dv/province')->{status}, 403, 'the province is the analysts\'');

# --- the second wall: the reports user reads the views only -------------
isnt((sql_as('reports', 'SELECT COUNT(*) FROM case_file'))[0], 0, 'karika_reports cannot read case_file');
isnt((sql_as('reports', 'SELECT COUNT(*) FROM dv_case'))[0], 0, 'nor dv_case');
is((sql_as('reports', 'SELECT COUNT(*) FROM report_dv'))[0], 0, 'but reads report_dv');

done_testing();
