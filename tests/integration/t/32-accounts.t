# SPDX-License-Identifier: ISC
# A citizen's account, end to end through the real SMTP sink: register,
# the e-mail arrives in the user's language, its link confirms, sign in,
# sign out; a forgotten password is reset through its e-mailed link; a
# used or expired link is refused with a clear page; typed input (never a
# password) is kept when the form comes back with errors.
use strict;
use warnings;
use utf8;
use Test::More;
use Karika::Test;

my $email = 'jovana.' . time() . '@example.net';
my $pw = 'plava-reka-2026';
my $a = agent();

# Errors come back next to their fields, with what was typed.
my $r = $a->submit('/account/register?lang=en', { name => 'Jovana Ilić', email => 'not-an-address',
    password => 'short' });
is($r->{status}, 422, 'a register form with errors answers 422');
like($r->{content}, qr/value="Jovana Ilić"/, 'the typed name is kept');
like($r->{content}, qr/value="not-an-address"/, 'the typed e-mail is kept');
unlike($r->{content}, qr/value="short"/, 'the password is never sent back');
like($r->{content}, qr/id="e-email"[^>]*>Enter an e-mail address/, 'the e-mail error sits next to its field');
like($r->{content}, qr/aria-describedby="e-email"/, 'and the field points at it');
like($r->{content}, qr/id="e-privacy"[^>]*>You can create an account only after accepting the notice/, 'the unaccepted privacy notice is an error that says so');
like($r->{content}, qr/at least 10 characters/, 'a short password is refused with the reason');
$r = $a->submit('/account/register?lang=en', { name => 'J', email => $email, password => '1234567890', privacy => 1 });
like($r->{content}, qr/too common/, 'a common password is refused');

# Register for real, in Serbian Latin.
$a->get('/?lang=sr-Latn');
$r = $a->submit('/account/register', { name => 'Jovana Ilić', email => $email, password => $pw, privacy => 1 });
is($r->{status}, 303, 'registering answers 303');
is($r->{headers}{location}, '/account/register/sent', 'to the "check your e-mail" page');
like($a->get('/account/register/sent')->{content}, qr/Proverite e-poštu/, 'which says so in Serbian Latin');
my ($st) = map { $_->[0] } sql("SELECT status FROM account WHERE email = '$email'");
is($st, 'pending', 'the new account waits for confirmation');
is(login_status($email, $pw), 422, 'an unconfirmed account cannot sign in');

my $m = mail_to($email);
ok($m, 'the confirmation e-mail arrives at the SMTP sink');
like($m->{subject} // '', qr/Potvrdite adresu/, 'its subject is in the user\'s language');
like($m->{body} // '', qr/Jovana Ilić/, 'it greets the user by name (UTF-8 intact)');
my $link = link_in($m->{body});
like($link // '', qr{^/account/confirm\?token=[0-9a-f]{64}$}, 'it carries a single-use link');

# Following the link changes nothing; the button confirms.
$r = $a->get($link);
is($r->{status}, 200, 'the link opens a confirmation page');
($st) = map { $_->[0] } sql("SELECT status FROM account WHERE email = '$email'");
is($st, 'pending', 'opening the link alone confirms nothing (mail scanners open links)');
my ($token) = $link =~ /token=(\w+)/;
$r = $a->submit($link, { token => $token }, '/account/confirm');
is($r->{status}, 303, 'confirming answers 303');
like($r->{headers}{location}, qr{^/account/login\?done=confirmed}, 'to the sign-in page');
($st) = map { $_->[0] } sql("SELECT status FROM account WHERE email = '$email'");
is($st, 'active', 'the account is active');
$r = $a->get($link);
is($r->{status}, 400, 'the same link a second time says at once that it no longer works');
like($r->{content}, qr/istekla ili je već iskorišćena/, 'with a page that says why');
like($r->{content}, qr{href="/account/password/forgot"}, 'and the way to a new one');
$r = $a->post('/account/confirm', { csrf => $a->csrf('/account/login'), token => $token });
is($r->{status}, 400, 'and sending it again is refused');

# Sign in, see the profile, sign out.
$r = $a->submit('/account/login', { email => uc($email), password => $pw });
is($r->{status}, 303, 'signing in answers 303 (the address is not case-sensitive)');
like($a->cookie('sid') // '', qr/^[0-9a-f]{64}$/, 'with a 256-bit session token');
like(join(' ', @{ ref $r->{headers}{'set-cookie'} ? $r->{headers}{'set-cookie'} : [$r->{headers}{'set-cookie'}] }),
    qr/sid=[0-9a-f]{64}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax/, 'the session cookie is HttpOnly and SameSite=Lax');
$r = $a->get('/account/');
is($r->{status}, 200, 'the profile opens when signed in');
like($r->{content}, qr/Jovana Ilić/, 'and shows who is signed in');
my ($hash) = map { $_->[0] } sql("SELECT HEX(token_hash) FROM session s JOIN account a ON a.id = s.account_id WHERE a.email = '$email'");
isnt(lc($hash // ''), $a->cookie('sid'), 'the database keeps only a hash of the token');
$r = $a->submit('/account/', {}, '/account/logout');
is($r->{status}, 303, 'signing out answers 303');
is($a->get('/account/')->{status}, 303, 'the profile then sends to the sign-in page');

# A forgotten password.
$r = agent()->submit('/account/password/forgot', { email => $email });
is($r->{status}, 303, 'asking for a reset answers 303');
$r = agent()->submit('/account/password/forgot', { email => 'nobody-' . time() . '@example.net' });
is($r->{status}, 303, 'an unknown address gets the very same answer');
is($r->{headers}{location}, '/account/password/forgot/sent', 'to the same page');
$m = mail_to($email);
like($m->{subject} // '', qr/lozinka/i, 'the reset e-mail arrives');
$link = link_in($m->{body});
like($link // '', qr{^/account/password/reset\?token=}, 'with its link');
($token) = $link =~ /token=(\w+)/;
my $b = agent();
$r = $b->submit($link, { token => $token, password => 'short' }, '/account/password/reset');
is($r->{status}, 422, 'a too short new password is refused');
$r = $b->submit($link, { token => $token, password => 'nova-lozinka-2027' }, '/account/password/reset');
is($r->{status}, 303, 'a good new password is saved');
is(login_status($email, $pw), 422, 'the old password no longer works');
is(login_status($email, 'nova-lozinka-2027'), 303, 'the new one does');
is($b->get($link)->{status}, 400, 'a used reset link says so on opening');
$r = $b->post('/account/password/reset', { csrf => $b->csrf('/account/login'), token => $token, password => 'jos-jedna-2028' });
is($r->{status}, 400, 'a used reset link is refused');

# An expired link.
agent()->submit('/account/password/forgot', { email => $email });
sleep 1;
$m = mail_to($email);
($token) = (link_in($m->{body}) // '') =~ /token=(\w+)/;
sql("UPDATE account_token SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE purpose = 'reset' AND used_at IS NULL");
$r = agent()->get("/account/password/reset?token=$token&lang=en");
is($r->{status}, 400, 'an expired reset link says so on opening, before a password is typed');
like($r->{content}, qr/expired or has been used/, 'with a clear page');
unlike($r->{content}, qr/name="password"/, 'and no password field');
is((sql("SELECT COUNT(*) FROM account_token WHERE purpose = 'reset' AND used_at IS NOT NULL AND token_hash = UNHEX(SHA2('$token', 256))"))[0][0],
    0, 'opening it uses nothing');
my $ag = agent();
$r = $ag->post('/account/password/reset?lang=en', { csrf => $ag->csrf('/account/login'), token => $token, password => 'jos-jedna-2028' });
is($r->{status}, 400, 'an expired reset link is refused');
is(agent()->get('/account/confirm?token=xyz&lang=en')->{status}, 400, 'a malformed token is refused at once');

# A new e-mail address takes effect only once confirmed from that address.
my $new = 'nova.' . time() . '@example.net';
my $c = login($email, 'nova-lozinka-2027');
$r = $c->submit('/account/?lang=en', { new_email => $new, email_password => 'wrong-password-1' }, '/account/email');
is($r->{status}, 422, 'changing the address needs the right password');
like($r->{content}, qr/value="\Q$new\E"/, 'and keeps the typed address when refused');
$r = $c->submit('/account/', { new_email => $new, email_password => 'nova-lozinka-2027' }, '/account/email');
is($r->{status}, 303, 'asking for a new address answers 303');
($st) = map { $_->[0] } sql("SELECT COUNT(*) FROM account WHERE email = '$email'");
is($st, 1, 'the old address stays until the new one is confirmed');
$m = mail_to($new);
$link = link_in($m->{body} // '');
like($link // '', qr{^/account/email/confirm\?token=}, 'the confirmation goes to the new address');
($token) = ($link // '') =~ /token=(\w+)/;
$r = $c->submit($link, { token => $token }, '/account/email/confirm');
is($r->{status}, 303, 'confirming the new address answers 303');
($st) = map { $_->[0] } sql("SELECT COUNT(*) FROM account WHERE email = '$new'");
is($st, 1, 'and the address has changed');

# Over HTTPS every cookie is Secure (nginx passes HTTPS=on; asked here
# straight at the worker's FastCGI socket, as nginx would).
my $sock = state_dir() . '/run/registry.sock';
my $raw = `env -i REQUEST_METHOD=GET DOCUMENT_URI=/account/login SCRIPT_NAME=/account/login QUERY_STRING= HTTPS=on cgi-fcgi -bind -connect $sock`;
like($raw, qr/Set-Cookie: csrf=[0-9a-f]{64}; Path=\/; HttpOnly; SameSite=Lax; Secure/, 'cookies over HTTPS are Secure');
$raw = `env -i REQUEST_METHOD=GET DOCUMENT_URI=/account/login SCRIPT_NAME=/account/login QUERY_STRING= cgi-fcgi -bind -connect $sock`;
unlike($raw, qr/Secure/, 'and over plain HTTP they cannot be');

done_testing();

sub login_status {
	my ($e, $p) = @_;
	return agent()->submit('/account/login', { email => $e, password => $p })->{status};
}
