# SPDX-License-Identifier: ISC
# The database grants are the second wall: each worker's MariaDB user is
# refused what it does not own, and none of them is root.
use strict;
use warnings;
use Test::More;
use Karika::Test;

my @refused = (
	[surveys => 'SELECT * FROM person'],
	[surveys => 'SELECT * FROM enrolment'],
	[surveys => 'SELECT * FROM report_enrolment'],
	[surveys => 'SELECT * FROM service'],
	[surveys => 'DELETE FROM municipality'],
	[applications => 'SELECT * FROM person'],
	[applications => 'SELECT * FROM survey'],
	[applications => 'UPDATE service SET active = 0'],
	[reports => 'SELECT given_name FROM person'],
	[reports => 'SELECT * FROM enrolment'],
	[reports => 'INSERT INTO service_group (id, code, position) VALUES (9, "x", 9)'],
	[reports => 'UPDATE municipality SET small_cell_k = 2'],
	[surveys => 'SELECT email FROM account'],
	[surveys => 'SELECT * FROM session'],
	[applications => 'SELECT name FROM account'],
	[applications => 'SELECT * FROM account_role'],
	[reports => 'SELECT * FROM session'],
	[reports => 'SELECT password_hash FROM account'],
	[surveys => 'INSERT INTO session (account_id, token_hash, csrf_token, expires_at) VALUES (1, REPEAT("x", 32), "x", NOW())'],
	[surveys => 'SELECT * FROM audit'],
	[mailer => 'SELECT * FROM account'],
	[registry => 'SELECT * FROM survey'],
	[registry => 'DELETE FROM person'],
	[registry => 'DROP TABLE enrolment'],
	[registry => 'SELECT * FROM mysql.user'],
	[registry => 'CREATE TABLE x (a INT)'],
);
for my $case (@refused) {
	my ($w, $q) = @$case;
	my ($rc, $out) = sql_as($w, $q);
	isnt($rc, 0, "karika_$w is refused: $q");
	like($out, qr/denied/i, "karika_$w gets 'denied' for: $q");
}
my @allowed = (
	[surveys => 'SELECT COUNT(*) FROM survey'],
	[applications => 'SELECT COUNT(*) FROM service'],
	[registry => 'SELECT COUNT(*) FROM person'],
	[reports => 'SELECT COUNT(*) FROM report_enrolment'],
);
for my $case (@allowed) {
	my ($w, $q) = @$case;
	my ($rc, $out) = sql_as($w, $q);
	is($rc, 0, "karika_$w may: $q");
}
# Who is asking is learnt only through the stored queries, keyed by a
# session token's hash: a guessed key yields nothing.
for my $w (qw(surveys applications reports)) {
	my ($rc, $out) = sql_as($w, 'CALL session_lookup(REPEAT("a", 32), 1800)');
	is($rc, 0, "karika_$w may ask who holds a session token");
	is($out, '', "karika_$w learns nothing from a guessed one");
}
my ($rc, $out) = sql_as('reports', 'SHOW COLUMNS FROM report_enrolment');
unlike($out, qr/name|birth|jmbg/i, 'the reports view carries no name, birth date or JMBG');
done_testing();
