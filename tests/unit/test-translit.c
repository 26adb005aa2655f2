/* SPDX-License-Identifier: ISC */
/*
 * test-translit.c: unit tests for fcgi/common/translit.c, the Serbian
 * Latin <-> Cyrillic transliteration that generates the Cyrillic
 * catalogue and the search key that makes all spellings of a name meet.
 * Each test walks a table of {input, expected} rows, so that a new case
 * is one line.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "karika.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* One row of a table: what goes in and what must come out. */
struct row {
	const char *in;
	const char *out;
};

/* Every letter, both cases, Latin on the left and Cyrillic on the right. */
static const struct row letters[] = {
    {"A", "А"},
    {"a", "а"},
    {"B", "Б"},
    {"b", "б"},
    {"C", "Ц"},
    {"c", "ц"},
    {"Č", "Ч"},
    {"č", "ч"},
    {"Ć", "Ћ"},
    {"ć", "ћ"},
    {"D", "Д"},
    {"d", "д"},
    {"Dž", "Џ"},
    {"dž", "џ"},
    {"Đ", "Ђ"},
    {"đ", "ђ"},
    {"E", "Е"},
    {"e", "е"},
    {"F", "Ф"},
    {"f", "ф"},
    {"G", "Г"},
    {"g", "г"},
    {"H", "Х"},
    {"h", "х"},
    {"I", "И"},
    {"i", "и"},
    {"J", "Ј"},
    {"j", "ј"},
    {"K", "К"},
    {"k", "к"},
    {"L", "Л"},
    {"l", "л"},
    {"Lj", "Љ"},
    {"lj", "љ"},
    {"M", "М"},
    {"m", "м"},
    {"N", "Н"},
    {"n", "н"},
    {"Nj", "Њ"},
    {"nj", "њ"},
    {"O", "О"},
    {"o", "о"},
    {"P", "П"},
    {"p", "п"},
    {"R", "Р"},
    {"r", "р"},
    {"S", "С"},
    {"s", "с"},
    {"Š", "Ш"},
    {"š", "ш"},
    {"T", "Т"},
    {"t", "т"},
    {"U", "У"},
    {"u", "у"},
    {"V", "В"},
    {"v", "в"},
    {"Z", "З"},
    {"z", "з"},
    {"Ž", "Ж"},
    {"ž", "ж"},
};

/*
 * Runs fn over every row of a table and compares with the expected column
 * (or the input column when reverse is set, for tables read right to
 * left).  The row number is printed on failure so the bad row is found.
 */
static void
check_table(
    char *(*fn)(const char *), const struct row *rows, size_t n, bool reverse)
{
	const char *in, *want;
	char *got;
	size_t i;

	for (i = 0; i < n; i++) {
		in = reverse ? rows[i].out : rows[i].in;
		want = reverse ? rows[i].in : rows[i].out;
		got = fn(in);
		if (strcmp(got, want) != 0)
			print_error(
			    "row %zu: \"%s\" gave \"%s\", want \"%s\"\n", i, in,
			    got, want);
		assert_string_equal(got, want);
		free(got);
	}
}

/* Each Latin letter, upper and lower case, has its one Cyrillic letter. */
static void
latin_letters_become_cyrillic_in_both_cases(void **state)
{
	check_table(translit_to_cyrl, letters, NELEM(letters), false);
}

/* Each Cyrillic letter, upper and lower case, has its one Latin letter. */
static void
cyrillic_letters_become_latin_in_both_cases(void **state)
{
	check_table(translit_to_latn, letters, NELEM(letters), true);
}

/* lj, nj and dž are one letter whether written LJ, Lj or lj. */
static void
digraphs_are_one_letter_in_every_case(void **state)
{
	static const struct row rows[] = {
	    {"LJ", "Љ"},
	    {"Lj", "Љ"},
	    {"lj", "љ"},
	    {"NJ", "Њ"},
	    {"Nj", "Њ"},
	    {"nj", "њ"},
	    {"DŽ", "Џ"},
	    {"Dž", "Џ"},
	    {"dž", "џ"},
	    {"ljiljan", "љиљан"},
	    {"Ljubav", "Љубав"},
	    {"konj", "коњ"},
	    {"Njiva", "Њива"},
	    {"džep", "џеп"},
	    {"Džemper", "Џемпер"},
	    {"odžačar", "оџачар"},
	};

	check_table(translit_to_cyrl, rows, NELEM(rows), false);
}

/* A digraph with a lower-case first and upper-case second letter is two. */
static void
mixed_case_digraph_is_two_letters(void **state)
{
	static const struct row rows[] = {
	    {"lJ", "лЈ"},
	    {"nJ", "нЈ"},
	    {"dŽ", "дЖ"},
	};

	check_table(translit_to_cyrl, rows, NELEM(rows), false);
}

/* Љ, Њ, Џ in an ordinary word become Lj, Nj, Dž; љ, њ, џ become lj, nj, dž. */
static void
cyrillic_digraph_letters_are_title_case_in_words(void **state)
{
	static const struct row rows[] = {
	    {"Ljubica", "Љубица"},
	    {"Njegoš", "Његош"},
	    {"Džep", "Џеп"},
	    {"ljiljan", "љиљан"},
	    {"konj", "коњ"},
	    {"odžačar", "оџачар"},
	    {"Lj", "Љ"},
	    {"Nj.", "Њ."},
	    {"Dž 1", "Џ 1"},
	};

	check_table(translit_to_latn, rows, NELEM(rows), true);
}

/* In the exception words, n+j and d+ž are two letters. */
static void
exception_words_keep_two_letters(void **state)
{
	static const struct row rows[] = {
	    {"injekcija", "инјекција"},
	    {"Injekcija", "Инјекција"},
	    {"INJEKCIJA", "ИНЈЕКЦИЈА"},
	    {"injektirati", "инјектирати"},
	    {"konjunkcija", "конјункција"},
	    {"Konjunktura", "Конјунктура"},
	    {"konjugacija", "конјугација"},
	    {"nadživeti", "надживети"},
	    {"NADŽIVETI", "НАДЖИВЕТИ"},
	    {"podžupan", "поджупан"},
	    {"podžanr", "поджанр"},
	    {"predžetveni", "преджетвени"},
	    {"vanjezički", "ванјезички"},
	    {"izvanjezički", "изванјезички"},
	    {"Tanjug", "Танјуг"},
	    {"podželudačna", "поджелудачна"},
	};

	check_table(translit_to_cyrl, rows, NELEM(rows), false);
}

/*
 * An exception stem counts at the start of a word only, and only its own
 * digraph is split: the rest of the word and the next words read normally.
 */
static void
exception_stems_apply_at_word_start_only(void **state)
{
	static const struct row rows[] = {
	    {"konjunkcija i konj", "конјункција и коњ"},
	    {"nadžnjeti", "наджњети"},
	    {"nadživeti ljude", "надживети људе"},
	    {"xinjekcija", "xињекција"},
	    {"12injekcija", "12инјекција"},
	    {"(injekcija)", "(инјекција)"},
	    {"konji", "коњи"},
	    {"manjak", "мањак"},
	    {"in", "ин"},
	};

	check_table(translit_to_cyrl, rows, NELEM(rows), false);
}

/* A word in capitals keeps its digraphs in capitals both ways. */
static void
all_caps_words_round_trip(void **state)
{
	static const struct row rows[] = {
	    {"LJUBICA", "ЉУБИЦА"},
	    {"NJEGOŠ", "ЊЕГОШ"},
	    {"DŽEP", "ЏЕП"},
	    {"KONJ", "КОЊ"},
	    {"KONJ.", "КОЊ."},
	    {"LJILJANA ĐORĐEVIĆ", "ЉИЉАНА ЂОРЂЕВИЋ"},
	    {"ODŽAČAR", "ОЏАЧАР"},
	};

	check_table(translit_to_cyrl, rows, NELEM(rows), false);
	check_table(translit_to_latn, rows, NELEM(rows), true);
}

/*
 * Digits, punctuation and the letters of URL-like text that are not
 * Serbian letters pass through; Serbian letters are still transliterated
 * (callers never pass user-typed URLs or codes).
 */
static void
non_letters_pass_through(void **state)
{
	static const struct row rows[] = {
	    {"ulica 12, https://x.rs", "улица 12, хттпс://x.рс"},
	    {"23. 11. 2026.", "23. 11. 2026."},
	    {"1.234,5 RSD", "1.234,5 РСД"},
	    {"(1) / 100% <> & \" '\t\n", "(1) / 100% <> & \" '\t\n"},
	    {"a—b «c» €", "а—б «ц» €"},
	};

	check_table(translit_to_cyrl, rows, NELEM(rows), false);
	check_table(translit_to_latn, rows, NELEM(rows), true);
}

/* Latin text passed to translit_to_latn, and Cyrillic to _cyrl, is kept. */
static void
text_in_target_script_is_unchanged(void **state)
{
	static const struct row latn[] = {
	    {"Đorđević Ljubica, ulica 12", "Đorđević Ljubica, ulica 12"},
	};
	static const struct row cyrl[] = {
	    {"Ђорђевић Љубица, улица 12", "Ђорђевић Љубица, улица 12"},
	};

	check_table(translit_to_latn, latn, NELEM(latn), false);
	check_table(translit_to_cyrl, cyrl, NELEM(cyrl), false);
}

/* The empty string gives the empty string from every function. */
static void
empty_string_gives_empty_string(void **state)
{
	static const struct row rows[] = {
	    {"", ""},
	};

	check_table(translit_to_cyrl, rows, NELEM(rows), false);
	check_table(translit_to_latn, rows, NELEM(rows), false);
	check_table(translit_search_key, rows, NELEM(rows), false);
}

/* Letters that are not Serbian (q w x y, ü, é, Greek, Russian) are kept. */
static void
non_serbian_letters_are_unchanged(void **state)
{
	static const struct row latn[] = {
	    {"qwxy", "qwxy"},
	    {"QWXY", "QWXY"},
	    {"ü", "ü"},
	    {"Ü", "Ü"},
	    {"Müller", "Мüллер"},
	    {"café", "цафé"}, /* f is Serbian, é is not */
	    {"ΑΒΓ", "ΑΒΓ"},
	};
	static const struct row cyrl[] = {
	    {"ыэъ", "ыэъ"},
	    {"Ыё", "Ыё"},
	    {"ΑΒΓ", "ΑΒΓ"},
	};

	check_table(translit_to_cyrl, latn, NELEM(latn), false);
	check_table(translit_to_latn, cyrl, NELEM(cyrl), false);
}

/* Latin -> Cyrillic -> Latin gives the sentence back, and the other way. */
static void
sentence_survives_round_trip(void **state)
{
	static const char *const sentences[] = {
	    "Ljubica Đorđević živi u Čačku; njena ćerka nosi džemper.",
	    "Zahtev za jednokratnu pomoć broj 12/2026 je odobren.",
	    "LJUBICA i NJEGOŠ, DŽEP: šećer, čaj, žuta đurđevka!",
	    "Šta je injekcija, a šta konjunkcija? Ne znam.",
	};
	char *cyrl, *latn, *back;
	size_t i;

	for (i = 0; i < NELEM(sentences); i++) {
		cyrl = translit_to_cyrl(sentences[i]);
		latn = translit_to_latn(cyrl);
		assert_string_equal(latn, sentences[i]);
		back = translit_to_cyrl(latn);
		assert_string_equal(back, cyrl);
		free(back);
		free(latn);
		free(cyrl);
	}
}

/* Every spelling of Đorđević meets at "dordevic". */
static void
search_key_meets_all_spellings_of_dordevic(void **state)
{
	static const struct row rows[] = {
	    {"Ђорђевић", "dordevic"},
	    {"Đorđević", "dordevic"},
	    {"Djordjevic", "dordevic"},
	    {"Dordevic", "dordevic"},
	    {"ĐORĐEVIĆ", "dordevic"},
	    {"DJORDJEVIC", "dordevic"},
	    {"ЂОРЂЕВИЋ", "dordevic"},
	};

	check_table(translit_search_key, rows, NELEM(rows), false);
}

/* Names with Љ, Њ, Џ give keys with lj, nj and dz. */
static void
search_key_keeps_digraphs_as_two_ascii_letters(void **state)
{
	static const struct row rows[] = {
	    {"Љубица", "ljubica"},
	    {"Ljubica", "ljubica"},
	    {"ljubica", "ljubica"},
	    {"LJUBICA", "ljubica"},
	    {"ЉУБИЦА", "ljubica"},
	    {"Његош", "njegos"},
	    {"Џаковић", "dzakovic"},
	    {"Džaković", "dzakovic"},
	    {"DŽAKOVIĆ", "dzakovic"},
	};

	check_table(translit_search_key, rows, NELEM(rows), false);
}

/* The key folds case and diacritics and drops nothing else. */
static void
search_key_folds_case_and_diacritics_only(void **state)
{
	static const struct row rows[] = {
	    {"Šćepanović", "scepanovic"},
	    {"ŠĆEPANOVIĆ", "scepanovic"},
	    {"Žarko Čolić", "zarko colic"},
	    {"Марко Марковић-Петровић", "marko markovic-petrovic"},
	    {"O'Brien 2", "o'brien 2"},
	    {"MÜLLER Ærø", "müller ærø"},
	    {"Łukasz Świątek", "łukasz świątek"},
	    {"  ", "  "},
	};

	check_table(translit_search_key, rows, NELEM(rows), false);
}

/*
 * Malformed UTF-8 is copied byte for byte and never read past its NUL:
 * the inputs are copied to the heap so that AddressSanitizer sees the end.
 */
static void
malformed_utf8_is_copied_and_never_overread(void **state)
{
	static const struct row rows[] = {
	    {"\xc4", "\xc4"},
	    {"a\xc4", "а\xc4"},
	    {"\xe2\x82", "\xe2\x82"},
	    {"\xf0\x9f\x98", "\xf0\x9f\x98"},
	    {"\x80lj\xff", "\x80љ\xff"},
	    {"\xc0\x81", "\xc0\x81"},
	    {"\xed\xa0\x80", "\xed\xa0\x80"},
	    {"in\xc5", "ин\xc5"},
	};
	char *(*fns[])(const char *) = {
	    translit_to_cyrl, translit_to_latn, translit_search_key};
	char *in, *got;
	size_t i, j;

	for (i = 0; i < NELEM(rows); i++) {
		in = xstrdup(rows[i].in);
		got = translit_to_cyrl(in);
		assert_string_equal(got, rows[i].out);
		free(got);
		for (j = 1; j < NELEM(fns); j++) {
			got = fns[j](in);
			assert_non_null(got);
			free(got);
		}
		free(in);
	}
}

/* Runs the tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(latin_letters_become_cyrillic_in_both_cases),
	    cmocka_unit_test(cyrillic_letters_become_latin_in_both_cases),
	    cmocka_unit_test(digraphs_are_one_letter_in_every_case),
	    cmocka_unit_test(mixed_case_digraph_is_two_letters),
	    cmocka_unit_test(cyrillic_digraph_letters_are_title_case_in_words),
	    cmocka_unit_test(exception_words_keep_two_letters),
	    cmocka_unit_test(exception_stems_apply_at_word_start_only),
	    cmocka_unit_test(all_caps_words_round_trip),
	    cmocka_unit_test(non_letters_pass_through),
	    cmocka_unit_test(text_in_target_script_is_unchanged),
	    cmocka_unit_test(empty_string_gives_empty_string),
	    cmocka_unit_test(non_serbian_letters_are_unchanged),
	    cmocka_unit_test(sentence_survives_round_trip),
	    cmocka_unit_test(search_key_meets_all_spellings_of_dordevic),
	    cmocka_unit_test(search_key_keeps_digraphs_as_two_ascii_letters),
	    cmocka_unit_test(search_key_folds_case_and_diacritics_only),
	    cmocka_unit_test(malformed_utf8_is_copied_and_never_overread),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
