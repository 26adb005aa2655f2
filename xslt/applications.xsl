<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     applications.xsl: karika-applications' pages: the services a citizen
     can apply for online.  Imports the shared layout. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="layout.xsl"/>

<xsl:template match="apply" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'apply.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="apply">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'apply.title'"/></xsl:call-template>: <xsl:value-of select="municipality"/></h1>
  <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="'apply.intro'"/></xsl:call-template></p>
  <xsl:choose>
    <xsl:when test="service">
      <ul class="services">
        <xsl:for-each select="service">
          <li id="s-{@code}">
            <span class="name"><xsl:value-of select="@name"/></span>
            <span class="group"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('svcgroup.', @group)"/></xsl:call-template></span>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:when>
    <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'apply.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
</xsl:template>

</xsl:stylesheet>
