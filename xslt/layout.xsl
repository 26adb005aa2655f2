<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     layout.xsl: the page every worker's stylesheet shares.  It turns the
     <page> envelope (ARCHITECTURE step 2) into an HTML5 document: language,
     skip link, header with the main menu and the language links, the
     worker's content, the footer, and the error page.  Every visible word
     comes from i18n/<lang>.xml through the template "t" (and i18n.xsl).

     A worker's stylesheet imports this one and adds templates for its own
     content elements, plus one in mode "title" for the <title>.  No
     JavaScript, no inline style (the CSP forbids both). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" exclude-result-prefixes="exsl">

<xsl:output method="html" encoding="UTF-8" indent="no"
    doctype-system="about:legacy-compat"/>

<xsl:decimal-format name="comma" decimal-separator="," grouping-separator="."/>

<!-- The messages of every locale as templates, generated at build time
     from i18n/<locale>.xml by i18n/compile.xsl (make), which nginx parses
     once, when it starts.  Included, not imported: one stylesheet level
     less for every template lookup. -->
<xsl:include href="i18n.xsl"/>

<xsl:variable name="lang" select="/page/@lang"/>
<xsl:variable name="locales" select="'sr-Cyrl sr-Latn bs en '"/>

<!-- The message for key k in $lang; with n, its "{n}" replaced by n; an
     unknown key prints the key.  "_" and the key name a processing
     instruction, and i18n.xsl's template for that name (a hash lookup in
     libxslt, whatever the catalogues' size) writes the message. -->
<xsl:template name="t">
  <xsl:param name="k"/>
  <xsl:param name="n"/>
  <xsl:variable name="pi"><xsl:processing-instruction name="_{$k}"/></xsl:variable>
  <xsl:apply-templates select="exsl:node-set($pi)/node()" mode="msg">
    <xsl:with-param name="n" select="$n"/>
  </xsl:apply-templates>
</xsl:template>

<!-- A count with its noun in the plural form its number takes: the key
     k with ".one", ".few" or ".many" ("{n} mesec", "{n} meseca", "{n}
     meseci"; in Serbian and Bosnian 1, 21, 31… take one, 2-4, 22-24…
     few, the rest many, 11-14 too; in English 1 takes one, the rest
     many). -->
<xsl:template name="plural">
  <xsl:param name="k"/>
  <xsl:param name="n"/>
  <xsl:variable name="n10" select="$n mod 10"/>
  <xsl:variable name="n100" select="$n mod 100"/>
  <xsl:variable name="form">
    <xsl:choose>
      <xsl:when test="$lang = 'en'"><xsl:value-of select="substring('many', 1, 4 * ($n != 1))"/><xsl:value-of select="substring('one', 1, 3 * ($n = 1))"/></xsl:when>
      <xsl:when test="$n10 = 1 and $n100 != 11">one</xsl:when>
      <xsl:when test="$n10 &gt;= 2 and $n10 &lt;= 4 and ($n100 &lt; 12 or $n100 &gt; 14)">few</xsl:when>
      <xsl:otherwise>many</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:call-template name="t"><xsl:with-param name="k" select="concat($k, '.', $form)"/><xsl:with-param name="n" select="$n"/></xsl:call-template>
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

<!-- A time "2026-11-29T13:23:00+01:00" (xml.c: local, with its offset)
     the local way: "29. 11. 2026. 13:23" or "29 Nov 2026, 13:23". -->
<xsl:template name="when">
  <xsl:param name="t"/>
  <time datetime="{$t}">
    <xsl:variable name="y" select="substring($t, 1, 4)"/>
    <xsl:variable name="m" select="number(substring($t, 6, 2))"/>
    <xsl:variable name="day" select="number(substring($t, 9, 2))"/>
    <xsl:choose>
      <xsl:when test="$lang = 'en'">
        <xsl:value-of select="concat($day, ' ', substring('JanFebMarAprMayJunJulAugSepOctNovDec', 3 * $m - 2, 3), ' ', $y, ', ', substring($t, 12, 5))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($day, '. ', $m, '. ', $y, '. ', substring($t, 12, 5))"/></xsl:otherwise>
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
      <link rel="stylesheet" href="/static/print.css" media="print"/>
      <link rel="icon" href="/static/karika.svg" type="image/svg+xml"/>
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
        <div class="who">
          <xsl:choose>
            <xsl:when test="/page/session/user">
              <a href="/account/"><xsl:value-of select="/page/session/user/@name"/></a>
              <xsl:if test="/page/session/user/role[@name = 'admin']">
                <xsl:text> · </xsl:text>
                <a href="/registry/admin/accounts"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.admin'"/></xsl:call-template></a>
              </xsl:if>
              <!-- The register's pages for its staff (registry-care.xsl). -->
              <xsl:if test="/page/session/user/role[@name = 'provider' or @name = 'csw']">
                <xsl:text> · </xsl:text>
                <a href="/registry/enrolments"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.enrolments'"/></xsl:call-template></a>
                <xsl:text> · </xsl:text>
                <a href="/registry/deliveries"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.deliveries'"/></xsl:call-template></a>
              </xsl:if>
              <!-- Cases and referrals (registry-cases.xsl, issue 15). -->
              <xsl:if test="/page/session/user/role[@name = 'csw']">
                <xsl:text> · </xsl:text>
                <a href="/registry/cases"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.cases'"/></xsl:call-template></a>
              </xsl:if>
              <xsl:if test="/page/session/user/role[@name = 'partner']">
                <xsl:text> · </xsl:text>
                <a href="/registry/referrals"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.referrals'"/></xsl:call-template></a>
              </xsl:if>
              <!-- Online applications (applications.xsl, issue 13). -->
              <xsl:if test="/page/session/user/role[@name = 'csw']">
                <xsl:text> · </xsl:text>
                <a href="/applications/inbox"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.apps.inbox'"/></xsl:call-template></a>
              </xsl:if>
              <xsl:if test="/page/session/user/role[@name = 'citizen']">
                <xsl:text> · </xsl:text>
                <a href="/applications/mine"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.apps.mine'"/></xsl:call-template></a>
              </xsl:if>
              <xsl:if test="/page/session/user/role[@name = 'admin']">
                <xsl:text> · </xsl:text>
                <a href="/applications/admin"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.apps.admin'"/></xsl:call-template></a>
              </xsl:if>
              <xsl:if test="/page/session/user/role[@name = 'provider' or @name = 'csw' or @name = 'analyst' or @name = 'admin']">
                <xsl:text> · </xsl:text>
                <a href="/registry/organisations"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.organisations'"/></xsl:call-template></a>
              </xsl:if>
              <!-- Training and the register of professionals (issue 16). -->
              <xsl:if test="/page/session/user/role[@name = 'provider' or @name = 'csw' or @name = 'analyst' or @name = 'editor' or @name = 'admin']">
                <xsl:text> · </xsl:text>
                <a href="/registry/training"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.training'"/></xsl:call-template></a>
              </xsl:if>
              <form method="post" action="/account/logout" class="inline">
                <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
                <button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.logout'"/></xsl:call-template></button>
              </form>
            </xsl:when>
            <xsl:otherwise>
              <a href="/account/login"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.login'"/></xsl:call-template></a>
              <xsl:text> · </xsl:text>
              <a href="/account/register"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.register'"/></xsl:call-template></a>
            </xsl:otherwise>
          </xsl:choose>
        </div>
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
      <a href="{/page/@path}?{/page/@query}{substring('&amp;', 1, 5 * boolean(/page/@query))}lang={$l}" lang="{$l}" hreflang="{$l}">
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

<!-- A notice: what just happened, or why a link no longer works. -->
<xsl:template match="notice">
  <p class="notice" role="status"><xsl:call-template name="t"><xsl:with-param name="k" select="@key"/></xsl:call-template></p>
</xsl:template>

<!-- The notice after a write (?done=, page.c): only one the catalogue
     knows, so that a made-up link shows nothing. -->
<xsl:template match="/page/notice">
  <xsl:variable name="s"><xsl:call-template name="t"><xsl:with-param name="k" select="@key"/></xsl:call-template></xsl:variable>
  <xsl:if test="$s != @key">
    <p class="notice" role="status"><xsl:value-of select="$s"/></p>
  </xsl:if>
</xsl:template>

<!-- Any form a worker describes (valid.c, form_write): labelled fields,
     the errors listed first and each next to its field, the input kept,
     the CSRF token on every POST.  No JavaScript: the server validates. -->
<xsl:template match="form">
  <form method="{@method}" action="{@action}" novalidate="novalidate">
    <xsl:if test="@errors &gt; 0">
      <div class="errors" role="alert" id="errors-{generate-id()}">
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="'form.errors'"/></xsl:call-template></p>
        <xsl:if test="@error">
          <p class="form-error"><xsl:call-template name="t"><xsl:with-param name="k" select="@error"/></xsl:call-template></p>
        </xsl:if>
        <ul>
          <xsl:for-each select="field[@error]">
            <li><a href="#f-{@name}">
              <xsl:variable name="label"><xsl:call-template name="t"><xsl:with-param name="k" select="@label"/></xsl:call-template></xsl:variable>
              <!-- A label that is a sentence ends with a full stop: not before the colon. -->
              <xsl:value-of select="substring($label, 1, string-length($label) - (substring($label, string-length($label)) = '.'))"/>
              <xsl:text>: </xsl:text>
              <xsl:call-template name="field-error"/>
            </a></li>
          </xsl:for-each>
        </ul>
      </div>
    </xsl:if>
    <xsl:if test="@method = 'post'">
      <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
    </xsl:if>
    <xsl:apply-templates select="field"/>
    <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="@submit"/></xsl:call-template></button></p>
  </form>
</xsl:template>

<xsl:template match="form/field[@kind = 'hidden']" priority="2">
  <input type="hidden" name="{@name}" value="{value}"/>
</xsl:template>

<xsl:template match="form/field">
  <div class="field">
    <xsl:if test="@error"><xsl:attribute name="class">field invalid</xsl:attribute></xsl:if>
    <xsl:choose>
      <xsl:when test="@kind = 'checkbox'">
        <input type="checkbox" id="f-{@name}" name="{@name}" value="1">
          <xsl:call-template name="field-attrs"/>
          <xsl:if test="@checked"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
        </input>
        <xsl:text> </xsl:text>
        <label for="f-{@name}"><xsl:call-template name="t"><xsl:with-param name="k" select="@label"/></xsl:call-template></label>
      </xsl:when>
      <xsl:otherwise>
        <label for="f-{@name}"><xsl:call-template name="t"><xsl:with-param name="k" select="@label"/></xsl:call-template>
          <xsl:if test="@required"><xsl:text> </xsl:text><span class="req"><xsl:call-template name="t"><xsl:with-param name="k" select="'form.required'"/></xsl:call-template></span></xsl:if>
        </label>
        <xsl:choose>
          <xsl:when test="@kind = 'choice'">
            <select id="f-{@name}" name="{@name}">
              <xsl:call-template name="field-attrs"/>
              <xsl:variable name="v" select="string(value)"/>
              <xsl:variable name="keys" select="string(@keys)"/>
              <!-- Left empty: a search or filter (a GET form) takes any
                   value, a form that records something has none chosen. -->
              <xsl:if test="not(@required)">
                <option value="">
                  <xsl:choose>
                    <xsl:when test="../@method = 'get'"><xsl:call-template name="t"><xsl:with-param name="k" select="'form.any'"/></xsl:call-template></xsl:when>
                    <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'form.none'"/></xsl:call-template></xsl:otherwise>
                  </xsl:choose>
                </option>
              </xsl:if>
              <xsl:for-each select="choice">
                <option value="{@value}">
                  <xsl:if test="@value = $v"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:choose>
                    <xsl:when test="$keys != ''"><xsl:call-template name="t"><xsl:with-param name="k" select="concat($keys, @value)"/></xsl:call-template></xsl:when>
                    <xsl:otherwise><xsl:value-of select="@value"/></xsl:otherwise>
                  </xsl:choose>
                </option>
              </xsl:for-each>
            </select>
          </xsl:when>
          <xsl:when test="@kind = 'id'">
            <xsl:variable name="v" select="string(value)"/>
            <select id="f-{@name}" name="{@name}">
              <xsl:call-template name="field-attrs"/>
              <option value=""><xsl:call-template name="t"><xsl:with-param name="k" select="'form.none'"/></xsl:call-template></option>
              <xsl:for-each select="/page//options[@for = current()/@name]/option">
                <option value="{@value}">
                  <xsl:if test="@value = $v"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="."/>
                </option>
              </xsl:for-each>
            </select>
          </xsl:when>
          <xsl:otherwise>
            <input id="f-{@name}" name="{@name}">
              <xsl:attribute name="type">
                <xsl:choose>
                  <xsl:when test="@kind = 'number' or @kind = 'date' or @kind = 'money'">text</xsl:when>
                  <xsl:otherwise><xsl:value-of select="@kind"/></xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
              <xsl:if test="@kind = 'number'"><xsl:attribute name="inputmode">numeric</xsl:attribute></xsl:if>
              <!-- A sum of money (VALID_MONEY): a decimal keyboard. -->
              <xsl:if test="@kind = 'money'"><xsl:attribute name="inputmode">decimal</xsl:attribute></xsl:if>
              <xsl:if test="@max"><xsl:attribute name="maxlength"><xsl:value-of select="@max"/></xsl:attribute></xsl:if>
              <xsl:choose>
                <!-- A date as stored (YYYY-MM-DD: a record's, or valid as
                     typed) shows the local way, as the hint gives it:
                     "5. 5. 2015.".  Anything else, and a date in error,
                     stays as typed. -->
                <xsl:when test="@kind = 'date' and not(@error) and string-length(value) = 10 and substring(value, 5, 1) = '-' and substring(value, 8, 1) = '-' and translate(value, '0123456789', '') = '--'">
                  <xsl:attribute name="value"><xsl:value-of select="concat(number(substring(value, 9, 2)), '. ', number(substring(value, 6, 2)), '. ', substring(value, 1, 4), '.')"/></xsl:attribute>
                </xsl:when>
                <xsl:when test="@kind != 'password'"><xsl:attribute name="value"><xsl:value-of select="value"/></xsl:attribute></xsl:when>
              </xsl:choose>
              <xsl:call-template name="field-attrs"/>
            </input>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="@kind = 'date'">
      <p class="hint" id="h-{@name}"><xsl:call-template name="t"><xsl:with-param name="k" select="'form.date.hint'"/></xsl:call-template></p>
    </xsl:if>
    <xsl:if test="@kind = 'money'">
      <p class="hint" id="h-{@name}"><xsl:call-template name="t"><xsl:with-param name="k" select="'form.money.hint'"/></xsl:call-template></p>
    </xsl:if>
    <xsl:if test="@error">
      <p class="error" id="e-{@name}"><xsl:call-template name="field-error"/></p>
    </xsl:if>
  </div>
</xsl:template>

<!-- A field's error message with its {n}: the worker's (@n: the range a
     number must be in, a limit a later check found, form_error_n()), else
     for "too long" the field's limit (@max, written for text fields). -->
<xsl:template name="field-error">
  <xsl:call-template name="t">
    <xsl:with-param name="k" select="concat(@error, substring('.any', 1, 4 * (@error = 'invalid.too_long' and not(@max))))"/>
    <xsl:with-param name="n" select="(@n | @max[not(../@n)])[1]"/>
  </xsl:call-template>
</xsl:template>

<!-- Attributes every control shares: required, autocomplete, its error. -->
<xsl:template name="field-attrs">
  <xsl:if test="@required"><xsl:attribute name="required">required</xsl:attribute></xsl:if>
  <xsl:if test="@autocomplete"><xsl:attribute name="autocomplete"><xsl:value-of select="@autocomplete"/></xsl:attribute></xsl:if>
  <xsl:if test="@error">
    <xsl:attribute name="aria-invalid">true</xsl:attribute>
  </xsl:if>
  <xsl:if test="@error or @kind = 'date' or @kind = 'money'">
    <xsl:attribute name="aria-describedby">
      <xsl:if test="@kind = 'date' or @kind = 'money'">h-<xsl:value-of select="@name"/></xsl:if>
      <xsl:if test="@error and (@kind = 'date' or @kind = 'money')"><xsl:text> </xsl:text></xsl:if>
      <xsl:if test="@error">e-<xsl:value-of select="@name"/></xsl:if>
    </xsl:attribute>
  </xsl:if>
</xsl:template>

<xsl:template match="municipality" mode="title"/>
<xsl:template match="*" mode="title"/>

</xsl:stylesheet>
