# SPDX-License-Identifier: ISC
# Every page answers 200 in every locale, through nginx's XSLT filter, with
# the municipality's data from MariaDB, <html lang> right and language
# links; and a change in the database shows on the next request.
use strict;
use warnings;
use Test::More;
use Karika::Test;

my %cyr = ('sr-Cyrl' => 1);
for my $page (PAGES) {
	for my $lang (LOCALES) {
		my $r = get("$page?lang=$lang");
		is($r->{status}, 200, "$page in $lang answers 200");
		like($r->{headers}{'content-type'}, qr{^text/html}, "$page in $lang is HTML after XSLT");
		like($r->{content}, qr{<html lang="\Q$lang\E"}, "$page in $lang has <html lang=\"$lang\">");
		my $text = main_text($r->{content});
		my $words = main_text($r->{content} =~ s{<span class="org">.*?</span>}{}gr
		    =~ s{<code>.*?</code>}{}gr);
		# The town's name comes from the municipality row, in the locale's script.
		like($text, $cyr{$lang} ? qr/Нови Пазар/ : qr/Novi Pazar/,
		    "$page in $lang shows the municipality from the database");
		unlike($text, qr/\b(?:svcgroup|error|unit|report|services|home)\.[a-z]/,
		    "$page in $lang has no untranslated catalogue key");
		if ($cyr{$lang}) {
			# Names of organisations are shown as typed, in any script.
			unlike($words, qr/[A-Za-z]{4,}/, "$page in sr-Cyrl main text has no Latin words");
		} else {
			unlike($text, qr/\p{Cyrillic}/, "$page in $lang main text has no Cyrillic");
		}
		for my $l (LOCALES) {
			like($r->{content}, qr{href="\Q$page\E\?lang=\Q$l\E"}, "$page in $lang links to $l");
		}
	}
}

# Data, not a static page: the catalogue shows all seven services with
# their providers, and the survey list today's open survey.
my $svc = get('/registry/services?lang=en');
is(() = $svc->{content} =~ /<article class="service"/g, 7, 'the catalogue lists the seven demo services');
like($svc->{content}, qr/Gerontološki centar Novi Pazar/, 'providers are listed with their services');
like($svc->{content}, qr/1,800\.00 RSD/, 'prices are money in the local currency (en)');
like(get('/registry/services?lang=sr-Latn')->{content}, qr/1\.800,00 din\./, 'prices use a decimal comma in Serbian');
for my $code (qw(assessment community independent counselling accommodation)) {
	like($svc->{content}, qr/id="g-$code"/, "the catalogue has the group $code");
}
like(get('/surveys/?lang=en')->{content}, qr/Mapping the need for social protection services/,
    'the open needs survey is listed');

my ($id) = map { $_->[0] } sql("SELECT id FROM service WHERE code = 'home-help'");
sql("UPDATE service SET name_en = 'Home help (changed)' WHERE id = $id");
like(get('/registry/services?lang=en')->{content}, qr/Home help \(changed\)/, 'a changed row shows on the catalogue');
like(get('/reports/?lang=en')->{content}, qr/Home help \(changed\)/, 'a changed row shows on the report');
sql("UPDATE service SET name_en = 'Home help' WHERE id = $id");

sql("UPDATE survey SET closes_on = UTC_DATE() - INTERVAL 1 DAY WHERE code LIKE 'needs-%'");
my $s = get('/surveys/?lang=en')->{content};
like($s, qr/No survey is open at the moment/, 'a survey closed yesterday is no longer open');
like($s, qr/Recently closed surveys.*Mapping the need/s, 'and is listed among the recently closed');
sql("UPDATE survey SET closes_on = UTC_DATE() + INTERVAL 14 DAY WHERE code LIKE 'needs-%'");

done_testing();
