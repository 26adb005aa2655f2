# SPDX-License-Identifier: ISC
# The register's courses and tests as the review of issue 16 walked them:
# a test's options (and a matching question's items) are in an order of
# each attempt's own, never the bank's, where a matching question's item
# n goes with option n, and a reload keeps that order; a course's number
# of questions per attempt is at most its bank's, and the course page
# says how many are really drawn; the months of a certificate's validity
# in the right plural form; a lapsed certificate said to have lapsed; a
# verification code in capitals in the path; a test whose time ran out,
# sent again, only says the time was up.
use strict;
use warnings;
use utf8;
use Test::More;
use Karika::Test;
use Encode qw(decode);

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

sub one { my ($q) = @_; return (sql($q))[0][0] }

my ($m) = one("SELECT id FROM municipality WHERE code = 'novi-pazar'");
my ($csr) = one("SELECT MIN(id) FROM organisation WHERE municipality_id = $m AND category = 'csw'");
my ($pos) = one("SELECT id FROM staff_position WHERE municipality_id = $m AND code = 'case-manager'");
my %course = map { $_ => one("SELECT id FROM course WHERE municipality_id = $m AND code = '$_'") }
    qw(assessment marginalised);

# A CSW case manager of the town with the demo password.
my $tag = time() % 100000;
my $email = "trn-rev-$tag\@example.net";
sql("INSERT INTO account (email, name, password_hash, locale, status) SELECT '$email', 'Mila Ristić', "
    . "password_hash, 'en', 'active' FROM account WHERE email = 'csw\@example.org'");
my ($aid) = one("SELECT id FROM account WHERE email = '$email'");
sql("INSERT INTO account_role (account_id, role, municipality_id) VALUES ($aid, 'csw', $m)");
sql("INSERT INTO professional (municipality_id, account_id, given_name, family_name, name_key, "
    . "organisation_id, position_id, profession, licence_number, licence_from, licence_to, started_on) "
    . "VALUES ($m, $aid, 'Mila', 'Ristić', 'ristic mila', $csr, $pos, 'Socijalni radnik', 'TRN-R$tag', "
    . "UTC_DATE() - INTERVAL 1 YEAR, UTC_DATE() + INTERVAL 5 YEAR, UTC_DATE() - INTERVAL 3 YEAR)");
my ($pid) = one("SELECT id FROM professional WHERE account_id = $aid");
my $w = login($email);
$w->get('/?lang=en');

# --- the order of options ------------------------------------------------
# A question's options as the page shows them: for a matching question
# the items (field names) in order and the options (values) of the first;
# else the options' values.
sub shown {
	my ($html, $code) = @_;
	my (@items, @opts, %seen);
	while ($html =~ /<input type="(?:radio|checkbox)" id="[^"]*" name="q\.\Q$code\E(?:\.([a-z0-9_-]+))?" value="([^"]+)"/g) {
		my ($item, $opt) = ($1, $2);
		if (defined $item) {
			push @items, $item unless $seen{$item}++;
			push @opts, $opt if @items == 1;
		} else {
			push @opts, $opt;
		}
	}
	return (\@items, \@opts);
}

# The bank's order of a question's options (and items with their match).
my (%bank_opts, %bank_items, %match, %type);
for my $row (sql("SELECT q.code, q.type, o.item, o.code, COALESCE(o.match_code, '') FROM test_option o "
    . "JOIN test_question q ON q.id = o.question_id WHERE q.course_id IN ($course{assessment}, "
    . "$course{marginalised}) AND q.active ORDER BY q.id, o.item DESC, o.position")) {
	my ($q, $t, $item, $code, $mc) = @$row;
	$type{$q} = $t;
	if ($item) {
		push @{ $bank_items{$q} }, $code;
		$match{$q}{$code} = $mc;
	} else {
		push @{ $bank_opts{$q} }, $code;
	}
}
my @matching = sort grep { $type{$_} eq 'matching' } keys %type;
is_deeply(\@matching, [qw(a06 a13 m05 m12)], 'the demo has its four matching questions');

my (%asked, %hidden, %moved, $reloads, $ids);
for my $round (1 .. 12) {
	for my $c (sort keys %course) {
		my $r = $w->submit("/registry/training/courses/$course{$c}", {},
		    "/registry/training/courses/$course{$c}/attempts");
		my ($id) = ($r->{headers}{location} // '') =~ m{/attempts/(\d+)$};
		next unless $id;
		$ids++;
		my $first = $w->get("/registry/training/attempts/$id")->{content};
		my $again = $w->get("/registry/training/attempts/$id")->{content};
		for my $q (map { $_->[0] } sql("SELECT q.code FROM test_attempt_question aq JOIN test_question q "
		    . "ON q.id = aq.question_id WHERE aq.attempt_id = $id")) {
			my ($items, $opts) = shown($first, $q);
			my ($items2, $opts2) = shown($again, $q);
			$reloads += "@$items|@$opts" eq "@$items2|@$opts2" ? 0 : 1;
			$asked{$q}++;
			if ($type{$q} eq 'matching') {
				is_deeply([sort @$items], [sort @{ $bank_items{$q} }], "$q shows every item")
				    if $asked{$q} == 1;
				# The key in the page's order: item j goes with
				# option j; somewhere it must not.
				$hidden{$q}++ if grep { $match{$q}{ $items->[$_] } ne ($opts->[$_] // '') } 0 .. $#$items;
			} elsif ($type{$q} ne 'truefalse') {
				$moved{$q}++ if "@$opts" ne "@{ $bank_opts{$q} }";
			}
		}
		# Free the period's attempts for the next round.
		sql("UPDATE test_attempt SET status = 'failed', score = 0, submitted_at = UTC_TIMESTAMP(), "
		    . "started_at = UTC_TIMESTAMP() - INTERVAL 400 DAY, deadline_at = UTC_TIMESTAMP() - INTERVAL 400 DAY "
		    . "WHERE id = $id");
	}
}
is($ids, 24, 'twenty-four attempts are started');
is($reloads // 0, 0, 'a reload shows every question\'s options in the same order');
# Each shown order is random, so a question of two items lines up with
# its key half the time by chance (which tells the taker nothing); the
# bank's order lined it up every time.  Over all the matching questions
# shown, a chance line-up every time is about one in a million.
my ($shown_m, $hidden_m) = (0, 0);
for my $q (@matching) {
	ok($asked{$q}, "$q is drawn in some attempt");
	$shown_m += $asked{$q} // 0;
	$hidden_m += $hidden{$q} // 0;
}
cmp_ok($hidden_m, '>', 0, "matching questions' page order does not give their key away ($hidden_m of $shown_m shown)");
my @choice = grep { $asked{$_} && $type{$_} =~ /^(single|multiple)$/ && @{ $bank_opts{$_} } > 2 } keys %type;
my $moved = grep { $moved{$_} } @choice;
cmp_ok($moved, '>=', @choice * 0.8, "choice questions' options leave the bank's order ($moved of " . @choice . ")");
is(one("SELECT COUNT(*) FROM test_attempt WHERE professional_id = $pid AND shuffle = 0"), 0,
    'every attempt has its secret order');
my $page = $w->get("/registry/training/attempts/" . one("SELECT MAX(id) FROM test_attempt WHERE professional_id = $pid"));
my $secret = one("SELECT shuffle FROM test_attempt WHERE professional_id = $pid ORDER BY id DESC LIMIT 1");
unlike($page->{content}, qr/\Q$secret\E/, 'which never reaches the page');

# --- questions per attempt: at most the bank's -----------------------------
my $cm = $course{marginalised};
my $bank = one("SELECT COUNT(*) FROM test_question WHERE course_id = $cm AND active");
my @cols = qw(code title_sr_latn title_bs title_en summary_sr_latn summary_bs summary_en months first_days draw
    minutes pass attempts attempts_days status);
my @vals = @{ (sql("SELECT code, title_sr_latn, title_bs, title_en, summary_sr_latn, summary_bs, summary_en, "
    . "validity_months, first_due_days, draw, minutes, pass_percent, attempts_max, attempts_days, status "
    . "FROM course WHERE id = $cm"))[0] };
my %cf;
@cf{@cols} = map { decode('UTF-8', $_) } @vals;
my $draw = $cf{draw};
my $ed = login('editor@example.org');
$ed->get('/?lang=en');
my $r = $ed->submit("/registry/training/courses/$cm/edit", { %cf, draw => $bank + 24 });
is($r->{status}, 422, 'more questions per attempt than the bank holds is refused');
like(main_text($r->{content}), qr/Enter at most $bank: that is how many questions the course’s bank has/,
    'beside the field, naming the bank\'s size');
like($r->{content}, qr/id="e-draw"/, 'the error is the field\'s');
like($r->{content}, qr/name="draw"[^>]* value="@{[ $bank + 24 ]}"/, 'keeping what was typed');
is(one("SELECT draw FROM course WHERE id = $cm"), $draw, 'nothing is saved');
my $summary = one("SELECT summary_sr_latn FROM course WHERE id = $cm");
$r = $ed->submit("/registry/training/courses/$cm/edit", { %cf, draw => $bank });
is($r->{status}, 303, 'as many as the bank holds is saved');
like(main_text($w->get("/registry/training/courses/$cm")->{content}), qr/The test has all $bank questions of its bank/,
    'and the course page says every question is asked, not a draw');
$r = $ed->submit("/registry/training/courses/$cm/edit", { %cf, draw => $draw });
is($r->{status}, 303, 'fewer is saved');
like(main_text($w->get("/registry/training/courses/$cm")->{content}), qr/The test has $draw questions drawn at random/,
    'and the page says how many are drawn');
# Questions taken out of the bank later: the page says what is drawn.
my @out = map { $_->[0] } sql("SELECT id FROM test_question WHERE course_id = $cm AND active ORDER BY id DESC LIMIT "
    . ($bank - $draw + 3));
sql("UPDATE test_question SET active = 0 WHERE id IN (" . join(',', @out) . ")");
my $left = $draw - 3;
my $text = main_text($w->get("/registry/training/courses/$cm")->{content});
like($text, qr/The test has all $left questions of its bank/, 'a bank below the setting: the page says how many');
unlike($text, qr/$draw questions drawn at random/, 'not the setting');
$r = $ed->submit("/registry/training/courses/$cm/edit", { %cf, draw => $draw });
is($r->{status}, 422, 'and the form asks for at most what is left');
sql("UPDATE test_question SET active = 1 WHERE id IN (" . join(',', @out) . ")");
is(one("SELECT summary_sr_latn FROM course WHERE id = $cm"), $summary, 'the course\'s texts saved as they were');

# --- the months of validity, in their plural form -------------------------
my $ca = $course{assessment};
my $months = one("SELECT validity_months FROM course WHERE id = $ca");
$w->get('/?lang=sr-Cyrl');
sql("UPDATE course SET validity_months = 24 WHERE id = $ca");
$text = main_text($w->get("/registry/training/courses/$ca")->{content});
like($text, qr/сертификат који важи 24 месеца\./, '24 месеца (sr-Cyrl)');
unlike($text, qr/24 месеци/, 'not 24 месеци');
like(main_text($w->get('/registry/training')->{content}), qr/сертификат важи 24 месеца/, 'in the list of courses too');
$w->get('/?lang=sr-Latn');
my %sr = (1 => 'mesec', 2 => 'meseca', 4 => 'meseca', 5 => 'meseci', 11 => 'meseci', 12 => 'meseci',
    14 => 'meseci', 21 => 'mesec', 22 => 'meseca', 25 => 'meseci', 111 => 'meseci', 112 => 'meseci');
for my $n (sort { $a <=> $b } keys %sr) {
	sql("UPDATE course SET validity_months = $n WHERE id = $ca");
	like(main_text($w->get("/registry/training/courses/$ca")->{content}), qr/sertifikat koji važi $n $sr{$n}\./,
	    "$n $sr{$n}");
}
$w->get('/?lang=bs');
sql("UPDATE course SET validity_months = 3 WHERE id = $ca");
like(main_text($w->get("/registry/training/courses/$ca")->{content}), qr/certifikat koji važi 3 mjeseca\./, '3 mjeseca (bs)');
$w->get('/?lang=en');
for my $n (1, 21) {
	sql("UPDATE course SET validity_months = $n WHERE id = $ca");
	like(main_text($w->get("/registry/training/courses/$ca")->{content}),
	    qr/valid for $n month@{[ $n == 1 ? '' : 's' ]}\./, "$n month(s) (en)");
}
sql("UPDATE course SET validity_months = $months WHERE id = $ca");

# --- a lapsed certificate, and its code in capitals ------------------------
my $code = join('-', unpack('(A4)*', 'rv' . sprintf('%05d', $tag) . 'kmnpqrstv'));
sql("INSERT INTO certificate (code, professional_id, course_id, issued_on, valid_to) VALUES "
    . "('$code', $pid, $ca, UTC_DATE() - INTERVAL 2 YEAR, UTC_DATE() - INTERVAL 12 DAY)");
my $last = one("SELECT DATE_FORMAT(UTC_DATE() - INTERVAL 12 DAY, '%e %b %Y')");
$text = main_text($w->get("/registry/training/courses/$ca")->{content});
like($text, qr/Your certificate lapsed on \Q$last\E/, 'a lapsed certificate is said to have lapsed on its day');
unlike($text, qr/valid until/, 'not to be valid');
sql("UPDATE certificate SET valid_to = UTC_DATE() WHERE code = '$code'");
like(main_text($w->get("/registry/training/courses/$ca")->{content}), qr/Your certificate is valid until/,
    'one valid through today is valid');
my $anon = agent();
$r = $anon->get('/registry/certificates/' . uc($code));
is($r->{status}, 303, 'a code in capitals in the path is taken');
is($r->{headers}{location}, "/registry/certificates/$code", 'to its one lower-case address');
$r = $anon->get("/registry/certificates/$code?lang=en");
is($r->{status}, 200, 'which verifies it');
like(main_text($r->{content}), qr/Mila Ristić/, 'naming its holder');
$r = $anon->get('/registry/certificates/' . uc($code =~ s/^rv/rw/r));
is($r->{status}, 303, 'an unknown code in capitals is sent to its address too');
is($anon->get($r->{headers}{location})->{status}, 404, 'where it is not found');
is($anon->get('/registry/certificates/Nope')->{status}, 404, 'a path that is no code is 404');

# --- a test whose time ran out, reloaded and sent --------------------------
sub late_attempt {
	my $r = $w->submit("/registry/training/courses/$ca", {}, "/registry/training/courses/$ca/attempts");
	my ($id) = ($r->{headers}{location} // '') =~ m{/attempts/(\d+)$};
	sql("UPDATE test_attempt SET deadline_at = UTC_TIMESTAMP() - INTERVAL 2 MINUTE WHERE id = $id") if $id;
	return $id;
}
sub send_late {
	my ($id) = @_;
	return $w->submit("/registry/training/courses/$ca", {}, "/registry/training/attempts/$id");
}
my $id = late_attempt();
ok($id, 'a test is started and its time runs out');
$r = $w->get("/registry/training/attempts/$id");
like(main_text($r->{content}), qr/The time for this test is up/, 'a reload says the time is over');
is(one("SELECT status FROM test_attempt WHERE id = $id"), 'late', 'and ends it as late');
$r = send_late($id);
is($r->{status}, 409, 'the answers sent then are refused');
$text = main_text($r->{content});
like($text, qr/they arrived after the time was up/, 'saying the time was up');
unlike($text, qr/already finished/, 'not that the test was already finished');
$r = send_late($id);
unlike(main_text($r->{content}), qr/already finished/, 'sent once more, the same');
sql("UPDATE test_attempt SET started_at = UTC_TIMESTAMP() - INTERVAL 400 DAY WHERE id = $id");
$id = late_attempt();
$r = send_late($id);
like(main_text($r->{content}), qr/they arrived after the time was up/, 'sent after the time without a reload: the time was up');
$r = send_late($id);
$text = main_text($r->{content});
like($text, qr/they arrived after the time was up/, 'and sent again, still');
unlike($text, qr/already finished/, 'without "already finished"');
sql("UPDATE test_attempt SET started_at = UTC_TIMESTAMP() - INTERVAL 400 DAY WHERE id = $id");

done_testing();
