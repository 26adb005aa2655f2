# SPDX-License-Identifier: ISC
# Online applications (issue 13): a parent applies for a service with
# documents (multipart: files straight to disk, their type by content),
# the CSW takes the application, asks for more, the parent adds it and
# submits again, the CSW approves and the child is in the register with
# an enrolment.  Another parent and a provider cannot see the
# application or its files on any route (404, audited; 403 where the
# role may not use the route at all, the same for an id that exists and
# one that does not).  A wrong file type (by content) and a file over
# the limit are refused by name with their reason, and nothing typed is
# lost and nothing is kept.  The waiting list's order (points, then the
# time of joining, then the number: ties) and an applicant's place as a
# place frees and an offer expires.  "Who has seen my application" lists
# the CSW's reads.  Each change of status e-mails the applicant.  Staff
# file for a parent, who takes it over with the code.  A document off a
# draft takes its file with it, unless another row names the same bytes
# (another application's, a course's material: the file goes with the
# last row of either table).  No temporary file and no document without
# its row is left.
use strict;
use warnings;
use utf8;
use Test::More;
use Encode qw(encode decode);
use HTTP::Tiny;
use Karika::Test;

binmode(STDOUT, ':encoding(UTF-8)');
binmode(STDERR, ':encoding(UTF-8)');

my $run = time() % 100000;
my $docdir = state_dir() . '/documents';

sub jmbg {
	my ($d, $m, $y, $serial) = @_;
	my $s = sprintf('%02d%02d%03d71%03d', $d, $m, $y % 1000, $serial);
	my @a = split //, $s;
	my $sum = 7 * ($a[0] + $a[6]) + 6 * ($a[1] + $a[7]) + 5 * ($a[2] + $a[8])
	    + 4 * ($a[3] + $a[9]) + 3 * ($a[4] + $a[10]) + 2 * ($a[5] + $a[11]);
	my $k = 11 - $sum % 11;
	return $s . ($k > 9 ? 0 : $k);
}
sub one { my @r = sql($_[0]); return @r ? $r[0][0] : undef }

# A multipart POST as a browser sends the form: fields ([name, value]…)
# with the page's CSRF token, files ([name, filename, bytes]…).
sub upload {
	my ($a, $path, $fields, $files) = @_;
	my $b = 'xKarika' . int(rand(1e9));
	my $body = '';
	for my $f (@$fields) {
		$body .= "--$b\r\nContent-Disposition: form-data; name=\"$f->[0]\"\r\n\r\n"
		    . encode('UTF-8', $f->[1]) . "\r\n";
	}
	for my $f (@{ $files // [] }) {
		$body .= "--$b\r\nContent-Disposition: form-data; name=\"$f->[0]\"; filename=\""
		    . encode('UTF-8', $f->[1]) . "\"\r\nContent-Type: application/pdf\r\n\r\n$f->[2]\r\n";
	}
	$body .= "--$b--\r\n";
	my $cookie = join('; ', map { "$_=$a->{jar}{$_}" } sort keys %{ $a->{jar} });
	my $res = HTTP::Tiny->new(max_redirect => 0, timeout => 120)->request('POST', url($path),
	    { headers => { cookie => $cookie, 'content-type' => "multipart/form-data; boundary=$b" },
	    content => $body });
	$res->{content} = decode('UTF-8', $res->{content})
	    if ($res->{headers}{'content-type'} // '') =~ m{^text/(html|xml)};
	return $res;
}
sub tmp_files { opendir(my $d, "$docdir/tmp") or return (); return grep { !/^\./ } readdir $d }
sub doc_files { opendir(my $d, $docdir) or return (); return grep { /^[0-9a-f]{64}$/ } readdir $d }

my $pdf = "%PDF-1.4\n% Karika test $run\n" . ('x' x 2000) . "\n%%EOF\n";
my $png = "\x89PNG\r\n\x1a\n" . "\0\0\0\rIHDR" . ('p' x 3000) . $run;
my $jpg = "\xff\xd8\xff\xe0" . ('j' x 4000) . $run;
my $pdf2 = "%PDF-1.7\n% second $run\n" . ('y' x 1500);

my %kind = map { $_->[1] => $_->[0] } sql('SELECT id, code FROM document_kind');
my ($svc) = map { $_->[0] } sql("SELECT s.id FROM service s JOIN municipality m "
    . "ON m.id = s.municipality_id WHERE m.code = 'novi-pazar' AND s.code = 'day-care'");

my $parent = login('citizen2@example.org');
my $other = login('citizen@example.org');
my $csw = login('csw@example.org');
my $prov = login('provider1@example.org');

# --- the list, the eligibility check, the form ---------------------------------
my $r = get('/applications/?lang=en');
is($r->{status}, 200, 'the list of services open for application');
like($r->{content}, qr{href="/applications/new/$svc"}, 'links to the form');
like($r->{content}, qr/Documents needed|documents/i, 'says what each needs');
$r = get("/applications/services/$svc?lang=en&born=2019-04-12&resident=yes");
is($r->{status}, 200, 'the eligibility check answers');
$r = $parent->get("/applications/new/$svc?lang=en");
is($r->{status}, 200, 'the form');
like($r->{content}, qr/enctype="multipart\/form-data"/, 'posts multipart');
like($r->{content}, qr/name="doc\.$kind{commission}"/, 'a file input per kind');
like($r->{content}, qr/10 MB/, 'the size limit is said before choosing');
my ($tok) = $r->{content} =~ /name="csrf" value="([0-9a-f]{64})"/;

# --- a draft with three documents ----------------------------------------------
my ($crit_single) = map { $_->[0] } sql("SELECT id FROM priority_criterion WHERE service_id = $svc AND code = 'single-parent'");
my ($need) = map { $_->[0] } sql("SELECT id FROM need WHERE code = 'autism'");
my $jm = jmbg(12, 4, 2019, 100 + $run % 400);
my @fields = (['csrf', $tok], ['relation', 'parent'], ['given', "Ђорђе$run"],
    ['family', 'Петровић'], ['born', '2019-04-12'], ['jmbg', $jm], ['sex', 'male'],
    ['address', 'Ulica 1'], ['note', 'Treba mu dnevni boravak.'], ['need', $need],
    ['crit', $crit_single], ['consent', '1']);
$r = upload($parent, "/applications/new/$svc", [@fields, ['action', 'save']],
    [["doc.$kind{commission}", 'mišljenje.pdf', $pdf],
    ["doc.$kind{medical}", 'nalaz.pdf', $png],          # a PNG named .pdf: a PNG
    ["doc.$kind{residence}", 'prebivaliste.jpg', $jpg]]);
is($r->{status}, 303, 'a draft with three documents is saved') or diag(substr($r->{content} // '', 0, 3000));
my ($app) = ($r->{headers}{location} // '') =~ m{/applications/(\d+)(?:\?|$)};
ok($app, 'to its page');
my @docs = sql("SELECT type, filename, bytes, LOWER(HEX(sha256)) FROM application_document WHERE application_id = $app ORDER BY id");
is(scalar @docs, 3, 'three document rows');
is(join(',', map { $_->[0] } @docs), 'application/pdf,image/png,image/jpeg', 'types by content, not by name');
is($docs[1][2], length $png, 'sizes as received');
ok(-f "$docdir/$_->[3]", "the file is kept under its SHA-256") for @docs;
is(one("SELECT status FROM application WHERE id = $app"), 'draft', 'a draft');
is(one("SELECT points FROM application WHERE id = $app"), 20, 'its declared criteria count');
is(scalar(tmp_files()), 0, 'no temporary file is left');

# --- refusals: wrong type, over the limit; nothing typed lost, nothing kept --
$r = $parent->get("/applications/$app?lang=en");
is($r->{status}, 200, 'the draft is editable on its page');
($tok) = $r->{content} =~ /name="csrf" value="([0-9a-f]{64})"/;
my @again = map { $_->[0] eq 'csrf' ? ['csrf', $tok] : $_->[0] eq 'given' ? ['given', "Novo$run"] : $_ } @fields;
my $ndocs = one("SELECT COUNT(*) FROM application_document");
$r = upload($parent, "/applications/$app?lang=en", [@again, ['action', 'save']],
    [["doc.$kind{medical}", 'pismo.pdf', "Dear CSW,\nthis is text, not a PDF.\n"]]);
is($r->{status}, 422, 'a text file named .pdf is refused');
like($r->{content}, qr/pismo\.pdf: this file is not a PDF, JPEG or PNG/, 'naming the file and why');
like($r->{content}, qr/value="Novo$run"/, 'what was typed is still there');
like($r->{content}, qr/choose the files again/, 'and the form says to choose the files again');
unlike(decode('UTF-8', one("SELECT given_name FROM application WHERE id = $app")), qr/Novo/, 'nothing was written');
is(one("SELECT COUNT(*) FROM application_document"), $ndocs, 'no document row');
is(scalar(tmp_files()), 0, 'no temporary file');

my $big = "%PDF-1.4\n" . ('b' x (10 * 1024 * 1024));
$r = upload($parent, "/applications/$app?lang=en", [@again, ['action', 'save']],
    [["doc.$kind{medical}", 'veliki.pdf', $big], ["doc.$kind{other}", 'ignored.pdf', $pdf]]);
is($r->{status}, 422, 'a file over 10 MB is refused');
like($r->{content}, qr/veliki\.pdf: this file is larger than the limit of 10 MB/, 'naming the file and the limit');
like($r->{content}, qr/value="Novo$run"/, 'what was typed is still there');
is(one("SELECT COUNT(*) FROM application_document"), $ndocs, 'no document row');
is(scalar(tmp_files()), 0, 'no temporary file');
my $huge = upload($parent, "/applications/$app", [@again], [["doc.$kind{medical}", 'a.pdf', 'z' x (122 * 1024 * 1024)]]);
is($huge->{status}, 413, 'a body over every limit is refused by nginx');

# --- submit, with a mail ----------------------------------------------------
$r = upload($parent, "/applications/$app", [@again, ['action', 'submit']]);
is($r->{status}, 303, 'submitted') or diag(substr($r->{content} // '', 0, 3000));
is(one("SELECT status FROM application WHERE id = $app"), 'submitted', 'its status');
my $m = mail_to('citizen2@example.org');
ok($m && $m->{subject} =~ /podnet|podnes|submitted/i, 'the applicant is told, in her language') or diag(explain $m);
like($m->{body} // '', qr{/applications/$app}, 'with the link');
$r = upload($parent, "/applications/$app", [@again, ['action', 'save']]);
is($r->{status}, 409, 'a submitted application is no longer edited');

# --- the CSW: inbox, take, ask for more ----------------------------------------
$r = $csw->get('/applications/inbox?lang=en');
is($r->{status}, 200, 'the inbox');
like($r->{content}, qr{href="/applications/$app"}, 'lists it');
$r = $csw->get("/applications/inbox?lang=en&service=$svc&status=submitted");
like($r->{content}, qr{href="/applications/$app"}, 'by service and status');
$r = $csw->get("/applications/$app?lang=en");
is($r->{status}, 200, 'the CSW opens it');
like($r->{content}, qr/$jm/, 'the JMBG whole for the CSW');
$r = $parent->get("/applications/$app?lang=en");
unlike($r->{content}, qr/$jm/, 'masked for the applicant');
my ($doc1) = map { $_->[0] } sql("SELECT MIN(id) FROM application_document WHERE application_id = $app");
$r = $csw->get("/applications/$app/documents/$doc1");
is($r->{status}, 200, 'the CSW opens a document');
is($r->{content}, $pdf, 'its bytes');
like($r->{headers}{'content-disposition'} // '', qr/^attachment/, 'as an attachment');
sub hdr { my $v = $_[0]; return ref $v ? join(', ', @$v) : $v // '' }
is(hdr($r->{headers}{'x-content-type-options'}), 'nosniff', 'not sniffed');
unlike(hdr($r->{headers}{'content-type'}), qr/html|xml/, 'never as a page');
like(hdr($r->{headers}{'content-security-policy'}), qr/sandbox/, 'sandboxed');

$r = $csw->post("/applications/$app/take", { csrf => $csw->csrf("/applications/$app") });
is($r->{status}, 303, 'taken into review');
is(one("SELECT status FROM application WHERE id = $app"), 'review', 'in review');
$m = mail_to('citizen2@example.org');
ok($m, 'the applicant is told it is in review');
$r = $csw->post("/applications/$app/request?lang=en", { csrf => $csw->csrf("/applications/$app"), message => '  ' });
is($r->{status}, 422, 'a request needs its message');
like($r->{content}, qr{<textarea id="f-message" name="message"[^>]*aria-invalid="true"}, 'the message is marked wrong')
    or diag(main_text($r->{content}));
like($r->{content}, qr{<p class="error" id="e-message">This field is required}, 'saying why beside it');
$r = $csw->get("/applications/$app?lang=en");
unlike($r->{content}, qr{/applications/$app/take"}, 'taken: not offered to be taken again');
like($r->{content}, qr{id="cc-$crit_single" name="crit" value="$crit_single" checked}, 'the criteria as declared');
$r = $csw->post("/applications/$app/criteria?lang=en", { csrf => $csw->csrf("/applications/$app"), reason => '' });
is($r->{status}, 422, 'a correction of the criteria needs its reason');
like($r->{content}, qr{<input id="f-reason" name="reason" type="text"[^>]*aria-invalid="true"}, 'the reason is marked wrong')
    or diag(main_text($r->{content}));
like($r->{content}, qr{<p class="error" id="e-reason">This field is required}, 'saying why beside it');
like($r->{content}, qr{id="cc-$crit_single" name="crit" value="$crit_single">}, 'the boxes as they were sent (unticked)');
is(one("SELECT points FROM application WHERE id = $app"), 20, 'nothing changed');
$r = $csw->post("/applications/$app/request", { csrf => $csw->csrf("/applications/$app"),
    message => "Molimo nalaz neuropsihijatra $run." });
is($r->{status}, 303, 'more information is asked');
is(one("SELECT status FROM application WHERE id = $app"), 'info', 'its status');
$m = mail_to('citizen2@example.org');
ok($m, 'the applicant is told what is asked');
$r = $parent->get("/applications/$app?lang=en");
like($r->{content}, qr/neuropsihijatra $run/, 'she sees the message on the page');

# --- the parent adds it and submits again --------------------------------------
($tok) = $r->{content} =~ /name="csrf" value="([0-9a-f]{64})"/;
@again = map { $_->[0] eq 'csrf' ? ['csrf', $tok] : $_ } @again;
$r = upload($parent, "/applications/$app", [@again, ['action', 'submit']],
    [["doc.$kind{medical}", 'neuropsihijatar.pdf', $pdf2]]);
is($r->{status}, 303, 'she adds the document and submits again') or diag(substr($r->{content} // '', 0, 3000));
is(one("SELECT status FROM application WHERE id = $app"), 'review', 'back to the worker who asked');
is(one("SELECT COUNT(*) FROM application_document WHERE application_id = $app"), 4, 'four documents');
ok(mail_to('citizen2@example.org'), 'the submission is mailed');

# --- another parent and a provider: nothing, on any route ----------------------
my $doc4 = one("SELECT MAX(id) FROM application_document WHERE application_id = $app");
my $none = 999999999;
my @gets = ("/applications/%", "/applications/%/seen", "/applications/%/decision",
    "/applications/%/documents/$doc4");
my @posts = ("/applications/%", "/applications/%/documents/$doc4/delete", "/applications/%/withdraw",
    "/applications/%/accept", "/applications/%/take", "/applications/%/request",
    "/applications/%/decide", "/applications/%/criteria", "/applications/%/offer");
my $audit0 = one("SELECT COUNT(*) FROM audit WHERE object_type = 'application' AND object_id = $app AND outcome = 'not-found'");
for my $who (['another parent', $other], ['a provider', $prov]) {
	my ($name, $a) = @$who;
	for my $p (@gets) {
		my $st = $a->get($p =~ s/%/$app/r)->{status};
		my $st0 = $a->get($p =~ s/%/$none/r)->{status};
		ok($st == 404 || ($st == 403 && $st0 == 403), "$name: GET $p is $st");
		is($st, $st0, "$name: GET $p answers as for no application");
	}
	my $t = $a->csrf('/account/');
	for my $p (@posts) {
		my $st = $a->post($p =~ s/%/$app/r, { csrf => $t, message => 'x', reasons => 'x',
		    reason => 'x', outcome => 'refuse', org => 1 })->{status};
		my $st0 = $a->post($p =~ s/%/$none/r, { csrf => $t })->{status};
		ok($st == 404 || ($st == 403 && $st0 == 403), "$name: POST $p is $st");
		is($st, $st0, "$name: POST $p answers as for no application");
	}
	my $f = $a->get("/applications/$app/documents/$doc1");
	unlike($f->{content} // '', qr/Karika test/, "$name never gets the file");
	$r = $a->get('/applications/mine');
	unlike($r->{content} // '', qr{/applications/$app"}, "$name: not in their list");
}
ok(one("SELECT COUNT(*) FROM audit WHERE object_type = 'application' AND object_id = $app AND outcome = 'not-found'") > $audit0,
    'the refusals are audited');
is(one("SELECT status FROM application WHERE id = $app"), 'review', 'and changed nothing');
$r = $parent->post("/applications/$app/withdraw", {});
is($r->{status}, 403, 'a POST without its CSRF token is refused');

# --- the CSW approves: the child in the register with an enrolment --------------
$r = $csw->get("/applications/$app?lang=en");
my ($org) = $r->{content} =~ /<select id="f-org" name="org">.*?<option value="(\d+)"/s;
unless ($org) {
	# every place taken: one more place for the first licensed provider
	($org) = map { $_->[0] } sql("SELECT organisation_id FROM application_places WHERE service_id = $svc ORDER BY organisation_id LIMIT 1");
	sql("UPDATE capacity SET places = places + 1 WHERE organisation_id = $org AND service_id = $svc AND year = YEAR(UTC_DATE())");
}
ok($org, 'a provider with a free place is offered to the CSW');
my @ymd = (gmtime)[5, 4, 3];
my $today = sprintf('%04d-%02d-%02d', $ymd[0] + 1900, $ymd[1] + 1, $ymd[2]);
# A wrong day, then no reasons: the page again, all that was typed kept,
# each error beside its field.
$r = $csw->post("/applications/$app/decide?lang=en", { csrf => $csw->csrf("/applications/$app"),
    outcome => 'approve', reasons => "Ispunjeni uslovi $run.", org => $org, start => '32. 13. 2026.' });
is($r->{status}, 422, 'a day that does not exist is refused');
like($r->{content}, qr{<input type="radio" name="outcome" value="approve" id="f-outcome"[^>]*checked}, 'the outcome stays chosen')
    or diag(main_text($r->{content}));
like($r->{content}, qr{<textarea id="f-reasons" name="reasons"[^>]*>Ispunjeni uslovi $run\.</textarea>}, 'the reasons stay');
like($r->{content}, qr{<option value="$org" selected}, 'the provider stays chosen');
like($r->{content}, qr{<input id="f-start" name="start" type="text" value="32\. 13\. 2026\."[^>]*aria-invalid="true"}, 'the day as typed, marked wrong');
like($r->{content}, qr{<p class="error" id="e-start">Enter a real date}, 'saying why beside it');
$r = $csw->post("/applications/$app/decide?lang=en", { csrf => $csw->csrf("/applications/$app"),
    outcome => 'refuse', reasons => '', org => '', start => '' });
is($r->{status}, 422, 'a decision needs its reasons');
like($r->{content}, qr{value="refuse"[^>]*checked}, 'the outcome stays chosen');
like($r->{content}, qr{<textarea id="f-reasons" name="reasons"[^>]*aria-invalid="true"}, 'the reasons are marked wrong');
like($r->{content}, qr{<p class="error" id="e-reasons">This field is required}, 'saying why beside them');
$r = $csw->post("/applications/$app/decide?lang=en", { csrf => $csw->csrf("/applications/$app"),
    reasons => 'x', org => $org });
is($r->{status}, 422, 'a decision is approve or refuse, and a provider needs its day');
like($r->{content}, qr{<p class="error" id="e-outcome">}, 'the outcome is asked for');
like($r->{content}, qr{<p class="error" id="e-start">This field is required}, 'and the day');
is(one("SELECT status FROM application WHERE id = $app"), 'review', 'nothing was decided');
$r = $csw->post("/applications/$app/decide", { csrf => $csw->csrf("/applications/$app"),
    outcome => 'approve', reasons => "Ispunjeni uslovi $run.", org => $org, start => $today });
is($r->{status}, 303, 'approved') or diag(substr($r->{content} // '', 0, 2000));
is(one("SELECT status FROM application WHERE id = $app"), 'enrolled', 'enrolled');
my ($person, $enr) = @{ (sql("SELECT person_id, enrolment_id FROM application WHERE id = $app"))[0] };
ok($person && $enr, 'with a person and an enrolment');
is(one("SELECT jmbg FROM person WHERE id = $person"), $jm, 'the child is in the register, not retyped');
is(one("SELECT CONCAT(service_id, '/', organisation_id, '/', start_date) FROM enrolment WHERE id = $enr"),
    "$svc/$org/$today", 'the enrolment: the service, the provider, the day');
is(one("SELECT COUNT(*) FROM person_need WHERE person_id = $person AND need_id = $need"), 1, 'with the coded needs');
is(one("SELECT COUNT(*) FROM audit WHERE action = 'person.create' AND object_type = 'person' AND object_id = $person"), 1,
    'the child\'s new record is audited as created (a child matched by the JMBG would only be enrolled)');
is(one("SELECT COUNT(*) FROM audit WHERE action = 'enrolment.create' AND object_type = 'enrolment' AND object_id = $enr"), 1,
    'and the enrolment as made');
my ($rep, $repkind) = @{ (sql("SELECT representative_id, representative_kind FROM person WHERE id = $person"))[0] };
ok($rep, 'the parent is the legal representative in the register, not retyped');
is($repkind, 'parent', 'as the relation the application records');
is(one("SELECT email FROM person WHERE id = $rep"), 'citizen2@example.org', 'the applicant, a person of the register');
is(decode('UTF-8', one("SELECT CONCAT(given_name, ' ', family_name) FROM person WHERE id = $rep")),
    decode('UTF-8', one("SELECT name FROM account WHERE email = 'citizen2\@example.org'")), 'by the account\'s name');
is(one("SELECT representative_id FROM enrolment WHERE id = $enr"), $rep, 'the enrolment knows the representative');
ok(one("SELECT COUNT(*) FROM audit WHERE action = 'person.create' AND object_type = 'person' AND object_id = $rep") == 1,
    'the new record is audited');
$m = mail_to('citizen2@example.org');
ok($m && $m->{body} =~ m{/applications/$app}, 'the decision is mailed');
$r = $parent->get("/applications/$app/decision?lang=en");
is($r->{status}, 200, 'the decision, printable');
like($r->{content}, qr/Ispunjeni uslovi $run/, 'with its reasons');
like($r->{content}, qr/15 days/, 'and the appeal');

# --- who has seen it --------------------------------------------------------
$r = $parent->get("/applications/$app/seen?lang=en");
is($r->{status}, 200, 'who has seen my application');
like($r->{content}, qr/Center for Social Work/, "lists the CSW's reads");
like($r->{content}, qr/opened a document/, 'and its opening of a document');
unlike(main_text($r->{content}), qr/\b(citizen|provider staff)\b/, 'not the refused attempts of others');
is($other->get("/applications/$app/seen")->{status}, 404, "another parent cannot ask");
# A provider read the child's record: named in the page's script.
my ($pacc, $porg, $pname, $pcyrl) = @{ (sql("SELECT a.id, o.id, o.name, o.name_cyrl FROM account a "
    . "JOIN account_role r ON r.account_id = a.id AND r.role = 'provider' "
    . "JOIN organisation o ON o.id = r.organisation_id WHERE a.email = 'provider1\@example.org' LIMIT 1"))[0] };
sql("INSERT INTO audit (account_id, role, action, object_type, object_id, worker, outcome) "
    . "VALUES ($pacc, 'provider', 'person.read', 'person', $person, 'registry', 'ok')");
$r = $parent->get("/applications/$app/seen?lang=sr-Cyrl");
SKIP: {
	skip 'the provider has no Cyrillic name', 2 unless $pcyrl;
	like($r->{content}, qr/\Q@{[decode('UTF-8', $pcyrl)]}\E/, 'the provider in Cyrillic on a Cyrillic page');
	unlike($r->{content}, qr/\Q@{[decode('UTF-8', $pname)]}\E/, 'not in Latin');
}
$r = $parent->get("/applications/$app/seen?lang=sr-Latn");
like($r->{content}, qr/\Q@{[decode('UTF-8', $pname)]}\E/, 'in Latin on a Latin page');

# --- a document off a draft: the file goes with its last row ---------------------
$r = $parent->get("/applications/new/$svc");
($tok) = $r->{content} =~ /name="csrf" value="([0-9a-f]{64})"/;
my $solo = "%PDF-1.5\nonly here $run\n";
my $both = "%PDF-1.5\nalso a course's material $run\n";
$r = upload($parent, "/applications/new/$svc", [(map { $_->[0] eq 'csrf' ? ['csrf', $tok] : $_ } @fields),
    ['action', 'save']], [["doc.$kind{other}", 'x.pdf', $pdf], ["doc.$kind{commission}", 'solo.pdf', $solo],
    ["doc.$kind{medical}", 'both.pdf', $both]]);
is($r->{status}, 303, 'a second draft');
my ($app2) = ($r->{headers}{location} // '') =~ m{/applications/(\d+)(?:\?|$)};
my ($d_shared, $sha_shared) = @{ (sql("SELECT id, LOWER(HEX(sha256)) FROM application_document WHERE application_id = $app2 AND filename = 'x.pdf'"))[0] // [] };
my ($d_solo, $sha_solo) = @{ (sql("SELECT id, LOWER(HEX(sha256)) FROM application_document WHERE application_id = $app2 AND filename = 'solo.pdf'"))[0] // [] };
my ($d_both, $sha_both) = @{ (sql("SELECT id, LOWER(HEX(sha256)) FROM application_document WHERE application_id = $app2 AND filename = 'both.pdf'"))[0] // [] };
ok(!$d_shared, 'a kind the service does not ask for is not kept');
$r = $parent->post("/applications/$app2/documents/$d_solo/delete", { csrf => $parent->csrf("/applications/$app2") });
is($r->{status}, 303, 'a document is removed from a draft');
ok(!-e "$docdir/$sha_solo", 'its file with it (no other row named it)');
ok(-e "$docdir/$docs[0][3]", 'a file another row names stays');
is(scalar(tmp_files()), 0, 'no temporary file');

# The same bytes as a course's material (karika-registry's row, which this
# worker cannot read): the file goes with the last row of either table.
my $ed = login('editor@example.org');
my ($course, $module) = @{ (sql("SELECT c.id, MIN(cm.id) FROM course c JOIN course_module cm ON cm.course_id = c.id "
    . "JOIN municipality m ON m.id = c.municipality_id WHERE m.code = 'novi-pazar' GROUP BY c.id ORDER BY c.id LIMIT 1"))[0] };
my $mbase = "/registry/training/courses/$course/modules/$module";
$r = upload($ed, "$mbase/files", [['csrf', $ed->csrf($mbase)]], [['file', 'both.pdf', $both]]);
is($r->{status}, 303, 'an editor attaches the same bytes to a course');
my $mat = one("SELECT MAX(id) FROM course_material WHERE module_id = $module AND sha256 = UNHEX('$sha_both')");
ok($mat, 'its row names the same file');
$r = $parent->post("/applications/$app2/documents/$d_both/delete", { csrf => $parent->csrf("/applications/$app2") });
is($r->{status}, 303, 'the parent removes that document');
ok(-e "$docdir/$sha_both", 'the file stays: the course\'s material names it');
$r = $ed->post("$mbase/files/$mat/delete", { csrf => $ed->csrf($mbase) });
is($r->{status}, 303, 'the editor removes the material');
ok(!-e "$docdir/$sha_both", 'and the file goes with the last row naming it');
is(scalar(tmp_files()), 0, 'no file is left aside');
$r = $parent->get("/applications/new/$svc");
like($r->{content}, qr/name="reuse"/, 'an earlier document is offered again (once-only)');

# --- submitted without a required document: what was given is kept -----------
my @req = map { $_->[0] } sql("SELECT k.id FROM service_document sd JOIN document_kind k ON k.id = sd.kind_id "
    . "WHERE sd.service_id = $svc AND sd.required = 1 AND sd.by_csw = 0 ORDER BY k.position");
ok(@req >= 2, 'the service asks for two documents or more');
$r = $parent->get("/applications/new/$svc");
($tok) = $r->{content} =~ /name="csrf" value="([0-9a-f]{64})"/;
my @f3 = ((map { $_->[0] eq 'csrf' ? ['csrf', $tok] : $_->[0] eq 'given' ? ['given', "Treći$run"] : $_ }
    grep { $_->[0] ne 'jmbg' } @fields), ['action', 'submit']);
my $napps = one("SELECT COUNT(*) FROM application");
my @given = map { ["doc.$req[$_]", "given$_.pdf", "%PDF-1.4\ngiven $_ $run\n"] } 0 .. $#req - 1;
$r = upload($parent, "/applications/new/$svc?lang=en", \@f3, \@given);
my $app3 = one("SELECT MAX(a.id) FROM application a JOIN account c ON c.id = a.applicant_account_id WHERE c.email = 'citizen2\@example.org'");
is($r->{status}, 303, 'a submission without a required document is not submitted');
is($r->{headers}{location}, "/applications/$app3?missing=1", 'it leads to the draft\'s own page (a reload sends nothing again)');
is(one("SELECT COUNT(*) FROM application"), $napps + 1, 'one application');
is(one("SELECT status FROM application WHERE id = $app3"), 'draft', 'a draft, not submitted');
for my $again (1, 2) {
	$r = $parent->get("/applications/$app3?missing=1&lang=en");
	is($r->{status}, 200, "the draft's page" . ($again == 2 ? ', reloaded' : ''));
}
is(one("SELECT COUNT(*) FROM application"), $napps + 1, 'still one application');
like($r->{content}, qr/A required document is missing/, 'saying which document is missing');
like($r->{content}, qr/saved as a draft with the documents you attached/, 'and that the rest is kept');
like($r->{content}, qr/value="Treći$run"/, 'what was typed is still there');
is(one("SELECT COUNT(*) FROM application_document WHERE application_id = $app3"), scalar @given,
    'with the documents just attached');
ok(-f "$docdir/" . one("SELECT LOWER(HEX(sha256)) FROM application_document WHERE application_id = $app3 LIMIT 1"),
    'their files kept');
like($r->{content}, qr{action="/applications/$app3"}, 'the form is now the draft\'s');
like($r->{content}, qr/given0\.pdf/, 'listing what was given');
is(scalar(tmp_files()), 0, 'no temporary file');
like($parent->get("/applications/$app3?lang=en")->{content}, qr{given0\.pdf</a></td><td>1 kB</td>},
    'a small file is 1 kB on the page, not 0');
$r = upload($parent, "/applications/$app3?lang=en", [(map { $_->[0] eq 'action' ? ['action', 'submit'] : $_ } @f3)],
    [["doc.$req[-1]", 'last.pdf', "%PDF-1.4\nlast $run\n"]]);
is($r->{status}, 303, 'only the missing one added, it is submitted') or diag(main_text($r->{content} // ''));
is(one("SELECT status FROM application WHERE id = $app3"), 'submitted', 'submitted');
ok(mail_to('citizen2@example.org'), 'the submission is mailed');

# --- the waiting list -------------------------------------------------------
# A service whose places are all taken: three applications approved
# without a place.  Points first, then the time of joining (a tie).
my ($wsvc) = map { $_->[0] } sql("SELECT s.id FROM service s JOIN municipality m "
    . "ON m.id = s.municipality_id WHERE m.code = 'novi-pazar' AND s.code = 'respite'");
my ($severe) = map { $_->[0] } sql("SELECT id FROM priority_criterion WHERE service_id = $wsvc AND code = 'severe'");
sql("UPDATE capacity c SET places = (SELECT COUNT(*) FROM enrolment e WHERE e.organisation_id = c.organisation_id "
    . "AND e.service_id = c.service_id AND e.start_date <= UTC_DATE() AND (e.end_date IS NULL OR e.end_date >= UTC_DATE())) "
    . "WHERE c.service_id = $wsvc AND c.year = YEAR(UTC_DATE())");
my ($p2id) = map { $_->[0] } sql("SELECT id FROM account WHERE email = 'citizen2\@example.org'");
my ($p1id) = map { $_->[0] } sql("SELECT id FROM account WHERE email = 'citizen\@example.org'");
my @w;
for my $i (0 .. 2) {
	my $acc = $i == 1 ? $p2id : $p1id;
	my $email = $i == 1 ? 'citizen2@example.org' : 'citizen@example.org';
	sql("INSERT INTO application (municipality_id, service_id, applicant_account_id, filed_by_account_id, "
	    . "email, status, relation, given_name, family_name, name_key, family_key, birth_date, locale, submitted_at) "
	    . "SELECT municipality_id, id, $acc, $acc, '$email', 'submitted', 'parent', 'Wait$i', 'W$run', "
	    . "'wait$i w$run', 'w$run', '2018-01-0" . ($i + 1) . "', 'en', UTC_TIMESTAMP() FROM service WHERE id = $wsvc");
	push @w, one("SELECT MAX(id) FROM application WHERE family_name = 'W$run'");
}
sql("INSERT INTO application_criterion (application_id, criterion_id) VALUES ($w[2], $severe)");
sql("UPDATE application SET points = 30 WHERE id = $w[2]");
for my $id (@w) {
	$csw->post("/applications/$id/take", { csrf => $csw->csrf("/applications/$id") });
	$r = $csw->post("/applications/$id/decide", { csrf => $csw->csrf("/applications/$id"),
	    outcome => 'approve', reasons => 'Uslovi ispunjeni, nema mesta.', org => '' });
	is($r->{status}, 303, "application $id approved without a place");
}
# The same second for two of them: the tie is broken by the number.
sql("UPDATE application SET waiting_since = (SELECT MIN(waiting_since) FROM (SELECT waiting_since FROM application WHERE id IN ($w[0], $w[1])) x) WHERE id IN ($w[0], $w[1])");
is(join(',', map { $_->[0] } sql("SELECT status FROM application WHERE id IN (" . join(',', @w) . ") ORDER BY id")),
    'waiting,waiting,waiting', 'all three wait');
ok(mail_to('citizen2@example.org'), 'the applicant is told she waits');
$r = $parent->get("/applications/$w[1]?lang=en");
like($r->{content}, qr{Your place on the waiting list: 3 / 3}, 'the parent sees her place: points first, then the tie by number')
    or diag(main_text($r->{content}));
unlike($r->{content}, qr/Wait0|Wait2/, "and nobody else's data");
$r = $csw->get("/applications/waiting/$wsvc?lang=en");
is($r->{status}, 200, "the CSW's list");
my @order = $r->{content} =~ m{href="/applications/(\d+)"}g;
is("@order[0..2]", "$w[2] $w[0] $w[1]", 'in the order the criteria explain');
unlike($r->{content}, qr{/applications/\d+/offer}, 'no place to offer while every place is taken');
# A place frees: capacity grows by one.
sql("UPDATE capacity SET places = places + 1 WHERE service_id = $wsvc AND year = YEAR(UTC_DATE()) "
    . "AND organisation_id = (SELECT MIN(organisation_id) FROM application_places WHERE service_id = $wsvc)");
my ($worg) = map { $_->[0] } sql("SELECT MIN(organisation_id) FROM application_places WHERE service_id = $wsvc");
$r = $csw->get("/applications/waiting/$wsvc?lang=en");
like($r->{content}, qr{/applications/$w[2]/offer}, 'the first is offered the free place');
$r = $csw->post("/applications/$w[0]/offer", { csrf => $csw->csrf("/applications/waiting/$wsvc"), org => $worg });
is($r->{status}, 409, 'not out of order');
$r = $csw->post("/applications/$w[2]/offer", { csrf => $csw->csrf("/applications/waiting/$wsvc"), org => $worg });
is($r->{status}, 303, 'the place is offered to the first');
$r = $parent->get("/applications/$w[1]?lang=en");
like($r->{content}, qr{Your place on the waiting list: 2 / 2}, 'her place moves up when the first is offered the place');
like($r->{content}, qr{3 / 3.*?an application joined|2 / 2 — a place was offered}s, 'and she sees how it moved');
# The offer expires: the first is back before her.
sql("UPDATE application SET offer_expires_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id = $w[2]");
$r = $parent->get("/applications/$w[1]?lang=en");
$r = $csw->get("/applications/waiting/$wsvc?lang=en");
is(one("SELECT status FROM application WHERE id = $w[2]"), 'waiting', 'an expired offer goes back on the list');
$r = $parent->get("/applications/$w[1]?lang=en");
like($r->{content}, qr{Your place on the waiting list: 3 / 3}, 'and her place is as it was');
like($r->{content}, qr{an offer expired}, 'saying why');
ok(mail_to('citizen@example.org'), 'the applicant whose offer expired is told');
# --- the administrator's criteria: the order follows the data ------------------
my $admin = login('admin@example.org');
$r = $admin->get('/applications/admin?lang=en');
is($r->{status}, 200, "the administrator's services");
like($r->{content}, qr{/applications/admin/$wsvc/criteria}, 'each with its criteria');
$r = $admin->get("/applications/admin/$wsvc/criteria?lang=en");
is($r->{status}, 200, 'the criteria form');
like($r->{content}, qr/name="points\.severe" value="30"/, 'with the points');
like($r->{content}, qr/met by 1 application:/, 'a criterion in use says by how many, in the form the number takes');
like($admin->get("/applications/admin/$wsvc/criteria?lang=sr-Latn")->{content}, qr/ispunjava ga 1 prijava:/, 'in Serbian too');
$admin->get("/applications/admin/$wsvc/criteria?lang=en");
my $ct = $admin->csrf("/applications/admin/$wsvc/criteria");
my %pts = ('points.severe' => '', 'points.single-parent' => 20, 'points.low-income' => 15,
    'points.siblings' => 'many');
$r = $admin->post("/applications/admin/$wsvc/criteria", { csrf => $ct, %pts });
is($r->{status}, 422, 'a bad number and removing a criterion in use are refused');
like($r->{content}, qr/a whole number from 0 to 1000/, 'saying why');
like($r->{content}, qr/give it 0 points instead of removing it/, 'and that the criterion is in use');
like($r->{content}, qr/name="points\.siblings" value="many"/, 'what was typed is kept');
$r = $admin->post("/applications/admin/$wsvc/criteria", { csrf => $ct, %pts,
    'points.severe' => 0, 'points.siblings' => '' });
is($r->{status}, 303, 'severe counts 0 points now');
is(one("SELECT points FROM application WHERE id = $w[2]"), 0, "the waiting applications' points are counted again");
is(one("SELECT COUNT(*) FROM priority_criterion WHERE service_id = $wsvc AND code = 'siblings'"), 0,
    'an unused criterion is removed');
ok(one("SELECT COUNT(*) FROM audit WHERE action = 'service.criteria' AND object_id = $wsvc") > 0, 'audited');
$r = $parent->get("/applications/$w[1]?lang=en");
like($r->{content}, qr{Your place on the waiting list: 2 / 3}, 'her place follows the criteria: no points for anyone, then the time of joining and the number');
$r = $admin->get("/applications/admin/$svc/documents?lang=en");
is($r->{status}, 200, 'the documents a service asks for');
my %kinds = map { ("kind.$kind{$_}" => 'no') } keys %kind;
$kinds{"kind.$kind{medical}"} = 'required';
$kinds{"kind.$kind{birth}"} = 'csw';
$kinds{"kind.$kind{income}"} = 'optional';
$r = $admin->post("/applications/admin/$svc/documents", { csrf => $admin->csrf("/applications/admin/$svc/documents"), %kinds });
is($r->{status}, 303, 'saved');
is(join(',', map { "$_->[0]:$_->[1]:$_->[2]" } sql("SELECT k.code, sd.required, sd.by_csw FROM service_document sd "
    . "JOIN document_kind k ON k.id = sd.kind_id WHERE sd.service_id = $svc ORDER BY k.position")),
    'medical:1:0,birth:1:1,income:0:0', 'as chosen');
$r = $parent->get("/applications/new/$svc?lang=en");
unlike($r->{content}, qr/name="doc\.$kind{commission}"/, 'the form asks only for those');
like($r->{content}, qr/name="doc\.$kind{income}"/, 'an optional one too');
unlike($r->{content}, qr/name="doc\.$kind{birth}"/, 'never what the CSW obtains');
is($parent->get("/applications/admin")->{status}, 403, 'a parent is no administrator');

# The second in line takes the place after the first withdraws.
$r = $other->post("/applications/$w[2]/withdraw", { csrf => $other->csrf("/applications/$w[2]") });
is($r->{status}, 303, 'the first withdraws');
$r = $parent->get("/applications/$w[1]?lang=en");
like($r->{content}, qr{Your place on the waiting list: 2 / 2}, 'one fewer waits');

# --- staff file for a parent who takes it over ---------------------------------
$r = $csw->get("/applications/new/$svc?lang=en");
is($r->{status}, 200, 'the CSW files an application on a parent\'s behalf');
($tok) = $r->{content} =~ /name="csrf" value="([0-9a-f]{64})"/;
my $claimer = 'claimer' . $run . '@example.net';
$r = upload($csw, "/applications/new/$svc", [['csrf', $tok], ['relation', 'parent'], ['given', 'Ana'],
    ['family', "Filed$run"], ['born', '2020-02-02'], ['email', $claimer], ['action', 'save']]);
is($r->{status}, 422, 'only with the consent recorded');
$r = upload($csw, "/applications/new/$svc", [['csrf', $tok], ['relation', 'parent'], ['given', 'Ana'],
    ['family', "Filed$run"], ['born', '2020-02-02'], ['email', $claimer], ['consent', '1'], ['action', 'save']]);
is($r->{status}, 303, 'filed with consent');
my ($filed) = ($r->{headers}{location} // '') =~ m{/applications/(\d+)(?:\?|$)};
$m = mail_to($claimer);
my ($code) = ($m->{body} // '') =~ /code=([0-9a-f]{64})/;
ok($code, 'the parent gets the code');
is($parent->get("/applications/$filed")->{status}, 404, 'nobody else sees it before');
$r = $parent->get("/applications/claim?code=$code");
is($r->{status}, 200, 'the claim page');
$r = $parent->post('/applications/claim', { csrf => $parent->csrf("/applications/claim?code=$code"), code => $code });
is($r->{status}, 303, 'the parent takes it over');
is($parent->get("/applications/$filed")->{status}, 200, 'it is hers now');
is($csw->get("/applications/$filed")->{status}, 404, 'a draft is no longer the filer\'s');
$r = $other->post('/applications/claim', { csrf => $other->csrf('/applications/claim'), code => $code });
is($r->{status}, 422, 'a code works once');

# --- the demo's submitted application comes with its documents ---------------------
my ($demo) = map { $_->[0] } sql("SELECT a.id FROM application a JOIN account u ON u.id = a.applicant_account_id "
    . "WHERE u.email = 'citizen\@example.org' AND a.family_key = 'dordevic' ORDER BY a.id LIMIT 1");
SKIP: {
	skip 'no demo application', 4 unless $demo;
	$r = $csw->get("/applications/$demo?lang=en");
	my @links = $r->{content} =~ m{href="(/applications/$demo/documents/\d+)"}g;
	is(scalar @links, 3, 'the demo application lists its three documents');
	my $d = $csw->get($links[0]);
	is($d->{status}, 200, 'the CSW opens one');
	like($d->{headers}{'content-type'} // '', qr{^application/pdf}, 'a PDF');
	like($d->{content} // '', qr/^%PDF-1\.4\n.*%%EOF\n$/s, 'whole');
}

# --- no orphan: every document file is some row's, no temporary file --------------
# (of any table naming files in documents.dir: 0023's document_users)
my %rows = map { $_->[0] => 1 } sql("SELECT LOWER(HEX(sha256)) FROM application_document "
    . "UNION SELECT LOWER(HEX(sha256)) FROM course_material");
my @orphans = grep { !$rows{$_} } doc_files();
is("@orphans", '', 'no file without its row');
is(scalar(tmp_files()), 0, 'no temporary file');

done_testing();
