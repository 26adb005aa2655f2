# SPDX-License-Identifier: ISC
# The route x role matrix (routes.tsv): every route of every worker asked
# by every kind of caller gives the expected outcome, and no route exists
# without its rows.
use strict;
use warnings;
use Test::More;
use FindBin;
use Karika::Test;

my %login = (citizen => 'citizen@example.org', provider1 => 'provider1@example.org',
    provider2 => 'provider2@example.org', csw => 'csw@example.org',
    analyst => 'analyst@example.org', editor => 'editor@example.org',
    admin => 'admin@example.org', partner => 'partner@example.org');
my @roles = ('anon', sort keys %login);

open(my $f, '<', "$FindBin::Bin/../routes.tsv") or die "routes.tsv: $!";
my (%want, @rows);
while (<$f>) {
	next if /^#/ || !/\S/;
	chomp;
	my ($w, $m, $p, $role, $st) = split /\t/;
	$want{"$w $m $p"}{$role} = $st;
	push @rows, [$w, $m, $p, $role, $st];
}

# Every route a worker has is in the table, for every role.
for my $w (WORKERS) {
	for (`$ENV{KARIKA_BUILD}/karika-$w --routes`) {
		my (undef, $m, $p) = split;
		my $have = $want{"$w $m $p"} // {};
		my @missing = grep { !exists $have->{$_} } @roles;
		ok(!@missing, "$w $m $p has a row for every role") or diag("missing: @missing");
	}
}

# An account to disable and enable again (the % of the admin routes).
my $target = 'matrix-' . time() . '@example.net';
sql("INSERT INTO account (email, name, status) VALUES ('$target', 'Matrix Target', 'active')");
my ($tid) = map { $_->[0] } sql("SELECT id FROM account WHERE email = '$target'");
sql("INSERT INTO account_role (account_id, role, municipality_id) SELECT $tid, 'citizen', id FROM municipality WHERE code = 'novi-pazar'");

# A draft survey for the editor's routes (/surveys/edit/%/…): the demo
# survey's definition under another slug; a second % is its first page or
# question.
my $sslug = 'matrix-' . time() % 100000;
sql("INSERT INTO survey (municipality_id, code, title_sr_latn, title_sr_cyrl, title_bs, title_en, "
    . "opens_on, closes_on, definition, status) SELECT municipality_id, '$sslug', title_sr_latn, "
    . "title_sr_cyrl, title_bs, title_en, opens_on, closes_on, "
    . "REPLACE(definition, CONCAT('slug=\"', code, '\"'), 'slug=\"$sslug\"'), 'draft' "
    . "FROM survey WHERE code LIKE 'needs-%' ORDER BY id LIMIT 1");
my ($sid) = map { $_->[0] } sql("SELECT id FROM survey WHERE code = '$sslug'");

# The open demo survey, for the answering routes' "*" (a slug).
my ($open) = map { $_->[0] } sql("SELECT code FROM survey WHERE code LIKE 'needs-%' AND status = 'published'");

# A person of the register for /registry/persons/%…: enrolled with the
# first provider only and nobody's representative, so that the second
# provider gets 404 and the first and the CSW the record.
my ($pid) = map { $_->[0] } sql("SELECT MIN(e.person_id) FROM enrolment e "
    . "JOIN account_role r ON r.organisation_id = e.organisation_id "
    . "JOIN account a ON a.id = r.account_id WHERE a.email = 'provider1\@example.org' "
    . "AND NOT EXISTS (SELECT 1 FROM enrolment x WHERE x.person_id = e.person_id "
    . "AND x.organisation_id <> e.organisation_id) "
    . "AND NOT EXISTS (SELECT 1 FROM person c WHERE c.representative_id = e.person_id)");

# Records the care routes need (organisations, enrolments, deliveries):
# the first provider's organisation, one of its licences and one of its
# current enrolments, a service of the town, and a month both providers
# closed (so that the matrix changes nothing).
my %care;
{
	my ($org) = map { $_->[0] } sql("SELECT r.organisation_id FROM account_role r "
	    . "JOIN account a ON a.id = r.account_id WHERE a.email = 'provider1\@example.org'");
	my ($lic) = map { $_->[0] } sql("SELECT MIN(id) FROM licence WHERE organisation_id = $org");
	my ($enr) = map { $_->[0] } sql("SELECT MIN(id) FROM enrolment "
	    . "WHERE organisation_id = $org AND end_date IS NULL");
	my ($svc) = map { $_->[0] } sql("SELECT MIN(s.id) FROM service s "
	    . "JOIN municipality m ON m.id = s.municipality_id WHERE m.code = 'novi-pazar'");
	$care{"/registry/organisations/%$_"} = "/registry/organisations/$org$_"
	    for ('', '/edit', '/licences/new', '/capacity');
	$care{'/registry/organisations/%/licences/%'} = "/registry/organisations/$org/licences/$lic";
	$care{'/registry/services/%/edit'} = "/registry/services/$svc/edit";
	$care{'/registry/enrolments/%/end'} = "/registry/enrolments/$enr/end";
	$care{'/registry/deliveries/%-%'} = '/registry/deliveries/2026-09';
	$care{'/registry/deliveries/%-%/close'} = '/registry/deliveries/2026-09/close';
}

# Cases, referrals and DV (issue 15): an open demo case led by csw, the
# demo DV case assigned to csw (the DV-assigned caller) and one of its
# measures, the open demo referral (partner@example.org's organisation);
# a second % of a case is no record of it.
{
	my ($case) = map { $_->[0] } sql("SELECT MIN(c.id) FROM case_file c JOIN account a "
	    . "ON a.id = c.lead_account_id WHERE a.email = 'csw\@example.org' AND c.status = 'open' "
	    . "AND c.plan_status = 'approved'");
	my ($dv) = map { $_->[0] } sql("SELECT MIN(g.object_id) FROM record_grant g JOIN account a "
	    . "ON a.id = g.account_id WHERE g.object_type = 'dv' AND g.kind = 'assigned' "
	    . "AND a.email = 'csw\@example.org'");
	my ($ms) = map { $_->[0] } sql("SELECT MIN(id) FROM dv_measure WHERE dv_case_id = $dv");
	my ($ref) = map { $_->[0] } sql("SELECT MIN(r.id) FROM referral r JOIN account_role x "
	    . "ON x.organisation_id = r.organisation_id JOIN account a ON a.id = x.account_id "
	    . "WHERE a.email = 'partner\@example.org' AND r.status = 'sent'");
	for my $p (grep { m{^/registry/(cases|dv)/%} } map { $_->[2] } @rows) {
		my $x = $p;
		if ($x =~ m{^/registry/dv/%/measures/%}) {
			$x =~ s/%/$dv/; $x =~ s/%/$ms/;
		} elsif ($x =~ m{^/registry/dv/}) {
			$x =~ s/%/$dv/;
		} else {
			$x =~ s/%/$case/; $x =~ s/%/999999999/;
		}
		$care{$p} = $x;
	}
	$care{'/registry/referrals/%'} = "/registry/referrals/$ref";
}


# Group activities and the administrator's priority groups (issue 15):
# the demo training and its first session, the town's first group; a
# supervisor's % is the matrix's own account, no supervisor (404).
{
	my ($ga) = map { $_->[0] } sql("SELECT MIN(g.id) FROM group_activity g JOIN municipality m "
	    . "ON m.id = g.municipality_id WHERE m.code = 'novi-pazar'");
	my ($gs) = map { $_->[0] } sql("SELECT MIN(id) FROM group_session WHERE activity_id = $ga");
	my ($pg) = map { $_->[0] } sql("SELECT MIN(g.id) FROM priority_group g JOIN municipality m "
	    . "ON m.id = g.municipality_id WHERE m.code = 'novi-pazar'");
	$care{'/registry/groups/%'} = "/registry/groups/$ga";
	$care{'/registry/groups/%/sessions/new'} = "/registry/groups/$ga/sessions/new";
	$care{'/registry/groups/%/sessions/%'} = "/registry/groups/$ga/sessions/$gs";
	$care{"/registry/groups/%/$_"} = "/registry/groups/$ga/$_" for ('edit', 'members');
	$care{'/registry/groups/%/members/%/remove'} = "/registry/groups/$ga/members/999999999/remove";
	$care{'/registry/admin/priority-groups/%'} = "/registry/admin/priority-groups/$pg";
}

# The reports' records (fcgi/reports): the first provider's service and
# organisation for the drill-down, the town's first forecast scenario,
# and the residential institution's return waiting for review.
{
	my ($org) = map { $_->[0] } sql("SELECT r.organisation_id FROM account_role r "
	    . "JOIN account a ON a.id = r.account_id WHERE a.email = 'provider1\@example.org'");
	my ($svc) = map { $_->[0] } sql("SELECT MIN(service_id) FROM enrolment WHERE organisation_id = $org");
	my ($scn) = map { $_->[0] } sql("SELECT MIN(s.id) FROM report_scenario s "
	    . "JOIN municipality m ON m.id = s.municipality_id WHERE m.code = 'novi-pazar'");
	my ($ret) = map { $_->[0] } sql("SELECT MIN(r.id) FROM report_return r "
	    . "JOIN organisation o ON o.id = r.organisation_id "
	    . "JOIN municipality m ON m.id = o.municipality_id "
	    . "WHERE m.code = 'novi-pazar' AND r.status = 'submitted'");
	$care{'/reports/figures/services/%'} = "/reports/figures/services/$svc";
	$care{'/reports/figures/services/%/persons'} = "/reports/figures/services/$svc/persons";
	$care{'/reports/figures/services/%/providers/%'} = "/reports/figures/services/$svc/providers/$org";
	$care{'/reports/figures/services/%/providers/%/persons'} = "/reports/figures/services/$svc/providers/$org/persons";
	$care{"/reports/scenarios/%/$_"} = "/reports/scenarios/$scn/$_" for ('edit', 'places');
	$care{'/reports/returns/%'} = "/reports/returns/$ret";
}

# Training (issue 16): the first demo course, its first module and
# question, an open attempt of provider1's (theirs alone: 404 for
# everyone else), provider1's record in the register and a demo
# certificate's code.
{
	my ($c) = map { $_->[0] } sql("SELECT MIN(id) FROM course WHERE status = 'published'");
	my ($mod) = map { $_->[0] } sql("SELECT MIN(id) FROM course_module WHERE course_id = $c");
	my ($pro) = map { $_->[0] } sql("SELECT p.id FROM professional p JOIN account a "
	    . "ON a.id = p.account_id WHERE a.email = 'provider1\@example.org'");
	sql("INSERT INTO test_attempt (course_id, professional_id, deadline_at, total) "
	    . "VALUES ($c, $pro, UTC_TIMESTAMP() + INTERVAL 1 HOUR, 1)");
	my ($att) = map { $_->[0] } sql("SELECT MAX(id) FROM test_attempt WHERE professional_id = $pro");
	sql("INSERT INTO test_attempt_question (attempt_id, position, question_id) "
	    . "SELECT $att, 1, MIN(id) FROM test_question WHERE course_id = $c");
	my ($code) = map { $_->[0] } sql("SELECT MIN(code) FROM certificate");
	my ($q) = map { $_->[0] } sql("SELECT MIN(id) FROM test_question WHERE course_id = $c");
	for my $p (grep { m{^/registry/training/courses/%} } map { $_->[2] } @rows) {
		my $x = $p =~ s/%/$c/r;
		$x =~ s/%/$mod/ if $x =~ m{/modules/%};
		$x =~ s/%/$q/ if $x =~ m{/questions/%};
		$care{$p} = $x;
	}
	# A PDF attached to the module, its file on disk.
	require Digest::SHA;
	my $pdf = "%PDF-1.4\n% the route matrix, a material\n";
	my $psha = Digest::SHA::sha256_hex($pdf);
	mkdir(state_dir() . '/documents');
	open(my $ph, '>', state_dir() . "/documents/$psha") or die "material: $!";
	print $ph $pdf;
	close $ph;
	sql("INSERT INTO course_material (module_id, sha256, bytes, filename, added_by) "
	    . "SELECT $mod, UNHEX('$psha'), LENGTH('$pdf'), 'matrix.pdf', MIN(id) FROM account");
	my ($mat) = map { $_->[0] } sql("SELECT MAX(id) FROM course_material WHERE module_id = $mod");
	$care{'/registry/training/courses/%/modules/%/files/%'} = "/registry/training/courses/$c/modules/$mod/files/$mat";
	$care{'/registry/training/courses/%/modules/%/files/%/delete'} =
	    "/registry/training/courses/$c/modules/$mod/files/999999999/delete";
	$care{'/registry/training/attempts/%'} = "/registry/training/attempts/$att";
	$care{"/registry/professionals/%$_"} = "/registry/professionals/$pro$_" for ('', '/edit');
	$care{'/registry/certificates/*'} = "/registry/certificates/$code";
}

# Applications (issue 13): an application of citizen@example.org's,
# refused and decided, with one document whose file is on disk, so that
# no row of the matrix can change it; a service of the town taking
# online applications for /services/%, /new/% and /waiting/%.
{
	require Digest::SHA;
	my ($svc) = map { $_->[0] } sql("SELECT MIN(s.id) FROM service s JOIN municipality m "
	    . "ON m.id = s.municipality_id WHERE m.code = 'novi-pazar' AND s.online_application");
	sql("INSERT INTO application (municipality_id, service_id, applicant_account_id, "
	    . "filed_by_account_id, email, status, relation, given_name, family_name, name_key, "
	    . "family_key, birth_date, locale, submitted_at, decided_at, reasons) "
	    . "SELECT s.municipality_id, s.id, a.id, a.id, a.email, 'refused', 'parent', 'Matrix', "
	    . "'Matrix', 'matrix matrix', 'matrix', '2019-01-01', 'en', UTC_TIMESTAMP(), "
	    . "UTC_TIMESTAMP(), 'matrix' FROM service s JOIN account a "
	    . "ON a.email = 'citizen\@example.org' WHERE s.id = $svc");
	my ($app) = map { $_->[0] } sql("SELECT MAX(id) FROM application WHERE family_name = 'Matrix'");
	my $bytes = "%PDF-1.4\n% the route matrix\n";
	my $sha = Digest::SHA::sha256_hex($bytes);
	mkdir(state_dir() . '/documents');
	open(my $fh, '>', state_dir() . "/documents/$sha") or die "document: $!";
	print $fh $bytes;
	close $fh;
	sql("INSERT INTO application_document (application_id, kind_id, sha256, bytes, type, "
	    . "filename, added_by) SELECT $app, MIN(k.id), UNHEX('$sha'), LENGTH('x'), 'application/pdf', "
	    . "'matrix.pdf', MIN(a.applicant_account_id) FROM document_kind k JOIN application a "
	    . "ON a.id = $app");
	my ($doc) = map { $_->[0] } sql("SELECT MAX(id) FROM application_document WHERE application_id = $app");
	for my $p (grep { m{^/applications/} } map { $_->[2] } @rows) {
		if ($p =~ m{^/applications/(services|new|waiting|admin)/%}) {
			$care{$p} = $p =~ s/%/$svc/r;
		} elsif ($p =~ m{^/applications/%}) {
			$care{$p} = $p =~ s/%/$app/r =~ s/%/$doc/r;
		}
	}
}

my %agent;
sub caller_for {
	my ($role) = @_;
	return $agent{$role} //= $role eq 'anon' ? agent() : login($login{$role});
}
for my $row (@rows) {
	my ($w, $m, $p, $role, $st) = @$row;
	my $path = $p =~ m{^/surveys/edit/} ? $p =~ s/%/$sid/r =~ s/%/1/r
	    : $p =~ s/%/$tid/r;
	$path =~ s/\*/$open/;
	$path = $p =~ s/%/$pid/r if $p =~ m{^/registry/persons/%};
	$path = $care{$p} if exists $care{$p};
	my $a = caller_for($role);
	my $r;
	if ($m eq 'GET') {
		$r = $a->get($path);
	} else {
		my $t = $a->csrf($role eq 'anon' ? '/account/login' : '/account/');
		$r = $a->post($path, { csrf => $t // '' });
	}
	is($r->{status}, $st, "$role: $m $p is $st");
	# Signing out ends the session: sign in again for the next row.
	delete $agent{$role} if $p =~ m{/account/(logout|sessions/end)$};
	# An empty choice of published datasets unticks them all: the demo
	# town publishes everything again for the rows after it.
	sql("DELETE FROM report_publication") if $m eq 'POST' && $p eq '/reports/public/settings';
}
# The matrix's PDF goes with its row, as a removal takes a file with the
# last row naming it: documents.dir keeps no file without its row.
for my $f (sql("SELECT id, LOWER(HEX(sha256)) FROM course_material WHERE filename = 'matrix.pdf'")) {
	sql("DELETE FROM course_material WHERE id = $f->[0]");
	unlink(state_dir() . "/documents/$f->[1]");
}
done_testing();
