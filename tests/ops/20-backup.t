# SPDX-License-Identifier: ISC
# karika-backup and karika-restore, round trip: a private stack with the
# demo data and a few documents; a backup taken while one client keeps
# asking for pages (none may fail) and another keeps committing pairs of
# rows (the snapshot must hold whole transactions only); the archive
# restored into a fresh state directory (a second private stack); then
# the same pages, the same rows (CHECKSUM TABLE of every table) and the
# same document bytes.  karika-restore refuses a non-empty database and
# an archive whose checksums do not match; karika-jobs takes a backup
# when backup.enable says so.
use strict;
use warnings;
use Test::More;
use Digest::SHA qw(sha256_hex);
use File::Find;
use HTTP::Tiny;
use IO::Socket::INET;
use POSIX ();
use Time::HiRes qw(sleep time);
use Karika::Ops;

sub free_port {
	return IO::Socket::INET->new(Listen => 1, LocalAddr => '127.0.0.1:0')->sockport;
}

my $tmp = tmpdir();
my %a = (KARIKA_STATE => "$tmp/a", KARIKA_PORT => free_port(), KARIKA_BUILD => BUILD);
my %b = (KARIKA_STATE => "$tmp/b", KARIKA_PORT => free_port(), KARIKA_BUILD => BUILD,
    KARIKA_DEMO => 0);
my $stack = SRC . '/scripts/stack';
my @started;
END { run_cmd($_, $stack, 'stop') for @started }

my ($rc, $out) = run_cmd(\%a, $stack, 'start');
push @started, \%a;
is($rc, 0, 'the first stack starts with the demo data') or BAIL_OUT($out);

# Documents as the applications worker will keep them: named by hash;
# the demo's own (scripts/stack's demo_documents, at the top) first.
my %docs;
opendir(my $dd, "$tmp/a/documents") or BAIL_OUT('no documents folder');
$docs{$_} = $_ for grep { /^[0-9a-f]{64}$/ } readdir $dd;
closedir $dd;
ok(scalar(keys %docs) >= 3, 'the demo application\'s documents are there');
for my $i (1 .. 5) {
	my $bytes = join '', map { chr(int(rand(256))) } 1 .. (1000 * $i);
	my $h = sha256_hex($bytes);
	my $d = "$tmp/a/documents/" . substr($h, 0, 2);
	mkdir "$tmp/a/documents"; mkdir $d;
	open(my $f, '>:raw', "$d/$h") or die; print $f $bytes; close $f;
	$docs{substr($h, 0, 2) . "/$h"} = $h;
}

my @pages = ('/', '/registry/services', '/surveys/', '/reports/', '/applications/',
    '/registry/services?lang=en', '/surveys/?lang=sr-Latn', '/account/login');
my $http = HTTP::Tiny->new(timeout => 10, max_redirect => 0);

# The clients: one asks for pages, one commits pairs of rows.
my $reader = fork() // die;
if ($reader == 0) {
	my ($n, $bad) = (0, 0);
	local $SIG{TERM} = sub { open(my $f, '>', "$tmp/reader") or die; print $f "$n $bad\n"; close $f; POSIX::_exit(0) };
	while (1) {
		my $r = $http->get("http://127.0.0.1:$a{KARIKA_PORT}" . $pages[$n % @pages]);
		$n++; $bad++ if $r->{status} != 200;
	}
}
my $writer = fork() // die;
if ($writer == 0) {
	open(my $db, '|-', 'mariadb', '--no-defaults', "--socket=$tmp/a/run/mysqld.sock",
	    '-u', ME, 'karika') or POSIX::_exit(1);
	$db->autoflush(1);
	local $SIG{TERM} = sub { close $db; POSIX::_exit(0) };
	for my $i (1 .. 100000) {
		print $db "START TRANSACTION; INSERT INTO outbox (to_addr, locale, template, next_attempt_at) VALUES ('pair$i\@example.org', 'en', 'backup-test', UTC_TIMESTAMP() + INTERVAL 1 DAY), ('pair$i\@example.org', 'en', 'backup-test', UTC_TIMESTAMP() + INTERVAL 1 DAY); COMMIT;\n";
		sleep 0.005;
	}
	POSIX::_exit(0);
}
sleep 1;
my $t0 = time;
($rc, $out) = run_cmd({}, SRC . '/scripts/karika-backup', '-c', "$tmp/a/karika.conf", '-o', "$tmp/backups");
my $took = time - $t0;
sleep 0.5;
kill 'TERM', $writer, $reader;
waitpid($_, 0) for $writer, $reader;
is($rc, 0, 'karika-backup succeeds while the site serves') or diag $out;
my ($archive) = $out =~ m{^(/\S+\.tar)$}m;
ok($archive && -f $archive, 'and names its archive');
like($archive // '', qr{/karika-backup-\d{8}T\d{6}Z\.tar$}, 'dated');
is(sprintf('%04o', (stat $archive)[2] & 07777), '0600', 'readable by its owner only');
my ($n, $bad) = split ' ', do { open(my $f, '<', "$tmp/reader") or die; <$f> };
ok($n > 10, "the reader asked for $n pages meanwhile");
is($bad, 0, 'and none failed');
my @list = `tar -tf $archive`;
ok((grep { m{/db\.sql\.gz$} } @list) && (grep { m{/SHA256SUMS$} } @list)
    && (grep { m{/karika\.conf$} } @list) && (grep { m{/MANIFEST$} } @list),
    'the archive holds the dump, the configuration, a manifest and the checksums');
is(scalar(grep { m{/documents/(?:../)?[0-9a-f]{64}$} } @list), scalar(keys %docs), 'and every document');
diag(sprintf('backup: %.1f s, %d KiB', $took, (-s $archive) / 1024));

# A damaged copy is refused before anything changes.
my $bad_archive = "$tmp/damaged.tar";
{
	mkdir "$tmp/x";
	system('tar', '-C', "$tmp/x", '-xf', $archive) == 0 or die;
	my ($conf) = glob("$tmp/x/*/karika.conf");
	open(my $f, '>>', $conf) or die; print $f "# changed\n"; close $f;
	system("tar -C $tmp/x -cf $bad_archive \$(ls $tmp/x)") == 0 or die;
}

# The second, empty instance: its own configuration and MariaDB.
($rc, $out) = run_cmd(\%b, $stack, 'config');
is($rc, 0, 'a fresh state directory gets its configuration') or diag $out;
($rc, $out) = run_cmd(\%b, $stack, 'db-start');
push @started, \%b;
my @restore = (SRC . '/scripts/karika-restore', '--config', "$tmp/b/karika.conf", '--db-admin', ME);
($rc, $out) = run_cmd({}, @restore, $bad_archive);
isnt($rc, 0, 'a damaged archive is refused');
like($out, qr/checksums do not match, nothing was changed/, 'naming the checksums');
($rc, $out) = run_cmd(\%b, 'sh', '-c', "echo 'SHOW DATABASES' | $stack sql");
unlike($out, qr/^karika$/m, 'and nothing was created');

$t0 = time;
($rc, $out) = run_cmd({}, @restore, $archive);
my $rtook = time - $t0;
is($rc, 0, 'karika-restore brings the archive up in the empty instance') or diag $out;
like($out, qr/match their checksums/, 'after checking the checksums');
diag(sprintf('restore: %.1f s', $rtook));
($rc, $out) = run_cmd(\%b, $stack, 'start');
is($rc, 0, 'the second stack starts on the restored data (no demo data of its own)') or diag $out;

($rc, $out) = run_cmd({}, @restore, $archive);
isnt($rc, 0, 'restoring again is refused');
like($out, qr/holds \d+ tables: restore only into an empty one/, 'the database is not empty');

# The same pages: the HTML without what differs per request and per host.
sub page {
	my ($port, $path) = @_;
	my $r = $http->get("http://127.0.0.1:$port$path");
	my $c = $r->{content};
	$c =~ s/127\.0\.0\.1:\d+//g;
	$c =~ s/\b(rid|csrf|value)="[0-9a-f]{16,}"/$1=""/g;
	return "$r->{status}\n$c";
}
for my $p (@pages) {
	is(page($b{KARIKA_PORT}, $p), page($a{KARIKA_PORT}, $p), "the same page $p");
}
# The same rows: whole pairs only, and every table's checksum.
my ($pairs) = admin_sql("$tmp/b", "SELECT COUNT(*) FROM outbox WHERE template = 'backup-test'");
ok($pairs->[0] > 0, "the snapshot holds rows committed during the backup ($pairs->[0])");
is($pairs->[0] % 2, 0, 'in whole transactions only (pairs)');
my ($torn) = admin_sql("$tmp/b", "SELECT COUNT(*) FROM (SELECT to_addr FROM outbox WHERE template = 'backup-test' GROUP BY to_addr HAVING COUNT(*) <> 2) t");
is($torn->[0], 0, 'no pair is torn');
admin_sql($_, "DELETE FROM outbox WHERE template = 'backup-test'") for "$tmp/a", "$tmp/b";
my @tables = map { $_->[0] } admin_sql("$tmp/a", "SELECT table_name FROM information_schema.tables WHERE table_schema = 'karika' AND table_type = 'BASE TABLE' ORDER BY 1");
my @tables_b = map { $_->[0] } admin_sql("$tmp/b", "SELECT table_name FROM information_schema.tables WHERE table_schema = 'karika' AND table_type = 'BASE TABLE' ORDER BY 1");
is_deeply(\@tables_b, \@tables, scalar(@tables) . ' tables, the same');
my @views = map { $_->[0] } admin_sql("$tmp/a", "SELECT COUNT(*) FROM information_schema.views WHERE table_schema = 'karika' UNION ALL SELECT COUNT(*) FROM information_schema.routines WHERE routine_schema = 'karika' UNION ALL SELECT COUNT(*) FROM information_schema.triggers WHERE trigger_schema = 'karika'");
my @views_b = map { $_->[0] } admin_sql("$tmp/b", "SELECT COUNT(*) FROM information_schema.views WHERE table_schema = 'karika' UNION ALL SELECT COUNT(*) FROM information_schema.routines WHERE routine_schema = 'karika' UNION ALL SELECT COUNT(*) FROM information_schema.triggers WHERE trigger_schema = 'karika'");
is_deeply(\@views_b, \@views, 'the same views, stored queries and triggers');
my $sum = sub {
	my ($s) = @_;
	return { map { $_ => (admin_sql($s, "CHECKSUM TABLE `$_`"))[0][1] } @tables };
};
is_deeply($sum->("$tmp/b"), $sum->("$tmp/a"), 'every table holds the same rows');

# The same document bytes.
my %got;
find(sub { $got{substr($File::Find::name, length("$tmp/b/documents/"))} = do {
	open(my $f, '<:raw', $_) or die; local $/; sha256_hex(<$f>) } if -f }, "$tmp/b/documents");
is_deeply(\%got, \%docs, 'the same documents, byte for byte');

my $login = sub {
	my ($port) = @_;
	my $r = $http->get("http://127.0.0.1:$port/account/login");
	my ($csrf) = $r->{headers}{'set-cookie'} =~ /csrf=([^;]+)/;
	$r = $http->post_form("http://127.0.0.1:$port/account/login",
	    { email => 'admin@example.org', password => 'karika-demo-2026', csrf => $csrf },
	    { headers => { Cookie => "csrf=$csrf" } });
	return $r->{status};
};
is($login->($b{KARIKA_PORT}), 303, 'the demo administrator signs in on the restored instance');

# karika-jobs takes a backup when the configuration says so.
open(my $c, '>>', "$tmp/a/karika.conf") or die;
print $c "backup.enable = 1\nbackup.dir = $tmp/nightly\nbackup.keep = 1\n";
close $c;
($rc, $out) = run_cmd({ KARIKA_BUILD => BUILD }, SRC . '/scripts/karika-jobs', '-c', "$tmp/a/karika.conf");
like($out, qr/backup: ok/, 'karika-jobs runs karika-backup when backup.enable = 1') or diag $out;
my @nightly = glob("$tmp/nightly/karika-backup-*.tar");
is(scalar(@nightly), 1, 'and the archive is there');

done_testing();
