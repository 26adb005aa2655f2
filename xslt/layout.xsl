<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     layout.xsl: the page every worker's stylesheet shares.  It turns the
     <page> envelope (ARCHITECTURE step 2) into an HTML5 document: language,
     skip link, header with the main menu and the language links, the
     worker's content, the footer, and the error page.  Every visible word
     comes from i18n/<lang>.xml through the template "t".

     A worker's stylesheet imports this one and adds templates for its own
     content elements, plus one in mode "title" for the <title>.  No
     JavaScript, no inline style (the CSP forbids both). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

<xsl:output method="html" encoding="UTF-8" indent="no"
    doctype-system="about:legacy-compat"/>

<xsl:decimal-format name="comma" decimal-separator="," grouping-separator="."/>

<!-- Messages by key: a key() lookup is four times faster than a scan. -->
<xsl:key name="msg" match="m" use="@k"/>
<xsl:variable name="lang" select="/page/@lang"/>
<xsl:variable name="cat" select="document(concat('i18n/', $lang, '.xml'))/catalogue"/>
<xsl:variable name="locales" select="'sr-Cyrl sr-Latn bs en '"/>

<!-- The message for key k; with n, its "{n}" replaced by n. -->
<xsl:template name="t">
  <xsl:param name="k"/>
  <xsl:param name="n"/>
  <xsl:variable name="s"><xsl:for-each select="$cat"><xsl:value-of select="key('msg', $k)"/></xsl:for-each></xsl:variable>
  <xsl:choose>
    <xsl:when test="$s = ''"><xsl:value-of select="$k"/></xsl:when>
    <xsl:when test="contains($s, '{n}')">
      <xsl:value-of select="concat(substring-before($s, '{n}'), $n, substring-after($s, '{n}'))"/>
    </xsl:when>
    <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- A date "YYYY-MM-DD" the local way: "23. 11. 2026." or "23 Nov 2026". -->
<xsl:template name="date">
  <xsl:param name="d"/>
  <xsl:variable name="y" select="substring($d, 1, 4)"/>
  <xsl:variable name="m" select="number(substring($d, 6, 2))"/>
  <xsl:variable name="day" select="number(substring($d, 9, 2))"/>
  <time datetime="{$d}">
    <xsl:choose>
      <xsl:when test="$lang = 'en'">
        <xsl:value-of select="concat($day, ' ', substring('JanFebMarAprMayJunJulAugSepOctNovDec', 3 * $m - 2, 3), ' ', $y)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($day, '. ', $m, '. ', $y, '.')"/></xsl:otherwise>
    </xsl:choose>
  </time>
</xsl:template>

<!-- Money from integer para: "1.800,00 din." or "1,800.00 RSD". -->
<xsl:template name="money">
  <xsl:param name="para"/>
  <xsl:param name="currency"/>
  <xsl:choose>
    <xsl:when test="$lang = 'en'"><xsl:value-of select="format-number($para div 100, '#,##0.00')"/></xsl:when>
    <xsl:otherwise><xsl:value-of select="format-number($para div 100, '#.##0,00', 'comma')"/></xsl:otherwise>
  </xsl:choose>
  <xsl:text> </xsl:text>
  <xsl:call-template name="t"><xsl:with-param name="k" select="concat('currency.', $currency)"/></xsl:call-template>
</xsl:template>

<!-- A whole number with the local thousands separator. -->
<xsl:template name="count">
  <xsl:param name="n"/>
  <xsl:choose>
    <xsl:when test="$lang = 'en'"><xsl:value-of select="format-number($n, '#,##0')"/></xsl:when>
    <xsl:otherwise><xsl:value-of select="format-number($n, '#.##0', 'comma')"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template match="/page">
  <html lang="{$lang}">
    <head>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <title>
        <xsl:apply-templates select="*" mode="title"/>
        <xsl:text> · </xsl:text>
        <xsl:call-template name="t"><xsl:with-param name="k" select="'site.name'"/></xsl:call-template>
      </title>
      <link rel="stylesheet" href="/static/karika.css"/>
    </head>
    <body>
      <a class="skip" href="#main"><xsl:call-template name="t"><xsl:with-param name="k" select="'skip'"/></xsl:call-template></a>
      <header class="site">
        <p class="brand">
          <a href="/"><xsl:call-template name="t"><xsl:with-param name="k" select="'site.name'"/></xsl:call-template></a>
          <span class="tagline"><xsl:call-template name="t"><xsl:with-param name="k" select="'site.tagline'"/></xsl:call-template></span>
        </p>
        <nav class="main">
          <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.label'"/></xsl:call-template></xsl:attribute>
          <ul>
            <xsl:call-template name="navlink"><xsl:with-param name="href" select="'/'"/><xsl:with-param name="k" select="'nav.home'"/></xsl:call-template>
            <xsl:call-template name="navlink"><xsl:with-param name="href" select="'/registry/services'"/><xsl:with-param name="k" select="'nav.services'"/></xsl:call-template>
            <xsl:call-template name="navlink"><xsl:with-param name="href" select="'/surveys/'"/><xsl:with-param name="k" select="'nav.surveys'"/></xsl:call-template>
            <xsl:call-template name="navlink"><xsl:with-param name="href" select="'/applications/'"/><xsl:with-param name="k" select="'nav.applications'"/></xsl:call-template>
            <xsl:call-template name="navlink"><xsl:with-param name="href" select="'/reports/'"/><xsl:with-param name="k" select="'nav.reports'"/></xsl:call-template>
          </ul>
        </nav>
        <nav class="langs">
          <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'lang.label'"/></xsl:call-template></xsl:attribute>
          <ul>
            <xsl:call-template name="langlink"><xsl:with-param name="list" select="$locales"/></xsl:call-template>
          </ul>
        </nav>
      </header>
      <main id="main" tabindex="-1">
        <xsl:apply-templates select="*"/>
      </main>
      <footer class="site">
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="'footer.text'"/></xsl:call-template></p>
      </footer>
    </body>
  </html>
</xsl:template>

<xsl:template name="navlink">
  <xsl:param name="href"/>
  <xsl:param name="k"/>
  <li>
    <a href="{$href}">
      <xsl:if test="/page/@path = $href"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
      <xsl:call-template name="t"><xsl:with-param name="k" select="$k"/></xsl:call-template>
    </a>
  </li>
</xsl:template>

<!-- One link per locale, each named in its own language and script. -->
<xsl:template name="langlink">
  <xsl:param name="list"/>
  <xsl:if test="$list != ''">
    <xsl:variable name="l" select="substring-before($list, ' ')"/>
    <li>
      <a href="{/page/@path}?lang={$l}" lang="{$l}" hreflang="{$l}">
        <xsl:if test="$l = $lang"><xsl:attribute name="aria-current">true</xsl:attribute></xsl:if>
        <xsl:call-template name="t"><xsl:with-param name="k" select="concat('lang.', $l)"/></xsl:call-template>
      </a>
    </li>
    <xsl:call-template name="langlink"><xsl:with-param name="list" select="substring-after($list, ' ')"/></xsl:call-template>
  </xsl:if>
</xsl:template>

<!-- The error page, for every worker and for nginx's static pages. -->
<xsl:template match="error" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="concat('error.', @status, '.title')"/></xsl:call-template>
</xsl:template>

<xsl:template match="error">
  <section class="error">
    <h1><xsl:call-template name="t"><xsl:with-param name="k" select="concat('error.', @status, '.title')"/></xsl:call-template></h1>
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="@key"/></xsl:call-template></p>
    <xsl:if test="/page/@rid != ''">
      <p class="rid"><xsl:call-template name="t"><xsl:with-param name="k" select="'error.rid'"/></xsl:call-template>: <code><xsl:value-of select="/page/@rid"/></code></p>
    </xsl:if>
    <p><a href="/"><xsl:call-template name="t"><xsl:with-param name="k" select="'error.home'"/></xsl:call-template></a></p>
  </section>
</xsl:template>

<xsl:template match="municipality" mode="title"/>
<xsl:template match="*" mode="title"/>

</xsl:stylesheet>
