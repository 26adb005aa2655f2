# SPDX-License-Identifier: ISC
# Errors are pages too, in the user's language: 404 for an unknown path,
# 405 with Allow for a wrong method, 400 for malformed input, 413 for a
# body over the limit (the worker's and nginx's).
use strict;
use warnings;
use Test::More;
use Karika::Test;

for my $path ('/no-such-page', '/registry/nothing', '/surveys/nothing', '/applications/x',
    '/reports/x', '/account/nothing') {
	my $r = get("$path?lang=en");
	is($r->{status}, 404, "$path is 404");
	like($r->{content}, qr{<h1>Page not found</h1>}, "$path has the 404 page in English");
}
like(get('/no-such-page', { Cookie => 'lang=sr-Latn' })->{content}, qr/Strana nije pronađena/,
    'the 404 page follows the locale cookie');
like(get('/no-such-page')->{content}, qr/Страна није пронађена/, 'the 404 page is in Cyrillic by default');
like(get('/no-such-page?lang=en')->{content}, qr{Request number.*<code>[0-9a-f]{16,}</code>}s,
    'an error page shows the request id');

for my $path (PAGES) {
	my $r = post("$path?lang=en", { a => 1 });
	is($r->{status}, 405, "POST $path is 405");
	is($r->{headers}{allow}, 'GET, HEAD', "POST $path names the allowed methods");
	like($r->{content}, qr/Action not allowed/, "POST $path explains it in English");
}
my $del = HTTP::Tiny->new->request('DELETE', url('/surveys/?lang=en'));
is($del->{status}, 405, 'DELETE is 405');
my $head = HTTP::Tiny->new->request('HEAD', url('/surveys/'));
is($head->{status}, 200, 'HEAD is answered');
is(length($head->{content} // ''), 0, 'HEAD has no body');

is(get('/reports/?year=abc&lang=en')->{status}, 400, 'a malformed year is 400');
like(get('/reports/?year=abc&lang=en')->{content}, qr/Bad request/, 'the 400 page explains in English');
is(get('/reports/?year=1800')->{status}, 400, 'a year out of range is 400');
like(get('/reports/?year=2025&lang=en')->{content}, qr/Users per service in 2025/, 'a valid year is used');

# Bodies: the worker refuses over its limit (256 KiB), nginx over 1 MiB.
my $form = { text => 'x' x (300 * 1024) };
my $r = post('/surveys/?lang=en', $form);
is($r->{status}, 413, 'a form body over the worker limit is 413');
like($r->{content}, qr/Too much data sent/, 'the worker explains 413 in English');
$r = post('/surveys/', { text => 'x' x (2 * 1024 * 1024) }, { Cookie => 'lang=bs' });
is($r->{status}, 413, 'a body over nginx\'s limit is 413');
like($r->{content}, qr/Poslani podaci su preveliki/, 'nginx\'s own 413 page is in the user\'s language');
like($r->{content}, qr/<html lang="bs"/, 'nginx\'s 413 page has <html lang>');

done_testing();
