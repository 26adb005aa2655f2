# SPDX-License-Identifier: ISC
# MariaDB stopped: every page is a 503 page in the user's language and
# /health is 503; MariaDB started again: 200 again, without restarting any
# worker.
use strict;
use warnings;
use Test::More;
use Karika::Test;

my @before = map { [worker_pids($_)] } WORKERS;
is(get('/registry/services')->{status}, 200, 'served while MariaDB is up');
stack('db-stop');
for my $path (PAGES) {
	my $r = get("$path?lang=en");
	is($r->{status}, 503, "$path is 503 while MariaDB is down");
	like($r->{content}, qr/database is not available/, "$path explains the outage in English");
}
like(get('/surveys/?lang=sr-Latn')->{content}, qr/Baza podataka trenutno nije dostupna/,
    'the 503 page is in the user\'s language');
for my $w (WORKERS) {
	is(get("/$w/health")->{status}, 503, "/$w/health is 503 while MariaDB is down");
}
stack('db-start');
for my $path (PAGES) {
	ok(wait_for(sub { get($path)->{status} == 200 }, 20), "$path is 200 again after MariaDB is back");
}
for my $w (WORKERS) {
	ok(wait_for(sub { get("/$w/health")->{status} == 200 }, 20), "/$w/health is 200 again");
}
my @after = map { [worker_pids($_)] } WORKERS;
is_deeply(\@after, \@before, 'the workers recovered by themselves, without a restart');
done_testing();
