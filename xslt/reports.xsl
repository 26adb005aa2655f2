<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     reports.xsl: karika-reports' pages: users per service, with small
     cells shown as "<k" (never as 0).  Imports the shared layout. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="layout.xsl"/>
<xsl:include href="reports-outcomes.xsl"/>
<xsl:include href="reports-figures.xsl"/>
<xsl:include href="reports-plan.xsl"/>
<xsl:include href="reports-public.xsl"/>

<xsl:template match="report" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'report.title'"/></xsl:call-template>
</xsl:template>

<!-- Users per service are not published (publish.c): no table. -->
<xsl:template match="report[@unpublished = '1']" priority="2">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'report.title'"/></xsl:call-template>: <xsl:value-of select="municipality"/></h1>
  <p><xsl:call-template name="t"><xsl:with-param name="k" select="'report.unpublished'"/></xsl:call-template></p>
  <p><a href="/reports/public"><xsl:call-template name="t"><xsl:with-param name="k" select="'reports.public.title'"/></xsl:call-template></a></p>
</xsl:template>

<xsl:template match="report">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'report.title'"/></xsl:call-template>: <xsl:value-of select="municipality"/></h1>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="rep-cap">
  <table class="report">
    <caption id="rep-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'report.caption'"/><xsl:with-param name="n" select="@year"/></xsl:call-template></caption>
    <thead>
      <tr>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'report.service'"/></xsl:call-template></th>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'report.group'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'report.users'"/></xsl:call-template></th>
      </tr>
    </thead>
    <tbody>
      <xsl:for-each select="row">
        <tr id="r-{@code}">
          <th scope="row"><xsl:value-of select="name"/></th>
          <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('svcgroup.', @group)"/></xsl:call-template></td>
          <td class="num"><xsl:apply-templates select="users"/></td>
        </tr>
      </xsl:for-each>
    </tbody>
    <tfoot>
      <tr>
        <th scope="row" colspan="2"><xsl:call-template name="t"><xsl:with-param name="k" select="'report.total'"/></xsl:call-template></th>
        <td class="num"><xsl:apply-templates select="total"/></td>
      </tr>
    </tfoot>
  </table>
  </div>
  <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'report.note'"/><xsl:with-param name="n" select="@k"/></xsl:call-template></p>
</xsl:template>

<xsl:template match="users | total">
  <xsl:choose>
    <xsl:when test="@suppressed = '1'"><xsl:value-of select="concat('&lt;', /page/report/@k)"/></xsl:when>
    <xsl:otherwise><xsl:call-template name="count"><xsl:with-param name="n" select="."/></xsl:call-template></xsl:otherwise>
  </xsl:choose>
</xsl:template>

</xsl:stylesheet>
