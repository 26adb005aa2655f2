# SPDX-License-Identifier: ISC
# Karika::Ops: what the operations tests (tests/ops/*.t) share.  Each test
# makes its own private MariaDB with scripts/stack's helpers in a temp
# state directory and stops it by PID; none needs the stack that
# tests/integration/run starts.  Settings: KARIKA_SRC, KARIKA_BUILD.
#
#   tmpdir()                      a temp dir removed at the end
#   db_start($state), db_stop($state)   a private MariaDB in $state
#   admin_sql($state, $sql)       rows as the MariaDB admin (database karika)
#   run_cmd(\%env, @cmd)          (exit status, stdout+stderr)
#   fcgi($sock, $path, $query)    one FastCGI GET straight to a worker:
#                                 (status, headers and body)
#   start_worker($name, $conf), stop_worker($pid)
package Karika::Ops;
use strict;
use warnings;
use Exporter 'import';
use File::Temp qw(tempdir);
use POSIX qw(WNOHANG);
use Time::HiRes qw(sleep time);

our @EXPORT = qw(tmpdir db_start db_stop admin_sql run_cmd fcgi
    start_worker stop_worker SRC BUILD ME);

use constant SRC => $ENV{KARIKA_SRC} // die "KARIKA_SRC is not set\n";
use constant BUILD => $ENV{KARIKA_BUILD} // die "KARIKA_BUILD is not set\n";
use constant ME => scalar(getpwuid($<));

sub tmpdir {
	my $d = tempdir('/tmp/karika-ops.XXXXXX', CLEANUP => !$ENV{KARIKA_KEEP_STATE});
	chmod 0755, $d;
	return $d;
}

sub run_cmd {
	my ($env, @cmd) = @_;
	local %ENV = (%ENV, %{ $env // {} });
	my $pid = open(my $fh, '-|') // die "fork: $!";
	if ($pid == 0) {
		open(STDERR, '>&', \*STDOUT);
		open(STDIN, '<', '/dev/null');
		exec(@cmd) or exit 127;
	}
	local $/;
	my $out = <$fh> // '';
	close $fh;
	return ($? >> 8, $out);
}

sub db_start {
	my ($state) = @_;
	my ($rc, $out) = run_cmd({ KARIKA_STATE => $state }, SRC . '/scripts/stack', 'db-start');
	die "db-start: $out" if $rc;
}

sub db_stop {
	my ($state) = @_;
	run_cmd({ KARIKA_STATE => $state }, SRC . '/scripts/stack', 'db-stop');
}

sub admin_sql {
	my ($state, $sql) = @_;
	my ($rc, $out) = run_cmd({ KARIKA_STATE => $state }, 'sh', '-c',
	    'printf "%s" "$1" | "$2" sql karika', 'sh', $sql, SRC . '/scripts/stack');
	die "sql failed: $out" if $rc;
	return map { [split /\t/] } split /\n/, $out;
}

sub fcgi {
	my ($sock, $path, $query) = @_;
	my ($rc, $out) = run_cmd({ REQUEST_METHOD => 'GET', DOCUMENT_URI => $path,
	    SCRIPT_NAME => $path, REQUEST_URI => $path, QUERY_STRING => $query // '',
	    SERVER_PROTOCOL => 'HTTP/1.1', REMOTE_ADDR => '127.0.0.1',
	    REQUEST_ID => 'ops-test' }, 'cgi-fcgi', '-bind', '-connect', $sock);
	my ($status) = $out =~ /^Status:\s*(\d+)/mi;
	return ($status // 200, $out);
}

sub start_worker {
	my ($name, $conf, $log) = @_;
	my $pid = fork() // die;
	if ($pid == 0) {
		open(STDOUT, '>>', $log); open(STDERR, '>&', \*STDOUT);
		exec(BUILD . "/karika-$name", '-c', $conf, '-n', 1) or exit 127;
	}
	return $pid;
}

sub stop_worker {
	my ($pid) = @_;
	kill 'TERM', $pid;
	waitpid($pid, 0);
}

1;
