# SPDX-License-Identifier: ISC
# PDFs attached to a course's module (issue 16, material.c): the course
# editor attaches a PDF on the module's page (multipart/form-data); it is
# kept under documents.dir by its SHA-256, and a worker who may see the
# course downloads it as an attachment that nginx sends (the bytes sent,
# nosniff, no HTML).  A file that is no PDF (a text file named .pdf, an
# HTML page), or no file at all, comes back on the module's page with
# the reason, and nothing is kept.  A draft course's PDF is a 404 for a
# worker and for another town's staff, a file of another module too; a
# worker may not attach nor remove.  Removing an attachment takes its
# row away, audited, and its file with the last row of any table naming
# the same bytes: not while another module's material or an
# application's document names them.
use strict;
use warnings;
use utf8;
use Test::More;
use HTTP::Tiny;
use Digest::SHA qw(sha256_hex);
use Encode ();
use Karika::Test;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

sub one { my ($q) = @_; return (sql($q))[0][0] }

my ($m) = one("SELECT id FROM municipality WHERE code = 'novi-pazar'");
my ($course) = one("SELECT MIN(id) FROM course WHERE municipality_id = $m AND status = 'published'");
my ($mod, $mod2) = map { $_->[0] } sql("SELECT id FROM course_module WHERE course_id = $course ORDER BY position, id LIMIT 2");
my $base = "/registry/training/courses/$course/modules/$mod";
my $tag = time() % 100000;

# Posts $file (name, bytes, type) as the form's "file" with the page's token.
sub upload {
	my ($a, $path, $name, $bytes, $type) = @_;
	my $t = $a->csrf($base) // '';
	my $b = "karika$tag" . int(rand(1e9));
	my $body = "--$b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n$t\r\n";
	$body .= "--$b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"$name\"\r\n"
	    . "Content-Type: $type\r\n\r\n$bytes\r\n" if defined $name;
	$body .= "--$b--\r\n";
	$body = Encode::encode('UTF-8', $body);
	my $cookie = join('; ', map { "$_=$a->{jar}{$_}" } sort keys %{ $a->{jar} });
	my $r = HTTP::Tiny->new(max_redirect => 0, timeout => 60)->request('POST', url($path),
	    { headers => { cookie => $cookie, 'content-type' => "multipart/form-data; boundary=$b" }, content => $body });
	$r->{content} = Encode::decode('UTF-8', $r->{content}) if ($r->{headers}{'content-type'} // '') =~ m{^text/};
	return $r;
}

my $ed = login('editor@example.org');
my $w = login('provider1@example.org');
$_->get('/?lang=en') for ($ed, $w);

my $r = $ed->get($base);
is($r->{status}, 200, 'the editor opens the module');
like($r->{content}, qr{<form method="post" action="$base/files" enctype="multipart/form-data">}, 'with a form to attach a PDF');
like($r->{content}, qr{<input type="file" id="f-file" name="file"}, 'a file input, labelled');
unlike($w->get($base)->{content}, qr{action="$base/files"}, 'a worker gets no such form');

# A PDF of a few lines (a real one is not needed: its first bytes are).
my $pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% material $tag\n%%EOF\n";
my $sha = sha256_hex($pdf);
my $files = one("SELECT COUNT(*) FROM course_material");

$r = upload($ed, "$base/files", 'notes.pdf', "Just text, named as a PDF $tag\n", 'application/pdf');
is($r->{status}, 422, 'a text file named .pdf is refused');
like(main_text($r->{content}), qr/This file is not a PDF/, 'the module\'s page says why');
like($r->{content}, qr/aria-invalid="true"/, 'at the file input');
$r = upload($ed, "$base/files", 'page.pdf', "<html><script>alert(1)</script></html>", 'application/pdf');
is($r->{status}, 422, 'so is an HTML page');
$r = upload($ed, "$base/files", undef);
is($r->{status}, 422, 'no file at all comes back');
like(main_text($r->{content}), qr/Choose the PDF to attach/, 'asking for one');
is(one("SELECT COUNT(*) FROM course_material"), $files, 'nothing is kept');
my @left = glob(state_dir() . '/documents/tmp/up-*');
is(scalar(@left), 0, 'and no temporary file is left');

$r = upload($ed, "$base/files", "Vodič za procenu $tag.pdf", $pdf, 'application/octet-stream');
is($r->{status}, 303, 'the editor attaches a PDF') or diag(main_text($r->{content}));
is($r->{headers}{location}, "$base?done=material-added", 'back to the module');
my ($fid) = one("SELECT MAX(id) FROM course_material WHERE module_id = $mod");
is(one("SELECT CONCAT(LOWER(HEX(sha256)), '/', bytes) FROM course_material WHERE id = $fid"), "$sha/" . length($pdf),
    'kept with its SHA-256 and size');
ok(-f state_dir() . "/documents/$sha", 'the file is under documents.dir by its SHA-256');
is(one("SELECT COUNT(*) FROM audit WHERE action = 'module.material.add' AND object_id = $course AND outcome = 'ok'"), 1,
    'audited on the course');

# A worker who may see the course downloads it.
$r = $w->get($base);
like($r->{content}, qr{<a href="$base/files/$fid">Vodič za procenu $tag\.pdf</a>}, 'the worker sees it listed');
$r = $w->get("$base/files/$fid");
is($r->{status}, 200, 'and downloads it');
is($r->{content}, $pdf, 'the bytes sent');
is($r->{headers}{'content-type'}, 'application/pdf', 'as a PDF');
like($r->{headers}{'content-disposition'} // '', qr/^attachment; filename="Vodizaprocenu$tag\.pdf"; filename\*=UTF-8''Vodi%C4%8D%20za%20procenu%20$tag\.pdf$/,
    'as an attachment, its name kept');
is($r->{headers}{'x-content-type-options'}, 'nosniff', 'never sniffed');
ok(!exists $r->{headers}{'x-accel-redirect'}, 'nginx sends it and keeps its path to itself');
is(get("$base/files/$fid")->{status}, 303, 'an anonymous visitor is sent to sign in');
is($w->get("/registry/training/courses/$course/modules/$mod2/files/$fid")->{status}, 404,
    'the file is not another module\'s');
is($w->get("$base/files/999999999")->{status}, 404, 'no such file: 404');

# A draft course: its PDFs are its editors' alone.
sql("UPDATE course SET status = 'draft' WHERE id = $course");
is($w->get("$base/files/$fid")->{status}, 404, 'a draft course\'s PDF is a 404 for a worker');
is($ed->get("$base/files/$fid")->{status}, 200, 'and open to its editor');
sql("UPDATE course SET status = 'published' WHERE id = $course");
is(one("SELECT COUNT(*) FROM audit WHERE action = 'course.read' AND object_id = $course AND outcome = 'not-found'") > 0, 1,
    'the refusal is audited');

# Another town's staff.
sql("INSERT INTO municipality (code, name_sr_latn, name_sr_cyrl, name_bs, name_en, country, currency) "
    . "VALUES ('mat-$tag', 'Drugi $tag', 'Други $tag', 'Drugi $tag', 'Other $tag', 'RS', 'RSD')");
my ($om) = one("SELECT id FROM municipality WHERE code = 'mat-$tag'");
sql("INSERT INTO account (email, name, password_hash, locale, status) SELECT 'mat-$tag\@example.net', 'Other Editor', "
    . "password_hash, 'en', 'active' FROM account WHERE email = 'editor\@example.org'");
sql("INSERT INTO account_role (account_id, role, municipality_id) SELECT id, 'editor', $om FROM account "
    . "WHERE email = 'mat-$tag\@example.net'");
my $o = login("mat-$tag\@example.net");
is($o->get("$base/files/$fid")->{status}, 404, 'another town\'s editor gets 404');
is(upload($o, "$base/files", 'x.pdf', $pdf, 'application/pdf')->{status}, 404, 'and cannot attach to the course');

# Who may change the attachments.
is(upload($w, "$base/files", 'x.pdf', $pdf, 'application/pdf')->{status}, 403, 'a worker may not attach');
my $t = $w->csrf($base);
is($w->post("$base/files/$fid/delete", { csrf => $t })->{status}, 403, 'nor remove');
$t = $ed->csrf($base);
is($ed->post("/registry/training/courses/$course/modules/$mod2/files/$fid/delete", { csrf => $t })->{status}, 404,
    'removing through another module is a 404');

# The same bytes attached to the second module too, and an application's
# document of the same bytes (a row of karika-applications' table, which
# the registry cannot read).
my $base2 = "/registry/training/courses/$course/modules/$mod2";
is(upload($ed, "$base2/files", 'copy.pdf', $pdf, 'application/pdf')->{status}, 303, 'the same PDF on another module');
my ($fid2) = one("SELECT MAX(id) FROM course_material WHERE module_id = $mod2");
my $doc = state_dir() . "/documents/$sha";
$r = $ed->post("$base/files/$fid/delete", { csrf => $t });
is($r->{status}, 303, 'the editor removes the attachment');
is(one("SELECT COUNT(*) FROM course_material WHERE id = $fid"), 0, 'its row is gone');
is(one("SELECT COUNT(*) FROM audit WHERE action = 'module.material.remove' AND object_id = $course AND outcome = 'ok'"), 1,
    'audited');
is($w->get("$base/files/$fid")->{status}, 404, 'and it is no longer served');
ok(-f $doc, 'the file stays: the other module names it');
is($w->get("$base2/files/$fid2")->{content}, $pdf, 'and serves it');
sql("INSERT INTO application (municipality_id, service_id, applicant_account_id, filed_by_account_id, email, "
    . "status, relation, given_name, family_name, name_key, family_key, birth_date, locale) "
    . "SELECT s.municipality_id, s.id, a.id, a.id, a.email, 'draft', 'parent', 'Material', 'M$tag', "
    . "'material m$tag', 'm$tag', '2019-01-01', 'en' FROM service s JOIN account a "
    . "ON a.email = 'citizen\@example.org' WHERE s.municipality_id = $m AND s.online_application LIMIT 1");
my ($app) = one("SELECT MAX(id) FROM application WHERE family_name = 'M$tag'");
sql("INSERT INTO application_document (application_id, kind_id, sha256, bytes, type, filename, added_by) "
    . "SELECT $app, MIN(k.id), UNHEX('$sha'), " . length($pdf) . ", 'application/pdf', 'm.pdf', "
    . "MIN(a.applicant_account_id) FROM document_kind k JOIN application a ON a.id = $app");
$t = $ed->csrf($base2);
is($ed->post("$base2/files/$fid2/delete", { csrf => $t })->{status}, 303, 'the last attachment of those bytes goes');
ok(-f $doc, 'the file stays: an application\'s document names it');
sql("DELETE FROM application_document WHERE application_id = $app");
sql("DELETE FROM application WHERE id = $app");

# The last row of any table: its file goes, after the commit.
is(upload($ed, "$base/files", 'again.pdf', $pdf, 'application/pdf')->{status}, 303, 'attached once more');
my ($fid3) = one("SELECT MAX(id) FROM course_material WHERE module_id = $mod");
ok(-f $doc, 'its file is back');
$t = $ed->csrf($base);
is($ed->post("$base/files/$fid3/delete", { csrf => $t })->{status}, 303, 'and removed');
ok(!-e $doc, 'the file goes with the last row naming it');
is(scalar(grep { !/^\./ } glob(state_dir() . '/documents/tmp/*')), 0, 'nothing is left aside');

# While a removal counts a file's rows (document_users, in the remover's
# transaction), no row of that file can be written in either table until
# it commits: the applications worker's count holds back a course's row.
my $lsha = sha256_hex("a file being removed $tag");
my ($rc, $out) = sql_as('registry', "CALL document_users('$lsha')");
is("$rc $out", "0 0\n", 'the registry may ask how many rows name a file');
my $kid = fork() // die "fork: $!";
if ($kid == 0) {
	sql_as('applications', "BEGIN; CALL document_users('$lsha'); DO SLEEP(3); ROLLBACK;");
	exit 0;
}
sleep 1;
my $err = eval {
	sql("SET SESSION innodb_lock_wait_timeout = 1; INSERT INTO course_material (module_id, sha256, bytes, "
	    . "filename, added_by) SELECT $mod, UNHEX('$lsha'), 1, 'lock.pdf', MIN(id) FROM account");
	1;
} ? '' : $@;
like($err, qr/Lock wait timeout/, 'a new row of the file waits for the removal to commit');
waitpid($kid, 0);
is(one("SELECT COUNT(*) FROM course_material WHERE sha256 = UNHEX('$lsha')"), 0, 'and was not written');

done_testing();
