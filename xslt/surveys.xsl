<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     surveys.xsl: karika-surveys' pages: the list of open and recently
     closed surveys.  Imports the shared layout. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="layout.xsl"/>

<xsl:template match="surveys" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'surveys.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="surveys">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'surveys.title'"/></xsl:call-template>: <xsl:value-of select="municipality"/></h1>
  <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="'surveys.intro'"/></xsl:call-template></p>
  <section aria-labelledby="open-h">
    <h2 id="open-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'surveys.open'"/></xsl:call-template></h2>
    <xsl:call-template name="list"><xsl:with-param name="s" select="open/survey"/><xsl:with-param name="none" select="'surveys.none.open'"/></xsl:call-template>
  </section>
  <section aria-labelledby="closed-h">
    <h2 id="closed-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'surveys.closed'"/></xsl:call-template></h2>
    <xsl:call-template name="list"><xsl:with-param name="s" select="closed/survey"/><xsl:with-param name="none" select="'surveys.none.closed'"/></xsl:call-template>
  </section>
</xsl:template>

<xsl:template name="list">
  <xsl:param name="s"/>
  <xsl:param name="none"/>
  <xsl:choose>
    <xsl:when test="$s">
      <ul class="surveys">
        <xsl:for-each select="$s">
          <li id="survey-{@code}">
            <span class="title"><xsl:value-of select="@title"/></span>
            <span class="dates">
              <xsl:call-template name="t"><xsl:with-param name="k" select="'surveys.from'"/></xsl:call-template>
              <xsl:text> </xsl:text>
              <xsl:call-template name="date"><xsl:with-param name="d" select="@opens"/></xsl:call-template>
              <xsl:text> </xsl:text>
              <xsl:call-template name="t"><xsl:with-param name="k" select="'surveys.to'"/></xsl:call-template>
              <xsl:text> </xsl:text>
              <xsl:call-template name="date"><xsl:with-param name="d" select="@closes"/></xsl:call-template>
            </span>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:when>
    <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="$none"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
</xsl:template>

</xsl:stylesheet>
