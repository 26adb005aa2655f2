# SPDX-License-Identifier: ISC
# karika-mailer: a queued message goes out in the recipient's language
# and script, UTF-8 subject and body intact; when the SMTP server is down
# the message waits and is retried later; once sent, its link (a token)
# is blanked in the outbox.
use strict;
use warnings;
use utf8;
use Test::More;
use Karika::Test;

my $to = 'mailer-' . time() . '@example.net';
sql("INSERT INTO outbox (to_addr, locale, template, param_name, param_link) VALUES ('$to', 'sr-Cyrl', 'reset', 'Љубица Ђорђевић', '/account/password/reset?token=" . ('c' x 64) . "')");
my $m = mail_to($to);
ok($m, 'a queued message arrives');
is($m->{subject}, 'Нова лозинка за Карику', 'the subject is in Serbian Cyrillic, decoded intact');
like($m->{body}, qr/Поштовани\/а Љубица Ђорђевић/, 'the body greets by name in Cyrillic');
like($m->{body}, qr{http://127\.0\.0\.1:\d+/account/password/reset\?token=c{64}}, 'the link is absolute and untransliterated');
like($m->{headers}, qr/^Content-Type: text\/plain; charset=UTF-8/mi, 'the body is declared UTF-8');
my ($link, $sent) = @{ (sql("SELECT param_link, sent_at IS NOT NULL FROM outbox WHERE to_addr = '$to'"))[0] };
is($link // '', '', 'the sent message\'s link is blanked in the outbox');
is($sent, 1, 'and it is marked sent');

# The SMTP server goes away.
open(my $f, '<', state_dir() . '/run/smtp-sink.pid') or die;
chomp(my $pid = <$f>);
kill 'TERM', $pid;
ok(wait_for(sub { !kill(0, $pid) }, 10), 'the SMTP sink is stopped');
my $to2 = 'retry-' . time() . '@example.net';
sql("INSERT INTO outbox (to_addr, locale, template, param_name, param_link) VALUES ('$to2', 'en', 'confirm', 'Retry', '/account/confirm?token=" . ('d' x 64) . "')");
ok(wait_for(sub { (sql("SELECT attempts FROM outbox WHERE to_addr = '$to2'"))[0][0] >= 1 }, 15),
    'the failed attempt is counted');
my ($err, $later) = @{ (sql("SELECT last_error, next_attempt_at > UTC_TIMESTAMP() + INTERVAL 20 SECOND FROM outbox WHERE to_addr = '$to2'"))[0] };
like($err // '', qr/smtp/i, 'with the reason');
is($later, 1, 'and the next try waits (backoff)');
stack('start');    # brings the sink back; the rest is already running
sql("UPDATE outbox SET next_attempt_at = UTC_TIMESTAMP() WHERE to_addr = '$to2'");
$m = mail_to($to2);
ok($m, 'the message goes out once the server is back');
is($m->{subject}, 'Confirm your e-mail address for Karika', 'in English, as queued');
done_testing();
