# SPDX-License-Identifier: ISC
# Who a worker runs as (priv.c, STYLE 3.14): started as root without
# "user =" it refuses, saying which key to set; a user or group the
# system lacks is named; a missing socket folder is named; started as
# root with "user = nobody" it opens its socket, gives it to that user and
# group, becomes them for good, and says so in one line.  Each worker here
# is started by hand from a copy of the stack's configuration with its
# own socket, and stopped by its PID.
use strict;
use warnings;
use Test::More;
use File::Temp qw(tempdir);
use POSIX qw(WNOHANG);
use Time::HiRes qw(sleep);
use Karika::Test;

my $bin = "$ENV{KARIKA_BUILD}/karika-reports";
my $root = $> == 0;
my $tmp = tempdir(CLEANUP => 1);
chmod 0755, $tmp;

open(my $f, '<', state_dir() . '/karika.conf') or die;
my $base = join('', grep { !/^(user|group|reports\.socket)\s*=/ } <$f>);
close $f;

# Writes a config with the extra lines and runs the worker on it for at
# most $secs seconds (or until it exits); returns (exit status or undef
# while running, its log, its pid).
sub run_worker {
	my ($name, $extra, $secs) = @_;
	my $conf = "$tmp/$name.conf";
	open(my $c, '>', $conf) or die;
	print $c $base, $extra;
	close $c;
	chmod 0644, $conf;
	my $log = "$tmp/$name.log";
	my $pid = fork() // die;
	if ($pid == 0) {
		open(STDOUT, '>', $log); open(STDERR, '>&', \*STDOUT);
		exec($bin, '-c', $conf, '-n', 1) or exit 127;
	}
	my $status;
	wait_for(sub {
		return 1 if waitpid($pid, WNOHANG) == $pid && defined($status = $? >> 8);
		open(my $l, '<', $log) or return 0;
		local $/;
		return (<$l> // '') =~ /running as|listening on/;
	}, $secs);
	open(my $l, '<', $log) or die;
	local $/;
	return ($status, <$l> // '', $pid);
}

sub stop_worker {
	my ($pid) = @_;
	kill 'TERM', $pid;
	waitpid($pid, 0);
}

my ($st, $log, $pid);

($st, $log) = run_worker('nofolder', ($root ? "user = root\n" : "") . "reports.socket = $tmp/missing/reports.sock\n", 10);
is($st, 1, 'a missing socket folder stops the worker');
like($log, qr{socket folder \Q$tmp\E/missing .*does not exist}, 'and the message names the folder');

SKIP: {
	skip "root is needed to test starting as root and dropping privileges", 9 unless $root;

	($st, $log) = run_worker('root', "reports.socket = $tmp/root.sock\n", 10);
	is($st, 1, 'root without "user =" is refused');
	like($log, qr/refusing to run as root: set user = <account>/, 'and told which key to set');
	ok(!-e "$tmp/root.sock", 'before any socket is opened');

	($st, $log) = run_worker('nouser', "user = no-such-karika-user\nreports.socket = $tmp/nouser.sock\n", 10);
	is($st, 1, 'a user the system lacks is refused');
	like($log, qr/user = no-such-karika-user: no such user/, 'by name');

	($st, $log, $pid) = run_worker('nobody', "user = nobody\ngroup = nogroup\nreports.socket = $tmp/nobody.sock\n", 10);
	ok(!defined $st, 'root with user = nobody starts') or diag $log;
	like($log, qr/running as user nobody \(uid 65534, gid 65534, group nogroup\)/, 'and says who it runs as');
	my @kids;
	wait_for(sub { @kids = split ' ', `pgrep -P $pid`; @kids > 0 }, 10);
	my @uids = map {
		open(my $s, '<', "/proc/$_/status") or die;
		my ($u) = grep { /^Uid:/ } <$s>; [split ' ', $u]
	} ($pid, @kids);
	is_deeply([map { @$_[1 .. 4] } @uids], [(65534) x (4 * @uids)],
	    'the parent and its children run as nobody (real, effective, saved, fs)');
	my @sst = stat("$tmp/nobody.sock");
	is("$sst[4]:$sst[5]", '65534:65534', 'the socket belongs to nobody:nogroup');
	stop_worker($pid);
}
done_testing();
