# SPDX-License-Identifier: ISC
# Every answer carries the security headers: a Content-Security-Policy
# without inline script, nosniff, no framing, a Referrer-Policy; pages are
# not cached; static assets are served.
use strict;
use warnings;
use Test::More;
use Karika::Test;

for my $path (PAGES, '/no-such-page', '/static/karika.css') {
	my $h = get($path)->{headers};
	my $csp = $h->{'content-security-policy'} // '';
	like($csp, qr/default-src 'none'/, "$path: CSP denies by default");
	unlike($csp, qr/unsafe-inline|script-src/, "$path: CSP allows no script at all");
	like($csp, qr/frame-ancestors 'none'/, "$path: no framing");
	like($h->{'x-content-type-options'} // '', qr/^nosniff/, "$path: nosniff");
	is($h->{'referrer-policy'}, 'same-origin', "$path: Referrer-Policy");
}
like(get('/registry/services')->{headers}{'cache-control'}, qr/no-store/, 'pages are not stored by caches');
like(get('/static/karika.css')->{headers}{'content-type'}, qr{^text/css}, 'the stylesheet is served as CSS');
unlike(get('/')->{content}, qr/<script|style=|on(click|load)=/i, 'the HTML has no script and no inline style');
for my $w (WORKERS) {
	my $r = get("/$w/health");
	is($r->{status}, 200, "/$w/health is 200");
	is($r->{content}, "ok\n", "/$w/health says ok");
}
done_testing();
