# SPDX-License-Identifier: ISC
# karika-setup on a fresh host (a private MariaDB in a temp dir): it
# creates the database and its users, migrates, grants, creates the
# municipality and invites the administrator (outbox row and the printed
# one-time link), writes the configuration last with mode 0640, and
# prints the line for nginx; a worker starts on that configuration and
# the invitation link opens; run again, it changes nothing and says so.
use strict;
use warnings;
use Test::More;
use Digest::SHA qw(sha256_hex);
use Time::HiRes qw(sleep);
use Karika::Ops;

my $tmp = tmpdir();
my $state = "$tmp/db";
db_start($state);
my $conf = "$tmp/etc/karika/karika.conf";
mkdir "$tmp/run";
my $group = (getgrgid($())[0];
my @args = ('--config', $conf, '--db-socket', "$state/run/mysqld.sock",
    '--db-admin', ME, '--user', ME, '--group', $group, '--rundir', "$tmp/run",
    '--municipality', 'test-grad', '--name-latn', "Test Grad O'Brien",
    '--name-cyrl', 'Тест Град', '--country', 'BA',
    '--site-url', 'https://socijalna.example.ba', '--admin-email', 'it@example.ba',
    '--documents', "$tmp/documents", '--yes');
my %env = (KARIKA_BUILD => BUILD);

my ($rc, $out) = run_cmd(\%env, SRC . '/scripts/karika-setup', @args);
is($rc, 0, 'karika-setup succeeds on a fresh host') or diag $out;
ok(-f $conf, 'it wrote the configuration');
is(sprintf('%04o', (stat $conf)[2] & 07777), '0640', 'readable by owner and group only');
open(my $f, '<', $conf) or die;
my $text = do { local $/; <$f> };
close $f;
like($text, qr/^user = ${\ME}$/m, 'it names the user the workers run as');
unlike($text, qr/change-me|\@PW_/, 'every password is filled in');
my %pw = $text =~ /^(\w+)\.db_password = (\S+)$/mg;
is(scalar(keys %pw), 7, 'seven database users have passwords');
is(scalar(keys %{{ reverse %pw }}), 7, 'each its own');
like($out, qr{include \S+/nginx/karika\.conf;}, 'it prints the line for nginx');
my ($link) = $out =~ m{https://socijalna\.example\.ba(/account/invite\?token=[0-9a-f]{64})};
ok($link, 'and the one-time invitation link');

my @m = admin_sql($state, "SELECT code, name_sr_latn, country, currency FROM municipality");
is_deeply(\@m, [['test-grad', "Test Grad O'Brien", 'BA', 'BAM']], 'the municipality, quotes and all');
my @a = admin_sql($state, "SELECT a.status, r.role, m.code FROM account a JOIN account_role r ON r.account_id = a.id JOIN municipality m ON m.id = r.municipality_id WHERE a.email = 'it\@example.ba'");
is_deeply(\@a, [['pending', 'admin', 'test-grad']], 'the administrator, invited, with the admin role in that municipality');
my @o = admin_sql($state, "SELECT template, param_link FROM outbox WHERE to_addr = 'it\@example.ba'");
is_deeply(\@o, [['invite', substr($link, 0)]], 'the invitation waits in the outbox');
my @g = admin_sql($state, "SELECT COUNT(*) FROM mysql.user WHERE user LIKE 'karika\\_%'");
is($g[0][0], 7, 'the migrate user and one per worker, the mailer and the retention job exist');

# A worker runs on that configuration, and the link opens its page.
my $pid = start_worker('registry', $conf, "$tmp/registry.log");
my $sock = "$tmp/run/registry.sock";
ok(Karika::Test::wait_for_sock($sock), 'karika-registry listens on the configured socket');
my ($st, $body) = fcgi($sock, '/registry/health');
is($st, 200, 'and answers /registry/health');
my ($path, $query) = split /\?/, $link;
($st, $body) = fcgi($sock, $path, $query);
is($st, 200, 'the invitation link opens');
like($body, qr/<account[^>]*page="invite"/, 'on the page that sets the password');
stop_worker($pid);

my $sum = sha256_hex($text);
my $rows = join ',', map { $_->[0] } admin_sql($state, "SELECT (SELECT COUNT(*) FROM municipality) + (SELECT COUNT(*) FROM account) + (SELECT COUNT(*) FROM outbox) + (SELECT COUNT(*) FROM account_token)");
($rc, $out) = run_cmd(\%env, SRC . '/scripts/karika-setup', @args);
is($rc, 0, 'run again, it succeeds');
like($out, qr/set up already, and nothing was changed/, 'and says that nothing was changed');
open($f, '<', $conf) or die;
is(sha256_hex(do { local $/; <$f> }), $sum, 'the configuration is the same');
is(join(',', map { $_->[0] } admin_sql($state, "SELECT (SELECT COUNT(*) FROM municipality) + (SELECT COUNT(*) FROM account) + (SELECT COUNT(*) FROM outbox) + (SELECT COUNT(*) FROM account_token)")),
    $rows, 'and so are the rows');

($rc, $out) = run_cmd(\%env, SRC . '/scripts/karika-setup', '--config', "$tmp/other.conf",
    '--db-socket', "$state/run/mysqld.sock", '--db-admin', ME, '--yes');
isnt($rc, 0, 'without a terminal, a missing answer stops it');
like($out, qr/--municipality is needed/, 'naming the flag that gives it');
ok(!-e "$tmp/other.conf", 'before anything is written');

db_stop($state);
done_testing();

package Karika::Test;
sub wait_for_sock {
	my ($s) = @_;
	for (1 .. 100) { return 1 if -S $s; Time::HiRes::sleep(0.1) }
	return 0;
}
