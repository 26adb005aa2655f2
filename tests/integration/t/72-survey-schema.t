# SPDX-License-Identifier: ISC
# The survey tables of 0005 and the demo survey (issue 11): the surveys
# worker's database user may keep responses and answers but still cannot
# read the register; a response has nowhere to keep an address, an agent,
# an account or a time; the demo's generated answers name only questions
# and options of its definition, and only completed responses are there.
use strict;
use warnings;
use Test::More;
use Karika::Test;

for my $q ('SELECT COUNT(*) FROM survey_response', 'SELECT COUNT(*) FROM survey_answer',
    'SELECT COUNT(*) FROM survey_invitation', 'SELECT COUNT(*) FROM survey_quota',
    'DELETE FROM survey_answer WHERE id = 0', 'DELETE FROM survey_response WHERE id = 0') {
	my ($rc, $out) = sql_as('surveys', $q);
	is($rc, 0, "karika_surveys may: $q");
}
for my $q ('SELECT * FROM person', 'SELECT email FROM account', 'SELECT * FROM session',
    'DELETE FROM survey_invitation', 'DELETE FROM survey', 'UPDATE survey_answer SET text = NULL') {
	my ($rc, $out) = sql_as('surveys', $q);
	isnt($rc, 0, "karika_surveys is refused: $q");
}
for my $w (qw(registry applications)) {
	my ($rc) = sql_as($w, 'SELECT COUNT(*) FROM survey_answer');
	isnt($rc, 0, "karika_$w cannot read survey answers");
}

my @cols = map { $_->[0] } sql("SELECT column_name FROM information_schema.columns "
    . "WHERE table_schema = DATABASE() AND table_name = 'survey_response'");
ok(scalar(@cols) > 0, 'survey_response exists');
is_deeply([grep { /addr|ip|agent|account|user|_at$|time/i } @cols], [],
    'a response has no column for an address, agent, account or time (@cols)');
my ($type) = sql("SELECT data_type FROM information_schema.columns WHERE table_schema = DATABASE() "
    . "AND table_name = 'survey_response' AND column_name = 'completed_on'");
is($type->[0], 'date', 'completion is kept to the day');

my @s = sql("SELECT code, status, round, results_published, definition IS NOT NULL "
    . "FROM survey WHERE code LIKE 'needs-%' OR code LIKE 'pilot-%' ORDER BY round");
is(scalar(@s), 2, 'the demo has two rounds of the needs survey');
is($s[0][1], 'closed', 'the pilot is closed');
is($s[1][1], 'published', 'this round is published');
is($s[1][4], 1, 'and carries its definition');
my ($open) = sql("SELECT COUNT(*) FROM survey WHERE code LIKE 'needs-%' "
    . "AND opens_at <= UTC_TIMESTAMP() AND closes_at > UTC_TIMESTAMP()");
is($open->[0], 1, 'this round is open now');

my ($n) = sql("SELECT COUNT(*) FROM survey_response r JOIN survey s ON s.id = r.survey_id "
    . "WHERE s.code LIKE 'needs-%' AND r.status = 'completed'");
cmp_ok($n->[0], '>=', 300, 'a few hundred completed responses');
my ($left) = sql("SELECT COUNT(*) FROM survey_response WHERE status = 'completed' "
    . "AND (resume_hash IS NOT NULL OR invitation_id IS NOT NULL)");
is($left->[0], 0, 'no completed response keeps a resume code or an invitation');
my @stray = sql("SELECT DISTINCT a.question FROM survey_answer a JOIN survey s ON s.id = a.survey_id "
    . "WHERE LOCATE(CONCAT('<question code=\"', a.question, '\"'), s.definition) = 0");
is_deeply(\@stray, [], 'every answer names a question of its definition');
@stray = sql("SELECT DISTINCT a.question, a.option_code FROM survey_answer a "
    . "JOIN survey s ON s.id = a.survey_id WHERE a.option_code IS NOT NULL "
    . "AND a.option_code <> 'other' AND a.question NOT IN ('group', 'needed', 'violence-help', "
    . "'unmet', 'volunteer', 'next-round') "
    . "AND LOCATE(CONCAT('<option code=\"', a.option_code, '\"'), s.definition) = 0");
is_deeply(\@stray, [], 'and every option one the definition has');
my ($multi) = sql("SELECT COUNT(*) FROM (SELECT response_id FROM survey_answer "
    . "WHERE question IN ('obstacles', 'new-services') GROUP BY response_id, question "
    . "HAVING COUNT(*) > 3) x");
is($multi->[0], 0, 'no one ticked more than three where three is the most');
done_testing();
