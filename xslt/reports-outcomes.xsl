<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     reports-outcomes.xsl: the figures of case management and of the
     domestic-violence module (fcgi/reports/outcomes.c): activation
     outcomes by priority group, partner and year, and town by town for
     a provincial analyst; DV cases by kind, relationship and month, for
     the town and town by town.  A hidden
     cell (hidden="1") carries no number and shows as "<k", never as 0.
     Included by reports.xsl. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

<xsl:template match="outcomes | outcomes-province | dv-figures | dv-province" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="concat('outcomes.title.', local-name())"/></xsl:call-template>
</xsl:template>

<xsl:template match="outcomes | outcomes-province | dv-figures | dv-province">
  <h1>
    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('outcomes.title.', local-name())"/></xsl:call-template>
    <xsl:if test="municipality">
      <xsl:text>: </xsl:text><xsl:value-of select="municipality"/>
    </xsl:if>
  </h1>
  <form method="get" action="{/page/@path}" class="inline year">
    <label for="o-year"><xsl:call-template name="t"><xsl:with-param name="k" select="'report.year'"/></xsl:call-template></label>
    <xsl:text> </xsl:text>
    <input id="o-year" name="year" type="text" inputmode="numeric" maxlength="4" size="5" value="{@year}"/>
    <xsl:text> </xsl:text>
    <button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'outcomes.show'"/></xsl:call-template></button>
  </form>
  <nav class="links">
    <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'outcomes.nav'"/></xsl:call-template></xsl:attribute>
    <ul>
      <li><a href="/reports/outcomes?year={@year}"><xsl:call-template name="t"><xsl:with-param name="k" select="'outcomes.title.outcomes'"/></xsl:call-template></a></li>
      <li><a href="/reports/dv?year={@year}"><xsl:call-template name="t"><xsl:with-param name="k" select="'outcomes.title.dv-figures'"/></xsl:call-template></a></li>
      <xsl:if test="/page/session/user/role[@name = 'analyst']">
        <li><a href="/reports/outcomes/province?year={@year}"><xsl:call-template name="t"><xsl:with-param name="k" select="'outcomes.title.outcomes-province'"/></xsl:call-template></a></li>
        <li><a href="/reports/dv/province?year={@year}"><xsl:call-template name="t"><xsl:with-param name="k" select="'outcomes.title.dv-province'"/></xsl:call-template></a></li>
      </xsl:if>
    </ul>
  </nav>
  <xsl:apply-templates select="tab"/>
  <p class="note">
    <xsl:choose>
      <xsl:when test="self::outcomes-province"><xsl:call-template name="t"><xsl:with-param name="k" select="'outcomes.note.province'"/></xsl:call-template></xsl:when>
      <xsl:when test="self::outcomes and @exact = '1'"><xsl:call-template name="t"><xsl:with-param name="k" select="'outcomes.note.exact'"/></xsl:call-template></xsl:when>
      <xsl:when test="self::outcomes"><xsl:call-template name="t"><xsl:with-param name="k" select="'outcomes.note.hidden'"/><xsl:with-param name="n" select="@k"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'outcomes.note.dv'"/><xsl:with-param name="n" select="@k"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </p>
</xsl:template>

<!-- A label: a catalogue key (a month without its year, "{a}") or a
     name. -->
<xsl:template name="o-label">
  <xsl:choose>
    <xsl:when test="@key">
      <xsl:variable name="s"><xsl:call-template name="t"><xsl:with-param name="k" select="@key"/></xsl:call-template></xsl:variable>
      <xsl:choose>
        <xsl:when test="contains($s, '{a}')"><xsl:value-of select="normalize-space(substring-before($s, '{a}'))"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
      </xsl:choose>
    </xsl:when>
    <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template match="c | sum">
  <td class="num">
    <xsl:choose>
      <xsl:when test="@hidden = '1'"><xsl:value-of select="concat('&lt;', /page/*/@k)"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="count"><xsl:with-param name="n" select="@n"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </td>
</xsl:template>

<xsl:template match="tab">
  <xsl:variable name="cap" select="concat('cap-', @id)"/>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="{$cap}">
  <table class="report" id="{@id}">
    <caption id="{$cap}">
      <xsl:call-template name="t"><xsl:with-param name="k" select="concat('outcomes.', @id)"/><xsl:with-param name="n" select="../@year"/></xsl:call-template>
    </caption>
    <thead>
      <tr>
        <td/>
        <xsl:for-each select="col">
          <th scope="col" class="num"><xsl:call-template name="o-label"/></th>
        </xsl:for-each>
        <xsl:if test="@totals = '1'">
          <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'outcomes.total'"/></xsl:call-template></th>
        </xsl:if>
      </tr>
    </thead>
    <tbody>
      <xsl:for-each select="row">
        <tr id="{../@id}-{position()}">
          <xsl:if test="@key"><xsl:attribute name="data-key"><xsl:value-of select="@key"/></xsl:attribute></xsl:if>
          <th scope="row"><xsl:call-template name="o-label"/></th>
          <xsl:apply-templates select="c | sum"/>
        </tr>
      </xsl:for-each>
    </tbody>
  </table>
  </div>
</xsl:template>

</xsl:stylesheet>
