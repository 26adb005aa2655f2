# SPDX-License-Identifier: ISC
# The department's choice of published datasets (issue 14, "Public and
# open data"; fcgi/reports/publish.c): the analyst unticks spending and
# the public page, the open-data page and its files no longer show it
# (the files are a 404 with the normal error page), each change audited;
# unticking users empties the first page; the settings page is the
# department's and the administrators' only; a refused CSRF token
# changes nothing; ticking everything back restores the pages; the form
# is Cyrillic in sr-Cyrl.  Anonymous pages are asked with a query of
# their own each time, so nginx's 2-second page cache never answers
# with the page from before the change.
use strict;
use warnings;
use utf8;
use Test::More;
use Karika::Test;
use Encode ();

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

sub one { my ($q) = @_; return (sql($q))[0][0] }
sub html {
	my ($r) = @_;
	my $c = $r->{content} // '';
	return utf8::is_utf8($c) ? $c : Encode::decode('UTF-8', $c);
}
# The page's own part (the menu links /surveys/ on every page).
sub main_of { my ($h) = @_; return ($h =~ m{(<main.*</main>)}s)[0] // '' }
my $n = 0;
# An anonymous page, past nginx's micro-cache (a query of its own).
sub fresh {
	my ($path) = @_;
	$n++;
	return get("$path?lang=en&fresh=$$-$n");
}

my $m = one("SELECT id FROM municipality WHERE code = 'novi-pazar'");
sql("DELETE FROM report_publication WHERE municipality_id = $m");
my $analyst = login('analyst@example.org');
my $admin = login('admin@example.org');

# --- as before: a town that has chosen nothing publishes everything --------
my $h = html(fresh('/reports/public'));
like($h, qr/Users per service/, 'the public page shows users by default');
like($h, qr/Spending per service/, 'and spending');
like(main_of($h), qr{href="/surveys/"}, 'and links the survey results');
unlike($h, qr{/reports/public/settings}, 'an anonymous visitor is not offered the settings');
$h = html(fresh('/reports/open/'));
like($h, qr{/reports/open/spending\.csv}, 'the open-data page lists spending.csv');
is(get('/reports/open/spending.csv')->{status}, 200, 'spending.csv is published');

# --- who may choose ---------------------------------------------------------
my $r = get('/reports/public/settings');
is($r->{status}, 303, 'anonymous: sent to sign in');
like($r->{headers}{location} // '', qr{/account/login}, 'to the sign-in page');
for my $who ('provider1@example.org', 'csw@example.org', 'citizen@example.org') {
	my $a = login($who);
	is($a->get('/reports/public/settings')->{status}, 403, "$who may not open the settings");
	my $t = $a->csrf('/account/');
	is($a->post('/reports/public/settings', { csrf => $t // '', users => 1 })->{status}, 403,
	    "$who may not change them");
}
is(one("SELECT COUNT(*) FROM report_publication WHERE municipality_id = $m"), 0, 'nothing was written');

# --- the form -----------------------------------------------------------------
$r = $analyst->get('/reports/public/settings?lang=en');
is($r->{status}, 200, 'the analyst opens the settings');
$h = html($r);
like($h, qr/What the public sees/, 'titled');
for my $f ('users', 'spending', 'surveys') {
	like($h, qr{<input type="checkbox" id="f-$f" name="$f" value="1"[^>]*checked}, "$f is ticked by default");
}
like($h, qr/within a few seconds/, 'the help says when a change shows');
like(html($analyst->get('/reports/public?lang=en')), qr{href="/reports/public/settings"},
    'the analyst finds the settings from the public page');

# A refused CSRF token: the form again, 403, nothing written.
$r = $analyst->post('/reports/public/settings', { csrf => 'x' x 64, users => 1 });
is($r->{status}, 403, 'a refused CSRF token is a 403');
is(one("SELECT COUNT(*) FROM report_publication WHERE municipality_id = $m"), 0, 'and changes nothing');

# --- spending unticked ----------------------------------------------------------
my $audits = one("SELECT COUNT(*) FROM audit WHERE action = 'report.publication.save' AND object_id = $m");
$r = $analyst->submit('/reports/public/settings', { users => 1, surveys => 1 });
is($r->{status}, 303, 'the analyst unticks spending');
like($r->{headers}{location} // '', qr{/reports/public/settings\?done=reports-published}, 'back to the form with a notice');
like(html($analyst->get($r->{headers}{location} . '&lang=en')), qr/The choice is saved/, 'which says so');
is(one("SELECT CONCAT(users, spending, surveys) FROM report_publication WHERE municipality_id = $m"), '101', 'kept for the town');
is(one("SELECT COUNT(*) FROM audit WHERE action = 'report.publication.save' AND object_id = $m "
    . "AND object_type = 'municipality' AND outcome = 'ok'"), $audits + 1, 'and audited');
$h = html($analyst->get('/reports/public/settings?lang=en'));
unlike($h, qr{id="f-spending"[^>]*checked}, 'the form shows spending unticked');
like($h, qr{id="f-users"[^>]*checked}, 'users still ticked');

$h = html(fresh('/reports/public'));
like($h, qr/Users per service/, 'the public page still shows users');
unlike($h, qr/Spending per service/, 'but no longer spending');
unlike($h, qr{id="tab-spending"}, 'nor its table');
$h = html(fresh('/reports/open/'));
like($h, qr{/reports/open/users\.csv}, 'the open-data page lists users.csv');
unlike($h, qr{spending\.(csv|json)}, 'but not the spending files');
for my $f ('spending.csv', 'spending.json') {
	$r = get("/reports/open/$f?lang=en");
	is($r->{status}, 404, "$f is a 404");
	like(html($r), qr{<main}, "with the normal error page");
}
is(get('/reports/open/users.csv')->{status}, 200, 'users.csv is still published');
is(get('/reports/open/users.json')->{status}, 200, 'users.json too');

# --- users and surveys unticked as well -----------------------------------------
$r = $admin->submit('/reports/public/settings', {});
is($r->{status}, 303, 'an administrator unticks everything');
is(one("SELECT CONCAT(users, spending, surveys) FROM report_publication WHERE municipality_id = $m"), '000', 'kept');
$h = html(fresh('/reports/public'));
like($h, qr/publishes no figures here/, 'the public page says nothing is published');
unlike($h, qr{<svg|<table}, 'and draws no chart or table');
unlike(main_of($h), qr{href="/surveys/"}, 'nor links the survey results');
unlike(main_of($h), qr{href="/reports/open/"}, 'nor the open data');
$h = html(fresh('/reports/'));
like($h, qr/does not publish users per service/, 'the first page says users are not published');
unlike($h, qr{<table}, 'and has no table');
$h = html(fresh('/reports/open/'));
like($h, qr/no open-data files/, 'the open-data page lists no file');
is(get("/reports/open/$_")->{status}, 404, "$_ is a 404") for qw(users.csv users.json);

# --- ticked back --------------------------------------------------------------
$r = $analyst->submit('/reports/public/settings', { users => 1, spending => 1, surveys => 1 });
is($r->{status}, 303, 'the analyst ticks everything back');
$h = html(fresh('/reports/public'));
like($h, qr/Spending per service/, 'spending is back on the public page');
like(main_of($h), qr{href="/surveys/"}, 'the survey results too');
like(html(fresh('/reports/')), qr{<table class="report">}, 'the first page has its table again');
like(html(fresh('/reports/open/')), qr{/reports/open/spending\.json}, 'the open-data page lists spending.json');
is(get("/reports/open/$_")->{status}, 200, "$_ is published again") for qw(spending.csv spending.json);

# --- in Cyrillic ------------------------------------------------------------------
$h = html($analyst->get('/reports/public/settings?lang=sr-Cyrl'));
like($h, qr/Шта јавност види/, 'the form is titled in Cyrillic');
like($h, qr/Корисници по услугама/, 'its boxes are labelled in Cyrillic');
unlike(main_text($h), qr/Šta javnost|Korisnici po/, 'with no Latin left');

sql("DELETE FROM report_publication WHERE municipality_id = $m");
done_testing();
