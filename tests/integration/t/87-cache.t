# SPDX-License-Identifier: ISC
# The page micro-cache (karika.conf, karika-render.conf): an anonymous
# public page is kept for 2 seconds and served to the next anonymous
# visitor in the same language; nothing else ever is.  A signed-in
# visitor never gets a kept page and never leaves one; two users never see
# each other's name; a POST, a page that sets a cookie, /account/ and the
# other private pages are never kept; the workers' no-store still reaches
# the browser; a change of data shows within the cache's lifetime.  The
# public reports and the open-data page are kept too, never for a
# signed-in analyst.
# X-Cache-Status ($upstream_cache_status) is dev.conf's.
use strict;
use warnings;
use utf8;
use Test::More;
use Karika::Test;
use Time::HiRes qw(sleep time);
use Encode ();
use HTTP::Tiny;

my $n = 0;
# A URI of its own for each case: nothing another test (or an earlier
# case) fetched can be in the cache under it.  Workers ignore ?t=.
sub fresh { my ($path) = @_; $n++; return "$path?t=$$-$n-" . int(time * 1000) }
sub status { my ($r) = @_; return $r->{headers}{'x-cache-status'} // '' }
# A page as characters (agents decode theirs already).
sub text { my ($r) = @_; return Encode::decode('UTF-8', $r->{content} // '') }
sub once { my ($r, $h) = @_; my $v = $r->{headers}{$h}; return defined $v && !ref $v }

# The key covers what the workers' Vary names; a new header there must
# join the key (karika-render.conf) before this line changes.
is(get('/registry/services')->{headers}{vary}, 'Cookie, Accept-Language',
    'the workers vary on Cookie and Accept-Language only, which the cache key covers');

# --- an anonymous public page is kept ---------------------------------
for my $page (PAGES) {
	my $u = fresh($page);
	my $first = get($u);
	my $second = get($u);
	is($first->{status}, 200, "$page: 200");
	is(status($first), 'MISS', "$page: the first anonymous answer is rendered");
	is(status($second), 'HIT', "$page: the next one within 2 s comes from the cache");
	is($second->{content}, $first->{content}, "$page: the same page");
	like($second->{headers}{'cache-control'} // '', qr/no-store/,
	    "$page: a kept page still tells the browser no-store");
	is($second->{headers}{vary}, 'Cookie, Accept-Language', "$page: and its Vary");
	ok(once($second, 'content-security-policy') && once($second, 'x-content-type-options'),
	    "$page: the security headers once each");
	ok(!defined $second->{headers}{'set-cookie'}, "$page: no cookie from the cache");
}
for my $page (PAGES) {
	my $r = get("$page?lang=en");
	ok(defined $r->{headers}{'set-cookie'}, "$page?lang=en: sets the lang cookie");
	is(status($r), 'BYPASS', "$page?lang=en: passes the cache by (and its lock: nothing to wait for)");
}
my $u = fresh('/surveys/');
get($u);
is(status(get($u, { Cookie => 'lang=sr-Cyrl' })), 'MISS',
    'a lang cookie makes a key of its own');

# --- languages are kept apart -----------------------------------------
$u = fresh('/registry/services');
my $cyrl = get($u);
my $en = get($u, { Cookie => 'lang=en' });
like($cyrl->{content}, qr/<html lang="sr-Cyrl"/, 'sr-Cyrl first');
is(status($en), 'MISS', 'the same page in en is not the sr-Cyrl one');
like($en->{content}, qr/<html lang="en"/, 'it is in en');
my $en2 = get($u, { Cookie => 'lang=en' });
is(status($en2), 'HIT', 'the en page is kept too');
like($en2->{content}, qr/<html lang="en"/, 'and stays in en');
like(get($u)->{content}, qr/<html lang="sr-Cyrl"/, 'the sr-Cyrl page is still sr-Cyrl');
$u = fresh('/registry/services');
my %al = (
	'en' => 'en', 'en-GB,en;q=0.9' => 'en', 'EN-us' => 'en',
	'sr-Latn-RS,sr;q=0.8' => 'sr-Latn', 'sr-latn' => 'sr-Latn',
	'sr-RS' => 'sr-Cyrl', 'sr-Latnx' => 'sr-Cyrl', 'hr-HR' => 'bs', 'bs' => 'bs',
	# the worker's q values decide; the cache keeps these as sent
	'en;q=0, bs' => 'bs', 'fr, en;q=0.5' => 'en', 'de' => 'sr-Cyrl',
	'en;q=0.1, sr-Latn;q=0.9' => 'sr-Latn', ', en' => 'en',
	'en-' . ('x' x 70) . ', bs' => 'bs',
);
# Twice each, mixed: every answer is in the language its header asks for,
# kept or not.
my ($wrong, $hits) = (0, 0);
for my $round (1, 2) {
	for my $h (sort keys %al) {
		my $r = get($u, { 'Accept-Language' => $h });
		$hits++ if status($r) eq 'HIT';
		next if $r->{content} =~ /<html lang="\Q$al{$h}\E"/;
		$wrong++;
		diag("Accept-Language '$h' gave " . (($r->{content} =~ /<html lang="([^"]+)"/)[0] // '?'));
	}
}
is($wrong, 0, 'each Accept-Language gets the language the worker chooses for it');
cmp_ok($hits, '>=', scalar(keys %al), 'and the second round is served from the cache');
my $one = get($u, { 'Accept-Language' => 'en-US,en;q=0.8' });
is(status($one), 'HIT', 'another English Accept-Language shares the en page');

# --- a signed-in visitor never gets or leaves a kept page -------------
my $csw = login('csw@example.org');
my $prov = login('provider1@example.org');
$u = fresh('/registry/services');
get($u);
is(status(get($u)), 'HIT', 'an anonymous page is kept');
my $a = $csw->get($u);
my $b = $prov->get($u);
is(status($a), 'BYPASS', 'a signed-in visitor bypasses the cache');
like($a->{content}, qr/Mirjana Radović/, 'and sees their own name');
unlike($a->{content}, qr/Selma Hadžić/, 'not the other user\'s');
like($b->{content}, qr/Selma Hadžić/, 'the other user sees theirs');
unlike($b->{content}, qr/Mirjana Radović/, 'and not the first one\'s');
$u = fresh('/registry/services');
$csw->get($u) for 1 .. 2;
my $anon = get($u);
is(status($anon), 'MISS', 'signed-in visits leave nothing in the cache');
unlike(text($anon), qr/Mirjana Radović|Selma Hadžić|csw\@example/, 'an anonymous visitor sees no name');
$prov->get($u);
unlike($prov->get($u)->{content}, qr/Mirjana Radović/, 'nor does another user');
# Each user's own page repeatedly, interleaved, on every public page.
my $mix = 0;
for my $page (PAGES) {
	for (1 .. 3) {
		$mix++ if $csw->get($page)->{content} =~ /Selma Hadžić/;
		$mix++ if $prov->get($page)->{content} =~ /Mirjana Radović/;
		$mix++ if text(get($page)) =~ /Mirjana Radović|Selma Hadžić/;
	}
}
is($mix, 0, 'no page ever shows another visitor\'s name');
is(status(get('/registry/services', { Cookie => 'sid=' . ('ab' x 32) })), 'BYPASS',
    'any sid cookie, even an ended session\'s, bypasses the cache');
is(status(get('/registry/services', { Cookie => 'lang=en; csrf=' . ('cd' x 32) })), 'BYPASS',
    'so does any cookie but lang');

# --- the public reports (issue 14): kept for anonymous visitors only ----
my $analyst = login('analyst@example.org');
for my $page ('/reports/public', '/reports/open/') {
	my $u = fresh($page);
	my $first = get($u);
	my $second = get($u);
	is($first->{status}, 200, "$page: 200");
	is(status($first), 'MISS', "$page: the first anonymous answer is rendered");
	is(status($second), 'HIT', "$page: the next anonymous one comes from the cache");
	is($second->{content}, $first->{content}, "$page: the same page");
	ok(!defined $second->{headers}{'set-cookie'}, "$page: no cookie from the cache");
	my $a1 = $analyst->get($u);
	is(status($a1), 'BYPASS', "$page: a signed-in analyst never gets the kept page");
	like($a1->{content}, qr/Jelena Marković/, "$page: and sees their own name");
	$u = fresh($page);
	$analyst->get($u) for 1 .. 2;
	my $anon = get($u);
	is(status($anon), 'MISS', "$page: the analyst's visits leave nothing in the cache");
	unlike(text($anon), qr/Jelena Marković|analyst\@example/, "$page: an anonymous visitor sees no name");
}
# A HEAD (a link checker's) is asked of the render layer as a GET and
# kept under the same key: the next GET is served from it, and neither
# answer sets a cookie.
my $hu = fresh('/reports/public');
my $head = HTTP::Tiny->new(max_redirect => 0)->request('HEAD', url($hu));
is(status($head), 'MISS', 'a HEAD of /reports/public is rendered once');
ok(!defined $head->{headers}{'set-cookie'}, 'and sets no cookie');
is(status(get($hu)), 'HIT', 'the GET after it comes from the cache');
for my $f ('/reports/open/users.csv', '/reports/open/spending.json') {
	get($f);
	is(status(get($f)), 'BYPASS', "$f (a download, not a page) is never kept");
}

# --- never kept -------------------------------------------------------
for my $p ('/account/login', '/account/', '/registry/admin/accounts',
    '/registry/admin/audit', '/registry/persons', '/registry/organisations',
    '/surveys/edit/', '/registry/health', '/no-such-page') {
	my $r1 = get($p);
	my $r2 = get($p);
	is(status($r2), 'BYPASS', "$p is never kept");
}
$u = fresh('/');
my $p1 = post($u, { x => 1 });
my $p2 = post($u, { x => 1 });
ok(status($p1) ne 'HIT' && status($p2) ne 'HIT', 'a POST is never served from the cache');
is(status(get($u)), 'MISS', 'nor does it fill the cache for a GET');
# A kept page's URI with a cookie-setting answer: ?lang= sets the lang
# cookie, so its answer is never kept.
$u = fresh('/surveys/') . '&lang=en';
my $l1 = get($u);
my $l2 = get($u);
like($l1->{headers}{'set-cookie'} // '', qr/^lang=en/, '?lang=en sets the lang cookie');
isnt(status($l2), 'HIT', 'so its answer is not kept');
like($l2->{headers}{'set-cookie'} // '', qr/^lang=en/, 'and the next visitor gets the cookie too');
# A survey's welcome page is kept, and yet each new visitor gets a form
# token of their own, in the page and in the csrf cookie (nginx writes
# $request_id over the worker's CSRF_SHARED), with which Start works.
my ($slug) = get('/surveys/')->{content} =~ m{href="/surveys/([a-z0-9][a-z0-9_-]*)/"};
SKIP: {
	skip 'no open survey in the demo data', 14 unless $slug;
	$u = fresh("/surveys/$slug/");
	my $w1 = get($u);
	my $w2 = get($u);
	is(status($w1), 'MISS', 'a survey\'s welcome page: the first visitor\'s is rendered');
	is(status($w2), 'HIT', 'the next one\'s comes from the cache');
	my ($c1) = ($w1->{headers}{'set-cookie'} // '') =~ /^csrf=([0-9a-f]+);/;
	my ($c2) = ($w2->{headers}{'set-cookie'} // '') =~ /^csrf=([0-9a-f]+);/;
	my ($f1) = ($w1->{content} // '') =~ /name="csrf" value="([^"]*)"/;
	my ($f2) = ($w2->{content} // '') =~ /name="csrf" value="([^"]*)"/;
	ok($c1 && $c2, 'each new visitor gets a csrf cookie');
	like($w2->{headers}{'set-cookie'} // '', qr/; Path=\/; HttpOnly; SameSite=Lax$/,
	    'with the workers\' attributes');
	isnt($c1, $c2, 'no two visitors share a token');
	is($f1, $c1, 'the first visitor\'s form carries their cookie\'s token');
	is($f2, $c2, 'and the second visitor\'s theirs, from the kept page');
	unlike($w2->{content}, qr/csrf-by-nginx/, 'the kept page\'s stand-in never reaches a visitor');
	ok(once($w2, 'content-security-policy'), 'the security headers are still sent once');
	my $start = post("/surveys/$slug/start", { csrf => $c2 }, { Cookie => "csrf=$c2" });
	is($start->{status}, 303, 'Start with the token from a kept page begins a response');
	like($start->{headers}{'set-cookie'} // '', qr/^survey=/, 'and gives the survey cookie');
	my $bad = post("/surveys/$slug/start", { csrf => $c1 }, { Cookie => "csrf=$c2" });
	is($bad->{status}, 403, 'another visitor\'s token is refused');
	my $stand = post("/surveys/$slug/start", { csrf => 'csrf-by-nginx' }, { Cookie => 'csrf=csrf-by-nginx' });
	is($stand->{status}, 403, 'the stand-in itself is never a token');
	my $w3 = get($u, { Cookie => "csrf=$c1" });
	is(status($w3), 'BYPASS', 'a visitor with a csrf cookie gets the worker\'s page, with their own token');
}
# A survey's question page as a respondent coming that way first sees it
# (empty: Start and each page's Next lead to /page?at=...) is kept for
# every respondent who comes the same way, each with their own token in
# its form; what depends on the response (the survey cookie) is never in
# it, and a signed-in visitor or one without a csrf cookie passes it by.
SKIP: {
	skip 'no open survey in the demo data', 19 unless $slug;
	my (@tok, @code, $at);
	for my $i (0, 1) {
		my $w = get("/surveys/$slug/");
		my ($c) = ($w->{headers}{'set-cookie'} // '') =~ /^csrf=([0-9a-f]+);/;
		my $s = post("/surveys/$slug/start", { csrf => $c }, { Cookie => "csrf=$c" });
		my ($sc) = ($s->{headers}{'set-cookie'} // '') =~ /^survey=(s1\.[A-Za-z0-9_-]+);/;
		push @tok, $c;
		push @code, $sc;
		$at = $s->{headers}{location};
	}
	like($at, qr{^/surveys/\Q$slug\E/page\?at=[a-z0-9_-]+&n=1&of=\d+&left=\d+&first=1$},
	    'Start leads to the first page, empty, at an address of its own');
	$u = "$at&t=$$-" . int(time * 1000);
	my $p1 = get($u, { Cookie => "csrf=$tok[0]; survey=$code[0]" });
	my $p2 = get($u, { Cookie => "survey=$code[1]; csrf=$tok[1]; lang=sr-Cyrl" });
	my $p3 = get($u, { Cookie => "csrf=$tok[1]; survey=$code[1]" });
	is($p1->{status}, 200, 'the empty first page: 200');
	is(status($p1), 'MISS', 'the first respondent\'s is rendered');
	is(status($p2), 'MISS', 'another language is a page of its own (lang cookie)');
	is(status($p3), 'HIT', 'the next respondent in the same language gets the kept page');
	my ($f1) = ($p1->{content} // '') =~ /name="csrf" value="([^"]*)"/;
	my ($f3) = ($p3->{content} // '') =~ /name="csrf" value="([^"]*)"/;
	is($f1, $tok[0], 'the first respondent\'s form carries their own token');
	is($f3, $tok[1], 'and the next one\'s theirs, from the kept page');
	unlike($p3->{content}, qr/csrf-by-nginx|\Q$code[0]\E|\Q$code[1]\E/,
	    'the kept page holds no stand-in and no response');
	ok(!defined $p3->{headers}{'set-cookie'}, 'and sets no cookie');
	like($p3->{content}, qr/name="p" value="[a-z0-9_-]+"/, 'it is a question page');
	my $sent = post("/surveys/$slug/page", { csrf => $tok[1], p => 'about', go => 'save' },
	    { Cookie => "csrf=$tok[1]; survey=$code[1]" });
	is($sent->{status}, 303, 'a respondent sends it with the token the kept page gave');
	is(status(get($u, { Cookie => "sid=" . ('ab' x 32) . "; csrf=$tok[1]" })), 'BYPASS',
	    'with a session cookie: the worker\'s page');
	my $none = get($u);
	is(status($none), 'BYPASS', 'without a csrf cookie: the worker\'s page');
	like($none->{headers}{'set-cookie'} // '', qr/^csrf=[0-9a-f]{64};/, 'which gives the cookie');
	is(status(get($u, { Cookie => 'csrf=xyz' })), 'BYPASS', 'so does a malformed csrf cookie');
	is(status(get("/surveys/$slug/page", { Cookie => "csrf=$tok[0]; survey=$code[0]" })), 'BYPASS',
	    'the page a response is at (answers kept) is never kept');
	is(status(get("$u&lang=en", { Cookie => "csrf=$tok[0]" })), 'BYPASS', 'nor with ?lang=');
	my $thanks = "/surveys/$slug/thanks?t=$$-" . int(time * 1000);
	my $t1 = get($thanks, { Cookie => "csrf=$tok[0]" });
	my $t2 = get($thanks, { Cookie => "csrf=$tok[1]; survey=$code[1]" });
	is(status($t2), 'HIT', 'the thank-you page is kept for every respondent too');
	is($t2->{content}, $t1->{content}, 'the same page');
	is(status(get($thanks, { Cookie => "sid=" . ('ab' x 32) . "; csrf=$tok[1]" })), 'BYPASS',
	    'never for a signed-in visitor');
}
# /account/login sets the csrf cookie: never kept, whatever the list says.
my $lg = get('/account/login');
like($lg->{headers}{'set-cookie'} // '', qr/^csrf=/, '/account/login sets the csrf cookie');
isnt(status(get('/account/login')), 'HIT', 'and is never kept');

# --- a change of data shows within the cache's lifetime (2 s) ----------
my ($id, $name) = @{ (sql("SELECT id, name_en FROM service ORDER BY id LIMIT 1"))[0] };
$u = fresh('/registry/services');
like(get($u, { Cookie => 'lang=en' })->{content}, qr/\Q$name\E/, 'a service is listed');
my $mark = " (renamed $$)";
sql("UPDATE service SET name_en = CONCAT(name_en, '$mark') WHERE id = $id");
my $t0 = time;
my $kept = get($u, { Cookie => 'lang=en' });
is(status($kept), 'HIT', 'right after the change the kept page is served');
ok(wait_for(sub { get($u, { Cookie => 'lang=en' })->{content} =~ /\Q$mark\E/ }, 10),
    'the change shows');
my $took = time - $t0;
cmp_ok($took, '<=', 3.5, sprintf('within the 2 s lifetime and one rendering (%.1f s)', $took));
sql("UPDATE service SET name_en = REPLACE(name_en, '$mark', '') WHERE id = $id");

done_testing();
