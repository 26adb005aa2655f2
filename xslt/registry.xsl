<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     registry.xsl: karika-registry's pages: the home page and the service
     catalogue.  Imports the shared layout. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="layout.xsl"/>

<xsl:template match="home" mode="title"><xsl:value-of select="municipality"/></xsl:template>

<xsl:template match="home">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'home.heading'"/><xsl:with-param name="n" select="municipality"/></xsl:call-template></h1>
  <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="'home.intro'"/></xsl:call-template></p>
  <ul class="areas">
    <xsl:call-template name="area"><xsl:with-param name="href" select="'/registry/services'"/><xsl:with-param name="k" select="'home.services'"/></xsl:call-template>
    <xsl:call-template name="area"><xsl:with-param name="href" select="'/surveys/'"/><xsl:with-param name="k" select="'home.surveys'"/></xsl:call-template>
    <xsl:call-template name="area"><xsl:with-param name="href" select="'/applications/'"/><xsl:with-param name="k" select="'home.applications'"/></xsl:call-template>
    <xsl:call-template name="area"><xsl:with-param name="href" select="'/reports/'"/><xsl:with-param name="k" select="'home.reports'"/></xsl:call-template>
  </ul>
</xsl:template>

<xsl:template name="area">
  <xsl:param name="href"/>
  <xsl:param name="k"/>
  <li>
    <h2><a href="{$href}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat($k, '.title')"/></xsl:call-template></a></h2>
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="concat($k, '.text')"/></xsl:call-template></p>
  </li>
</xsl:template>

<xsl:template match="services" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'services.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="services">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'services.title'"/></xsl:call-template>: <xsl:value-of select="municipality"/></h1>
  <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="'services.intro'"/></xsl:call-template></p>
  <xsl:apply-templates select="group"/>
</xsl:template>

<xsl:template match="services/group">
  <section class="group" aria-labelledby="g-{@code}">
    <h2 id="g-{@code}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('svcgroup.', @code)"/></xsl:call-template></h2>
    <xsl:choose>
      <xsl:when test="service"><xsl:apply-templates select="service"/></xsl:when>
      <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'services.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </section>
</xsl:template>

<xsl:template match="group/service">
  <article class="service" id="s-{@code}">
    <h3><xsl:value-of select="name"/></h3>
    <dl>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'services.unit'"/></xsl:call-template></dt>
      <dd><xsl:call-template name="t"><xsl:with-param name="k" select="concat('unit.', @unit)"/></xsl:call-template></dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'services.price'"/></xsl:call-template> (<xsl:value-of select="@price-year"/>)</dt>
      <dd class="price"><xsl:call-template name="money"><xsl:with-param name="para" select="@price-para"/><xsl:with-param name="currency" select="/page/services/municipality/@currency"/></xsl:call-template></dd>
    </dl>
    <xsl:if test="@online = '1'">
      <p class="online"><a href="/applications/"><xsl:call-template name="t"><xsl:with-param name="k" select="'services.online'"/></xsl:call-template></a></p>
    </xsl:if>
    <h4><xsl:call-template name="t"><xsl:with-param name="k" select="'services.providers'"/></xsl:call-template></h4>
    <xsl:choose>
      <xsl:when test="provider">
        <ul class="providers"><xsl:apply-templates select="provider"/></ul>
      </xsl:when>
      <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'services.noproviders'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </article>
</xsl:template>

<xsl:template match="provider">
  <li>
    <span class="org"><xsl:value-of select="."/></span>
    <span class="meta">
      <xsl:call-template name="t"><xsl:with-param name="k" select="'services.licence'"/></xsl:call-template>
      <xsl:text> </xsl:text><xsl:value-of select="@licence"/><xsl:text>, </xsl:text>
      <xsl:choose>
        <xsl:when test="@valid = '1'">
          <xsl:call-template name="t"><xsl:with-param name="k" select="'services.validto'"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:call-template name="date"><xsl:with-param name="d" select="@valid-to"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><strong><xsl:call-template name="t"><xsl:with-param name="k" select="'services.expired'"/></xsl:call-template></strong></xsl:otherwise>
      </xsl:choose>
    </span>
    <span class="meta">
      <xsl:call-template name="t"><xsl:with-param name="k" select="'services.capacity'"/></xsl:call-template>
      <xsl:text>: </xsl:text><xsl:value-of select="@capacity"/>
    </span>
  </li>
</xsl:template>

</xsl:stylesheet>
