# SPDX-License-Identifier: ISC
# The shared page mechanisms as a user meets them (issue 10): a form sent
# with a stale CSRF token comes back with what was typed and a fresh
# token; signing in returns to the page asked for; the notice after a
# write; confirming before disabling an account, keeping the search; a
# record of another municipality is not found, and the attempt audited;
# the password cannot be "changed" to itself; the owner is told by e-mail
# when the password or the address changes; times in the local zone.
use strict;
use warnings;
use utf8;
use Test::More;
use Karika::Test;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

# --- a stale CSRF token keeps what was typed ----------------------------
my $a = agent();
$a->get('/account/register?lang=en');
my $r = $a->post('/account/register?lang=en', { csrf => 'f' x 64, name => 'Milica Stale',
    email => 'stale-token@example.net', password => 'lozinka-koja-ostaje-99', privacy => 1 });
is($r->{status}, 403, 'a form with a stale token is refused (403)');
like($r->{content}, qr/has expired or was not sent from this site, so nothing was saved/, 'saying to send it again');
like($r->{content}, qr/value="Milica Stale"/, 'the name as typed is kept');
like($r->{content}, qr/value="stale-token\@example.net"/, 'the e-mail as typed is kept');
unlike($r->{content}, qr/lozinka-koja-ostaje/, 'the password is never sent back');
my ($fresh) = $r->{content} =~ /name="csrf" value="([0-9a-f]{64})"/;
ok($fresh, 'the form carries a fresh token');
is(scalar(sql("SELECT id FROM account WHERE email = 'stale-token\@example.net'")), 0, 'nothing was saved');
$r = $a->post('/account/register?lang=en', { csrf => $fresh, name => 'Milica Stale',
    email => 'stale-token@example.net', password => 'lozinka-koja-ostaje-99', privacy => 1 });
is($r->{status}, 303, 'sent again with that token, it is saved');

# --- signing in returns to the page asked for ---------------------------
$a = agent();
$r = $a->get('/registry/admin/audit');
is($r->{status}, 303, 'an anonymous visitor is sent to sign in');
like($r->{headers}{location}, qr{^/account/login\?next=/registry/admin/audit$}, 'remembering the page');
$r = $a->get($r->{headers}{location});
like($r->{content}, qr{<input type="hidden" name="next" value="/registry/admin/audit">}, 'the form carries it');
$r = $a->submit('/account/login?next=/registry/admin/audit', { email => 'admin@example.org', password => DEMO_PASSWORD,
    next => '/registry/admin/audit' });
is($r->{status}, 303, 'signed in');
is($r->{headers}{location}, '/registry/admin/audit', 'back to the page asked for');
$r = agent()->submit('/account/login', { email => 'admin@example.org', password => DEMO_PASSWORD,
    next => 'https://evil.example/' });
is($r->{headers}{location}, '/account/', 'never to another site');

# --- notices ---------------------------------------------------------------
my $admin = login('admin@example.org');
my $email = 'refit-' . time() . '@example.net';
$r = $admin->submit('/registry/admin/accounts?lang=en', { name => 'Notice Test', email => $email, role => 'analyst' },
    '/registry/admin/accounts/new');
is($r->{status}, 303, 'an account is created');
is($r->{headers}{location}, '/registry/admin/accounts?done=created', 'with the notice in the redirect');
$r = $admin->get('/registry/admin/accounts?done=created&lang=en');
like($r->{content}, qr{<p class="notice" role="status">The account has been created}, 'the next page shows it as a status');
$r = $admin->get('/registry/admin/accounts?done=made-up&lang=en');
unlike($r->{content}, qr{class="notice"}, 'a made-up notice shows nothing');
for my $l (LOCALES) {
	$r = $admin->get("/registry/admin/accounts?done=created&lang=$l");
	like($r->{content}, qr{<p class="notice" role="status">[^<a-z.]}, "the notice is in words in $l");
}

# --- disabling is confirmed, keeps the search, and is never offered for oneself
my ($id) = map { $_->[0] } sql("SELECT id FROM account WHERE email = '$email'");
my ($self) = map { $_->[0] } sql("SELECT id FROM account WHERE email = 'admin\@example.org'");
$r = $admin->get('/registry/admin/accounts?q=refit-&lang=en');
like($r->{content}, qr{href="/registry/admin/accounts/$id/disable\?q=refit-"}, 'the list links to a confirmation, keeping the search');
unlike($r->{content}, qr{<form method="post" class="inline" action="/registry/admin/accounts/$id/disable"}, 'it does not disable in one click');
$r = $admin->get('/registry/admin/accounts?q=admin%40example.org&lang=en');
unlike($r->{content}, qr{/registry/admin/accounts/$self/disable}, 'one\'s own account is not offered');
$r = $admin->get("/registry/admin/accounts/$id/disable?q=refit-&lang=en");
is($r->{status}, 200, 'the confirmation page opens');
like($r->{content}, qr{Notice Test}, 'naming the account');
like($r->{content}, qr{signed out on every device}, 'saying what will happen');
my ($t) = $r->{content} =~ /name="csrf" value="([0-9a-f]{64})"/;
is((sql("SELECT status FROM account WHERE id = $id"))[0][0], 'pending', 'opening it changes nothing');
$r = $admin->post("/registry/admin/accounts/$id/disable", { csrf => $t, q => 'refit-' });
is($r->{status}, 303, 'the button disables it');
is($r->{headers}{location}, '/registry/admin/accounts?q=refit-&done=disable', 'back to the list as it was searched, with a notice');
$r = $admin->get("/registry/admin/accounts/$self/disable?lang=en");
like($r->{content}, qr{cannot disable your own account}, 'one\'s own account: the page says why not');
unlike($r->{content}, qr{<button type="submit">Disable}, 'and offers no button');

# --- a record outside the caller's scope ---------------------------------
sql("INSERT INTO municipality (code, name_sr_latn, name_sr_cyrl, name_bs, name_en, country, currency) VALUES ('refit-elsewhere', 'Drugde', 'Другде', 'Drugdje', 'Elsewhere', 'RS', 'RSD')");
sql("INSERT INTO account (email, name, status) VALUES ('far-$email', 'Far Away', 'active')");
my ($far) = map { $_->[0] } sql("SELECT id FROM account WHERE email = 'far-$email'");
sql("INSERT INTO account_role (account_id, role, municipality_id) SELECT $far, 'csw', id FROM municipality WHERE code = 'refit-elsewhere'");
my ($max) = map { $_->[0] } sql('SELECT IFNULL(MAX(id), 0) FROM audit');
is($admin->get("/registry/admin/accounts/$far/disable")->{status}, 404, 'another municipality\'s account is not found');
my @rows = sql("SELECT action, outcome FROM audit WHERE id > $max AND object_type = 'account' AND object_id = $far");
is(scalar(@rows), 1, 'and the attempt is in the audit trail');
is($rows[0][1], 'not-found', 'as refused');

# --- the password cannot be changed to itself; changes are e-mailed -----
my $who = 'refit-user-' . time() . '@example.net';
sql("INSERT INTO account (email, name, status, locale) VALUES ('$who', 'Refit User', 'pending', 'en')");
my ($uid) = map { $_->[0] } sql("SELECT id FROM account WHERE email = '$who'");
sql("INSERT INTO account_role (account_id, role, municipality_id) SELECT $uid, 'citizen', id FROM municipality WHERE code = 'novi-pazar'");
agent()->submit('/account/password/forgot', { email => $who });
my ($tok) = (link_in(mail_to($who)->{body}) // '') =~ /token=(\w+)/;
agent()->submit("/account/password/reset?token=$tok", { token => $tok, password => 'prva-lozinka-2026' }, '/account/password/reset');
my $u = login($who, 'prva-lozinka-2026');
$r = $u->submit('/account/?lang=en', { current_password => 'prva-lozinka-2026', new_password => 'prva-lozinka-2026' }, '/account/password');
is($r->{status}, 422, 'the same password again is refused');
like($r->{content}, qr/must differ from the current one/, 'saying why');
like($r->{content}, qr/<label for="f-current_password">Current password/, 'the current password has its own label');
$r = $u->submit('/account/?lang=en', { current_password => 'prva-lozinka-2026', new_password => 'druga-lozinka-2026' }, '/account/password');
is($r->{status}, 303, 'a new password is accepted');
my $m = mail_to($who);
like($m->{subject}, qr/password has been changed/, 'the owner gets an e-mail saying so');
like($m->{body}, qr{/account/password/forgot}, 'with the way to act if it was not them');
$r = $u->submit('/account/', { new_email => "new-$who", email_password => 'druga-lozinka-2026' }, '/account/email');
($tok) = (link_in(mail_to("new-$who")->{body}) // '') =~ /token=(\w+)/;
$r = $u->submit("/account/email/confirm?token=$tok", { token => $tok }, '/account/email/confirm');
is($r->{status}, 303, 'the new address is confirmed');
$m = mail_to($who);
like($m->{subject}, qr/e-mail address has been changed/, 'the old address is told');

# --- one time format, in the municipality's zone ---------------------------
$r = $u->get('/account/?lang=sr-Latn');
like($r->{content}, qr{<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00">\d{1,2}\. \d{1,2}\. \d{4}\. \d\d:\d\d</time>},
    'times are local, written the local way');
unlike($r->{content}, qr/ UTC</, 'never as raw UTC');

# --- a select left empty: "any" in a filter, "choose" in a form ---------
# (issue 12 review: "— sve —" was offered in the person form's sex).
my $pr = login('provider1@example.org');
$r = $pr->get('/registry/persons/new?lang=sr-Latn');
like($r->{content}, qr{<select id="f-sex" name="sex"[^>]*><option value="">— izaberite —</option>}, 'a form asks to choose');
unlike($r->{content}, qr/— sve —/, 'never "all" in a form');
my $adm = login('admin@example.org');
$r = $adm->get('/registry/admin/audit?lang=sr-Latn');
like($r->{content}, qr{<select id="f-action" name="action"[^>]*><option value="">— sve —</option>}, 'a filter still offers "all"');

done_testing();
