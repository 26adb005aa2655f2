/* SPDX-License-Identifier: ISC */
/*
 * translit.c: Serbian Latin <-> Cyrillic transliteration and the name
 * search key (DOMAIN.md, "Scripts and languages").  The Serbian Cyrillic
 * message catalogue is generated from the Latin one with these functions
 * (fcgi/tools/translit.c, karika-translit), and the registry stores, next
 * to every name as typed, the key from translit_search_key so that
 * "Ђорђевић", "Đorđević" and "Djordjevic" find each other.  Text is walked
 * as UTF-8; anything that is not a Serbian letter is copied byte for byte,
 * and malformed input is copied too, never read past its NUL.  Results are
 * malloc'd (xmalloc: out of memory aborts) and freed by the caller.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "karika.h"

/* Code point given to a malformed byte: no table or case rule matches it. */
#define U8_BAD 0xfffffffful

/*
 * One letter in both scripts, as UTF-8.  Digraphs come first so that the
 * longest match wins when reading Latin.  Within a digraph the title-case
 * form ("Lj") comes before the all-caps one ("LJ"): translit_to_latn takes
 * the first pair with a given Cyrillic letter and upper-cases the digraph
 * itself inside an all-caps word.  Adding a letter: add its upper- and
 * lower-case pairs, its diacritic (if any) to latn_marked below, and rows
 * to the letter tables in tests/unit/test-translit.c.
 */
struct translit_pair {
	const char *latn;
	const char *cyrl;
};

static const struct translit_pair pairs[] = {
    {"Dž", "Џ"},
    {"DŽ", "Џ"},
    {"dž", "џ"},
    {"Lj", "Љ"},
    {"LJ", "Љ"},
    {"lj", "љ"},
    {"Nj", "Њ"},
    {"NJ", "Њ"},
    {"nj", "њ"},
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
    {"M", "М"},
    {"m", "м"},
    {"N", "Н"},
    {"n", "н"},
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
 * The Latin letters with diacritics that make up Serbian words, upper and
 * lower case: Č č Ć ć Đ đ Š š Ž ž.  With the ASCII letters they decide
 * where a word starts, which is where the exception stems are looked for.
 */
static const uint32_t latn_marked[] = {0x010c, 0x010d, 0x0106, 0x0107, 0x0110,
    0x0111, 0x0160, 0x0161, 0x017d, 0x017e};

/*
 * Word stems in which n+j or d+ž are two letters, not the digraph: a
 * prefix ending in n or d meets a root starting with j or ž ("in-jekcija",
 * "nad-živeti").  Written in lower case, with '|' where the digraph is
 * split; matched case-insensitively at the start of a word only, so "konj"
 * and "konji" keep their њ.  The rest of the word is read normally, which
 * is why "nad|žnj" still gives њ for its nj.  Prefer a stem to a whole
 * word, and keep it long enough not to catch ordinary words.  Adding a
 * stem: add the word that needed it to the exception test.
 */
static const char *const stems[] = {
    "in|jekc",	   /* injekcija */
    "in|jekt",	   /* injektirati, injektor */
    "in|junk",	   /* injunkcija */
    "kon|junk",	   /* konjunkcija, konjunktura, konjunktiv */
    "kon|jug",	   /* konjugacija, konjugovati */
    "tan|jug",	   /* Tanjug */
    "van|jezič",   /* vanjezički */
    "izvan|jezič", /* izvanjezički */
    "nad|živ",	   /* nadživeti */
    "nad|žnj",	   /* nadžnjeti */
    "nad|žir",	   /* nad- + žir- */
    "pod|žup",	   /* podžupan */
    "pod|žanr",	   /* podžanr */
    "pod|želud",   /* podželudačna žlezda */
    "pred|žet",	   /* predžetveni */
    "pred|želud",  /* predželudac */
};

/*
 * Ranges of upper-case letters and the distance to their lower case (added
 * modulo 2^32, so a negative delta works in unsigned arithmetic).  With
 * step 1 every code point in the range is upper case; with step 2 they
 * alternate, upper case first (Latin Extended-A).  Covers ASCII, Latin-1,
 * Latin Extended-A and the Cyrillic block's first 96 letters.
 */
struct case_range {
	uint32_t first;
	uint32_t last;
	int32_t delta;
	uint32_t step;
};

static const struct case_range case_ranges[] = {
    {0x0041, 0x005a, 0x20, 1},	/* A-Z */
    {0x00c0, 0x00d6, 0x20, 1},	/* À-Ö */
    {0x00d8, 0x00de, 0x20, 1},	/* Ø-Þ */
    {0x0100, 0x012f, 1, 2},	/* Ā-į */
    {0x0132, 0x0137, 1, 2},	/* Ĳ-ķ */
    {0x0139, 0x0148, 1, 2},	/* Ĺ-ň */
    {0x014a, 0x0177, 1, 2},	/* Ŋ-ŷ */
    {0x0178, 0x0178, -0x79, 1}, /* Ÿ -> ÿ */
    {0x0179, 0x017e, 1, 2},	/* Ź-ž */
    {0x0400, 0x040f, 0x50, 1},	/* Ѐ-Џ */
    {0x0410, 0x042f, 0x20, 1},	/* А-Я */
};

/*
 * What the search key folds a lower-case letter to, after transliteration
 * to Latin: č ć -> c, š -> s, ž -> z (so dž -> dz), đ -> d.
 */
struct key_fold {
	uint32_t from;
	uint32_t to;
};

static const struct key_fold key_folds[] = {
    {0x010d, 'c'}, /* č */
    {0x0107, 'c'}, /* ć */
    {0x0161, 's'}, /* š */
    {0x017e, 'z'}, /* ž */
    {0x0111, 'd'}, /* đ */
};

/*
 * Starts an empty result for an input of inlen bytes, with room for twice
 * that: the worst growth of a conversion (an ASCII letter becomes a
 * two-byte Cyrillic one), so that a call allocates once.  The input is
 * the caller's string, already bounded: no ceiling (BUF_NO_MAX).
 */
static void
out_init(struct buf *b, size_t inlen)
{
	buf_init(b, BUF_NO_MAX);
	buf_grow(b, inlen < SIZE_MAX / 2 ? inlen * 2 : inlen);
}

/* Appends the code point cp, encoded as UTF-8. */
static void
out_add_cp(struct buf *b, uint32_t cp)
{
	char u[4];

	buf_add(b, u, utf8_encode(cp, u));
}

/*
 * Decodes the UTF-8 sequence at s (utf8_decode, str.c) into *cp and
 * returns its length in bytes (at least 1; *s must not be the NUL).  A
 * malformed, overlong or truncated sequence is taken as its first byte
 * alone, with *cp set to U8_BAD so that the byte is copied and nothing
 * else happens to it.  strnlen bounds the read by the string's NUL.
 */
static size_t
u8_next(const char *s, uint32_t *cp)
{
	size_t len;

	if ((len = utf8_decode(s, strnlen(s, 4), cp)) == 0) {
		*cp = U8_BAD;
		return 1;
	}
	return len;
}

/* The lower case of cp, or cp itself when case_ranges has none. */
static uint32_t
cp_lower(uint32_t cp)
{
	const struct case_range *r;
	size_t i;

	for (i = 0; i < sizeof(case_ranges) / sizeof(case_ranges[0]); i++) {
		r = &case_ranges[i];
		if (cp >= r->first && cp <= r->last &&
		    (cp - r->first) % r->step == 0)
			return cp + (uint32_t)r->delta;
	}
	return cp;
}

/* The upper case of cp, or cp itself when case_ranges has none. */
static uint32_t
cp_upper(uint32_t cp)
{
	const struct case_range *r;
	uint32_t up;
	size_t i;

	for (i = 0; i < sizeof(case_ranges) / sizeof(case_ranges[0]); i++) {
		r = &case_ranges[i];
		up = cp - (uint32_t)r->delta;
		if (up >= r->first && up <= r->last &&
		    (up - r->first) % r->step == 0)
			return up;
	}
	return cp;
}

/* True for an upper-case letter that case_ranges knows. */
static bool
cp_is_upper(uint32_t cp)
{
	return cp_lower(cp) != cp;
}

/* True for a letter of either case that case_ranges knows (and ß). */
static bool
cp_is_letter(uint32_t cp)
{
	return cp_lower(cp) != cp || cp_upper(cp) != cp || cp == 0xdf;
}

/*
 * True for a letter of a Serbian Latin word: an ASCII letter or one of
 * latn_marked.  q, w, x and y count, so "xinjekcija" is one word.
 */
static bool
latn_is_word_letter(uint32_t cp)
{
	size_t i;

	if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'))
		return true;
	for (i = 0; i < sizeof(latn_marked) / sizeof(latn_marked[0]); i++)
		if (latn_marked[i] == cp)
			return true;
	return false;
}

/*
 * Compares the word starting at s with one stem, case-insensitively.
 * Returns the position in s of the stem's '|' (between the two letters
 * that must not form a digraph), or NULL when the word does not start
 * with the stem.
 */
static const char *
stem_match(const char *s, const char *stem)
{
	const char *split = NULL;
	uint32_t a, b;

	while (*stem != '\0') {
		if (*stem == '|') {
			split = s;
			stem++;
			continue;
		}
		if (*s == '\0')
			return NULL;
		stem += u8_next(stem, &b);
		s += u8_next(s, &a);
		if (a == U8_BAD || cp_lower(a) != b)
			return NULL;
	}
	return split;
}

/*
 * Looks the word starting at s up in stems.  Returns where its digraph is
 * split, or NULL for an ordinary word.
 */
static const char *
stem_split(const char *s)
{
	const char *split;
	size_t i;

	for (i = 0; i < sizeof(stems) / sizeof(stems[0]); i++)
		if ((split = stem_match(s, stems[i])) != NULL)
			return split;
	return NULL;
}

/*
 * The pair whose Latin spelling starts at s, longest first, or NULL.  A
 * digraph is not taken when split falls inside it (an exception word).
 */
static const struct translit_pair *
latn_match(const char *s, const char *split)
{
	size_t i, n;

	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		n = strlen(pairs[i].latn);
		if (strncmp(s, pairs[i].latn, n) != 0)
			continue;
		if (split != NULL && split > s && split < s + n)
			continue;
		return &pairs[i];
	}
	return NULL;
}

/* The first pair whose Cyrillic letter starts at s, or NULL. */
static const struct translit_pair *
cyrl_match(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		if (strncmp(s, pairs[i].cyrl, strlen(pairs[i].cyrl)) == 0)
			return &pairs[i];
	return NULL;
}

/*
 * Transliterates Serbian Latin text s to Cyrillic.  The digraphs lj, nj
 * and dž (also LJ, Lj, NJ, Nj, DŽ, Dž) become one letter, except inside
 * the exception stems at the start of a word; mixed "lJ" stays two
 * letters.  Everything that is not a Serbian Latin letter, including q,
 * w, x, y and other accented letters, is copied byte for byte.  Returns a
 * new string, which the caller frees with free().
 */
char *
translit_to_cyrl(const char *s)
{
	const struct translit_pair *tp;
	const char *p, *split = NULL;
	struct buf b;
	bool inword = false;
	uint32_t cp;
	size_t n;

	out_init(&b, strlen(s));
	for (p = s; *p != '\0'; p += n) {
		n = u8_next(p, &cp);
		if (!latn_is_word_letter(cp)) {
			inword = false;
			buf_add(&b, p, n);
			continue;
		}
		if (!inword) {
			inword = true;
			split = stem_split(p);
		}
		if ((tp = latn_match(p, split)) == NULL) {
			buf_add(&b, p, n);
			continue;
		}
		buf_add(&b, tp->cyrl, strlen(tp->cyrl));
		n = strlen(tp->latn);
	}
	return buf_take(&b);
}

/*
 * Appends the Latin spelling latn in upper case: "Lj" becomes "LJ" and
 * "Dž" becomes "DŽ" inside an all-caps word.
 */
static void
out_add_upper(struct buf *b, const char *latn)
{
	uint32_t cp;

	while (*latn != '\0') {
		latn += u8_next(latn, &cp);
		out_add_cp(b, cp_upper(cp));
	}
}

/*
 * Decides whether the capital digraph letter (Љ, Њ, Џ) between the code
 * point prev and the text at next belongs to an all-caps word: the next
 * letter is upper case or, when no letter follows, the previous one is.
 * "ЉУБИЦА" and "КОЊ" are LJUBICA and KONJ; "Љубица" and a lone "Љ" are
 * Ljubica and Lj.
 */
static bool
caps_context(uint32_t prev, const char *next)
{
	uint32_t cp;

	if (*next != '\0') {
		(void)u8_next(next, &cp);
		if (cp_is_letter(cp))
			return cp_is_upper(cp);
	}
	return cp_is_upper(prev);
}

/*
 * Transliterates Serbian Cyrillic text s to Latin, one letter each way.
 * Љ, Њ and Џ become "Lj", "Nj" and "Dž", or "LJ", "NJ" and "DŽ" in an
 * all-caps word (see caps_context).  Everything else is copied byte for
 * byte.  Returns a new string, which the caller frees with free().
 */
char *
translit_to_latn(const char *s)
{
	const struct translit_pair *tp;
	const char *p;
	struct buf b;
	uint32_t cp, prev = 0;
	size_t n;

	out_init(&b, strlen(s));
	for (p = s; *p != '\0'; p += n, prev = cp) {
		n = u8_next(p, &cp);
		if ((tp = cyrl_match(p)) == NULL)
			buf_add(&b, p, n);
		else if (cp_is_upper(cp) && caps_context(prev, p + n))
			out_add_upper(&b, tp->latn);
		else
			buf_add(&b, tp->latn, strlen(tp->latn));
	}
	return buf_take(&b);
}

/* What the search key makes of the lower-case letter cp (key_folds). */
static uint32_t
key_fold(uint32_t cp)
{
	size_t i;

	for (i = 0; i < sizeof(key_folds) / sizeof(key_folds[0]); i++)
		if (key_folds[i].from == cp)
			return key_folds[i].to;
	return cp;
}

/*
 * Computes the name search key of s: transliterated to Latin, lower-cased
 * (ASCII, Latin-1, Latin Extended-A and Cyrillic that is not Serbian),
 * then č ć -> c, š -> s, ž -> z, đ -> d, and "dj" -> "d", so that every
 * spelling of a name meets: "Ђорђевић", "Đorđević", "Djordjevic" and
 * "Dordevic" all give "dordevic".  Nothing else is dropped.  Returns a new
 * string, which the caller frees with free().
 */
char *
translit_search_key(const char *s)
{
	char *latn = NULL;
	const char *p;
	struct buf b;
	uint32_t cp, key, next;
	size_t n;

	latn = translit_to_latn(s);
	out_init(&b, strlen(latn));
	for (p = latn; *p != '\0'; p += n) {
		n = u8_next(p, &cp);
		key = key_fold(cp_lower(cp));
		if (key == cp)
			buf_add(&b, p, n);
		else
			out_add_cp(&b, key);
		/* "dj" is how đ is typed without diacritics: drop the j. */
		if (key == 'd' && p[n] != '\0') {
			(void)u8_next(p + n, &next);
			if (cp_lower(next) == 'j')
				n++;
		}
	}
	free(latn);
	return buf_take(&b);
}

/*
 * The name search key of s (translit_search_key) cut to max characters
 * (utf8_cut: the key column's width), in the arena: how the register and
 * the applications key a name (person.name_key, family_key).
 */
const char *
translit_key(struct arena *a, const char *s, size_t max)
{
	char *k = translit_search_key(s);
	const char *out = utf8_cut(a, k, max);

	free(k);
	return out;
}
