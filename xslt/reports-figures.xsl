<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     reports-figures.xsl: the department's and the CSW's figures
     (fcgi/reports/figures.c): the town's services, one service's
     providers, one provider's months, the breakdowns, and for the CSW the
     people behind a figure.  Included by reports.xsl; the templates
     "rp-money", "rp-units", "rp-count" and "rp-year-form" are shared by
     the other report pages. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

<!-- A message by key (a shorter call for these pages). -->
<xsl:template name="rp-t">
  <xsl:param name="k"/>
  <xsl:param name="n"/>
  <xsl:call-template name="t"><xsl:with-param name="k" select="$k"/><xsl:with-param name="n" select="$n"/></xsl:call-template>
</xsl:template>

<xsl:template name="rp-money">
  <xsl:param name="para"/>
  <xsl:call-template name="money">
    <xsl:with-param name="para" select="$para"/>
    <xsl:with-param name="currency" select="/page/*/@currency"/>
  </xsl:call-template>
</xsl:template>

<!-- Units with up to two decimals ("1.234,5"). -->
<xsl:template name="rp-units">
  <xsl:param name="u"/>
  <xsl:choose>
    <xsl:when test="$lang = 'en'"><xsl:value-of select="format-number($u, '#,##0.##')"/></xsl:when>
    <xsl:otherwise><xsl:value-of select="format-number($u, '#.##0,##', 'comma')"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- A count, or "<k" for a hidden one. -->
<xsl:template name="rp-count">
  <xsl:param name="n"/>
  <xsl:param name="hidden" select="false()"/>
  <xsl:choose>
    <xsl:when test="$hidden"><xsl:value-of select="concat('&lt;', /page/*/@k)"/></xsl:when>
    <xsl:when test="string($n) = ''"><xsl:text>–</xsl:text></xsl:when>
    <xsl:otherwise><xsl:call-template name="count"><xsl:with-param name="n" select="$n"/></xsl:call-template></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- The year (and what else the page keeps) as a GET form. -->
<xsl:template name="rp-year-form">
  <xsl:param name="year" select="@year"/>
  <form method="get" action="{/page/@path}" class="inline year">
    <label for="f-year"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'report.year'"/></xsl:call-template></label>
    <xsl:text> </xsl:text>
    <input id="f-year" name="year" type="text" inputmode="numeric" maxlength="4" size="5" value="{$year}"/>
    <xsl:if test="@scenario"><input type="hidden" name="scenario" value="{@scenario}"/></xsl:if>
    <xsl:text> </xsl:text>
    <button type="submit"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.show'"/></xsl:call-template></button>
  </form>
</xsl:template>

<xsl:template match="figures" mode="title">
  <xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('reports.figures.', @level)"/></xsl:call-template>
</xsl:template>

<xsl:template match="figures">
  <xsl:variable name="q" select="concat('?year=', @year)"/>
  <nav class="crumbs">
    <xsl:attribute name="aria-label"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.crumbs'"/></xsl:call-template></xsl:attribute>
    <ol>
      <li><a href="/reports/figures{$q}"><xsl:value-of select="municipality"/></a></li>
      <xsl:if test="service">
        <li><a href="/reports/figures/services/{service/@id}{$q}"><xsl:value-of select="service/@name"/></a></li>
      </xsl:if>
      <xsl:if test="provider">
        <li><a href="/reports/figures/services/{service/@id}/providers/{provider/@id}{$q}"><xsl:value-of select="provider/@name"/></a></li>
      </xsl:if>
    </ol>
  </nav>
  <h1>
    <xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('reports.figures.', @level)"/></xsl:call-template>
    <xsl:text>: </xsl:text>
    <xsl:choose>
      <xsl:when test="provider"><xsl:value-of select="provider/@name"/></xsl:when>
      <xsl:when test="service"><xsl:value-of select="service/@name"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="municipality"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text>, </xsl:text><xsl:value-of select="@year"/>
  </h1>
  <xsl:call-template name="rp-year-form"/>
  <xsl:choose>
    <xsl:when test="@level = 'persons'"><xsl:call-template name="rp-persons"/></xsl:when>
    <xsl:otherwise>
      <xsl:call-template name="rp-figures-table"/>
      <!-- The records behind a service's or a provider's figures; the
           town's figures drill down to the services first (no list of
           the whole town: /reports/figures/persons is no page). -->
      <xsl:if test="@csw = '1' and @level != 'town'">
        <p><a href="{/page/@path}/persons{$q}"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.persons.link'"/></xsl:call-template></a></p>
      </xsl:if>
      <xsl:apply-templates select="breakdown"/>
      <p class="note"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.figures.note'"/></xsl:call-template></p>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template name="rp-figures-table">
  <xsl:variable name="q" select="concat('?year=', @year)"/>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="fig-cap">
  <table class="report figures">
    <caption id="fig-cap"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('reports.figures.caption.', @level)"/><xsl:with-param name="n" select="@year"/></xsl:call-template></caption>
    <thead>
      <tr>
        <th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('reports.col.', @level)"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.users'"/></xsl:call-template></th>
        <xsl:if test="@level != 'provider'">
          <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.active'"/></xsl:call-template></th>
          <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.places'"/></xsl:call-template></th>
          <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.occupancy'"/></xsl:call-template></th>
        </xsl:if>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.units'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.cost'"/></xsl:call-template></th>
      </tr>
    </thead>
    <tbody>
      <xsl:for-each select="row">
        <tr>
          <th scope="row">
            <xsl:choose>
              <xsl:when test="../@level = 'town'">
                <a href="/reports/figures/services/{@id}{$q}"><xsl:value-of select="@name"/></a>
                <xsl:text> (</xsl:text><xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('unit.', @unit)"/></xsl:call-template><xsl:text>)</xsl:text>
              </xsl:when>
              <xsl:when test="../@level = 'service'">
                <a href="/reports/figures/services/{../service/@id}/providers/{@id}{$q}"><xsl:value-of select="@name"/></a>
              </xsl:when>
              <xsl:otherwise>
                <xsl:variable name="mn"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('month.', @month)"/></xsl:call-template></xsl:variable>
                <xsl:value-of select="normalize-space(substring-before($mn, '{a}'))"/>
              </xsl:otherwise>
            </xsl:choose>
          </th>
          <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="@users"/></xsl:call-template></td>
          <xsl:if test="../@level != 'provider'">
            <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="@active"/></xsl:call-template></td>
            <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="@places"/></xsl:call-template></td>
            <td class="num"><xsl:if test="@occupancy"><xsl:value-of select="@occupancy"/> %</xsl:if></td>
          </xsl:if>
          <td class="num"><xsl:call-template name="rp-units"><xsl:with-param name="u" select="@units"/></xsl:call-template></td>
          <td class="num"><xsl:call-template name="rp-money"><xsl:with-param name="para" select="@cost"/></xsl:call-template></td>
        </tr>
      </xsl:for-each>
    </tbody>
    <tfoot>
      <xsl:for-each select="total">
        <tr>
          <th scope="row"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.total.people'"/></xsl:call-template></th>
          <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="@users"/></xsl:call-template></td>
          <xsl:if test="../@level != 'provider'">
            <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="@active"/></xsl:call-template></td>
            <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="@places"/></xsl:call-template></td>
            <td class="num"><xsl:if test="@occupancy"><xsl:value-of select="@occupancy"/> %</xsl:if></td>
          </xsl:if>
          <!-- The town's services count in days, hours, months, visits:
               their units add up to nothing; a service's do. -->
          <td class="num"><xsl:if test="../@level != 'town'"><xsl:call-template name="rp-units"><xsl:with-param name="u" select="@units"/></xsl:call-template></xsl:if></td>
          <td class="num"><xsl:call-template name="rp-money"><xsl:with-param name="para" select="@cost"/></xsl:call-template></td>
        </tr>
      </xsl:for-each>
    </tfoot>
  </table>
  </div>
</xsl:template>

<xsl:template match="breakdown">
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="bd-{@dim}">
  <table class="report breakdown">
    <caption id="bd-{@dim}"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('reports.by.', @dim)"/></xsl:call-template></caption>
    <thead>
      <tr>
        <th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('reports.dim.', @dim)"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.users'"/></xsl:call-template></th>
      </tr>
    </thead>
    <tbody>
      <xsl:for-each select="cell">
        <tr>
          <th scope="row">
            <xsl:choose>
              <xsl:when test="../@dim = 'need'"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('reports.need.', @key)"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('reports.', ../@dim, '.', @key)"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </th>
          <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="@users"/><xsl:with-param name="hidden" select="@suppressed = '1'"/></xsl:call-template></td>
        </tr>
      </xsl:for-each>
    </tbody>
  </table>
  </div>
</xsl:template>

<!-- The people behind a figure (CSW only; each shown is audited). -->
<xsl:template name="rp-persons">
  <p class="notice" role="status"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.persons.audited'"/></xsl:call-template></p>
  <xsl:choose>
    <xsl:when test="person">
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="pp-cap">
      <table class="report persons">
        <caption id="pp-cap"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.persons.caption'"/><xsl:with-param name="n" select="count(person)"/></xsl:call-template></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.persons.name'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.persons.start'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.persons.end'"/></xsl:call-template></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="person">
            <tr>
              <th scope="row"><a href="/registry/persons/{@person}"><xsl:value-of select="concat(@family, ', ', @given)"/></a></th>
              <td><xsl:call-template name="date"><xsl:with-param name="d" select="@start"/></xsl:call-template></td>
              <td><xsl:if test="@end"><xsl:call-template name="date"><xsl:with-param name="d" select="@end"/></xsl:call-template></xsl:if></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      </div>
      <xsl:if test="count(person) &gt;= @limit">
        <p class="note"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.persons.limit'"/><xsl:with-param name="n" select="@limit"/></xsl:call-template></p>
      </xsl:if>
    </xsl:when>
    <xsl:otherwise><p><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.persons.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
</xsl:template>

</xsl:stylesheet>
