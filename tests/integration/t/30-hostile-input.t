# SPDX-License-Identifier: ISC
# Control characters, invalid UTF-8 and broken percent-encoding in the
# query are a 400 page, and never reach the output; the worker survives.
use strict;
use warnings;
use Test::More;
use Karika::Test;

my @bad = ('%00', '%01', '%1b%5b31m', '%7f', '%ff', '%c3', '%c0%af', '%ed%a0%80',
    '%ef%bf%bf', '%', '%2', '%zz');
my ($pid) = worker_pids('surveys');
for my $b (@bad) {
	my $r = get("/surveys/?q=$b&lang=en");
	is($r->{status}, 400, "q=$b is 400");
	like($r->{content}, qr/Bad request/, "q=$b gives the 400 page");
	unlike($r->{content}, qr/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/, "q=$b: no control character in the output");
	ok(!defined $r->{headers}{'x'} && ($r->{headers}{'set-cookie'} // '') !~ /x=1/,
	    "q=$b: no header injection");
}
# A newline is legitimate in a value (a textarea), but never a header.
my $r = get('/surveys/?q=%0d%0aSet-Cookie:%20x=1');
is($r->{status}, 200, 'a CR LF in a value is accepted as text');
ok(($r->{headers}{'set-cookie'} // '') !~ /x=1/, 'and never becomes a header');
$r = get("/surveys/?%0a=1");
is($r->{status}, 400, 'a control character in a key is 400');

# An over-long query string is refused, not truncated.
is(get('/surveys/?q=' . ('a' x 5000))->{status}, 400, 'a query over 4 KiB is 400');

# Raw bytes nginx passes through in the path.
my $raw = raw_http("GET /surveys/\xff HTTP/1.0\r\nHost: x\r\n\r\n");
like($raw, qr{^HTTP/1\.[01] (400|404)}, 'an invalid UTF-8 path is refused');
unlike($raw, qr/\xff/, 'the invalid byte is not echoed');

# The same worker process still serves.
is(get('/surveys/')->{status}, 200, 'the worker still answers');
is((worker_pids('surveys'))[0], $pid, 'the worker was not restarted');

done_testing();
