# SPDX-License-Identifier: ISC
# Every link a report page shows leads somewhere its reader may go
# (issue 14, the reviewer's walk): followed by the same caller, no link
# of the pages of karika-reports answers 403 or 404.  The town's figures
# had a list of "the people behind these figures" that is no page, the
# demand page linked the forecast and the survey's unpublished results
# for the CSW, the state page the returns the CSW may not open.
use strict;
use warnings;
use utf8;
use Test::More;
use Karika::Test;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

my ($svc) = map { $_->[0] } sql("SELECT MIN(s.id) FROM service s JOIN municipality m ON m.id = s.municipality_id "
    . "WHERE m.code = 'novi-pazar'");
my @pages = ('/reports/', '/reports/figures', "/reports/figures/services/$svc", '/reports/demand',
    '/reports/state', '/reports/outcomes', '/reports/dv', '/reports/returns', '/reports/forecast',
    '/reports/public', '/reports/open/', '/reports/province', '/reports/outcomes/province');

# The links of a page's main part (the layout's menu is another's).
sub links {
	my ($html) = @_;
	my ($main) = $html =~ m{<main\b(.*?)</main>}s or return ();
	my %seen;
	return grep { !$seen{$_}++ } map { s/&amp;/&/gr }
	    grep { m{^/(reports|surveys)/} && !m{\.(csv|json)\b} } $main =~ m{<a [^>]*href="([^"]+)"}g;
}

for my $who (qw(csw analyst admin provider1)) {
	my $a = login("$who\@example.org");
	my (%bad, $followed);
	for my $page (@pages) {
		my $r = $a->get($page);
		next unless $r->{status} == 200;
		for my $link (links($r->{content})) {
			my $s = $a->get($link)->{status};
			$followed++;
			$bad{"$page -> $link ($s)"} = 1 if $s == 403 || $s == 404;
		}
	}
	ok($followed, "$who follows the links of the report pages");
	ok(!%bad, "no link shown to $who leads to a refusal or to no page") or diag(join("\n", sort keys %bad));
}

# The latest survey's results: linked only once published, then the
# CSW may open them.  Which survey is the latest depends on what earlier
# tests made (t/76 publishes a small one), so its publication is set
# here and put back afterwards.
my $csw = login('csw@example.org');
my ($sid, $scode) = @{(sql("SELECT s.id, s.code FROM survey s JOIN survey_response r ON r.survey_id = s.id "
    . "AND r.status = 'completed' JOIN municipality m ON m.id = s.municipality_id "
    . "WHERE m.code = 'novi-pazar' GROUP BY s.id, s.code, s.closes_on "
    . "ORDER BY s.closes_on DESC, s.id DESC LIMIT 1"))[0]};
my ($was) = map { $_->[0] } sql("SELECT results_published FROM survey WHERE id = $sid");
sql("UPDATE survey SET results_published = FALSE WHERE id = $sid");
my $page = $csw->get('/reports/demand?lang=en')->{content};
unlike($page, qr{<a href="/surveys/[^/"]+/results"}, "the unpublished results of $scode are not linked");
sql("UPDATE survey SET results_published = TRUE WHERE id = $sid");
$page = $csw->get('/reports/demand?lang=en')->{content};
like($page, qr{<a href="/surveys/\Q$scode\E/results"}, 'published, they are linked');
is($csw->get("/surveys/$scode/results")->{status}, 200, 'and the CSW opens them');
sql("UPDATE survey SET results_published = $was WHERE id = $sid");

done_testing();
