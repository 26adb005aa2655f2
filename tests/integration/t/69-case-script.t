# SPDX-License-Identifier: ISC
# The case pages in Cyrillic (issue 15, the reviewer's walk): an
# organisation or a settlement is named in the page's script, from its
# name_cyrl, as on the other pages: the outcome's partner on a case, the
# settlements of the people a case search finds, the settlement in a
# partner's referral packet.
use strict;
use warnings;
use utf8;
use Test::More;
use Karika::Test;
use Encode ();

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

sub one { my ($q) = @_; return (sql($q))[0][0] }
sub html { my $c = $_[0]{content} // ''; return utf8::is_utf8($c) ? $c : Encode::decode('UTF-8', $c) }
sub main_of { my ($h) = html($_[0]) =~ m{(<main\b.*?</main>)}s; return $h // '' }

my $csw = login('csw@example.org');
$csw->get('/?lang=sr-Cyrl');

my $cid = one("SELECT c.id FROM case_file c JOIN organisation o ON o.id = c.outcome_organisation_id "
    . "WHERE o.name = 'Tekstil NP d.o.o.' ORDER BY c.id LIMIT 1");
my $r = $csw->get("/registry/cases/$cid");
is($r->{status}, 200, 'the worker opens a closed case in Cyrillic');
like(main_of($r), qr/Текстил НП д\.о\.о\./, 'the outcome\'s partner is named in Cyrillic');
unlike(main_of($r), qr/Tekstil NP/, 'not in Latin');

# A search finds people with their settlement, in the page's script.
my ($family, $lat, $cyr) = @{(sql("SELECT p.family_name, st.name, st.name_cyrl FROM person p "
    . "JOIN settlement st ON st.id = p.settlement_id WHERE st.name_cyrl IS NOT NULL AND st.name <> 'Novi Pazar' "
    . "AND p.municipality_id = st.municipality_id ORDER BY p.id LIMIT 1"))[0]};
utf8::decode($_) for ($family, $lat, $cyr);
my $q = Encode::encode('UTF-8', $family);
$q =~ s/([^A-Za-z0-9])/sprintf('%%%02X', ord($1))/ge;
$r = $csw->get("/registry/cases?q=$q");
is($r->{status}, 200, "the worker searches for $family");
like(main_of($r), qr/\Q$cyr\E/, "the settlement $cyr in Cyrillic");
unlike(main_of($r), qr/, \Q$lat\E\b/, "not $lat");

$csw->get('/?lang=sr-Latn');
like(main_of($csw->get("/registry/cases/$cid")), qr/Tekstil NP d\.o\.o\./, 'and in Latin on a Latin page');

done_testing();
