<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     registry-ops.xsl: the operators' pages of the registry.  The
     retention report (/registry/admin/retention, retention.c): each run
     of the nightly karika-retention as a table of record kinds, in
     words; a dry run says that it only counted.  Included by
     registry.xsl (layout.xsl's "t", "date", "when" and "count"). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

<xsl:template match="admin-retention" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'admin.retention.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="admin-retention">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.retention.title'"/></xsl:call-template></h1>
  <p><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.retention.intro'"/></xsl:call-template></p>
  <p><a href="/registry/admin/audit"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.audit.title'"/></xsl:call-template></a></p>
  <xsl:if test="not(run)">
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.retention.none'"/></xsl:call-template></p>
  </xsl:if>
  <xsl:for-each select="run">
    <xsl:variable name="key" select="@run"/>
    <div class="table-wrap" role="region" tabindex="0" aria-labelledby="ret-{position()}">
    <table class="report">
      <caption id="ret-{position()}">
        <xsl:choose>
          <xsl:when test="@dry-run = '1'"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.retention.run.dry'"/></xsl:call-template></xsl:when>
          <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.retention.run.real'"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
        <xsl:text>, </xsl:text>
        <xsl:call-template name="t"><xsl:with-param name="k" select="'admin.retention.asof'"/></xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:call-template name="date"><xsl:with-param name="d" select="@as-of"/></xsl:call-template>
        <xsl:text> (</xsl:text>
        <xsl:call-template name="when"><xsl:with-param name="t" select="@at"/></xsl:call-template>
        <xsl:text>)</xsl:text>
      </caption>
      <thead><tr>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.retention.kind'"/></xsl:call-template></th>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.retention.before'"/></xsl:call-template></th>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.retention.result'"/></xsl:call-template></th>
      </tr></thead>
      <tbody>
        <xsl:for-each select="../kind[@run = $key]">
          <tr>
            <th scope="row"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('retention.kind.', @kind)"/></xsl:call-template></th>
            <td><xsl:if test="@before"><xsl:call-template name="date"><xsl:with-param name="d" select="@before"/></xsl:call-template></xsl:if></td>
            <td>
              <xsl:variable name="n"><xsl:call-template name="count"><xsl:with-param name="n" select="number(concat('0', @count))"/></xsl:call-template></xsl:variable>
              <xsl:choose>
                <xsl:when test="@state = 'done' and ../run[@run = $key]/@dry-run = '1'">
                  <xsl:call-template name="t"><xsl:with-param name="k" select="'admin.retention.due'"/><xsl:with-param name="n" select="$n"/></xsl:call-template>
                </xsl:when>
                <xsl:when test="@state = 'done'">
                  <xsl:call-template name="t"><xsl:with-param name="k" select="'admin.retention.deleted'"/><xsl:with-param name="n" select="$n"/></xsl:call-template>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:call-template name="t"><xsl:with-param name="k" select="concat('admin.retention.state.', @state)"/><xsl:with-param name="n" select="$n"/></xsl:call-template>
                </xsl:otherwise>
              </xsl:choose>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
    </div>
  </xsl:for-each>
</xsl:template>

</xsl:stylesheet>
