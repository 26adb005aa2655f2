# SPDX-License-Identifier: ISC
# Karika::Test: what every integration test uses to talk to the private
# stack that tests/integration/run started (its settings arrive in the
# environment: KARIKA_URL, KARIKA_STATE, KARIKA_SRC, KARIKA_BUILD).
#
#   get($path, \%headers)          HTTP::Tiny response hash (no redirects)
#   post($path, \%form, \%headers) the same, url-encoded body
#   raw_http($request_bytes)       what the server answered on a raw socket
#   sql($sql)                      run SQL as the MariaDB admin; returns rows
#   sql_as($worker, $sql)          run SQL as a worker's own database user;
#                                  returns (exit status, output)
#   worker_pids($worker)           the worker's process ids (parent first)
#   stack(@args)                   run scripts/stack with the test settings
#   wait_for(sub { ... }, $secs)   poll until the sub is true
#   main_text($html)               text of <main>, tags stripped
#   agent()                        a browser-like client with its own cookies
#   login($email[, $password])     an agent signed in (demo password default)
#   mail_to($address[, $secs])     the newest message to an address at the
#                                  SMTP sink: { subject, body, headers }
#   link_in($body)                 the local path of the link in a message
#   LOCALES, PAGES                 what every page test iterates over
package Karika::Test;
use strict;
use warnings;
use Exporter 'import';
use Test::More ();
use HTTP::Tiny;
use IO::Socket::INET;
use Time::HiRes qw(sleep time);
use Encode ();

# Test names and diagnostics may hold Serbian letters.
binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

our @EXPORT = qw(get post raw_http sql sql_as worker_pids stack wait_for
    main_text url state_dir LOCALES PAGES WORKERS agent login mail_to
    link_in DEMO_PASSWORD);

use constant DEMO_PASSWORD => $ENV{KARIKA_DEMO_PASSWORD} // 'karika-demo-2026';

use constant LOCALES => qw(sr-Cyrl sr-Latn bs en);
use constant PAGES => ('/', '/registry/services', '/surveys/',
    '/applications/', '/reports/');
use constant WORKERS => qw(surveys applications registry reports);

my $url = $ENV{KARIKA_URL} or die "KARIKA_URL is not set: run through tests/integration/run\n";
my $state = $ENV{KARIKA_STATE} or die "KARIKA_STATE is not set\n";
my $src = $ENV{KARIKA_SRC} or die "KARIKA_SRC is not set\n";
my $http = HTTP::Tiny->new(max_redirect => 0, timeout => 30,
    agent => 'karika-tests');

sub url { return $url . ($_[0] // '') }
sub state_dir { return $state }

sub get {
	my ($path, $headers) = @_;
	return $http->get(url($path), { headers => $headers // {} });
}

sub post {
	my ($path, $form, $headers) = @_;
	return $http->post_form(url($path), $form // {},
	    { headers => $headers // {} });
}

# Sends bytes as they are (for what HTTP::Tiny would refuse to send).
sub raw_http {
	my ($bytes) = @_;
	my ($host, $port) = $url =~ m{^http://([^:/]+):(\d+)};
	my $s = IO::Socket::INET->new(PeerAddr => $host, PeerPort => $port,
	    Timeout => 10) or die "connect: $!";
	print $s $bytes;
	local $/;
	my $answer = <$s>;
	close $s;
	return $answer // '';
}

sub _client {
	my ($user, $pw, $sql) = @_;
	my @cmd = ('mariadb', '--no-defaults', "--socket=$state/run/mysqld.sock",
	    '-u', $user, '--batch', '--skip-column-names', 'karika');
	local $ENV{MYSQL_PWD} = $pw if defined $pw;
	my $pid = open(my $fh, '-|') // die "fork: $!";
	if ($pid == 0) {
		open(STDERR, '>&', \*STDOUT);
		open(my $in, '|-', @cmd) or exit 127;
		print $in $sql;
		close $in;
		exit($? >> 8);
	}
	local $/;
	my $out = <$fh> // '';
	close $fh;
	return ($? >> 8, $out);
}

sub sql {
	my ($rc, $out) = _client(scalar(getpwuid($<)), undef, $_[0]);
	die "sql failed ($rc): $out" if $rc != 0;
	return map { [split /\t/] } split /\n/, $out;
}

sub sql_as {
	my ($worker, $sql) = @_;
	open(my $f, '<', "$state/secrets/$worker") or die "secret: $!";
	chomp(my $pw = <$f>);
	return _client("karika_$worker", $pw, $sql);
}

sub worker_pids {
	my ($worker) = @_;
	open(my $f, '<', "$state/run/$worker.pid") or return ();
	chomp(my $parent = <$f>);
	my @kids = split ' ', `pgrep -P $parent`;
	return ($parent, sort { $a <=> $b } @kids);
}

sub stack {
	system("$src/scripts/stack", @_) == 0 or die "scripts/stack @_ failed";
}

sub wait_for {
	my ($cond, $secs) = @_;
	my $end = time + $secs;
	while (time < $end) {
		return 1 if $cond->();
		sleep 0.2;
	}
	return 0;
}

sub main_text {
	my ($html) = @_;
	my ($main) = $html =~ m{<main[^>]*>(.*)</main>}s;
	$main //= '';
	$main =~ s/<[^>]+>/ /g;
	$main =~ s/\s+/ /g;
	return $main;
}

sub agent { return Karika::Test::Agent->new }

sub login {
	my ($email, $password) = @_;
	my $a = agent();
	my $r = $a->submit('/account/login', { email => $email,
	    password => $password // DEMO_PASSWORD });
	die "login $email: $r->{status}\n" unless $r->{status} == 303;
	return $a;
}

use MIME::Base64 qw(decode_base64);
use Encode qw(decode);

# The oldest message to addr not yet returned by an earlier call (each
# message is read once), waiting for it up to secs seconds.
my %seen;
sub mail_to {
	my ($addr, $secs) = @_;
	my $found;
	wait_for(sub {
		my @files = sort { (Time::HiRes::stat($a))[9] <=> (Time::HiRes::stat($b))[9] || $a cmp $b }
		    glob(state_dir() . '/mail/new/*');
		for my $f (@files) {
			next if $seen{$f};
			open(my $fh, '<', $f) or next;
			local $/;
			my $m = <$fh>;
			next unless $m =~ /^To:\s*<?\Q$addr\E>?\s*$/mi;
			$seen{$f} = 1;
			my ($head, $body) = split /\r?\n\r?\n/, $m, 2;
			(my $subj) = $head =~ /^Subject:\s*(.*(?:\r?\n[ \t].*)*)/mi;
			$subj =~ s/\r?\n[ \t]+/ /g;
			$body = decode_base64($body) if $head =~ /Content-Transfer-Encoding:\s*base64/i;
			$found = { subject => decode('MIME-Header', $subj),
			    body => decode('UTF-8', $body), headers => $head, file => $f };
			return 1;
		}
		return 0;
	}, $secs // 15);
	return $found;
}

sub link_in {
	my ($body) = @_;
	my ($path) = ($body // '') =~ m{https?://[^/\s]+(/account/[^\s]+)};
	return $path;
}

package Karika::Test::Agent;
# A client that keeps its cookies like a browser and fills in the CSRF
# token of the form it submits, as a person's browser would.

sub new { return bless { jar => {} }, shift }

sub _send {
	my ($self, $method, $path, $body) = @_;
	my %h = (cookie => join('; ', map { "$_=$self->{jar}{$_}" } sort keys %{ $self->{jar} }));
	delete $h{cookie} if $h{cookie} eq '';
	my $r = $body
	    ? $http->post_form(Karika::Test::url($path), $body, { headers => \%h })
	    : $http->request($method, Karika::Test::url($path), { headers => \%h });
	my $sc = $r->{headers}{'set-cookie'} // [];
	for my $c (ref $sc ? @$sc : ($sc)) {
		my ($n, $v) = $c =~ /^([^=]+)=([^;]*)/ or next;
		if ($c =~ /Max-Age=0\b/ || $v eq '') { delete $self->{jar}{$n} } else { $self->{jar}{$n} = $v }
	}
	# Pages are text: the agent hands them over decoded, as characters.
	$r->{content} = Encode::decode('UTF-8', $r->{content})
	    if defined $r->{content} && ($r->{headers}{'content-type'} // '') =~ m{^text/};
	$self->{last} = $r;
	return $r;
}

sub get { my ($self, $path) = @_; return $self->_send('GET', $path) }
sub post { my ($self, $path, $form) = @_; return $self->_send('POST', $path, $form) }
sub cookie { my ($self, $n, $v) = @_; $self->{jar}{$n} = $v if @_ > 2; return $self->{jar}{$n} }

# The CSRF token of the page at path (fetching it), as its forms carry it.
sub csrf {
	my ($self, $path) = @_;
	my $r = $self->get($path);
	my ($t) = ($r->{content} // '') =~ /name="csrf" value="([0-9a-f]{64}|[0-9a-f]{32})"/;
	return $t;
}

# Opens the page, then posts the form to its action (the page itself, or
# $action), with the page's CSRF token.
sub submit {
	my ($self, $page, $fields, $action) = @_;
	my $t = $self->csrf($page);
	return $self->post($action // ($page =~ s/\?.*//r), { csrf => $t // '', %$fields });
}

1;
