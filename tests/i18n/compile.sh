#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/i18n/compile.sh (make check, TAP): the contract of the template
# "t" (layout.xsl) over the stylesheet xslt/i18n/compile.xsl makes from
# catalogues, with small catalogues of awkward messages: the message in
# each locale, "{n}" (its first occurrence) replaced by n, and the key
# itself for an unknown key, an odd one, an empty message, a key one
# locale lacks, and an unknown locale.  Every expectation is what the
# document()/key() lookup that compile.xsl replaced printed.
src=${srcdir:-.}
xsltproc=${XSLTPROC:-xsltproc}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/karika-i18n.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/xslt/i18n"
cp "$src/xslt/layout.xsl" "$tmp/xslt/"

catalogue() { # locale, then <m> lines
	l=$1
	shift
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<catalogue lang="%s">\n' "$l"
	printf '%s\n' "$@"
	printf '</catalogue>\n'
}
catalogue sr-Latn '<m k="a.b">Početna</m>' '<m k="n.one">Ima {n} usluga</m>' \
    '<m k="n.two">{n} i {n}</m>' '<m k="ws">  </m>' '<m k="edge"> x </m>' \
    '<m k="empty"></m>' '<m k="only.latn">samo</m>' '<m k="dup">prvi</m>' \
    '<m k="dup">drugi</m>' '<m k="esc">a &amp; b &lt;c&gt;</m>' \
    > "$tmp/xslt/i18n/sr-Latn.xml"
catalogue sr-Cyrl '<m k="a.b">Почетна</m>' '<m k="n.one">Има {n} услуга</m>' \
    '<m k="n.two">{n} и {n}</m>' '<m k="ws">  </m>' '<m k="edge"> x </m>' \
    '<m k="empty"></m>' '<m k="only.latn"></m>' '<m k="dup">први</m>' \
    '<m k="esc">a &amp; b &lt;c&gt;</m>' > "$tmp/xslt/i18n/sr-Cyrl.xml"
catalogue bs '<m k="a.b">Početna</m>' '<m k="n.one">Ima {n} usluga</m>' \
    > "$tmp/xslt/i18n/bs.xml"
catalogue en '<m k="a.b">Home</m>' '<m k="n.one">{n} services</m>' \
    '<m k="only.en">only</m>' > "$tmp/xslt/i18n/en.xml"

# A stylesheet that calls "t" once per <k k= n=> and writes [result].
cat > "$tmp/xslt/try.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="layout.xsl"/>
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="/">
  <xsl:for-each select="page/k">
    <xsl:text>[</xsl:text>
    <xsl:call-template name="t">
      <xsl:with-param name="k" select="@k"/>
      <xsl:with-param name="n" select="@n"/>
    </xsl:call-template>
    <xsl:text>]</xsl:text>
  </xsl:for-each>
</xsl:template>
</xsl:stylesheet>
XSL

echo "TAP version 13"
n=0
failed=0
ok() { # description, then the command
	desc=$1
	shift
	n=$((n + 1))
	if "$@"; then
		echo "ok $n - $desc"
	else
		echo "not ok $n - $desc"
		failed=$((failed + 1))
	fi
}
# t LOCALE KEY [N]: what "t" prints
t() {
	if [ $# -ge 3 ]; then
		printf '<page lang="%s"><k k="%s" n="%s"/></page>' "$1" "$2" "$3"
	else
		printf '<page lang="%s"><k k="%s"/></page>' "$1" "$2"
	fi > "$tmp/page.xml"
	"$xsltproc" --nonet "$tmp/xslt/try.xsl" "$tmp/page.xml" 2> "$tmp/err"
}
is() { # expected, then the t arguments
	want=$1
	shift
	got=$(t "$@")
	[ "$got" = "[$want]" ] || { echo "# t $*: got $got, want [$want]"; return 1; }
}

ok "the catalogues compile" \
    "$xsltproc" --nonet -o "$tmp/xslt/i18n.xsl" "$src/xslt/i18n/compile.xsl" \
    "$tmp/xslt/i18n/sr-Latn.xml"
ok "a message in each locale" sh -c '
	[ "$0" = "[Почетна]" ] && [ "$1" = "[Početna]" ] && [ "$2" = "[Home]" ]' \
    "$(t sr-Cyrl a.b)" "$(t sr-Latn a.b)" "$(t en a.b)"
ok "{n} is replaced by n" is "Има 7 услуга" sr-Cyrl n.one 7
ok "{n} at the start" is "7 services" en n.one 7
ok "only the first {n}" is "3 i {n}" sr-Latn n.two 3
ok "no n: {n} becomes nothing" is "Ima  usluga" bs n.one
ok "an unknown key prints the key" is "no.such.key" en no.such.key
ok "an empty message prints the key" is "empty" sr-Latn empty
ok "a key this locale lacks prints the key" is "only.en" bs only.en
ok "a key empty in this locale prints the key" is "only.latn" sr-Cyrl only.latn
ok "an unknown locale prints the key" is "a.b" xx a.b
ok "a key with a space prints itself" is "a b" en "a b"
ok "a key with a colon prints itself" is "a:b" en "a:b"
ok "a key that starts with a space prints itself" is " a.b" en " a.b"
ok "an empty key prints nothing" is "" en ""
ok "white space only is kept" is "  " sr-Latn ws
ok "leading and trailing spaces are kept" is " x " sr-Cyrl edge
ok "the first of a repeated key wins" is "prvi" sr-Latn dup
ok "markup characters come out as text" is "a & b <c>" sr-Cyrl esc
ok "nothing on stderr" test ! -s "$tmp/err"
echo "1..$n"
[ "$failed" = 0 ]
