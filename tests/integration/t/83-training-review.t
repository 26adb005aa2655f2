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
for my $q (@matching) {
	ok($asked{$q}, "$q is drawn in some attempt") or next;
	ok($hidden{$q}, "$q: its page order does not give its key away in some attempt ($hidden{$q} of $asked{$q})");
}
my @choice = grep { $asked{$_} && $type{$_} =~ /^(single|multiple)$/ && @{ $bank_opts{$_} } > 2 } keys %type;
my $moved = grep { $moved{$_} } @choice;
cmp_ok($moved, '>=', @choice * 0.8, "choice questions' options leave the bank's order ($moved of " . @choice . ")");
is(one("SELECT COUNT(*) FROM test_attempt WHERE professional_id = $pid AND shuffle = 0"), 0,
    'every attempt has its secret order');
my $page = $w->get("/registry/training/attempts/" . one("SELECT MAX(id) FROM test_attempt WHERE professional_id = $pid"));
my $secret = one("SELECT shuffle FROM test_attempt WHERE professional_id = $pid ORDER BY id DESC LIMIT 1");
unlike($page->{content}, qr/\Q$secret\E/, 'which never reaches the page');

done_testing();
