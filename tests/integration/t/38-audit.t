# SPDX-License-Identifier: ISC
# The audit trail: each audited action writes its row (who, role, action,
# object, request id), administrators can filter it, and nobody can
# change or delete a row: not a worker's database user, not the schema's
# owner.
use strict;
use warnings;
use Test::More;
use Karika::Test;

sub rows_for {
	my ($where) = @_;
	return sql("SELECT au.action, IFNULL(ac.email, ''), au.role, au.outcome, au.request_id, au.worker, IFNULL(au.object_id, '') "
	    . "FROM audit au LEFT JOIN account ac ON ac.id = au.account_id WHERE $where ORDER BY au.id");
}
my ($start) = map { $_->[0] } sql('SELECT IFNULL(MAX(id), 0) FROM audit');
sub since { return rows_for("au.id > $start AND " . $_[0]) }

my $a = login('csw@example.org');
my @r = since("action = 'login' AND ac.email = 'csw\@example.org'");
is(scalar(@r), 1, 'signing in writes one audit row');
is($r[0][2], 'csw', 'naming the role');
like($r[0][4], qr/^[0-9a-f]{16,64}$/, 'and the request id');
is($r[0][5], 'registry', 'and the worker');

agent()->submit('/account/login', { email => 'csw@example.org', password => 'not-the-password' });
@r = since("action = 'login.failed'");
is(scalar(@r), 1, 'a failed sign-in writes a row');
is($r[0][1], 'csw@example.org', 'naming the account it was for');
is($r[0][3], 'refused', 'with its outcome');

$a->get('/registry/admin/accounts');
@r = since("action = 'access.denied'");
is(scalar(@r), 1, 'a refused page writes a row');
is($r[0][1], 'csw@example.org', 'naming who was refused');
$a->get('/registry/admin/accounts/1/disable');
@r = since("action = 'access.denied' AND au.outcome = 'admin-account-disable'");
is(scalar(@r), 1, 'a refused page with a long route name writes its row too');

$a->post('/account/email', { csrf => 'b' x 64 });
@r = since("action = 'csrf.refused'");
is(scalar(@r), 1, 'a POST with a bad CSRF token writes a row');

$a->submit('/account/', {}, '/account/logout');
@r = since("action = 'logout'");
is(scalar(@r), 1, 'signing out writes a row');

my $admin = login('admin@example.org');
my $email = 'audit-' . time() . '@example.net';
my $r = $admin->submit('/registry/admin/accounts', { name => 'Nova Radnica', email => $email, role => 'csw' },
    '/registry/admin/accounts/new');
is($r->{status}, 303, 'an administrator creates a staff account');
@r = since("action = 'account.create'");
is(scalar(@r), 1, 'a change of rights writes a row');
is($r[0][1], 'admin@example.org', 'naming the administrator');
is($r[0][3], 'csw', 'and the role given');
my $m = mail_to($email);
like(link_in($m->{body}) // '', qr{^/account/invite\?token=}, 'the invitation e-mail carries its link');
my ($id) = map { $_->[0] } sql("SELECT id FROM account WHERE email = '$email'");
$admin->post("/registry/admin/accounts/$id/disable", { csrf => $admin->csrf('/registry/admin/accounts') });
@r = since("action = 'account.disable'");
is($r[0][6], $id, 'disabling writes a row naming the account');

$admin->post("/registry/admin/accounts/$id/enable", { csrf => $admin->csrf('/registry/admin/accounts') });
my ($status) = map { $_->[0] } sql("SELECT status FROM account WHERE id = $id");
is($status, 'pending', 'enabling an account that never set its password leaves it waiting for it');

# A provider account only for an organisation of the administrator's town.
sql("INSERT INTO municipality (code, name_sr_latn, name_sr_cyrl, name_bs, name_en, country, currency) VALUES ('elsewhere', 'Drugde', 'Другде', 'Drugdje', 'Elsewhere', 'RS', 'RSD')");
sql("INSERT INTO organisation (municipality_id, name, kind) SELECT id, 'Tuđa organizacija', 'association' FROM municipality WHERE code = 'elsewhere'");
my ($foreign) = map { $_->[0] } sql("SELECT id FROM organisation WHERE name = 'Tuđa organizacija'");
$r = $admin->submit('/registry/admin/accounts?lang=en', { name => 'Strani Radnik', email => "foreign-$email",
    role => 'provider', organisation => $foreign }, '/registry/admin/accounts/new');
is($r->{status}, 422, 'an organisation of another municipality is refused');
like($r->{content}, qr/id="e-organisation"/, 'next to the organisation field');
$r = $admin->submit('/registry/admin/accounts?lang=en', { name => 'Bez Organizacije', email => "none-$email",
    role => 'provider' }, '/registry/admin/accounts/new');
is($r->{status}, 422, 'a provider account needs its organisation');

# The administrators' page filters the trail, and reading it is audited.
$r = $admin->get('/registry/admin/audit?email=csw%40example.org&action=login&lang=en');
is($r->{status}, 200, 'the audit page opens for an administrator');
like($r->{content}, qr{<td>Failed sign-in</td>}, 'it shows the matching rows, in words');
unlike($r->{content}, qr{<td>Sign-out</td>}, 'and not the others');
like($r->{content}, qr{<option value="login" selected>Sign-in</option>}, 'the action filter is a list in words');
unlike($r->{content}, qr{<code>login}, 'no raw action codes');
$r = $admin->get('/registry/admin/audit?from=2026-02-30&lang=en');
is($r->{status}, 422, 'an impossible date is refused');
like($r->{content}, qr/id="e-from"/, 'next to its field');
@r = since("action = 'audit.read'");
ok(scalar(@r) >= 1, 'reading the trail is itself audited');
is(login('analyst@example.org')->get('/registry/admin/audit')->{status}, 403, 'an analyst may not read it');

# Append-only, for everybody.
for my $w (WORKERS, 'mailer') {
	my ($rc, $out) = sql_as($w, 'UPDATE audit SET action = "x" WHERE id = 1');
	isnt($rc, 0, "karika_$w cannot UPDATE the audit trail");
	($rc, $out) = sql_as($w, 'DELETE FROM audit WHERE id = 1');
	isnt($rc, 0, "karika_$w cannot DELETE from the audit trail");
}
my ($rc, $out) = sql_as('migrate', 'UPDATE audit SET action = "x" WHERE id = 1');
like($out, qr/append-only/, 'even the schema owner cannot UPDATE it (trigger)');
($rc, $out) = sql_as('migrate', 'DELETE FROM audit WHERE id = 1');
like($out, qr/append-only/, 'nor DELETE from it');
my ($n) = map { $_->[0] } sql("SELECT COUNT(*) FROM audit WHERE action = 'x'");
is($n, 0, 'no row was changed');
done_testing();
