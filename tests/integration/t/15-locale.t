# SPDX-License-Identifier: ISC
# Locale negotiation end to end: ?lang sets a cookie; then the cookie,
# then Accept-Language, then the installation default (sr-Cyrl); and no
# request's locale leaks into the next one on the same worker.
use strict;
use warnings;
use Test::More;
use Karika::Test;

my $r = get('/surveys/?lang=bs');
my $cookie = $r->{headers}{'set-cookie'} // '';
like($cookie, qr/^lang=bs;/, '?lang=bs sets the lang cookie');
like($cookie, qr/HttpOnly/, 'the lang cookie is HttpOnly');
like($cookie, qr/SameSite=Lax/, 'the lang cookie is SameSite=Lax');
like($cookie, qr/Path=\//, 'the lang cookie is for the whole site');

like(get('/', { Cookie => 'lang=en' })->{content}, qr/<html lang="en"/, 'the cookie chooses the locale');
like(get('/', { Cookie => 'lang=en', 'Accept-Language' => 'bs' })->{content}, qr/<html lang="en"/,
    'the cookie wins over Accept-Language');
like(get('/', { 'Accept-Language' => 'en-GB,en;q=0.9' })->{content}, qr/<html lang="en"/,
    'Accept-Language is honoured');
like(get('/', { 'Accept-Language' => 'sr-Latn-RS' })->{content}, qr/<html lang="sr-Latn"/,
    'Accept-Language sr-Latn gives the Latin script');
like(get('/', { 'Accept-Language' => 'fr, de;q=0.5' })->{content}, qr/<html lang="sr-Cyrl"/,
    'an unsupported language falls back to the default, sr-Cyrl');
like(get('/', { Cookie => 'lang=xx' })->{content}, qr/<html lang="sr-Cyrl"/, 'a bad cookie value is ignored');
like(get('/?lang=klingon')->{content}, qr/<html lang="sr-Cyrl"/, 'a bad lang parameter is ignored');
ok(!defined get('/?lang=klingon')->{headers}{'set-cookie'}, 'and sets no cookie');
is(get('/')->{headers}{'content-language'}, 'sr-Cyrl', 'Content-Language names the locale');

# The language links keep the rest of the query (a link's token, a search).
my $tok = 'ab' x 32;
my $page = get("/account/password/reset?token=$tok&lang=en")->{content};
like($page, qr{href="/account/password/reset\?token=$tok&amp;lang=sr-Cyrl"}, 'language links keep the query');
unlike($page, qr{lang=en&amp;lang=}, 'without repeating lang');

# Many requests alternate between locales; each answer must be its own.
my $mixed = 0;
for my $i (1 .. 40) {
	my $lang = (LOCALES)[$i % 4];
	my $c = ($i % 2) ? get("/reports/?lang=$lang") : get('/reports/', { Cookie => "lang=$lang" });
	$mixed++ unless $c->{content} =~ /<html lang="\Q$lang\E"/;
	my $plain = get('/reports/');
	$mixed++ unless $plain->{content} =~ /<html lang="sr-Cyrl"/;
}
is($mixed, 0, 'no locale survives from one request into the next');

done_testing();
