# SPDX-License-Identifier: ISC
# CSRF on every POST route; sessions that must not work: a token the
# client made up (fixation), an expired one, an idle one, one of a
# disabled account, one from before a password change; and the sign-in
# throttle: growing delays after failures, one generic message.
use strict;
use warnings;
use Test::More;
use Karika::Test;

# Every POST route, without a token and with a wrong one: 403, as anonymous
# and as a signed-in administrator (who may call them all).
my @post;
my ($open) = map { $_->[0] } sql("SELECT code FROM survey WHERE code LIKE 'needs-%' AND status = 'published'");
for my $w (WORKERS) {
	for (`$ENV{KARIKA_BUILD}/karika-$w --routes`) {
		my (undef, $m, $p) = split;
		push @post, $p =~ s/%/999999/gr =~ s/\*/$open/r if $m eq 'POST';
	}
}
ok(@post >= 10, 'the workers have POST routes to check');
my $admin = login('admin@example.org');
for my $p (@post) {
	for my $who (['anonymous', agent()], ['admin', $admin]) {
		my ($name, $a) = @$who;
		$a->get('/account/login');    # an anonymous caller gets its csrf cookie here
		my $r = $a->post($p, { email => 'x@example.org' });
		is($r->{status}, 403, "$name: POST $p without a CSRF token is 403");
		$r = $a->post("$p?lang=en", { csrf => 'f' x 64 });
		is($r->{status}, 403, "$name: POST $p with a wrong CSRF token is 403");
	}
}
my $r = agent()->post('/account/login?lang=en', { csrf => 'a' x 64, email => 'a@b.rs', password => 'x' });
like($r->{content}, qr/The form has expired or was not sent from this site/, 'the 403 page says what happened');
is($admin->get('/account/')->{status}, 200, 'refused posts do not end the session');

# Fixation: a session token the client chose is not a session, and signing
# in replaces it.
my $a = agent();
my $chosen = 'a1' x 32;
$a->cookie(sid => $chosen);
is($a->get('/account/')->{status}, 303, 'a made-up session token signs nobody in');
$a->submit('/account/login', { email => 'citizen@example.org', password => DEMO_PASSWORD });
isnt($a->cookie('sid'), $chosen, 'signing in gives a new session token');
is($a->get('/account/')->{status}, 200, 'which works');
my $b = agent();
$b->cookie(sid => $chosen);
is($b->get('/account/')->{status}, 303, 'and the chosen token still signs nobody in');

# Expired and idle sessions.
my $c = login('analyst@example.org');
sql("UPDATE session s JOIN account a ON a.id = s.account_id SET s.expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE a.email = 'analyst\@example.org'");
is($c->get('/account/')->{status}, 303, 'an expired session is refused');
$c = login('analyst@example.org');
sql("UPDATE session s JOIN account a ON a.id = s.account_id SET s.last_seen_at = UTC_TIMESTAMP() - INTERVAL 31 MINUTE WHERE a.email = 'analyst\@example.org'");
is($c->get('/account/')->{status}, 303, 'a session idle for more than 30 minutes is refused');

# A disabled account's sessions end at once.
my $victim = 'disable-' . time() . '@example.net';
sql("INSERT INTO account (email, name, password_hash, status) SELECT '$victim', 'To Disable', password_hash, 'active' FROM account WHERE email = 'citizen\@example.org'");
my ($vid) = map { $_->[0] } sql("SELECT id FROM account WHERE email = '$victim'");
sql("INSERT INTO account_role (account_id, role, municipality_id) SELECT $vid, 'citizen', id FROM municipality WHERE code = 'novi-pazar'");
my $v = login($victim);
is($v->get('/account/')->{status}, 200, 'the account works before it is disabled');
$r = $admin->post("/registry/admin/accounts/$vid/disable", { csrf => $admin->csrf('/registry/admin/accounts') });
is($r->{status}, 303, 'an administrator disables it');
is($v->get('/account/')->{status}, 303, 'its open session is refused at once');
is(agent()->submit('/account/login', { email => $victim, password => DEMO_PASSWORD })->{status}, 422,
    'and it cannot sign in');
$r = $admin->post("/registry/admin/accounts/$vid/enable", { csrf => $admin->csrf('/registry/admin/accounts') });
is($r->{status}, 303, 'enabled again');
is(agent()->submit('/account/login', { email => $victim, password => DEMO_PASSWORD })->{status}, 303,
    'it can sign in again');
my $self = $admin->post('/registry/admin/accounts/' . (sql("SELECT id FROM account WHERE email = 'admin\@example.org'"))[0][0] . '/disable',
    { csrf => $admin->csrf('/registry/admin/accounts') });
is($self->{status}, 409, 'an administrator cannot disable their own account');
is($admin->post('/registry/admin/accounts/99999999/disable', { csrf => $admin->csrf('/registry/admin/accounts') })->{status},
    404, 'an account outside the municipality is not found');

# A password change ends the other sessions, not this one.
my $one = login($victim);
my $two = login($victim);
$r = $one->submit('/account/', { current_password => DEMO_PASSWORD, new_password => 'druga-lozinka-99' }, '/account/password');
is($r->{status}, 303, 'the password is changed');
is($one->get('/account/')->{status}, 200, 'this session goes on (with a new token)');
is($two->get('/account/')->{status}, 303, 'the other session has ended');
$r = $one->submit('/account/?lang=en', { current_password => 'wrong-wrong-wrong', new_password => 'treca-lozinka-99' }, '/account/password');
is($r->{status}, 422, 'a wrong current password is refused');
like($r->{content}, qr/The current password is wrong/, 'and said so next to the field');

# Sign out everywhere.
$two = login($victim, 'druga-lozinka-99');
$r = $one->submit('/account/', {}, '/account/sessions/end');
is($r->{status}, 303, 'signing out everywhere answers 303');
is($one->get('/account/')->{status}, 303, 'this session has ended');
is($two->get('/account/')->{status}, 303, 'and the other one too');

# Throttling: after five failures the right password waits too, with the
# same kind of message; a stranger cannot lock anyone out for long.
my $t = 'throttle-' . time() . '@example.net';
sql("INSERT INTO account (email, name, password_hash, status) SELECT '$t', 'Throttled', password_hash, 'active' FROM account WHERE email = 'citizen\@example.org'");
for my $i (1 .. 5) {
	$r = agent()->submit('/account/login?lang=en', { email => $t, password => "wrong-$i-password" });
	is($r->{status}, 422, "failure $i is an ordinary refusal");
}
$r = agent()->submit('/account/login?lang=en', { email => $t, password => DEMO_PASSWORD });
is($r->{status}, 429, 'the sixth attempt must wait, even with the right password');
like($r->{content}, qr/Too many failed attempts/, 'and the page says to wait');
like($r->{content}, qr/value="\Q$t\E"/, 'the typed address is kept');
$r = agent()->submit('/account/login?lang=en', { email => 'someone-else@example.org', password => DEMO_PASSWORD });
is($r->{status}, 422, 'another address from the same client is not blocked');
is(agent()->submit('/account/login', { email => 'citizen@example.org', password => DEMO_PASSWORD })->{status}, 303,
    'nor another account');
sql("UPDATE login_throttle SET last_failure_at = UTC_TIMESTAMP() - INTERVAL 31 SECOND WHERE kind = 'account'");
is(agent()->submit('/account/login', { email => $t, password => DEMO_PASSWORD })->{status}, 303,
    'after the delay the right password works');
my ($left) = sql("SELECT COUNT(*) FROM login_throttle WHERE kind = 'account' AND failures >= 5");
is($left->[0], 0, 'and a success clears the account\'s failures');
my ($plain) = sql("SELECT COUNT(*) FROM login_throttle WHERE HEX(key_hash) LIKE '%3132372E302E302E31%'");
is($plain->[0], 0, 'the client address is never stored in the clear');

# Generic answers: register and forgot-password do not tell which
# addresses have accounts.
my $known = agent()->submit('/account/password/forgot', { email => 'citizen@example.org' });
my $unknown = agent()->submit('/account/password/forgot', { email => 'unknown-' . time() . '@example.org' });
is($known->{headers}{location}, $unknown->{headers}{location}, 'forgot-password answers known and unknown addresses alike');
my $reg = agent()->submit('/account/register', { name => 'Ana Again', email => 'citizen@example.org',
    password => 'neka-nova-lozinka-1', privacy => 1 });
is($reg->{status}, 303, 'registering a known address answers like a new one');
is($reg->{headers}{location}, '/account/register/sent', 'with the same page');
ok(mail_to('citizen@example.org'), 'and its owner is told by e-mail instead');
done_testing();
