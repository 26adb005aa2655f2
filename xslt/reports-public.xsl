<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     reports-public.xsl: the published figures (public.c, open.c) with an
     inline SVG bar chart drawn here from the aggregate XML and a table
     beside each chart (the chart needs no JavaScript; the table is what
     a screen reader reads); the province (province.c); the returns and
     state reports (returns.c).  A hidden cell arrives only as
     suppressed="1" and is shown as "<k", never as 0.  Included by
     reports.xsl. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

<!-- A value of a dataset cell: a count, money, or "<k". -->
<xsl:template name="rp-value">
  <xsl:param name="c"/>
  <xsl:param name="money" select="false()"/>
  <xsl:choose>
    <xsl:when test="$c/@suppressed = '1'"><xsl:value-of select="concat('&lt;', /page/*/@k)"/></xsl:when>
    <xsl:when test="$money"><xsl:call-template name="rp-money"><xsl:with-param name="para" select="$c/@value"/></xsl:call-template></xsl:when>
    <xsl:otherwise><xsl:call-template name="count"><xsl:with-param name="n" select="$c/@value"/></xsl:call-template></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- A horizontal bar chart of one year of a dataset: a bar per service,
     its length by the largest shown value; a hidden cell has no bar. -->
<xsl:template name="rp-chart">
  <xsl:param name="ds"/>
  <xsl:param name="year"/>
  <xsl:variable name="money" select="$ds/@name = 'spending'"/>
  <xsl:variable name="max">
    <xsl:for-each select="$ds/row/cell[@year = $year and @value]">
      <xsl:sort select="@value" data-type="number" order="descending"/>
      <xsl:if test="position() = 1"><xsl:value-of select="@value"/></xsl:if>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="n" select="count($ds/row)"/>
  <svg xmlns="http://www.w3.org/2000/svg" class="rp-chart" role="img" width="100%" viewBox="0 0 640 {12 + $n * 44}" preserveAspectRatio="xMinYMin meet" aria-labelledby="chart-{$ds/@name}-title">
    <title id="chart-{$ds/@name}-title"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('reports.public.chart.', $ds/@name)"/><xsl:with-param name="n" select="$year"/></xsl:call-template></title>
    <xsl:for-each select="$ds/row">
      <xsl:variable name="y" select="6 + (position() - 1) * 44"/>
      <xsl:variable name="c" select="cell[@year = $year]"/>
      <xsl:variable name="w">
        <xsl:choose>
          <xsl:when test="$c/@value and number($max) &gt; 0"><xsl:value-of select="round(440 * $c/@value div $max)"/></xsl:when>
          <xsl:otherwise>0</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <text x="0" y="{$y + 12}" font-size="13" fill="#1b1b1b"><xsl:value-of select="@name"/></text>
      <rect x="0" y="{$y + 18}" width="{$w}" height="16" fill="#2a6f97"/>
      <text x="{$w + 6}" y="{$y + 31}" font-size="13" fill="#1b1b1b"><xsl:call-template name="rp-value"><xsl:with-param name="c" select="$c"/><xsl:with-param name="money" select="$money"/></xsl:call-template></text>
    </xsl:for-each>
  </svg>
</xsl:template>

<!-- A dataset's table: services by year, the total per year. -->
<xsl:template name="rp-dataset-table">
  <xsl:param name="ds"/>
  <xsl:variable name="money" select="$ds/@name = 'spending'"/>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="tab-{$ds/@name}">
  <table class="report public">
    <caption id="tab-{$ds/@name}"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('reports.public.table.', $ds/@name)"/></xsl:call-template></caption>
    <thead>
      <tr>
        <th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'report.service'"/></xsl:call-template></th>
        <xsl:for-each select="$ds/column"><th scope="col" class="num"><xsl:value-of select="@year"/></th></xsl:for-each>
      </tr>
    </thead>
    <tbody>
      <xsl:for-each select="$ds/row">
        <tr>
          <th scope="row"><xsl:value-of select="@name"/></th>
          <xsl:for-each select="cell"><td class="num"><xsl:call-template name="rp-value"><xsl:with-param name="c" select="."/><xsl:with-param name="money" select="$money"/></xsl:call-template></td></xsl:for-each>
        </tr>
      </xsl:for-each>
    </tbody>
    <tfoot>
      <tr>
        <th scope="row"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'report.total'"/></xsl:call-template></th>
        <xsl:for-each select="$ds/column">
          <td class="num">
            <xsl:choose>
              <xsl:when test="@total-suppressed = '1'"><xsl:value-of select="concat('&lt;', /page/*/@k)"/></xsl:when>
              <xsl:when test="$money"><xsl:call-template name="rp-money"><xsl:with-param name="para" select="@total"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="count"><xsl:with-param name="n" select="@total"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </td>
        </xsl:for-each>
      </tr>
    </tfoot>
  </table>
  </div>
</xsl:template>

<xsl:template match="public" mode="title">
  <xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.public.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="public">
  <h1><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.public.title'"/></xsl:call-template>: <xsl:value-of select="municipality"/></h1>
  <xsl:choose>
    <xsl:when test="dataset"><p><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.public.intro'"/></xsl:call-template></p></xsl:when>
    <xsl:otherwise><p><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.public.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
  <xsl:for-each select="dataset">
    <section class="figure">
      <h2><xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('reports.public.', @name)"/></xsl:call-template></h2>
      <div class="chart-and-table">
        <xsl:call-template name="rp-chart"><xsl:with-param name="ds" select="."/><xsl:with-param name="year" select="../@last"/></xsl:call-template>
        <xsl:call-template name="rp-dataset-table"><xsl:with-param name="ds" select="."/></xsl:call-template>
      </div>
    </section>
  </xsl:for-each>
  <xsl:if test="dataset">
    <p class="note"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'report.note'"/><xsl:with-param name="n" select="@k"/></xsl:call-template></p>
  </xsl:if>
  <!-- The department chooses what is published (publish.c); its
       analysts and the administrators find the form from here (a
       signed-in page: never in nginx's cache). -->
  <xsl:variable name="may-choose" select="/page/session/user/role[@name = 'analyst' or @name = 'admin']"/>
  <xsl:if test="dataset or @surveys = '1' or $may-choose">
    <ul class="actions">
      <xsl:if test="dataset"><li><a href="/reports/open/"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.open.title'"/></xsl:call-template></a></li></xsl:if>
      <xsl:if test="@surveys = '1'"><li><a href="/surveys/"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.public.surveys'"/></xsl:call-template></a></li></xsl:if>
      <xsl:if test="$may-choose"><li><a href="/reports/public/settings"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.publish.title'"/></xsl:call-template></a></li></xsl:if>
    </ul>
  </xsl:if>
</xsl:template>

<!-- The department's choice of published datasets (publish.c). -->
<xsl:template match="publish[@page]" mode="title">
  <xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.publish.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="publish[@page]">
  <h1><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.publish.title'"/></xsl:call-template></h1>
  <p><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.publish.intro'"/></xsl:call-template></p>
  <xsl:apply-templates select="form"/>
  <p class="note"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.publish.note'"/></xsl:call-template></p>
  <p><a href="/reports/public"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.public.title'"/></xsl:call-template></a></p>
</xsl:template>

<!-- The open data page: files, dictionary, licence, extraction date. -->
<xsl:template match="open" mode="title">
  <xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.open.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="open">
  <h1><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.open.title'"/></xsl:call-template>: <xsl:value-of select="municipality"/></h1>
  <p><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.open.intro'"/><xsl:with-param name="n" select="concat(@first, '–', @last)"/></xsl:call-template></p>
  <dl class="meta">
    <dt><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.open.extracted'"/></xsl:call-template></dt>
    <dd><xsl:call-template name="date"><xsl:with-param name="d" select="@extracted"/></xsl:call-template></dd>
    <dt><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.open.licence'"/></xsl:call-template></dt>
    <dd><a href="{@licence-url}" hreflang="en"><xsl:value-of select="@licence"/></a></dd>
  </dl>
  <h2><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.open.files'"/></xsl:call-template></h2>
  <xsl:choose>
    <xsl:when test="file">
      <ul>
        <xsl:for-each select="file">
          <li><xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('reports.public.', @dataset)"/></xsl:call-template>: <a href="/reports/open/{@dataset}.csv"><xsl:value-of select="@dataset"/>.csv</a>, <a href="/reports/open/{@dataset}.json"><xsl:value-of select="@dataset"/>.json</a></li>
        </xsl:for-each>
      </ul>
    </xsl:when>
    <xsl:otherwise><p><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.open.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
  <h2><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.open.dictionary'"/></xsl:call-template></h2>
  <!-- The files as open.c writes them: the CSV's columns; the JSON's
       keys, the file's and each row's (issue 14: one dictionary for
       both described neither). -->
  <xsl:call-template name="rp-dict">
    <xsl:with-param name="id">dict-csv</xsl:with-param>
    <xsl:with-param name="caption" select="'reports.open.dictionary.caption'"/>
    <xsl:with-param name="prefix">f</xsl:with-param>
    <xsl:with-param name="fields" select="'municipality year service service_name value suppressed extracted '"/>
  </xsl:call-template>
  <xsl:call-template name="rp-dict">
    <xsl:with-param name="id">dict-json</xsl:with-param>
    <xsl:with-param name="caption" select="'reports.open.json.caption'"/>
    <xsl:with-param name="prefix">j</xsl:with-param>
    <xsl:with-param name="fields" select="'dataset municipality licence licence_url extracted k unit rows '"/>
  </xsl:call-template>
  <xsl:call-template name="rp-dict">
    <xsl:with-param name="id">dict-rows</xsl:with-param>
    <xsl:with-param name="caption" select="'reports.open.rows.caption'"/>
    <xsl:with-param name="prefix">r</xsl:with-param>
    <xsl:with-param name="fields" select="'year service name value suppressed shown_as '"/>
  </xsl:call-template>
  <p class="note"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'report.note'"/><xsl:with-param name="n" select="@k"/></xsl:call-template></p>
</xsl:template>

<!-- A dictionary table: the space-separated fields, each with its
     meaning "reports.open.<prefix>.<field>". -->
<xsl:template name="rp-dict">
  <xsl:param name="id"/>
  <xsl:param name="caption"/>
  <xsl:param name="prefix"/>
  <xsl:param name="fields"/>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="{$id}-cap">
  <table class="report dictionary" id="{$id}">
    <caption id="{$id}-cap"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="$caption"/></xsl:call-template></caption>
    <thead><tr>
      <th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.open.field'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.open.meaning'"/></xsl:call-template></th>
    </tr></thead>
    <tbody>
      <xsl:call-template name="rp-dict-rows">
        <xsl:with-param name="prefix" select="$prefix"/>
        <xsl:with-param name="fields" select="$fields"/>
      </xsl:call-template>
    </tbody>
  </table>
  </div>
</xsl:template>

<xsl:template name="rp-dict-rows">
  <xsl:param name="prefix"/>
  <xsl:param name="fields"/>
  <xsl:if test="$fields != ''">
    <xsl:variable name="f" select="substring-before($fields, ' ')"/>
    <tr>
      <th scope="row"><code><xsl:value-of select="$f"/></code></th>
      <td><xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('reports.open.', $prefix, '.', $f)"/><xsl:with-param name="n" select="/page/open/@k"/></xsl:call-template></td>
    </tr>
    <xsl:call-template name="rp-dict-rows">
      <xsl:with-param name="prefix" select="$prefix"/>
      <xsl:with-param name="fields" select="substring-after($fields, ' ')"/>
    </xsl:call-template>
  </xsl:if>
</xsl:template>

<!-- The province -->
<xsl:template match="province" mode="title">
  <xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.province.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="province">
  <h1><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.province.title'"/></xsl:call-template>, <xsl:value-of select="@year"/></h1>
  <xsl:call-template name="rp-year-form"/>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="pv-cap">
  <table class="report province">
    <caption id="pv-cap"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.province.caption'"/><xsl:with-param name="n" select="@year"/></xsl:call-template></caption>
    <thead><tr>
      <th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.province.town'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.users'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.places'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.cost'"/></xsl:call-template></th>
    </tr></thead>
    <tbody>
      <xsl:for-each select="town">
        <tr>
          <th scope="row"><xsl:value-of select="@name"/></th>
          <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="concat(@users, substring('0', 1, number(not(@users))))"/></xsl:call-template></td>
          <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="@places"/></xsl:call-template></td>
          <td class="num"><xsl:if test="@cost"><xsl:call-template name="money"><xsl:with-param name="para" select="@cost"/><xsl:with-param name="currency" select="@currency"/></xsl:call-template></xsl:if></td>
        </tr>
      </xsl:for-each>
    </tbody>
    <tfoot><tr>
      <th scope="row"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'report.total'"/></xsl:call-template></th>
      <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="total/@users"/></xsl:call-template></td>
      <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="total/@places"/></xsl:call-template></td>
      <td class="num"><xsl:if test="total/@cost"><xsl:call-template name="money"><xsl:with-param name="para" select="total/@cost"/><xsl:with-param name="currency" select="@one-currency"/></xsl:call-template></xsl:if></td>
    </tr></tfoot>
  </table>
  </div>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="pk-cap">
  <table class="report province-kinds">
    <caption id="pk-cap"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.province.kinds'"/></xsl:call-template></caption>
    <thead><tr>
      <th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'report.group'"/></xsl:call-template></th>
      <xsl:for-each select="town"><th scope="col" class="num"><xsl:value-of select="@name"/></th></xsl:for-each>
    </tr></thead>
    <tbody>
      <xsl:for-each select="kinds/kind">
        <tr>
          <th scope="row"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('svcgroup.', @code)"/></xsl:call-template></th>
          <xsl:for-each select="cell"><td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="@value"/><xsl:with-param name="hidden" select="@suppressed = '1'"/></xsl:call-template></td></xsl:for-each>
        </tr>
      </xsl:for-each>
    </tbody>
  </table>
  </div>
  <p class="note"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.province.note'"/><xsl:with-param name="n" select="@strictest-k"/></xsl:call-template></p>
</xsl:template>

<!-- Returns of residential institutions -->
<xsl:template match="returns" mode="title">
  <xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.returns.title'"/></xsl:call-template>
</xsl:template>

<xsl:template name="rp-quarter">
  <xsl:param name="p"/>
  <xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('reports.quarter.', (number(substring($p, 6, 2)) + 2) div 3)"/></xsl:call-template>
  <xsl:text> </xsl:text><xsl:value-of select="substring($p, 1, 4)"/>
</xsl:template>

<xsl:template match="returns">
  <h1><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.returns.title'"/></xsl:call-template>: <xsl:value-of select="municipality"/>, <xsl:value-of select="@year"/></h1>
  <xsl:call-template name="rp-year-form"/>
  <xsl:if test="@institution">
    <p><a href="/reports/returns/new"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.return.new'"/></xsl:call-template></a></p>
  </xsl:if>
  <xsl:if test="quarter">
    <div class="table-wrap" role="region" tabindex="0" aria-labelledby="rq-cap">
    <table class="report completeness">
      <caption id="rq-cap"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.returns.completeness'"/></xsl:call-template></caption>
      <thead><tr>
        <th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.return.quarter'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.returns.institutions'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.returns.received'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.status.accepted'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.status.submitted'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.status.returned'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.returns.missing'"/></xsl:call-template></th>
      </tr></thead>
      <tbody>
        <xsl:for-each select="quarter">
          <tr>
            <th scope="row"><xsl:call-template name="rp-quarter"><xsl:with-param name="p" select="@period"/></xsl:call-template></th>
            <td class="num"><xsl:value-of select="@institutions"/></td>
            <td class="num"><xsl:value-of select="@received"/></td>
            <td class="num"><xsl:value-of select="@accepted"/></td>
            <td class="num"><xsl:value-of select="@review"/></td>
            <td class="num"><xsl:value-of select="@returned"/></td>
            <!-- A quarter's returns are due once it has ended (people at
                 its end): before that none is missing. -->
            <td class="num">
              <xsl:choose>
                <xsl:when test="@due = '1'"><xsl:value-of select="@institutions - @received"/></xsl:when>
                <xsl:otherwise><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.returns.not-due'"/></xsl:call-template></xsl:otherwise>
              </xsl:choose>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
    </div>
  </xsl:if>
  <xsl:choose>
    <xsl:when test="return">
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="rl-cap">
      <table class="report returns">
        <caption id="rl-cap"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.returns.list'"/></xsl:call-template></caption>
        <thead><tr>
          <xsl:if test="return/@name"><th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.organisation'"/></xsl:call-template></th></xsl:if>
          <th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.return.quarter'"/></xsl:call-template></th>
          <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.return.places'"/></xsl:call-template></th>
          <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.return.users'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.return.status'"/></xsl:call-template></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="return">
            <tr>
              <xsl:if test="@name"><th scope="row"><a href="/reports/returns/{@id}"><xsl:value-of select="@name"/></a></th></xsl:if>
              <td><a href="/reports/returns/{@id}"><xsl:call-template name="rp-quarter"><xsl:with-param name="p" select="@period"/></xsl:call-template></a></td>
              <td class="num"><xsl:value-of select="@places"/></td>
              <td class="num"><xsl:value-of select="@users"/></td>
              <td><xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('reports.status.', @status)"/></xsl:call-template><xsl:if test="@reason != ''">: <xsl:value-of select="@reason"/></xsl:if></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      </div>
    </xsl:when>
    <xsl:otherwise><p><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.returns.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template match="return[@page]" mode="title">
  <xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('reports.return.', @page)"/></xsl:call-template>
</xsl:template>

<xsl:template match="return[@page]">
  <h1><xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('reports.return.', @page)"/></xsl:call-template></h1>
  <xsl:if test="@page = 'new'"><p><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.return.hint'"/></xsl:call-template></p></xsl:if>
  <xsl:for-each select="record">
    <dl class="record">
      <dt><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.organisation'"/></xsl:call-template></dt><dd><xsl:value-of select="@name"/></dd>
      <dt><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.return.quarter'"/></xsl:call-template></dt><dd><xsl:call-template name="rp-quarter"><xsl:with-param name="p" select="@period"/></xsl:call-template></dd>
      <dt><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.return.places'"/></xsl:call-template></dt><dd><xsl:value-of select="@places"/></dd>
      <dt><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.return.users'"/></xsl:call-template></dt><dd><xsl:value-of select="@users"/></dd>
      <dt><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.return.admissions'"/></xsl:call-template></dt><dd><xsl:value-of select="@admissions"/></dd>
      <dt><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.return.discharges'"/></xsl:call-template></dt><dd><xsl:value-of select="@discharges"/></dd>
      <dt><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.return.waiting'"/></xsl:call-template></dt><dd><xsl:value-of select="@waiting"/></dd>
      <dt><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.return.status'"/></xsl:call-template></dt><dd><xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('reports.status.', @status)"/></xsl:call-template><xsl:if test="@reason != ''">: <xsl:value-of select="@reason"/></xsl:if></dd>
    </dl>
  </xsl:for-each>
  <xsl:apply-templates select="form"/>
  <p><a href="/reports/returns"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.returns.back'"/></xsl:call-template></a></p>
</xsl:template>

<!-- The state of providers and institutions -->
<xsl:template match="state" mode="title">
  <xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="state">
  <h1><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.title'"/></xsl:call-template>: <xsl:value-of select="municipality"/>, <xsl:value-of select="@year"/></h1>
  <xsl:call-template name="rp-year-form"/>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="sp-cap">
  <table class="report state-providers">
    <caption id="sp-cap"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.providers'"/></xsl:call-template></caption>
    <thead><tr>
      <th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.organisation'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.places'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.users'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.units'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.waiting'"/></xsl:call-template></th>
    </tr></thead>
    <tbody>
      <xsl:for-each select="provider">
        <tr>
          <th scope="row"><xsl:value-of select="@name"/></th>
          <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="@places"/></xsl:call-template></td>
          <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="@users"/></xsl:call-template></td>
          <td class="num"><xsl:if test="@centi"><xsl:call-template name="rp-units"><xsl:with-param name="u" select="@centi div 100"/></xsl:call-template></xsl:if></td>
          <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="@waiting"/></xsl:call-template></td>
        </tr>
      </xsl:for-each>
    </tbody>
  </table>
  </div>
  <!-- The CSW's applications per service (report_application, 0024). -->
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="sa-cap">
  <table class="report state-applications">
    <caption id="sa-cap"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.apps'"/></xsl:call-template></caption>
    <thead><tr>
      <th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'report.service'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.col.submitted'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.col.review'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.col.info'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.col.age-30'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.col.age-60'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.col.age-over'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.waiting'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.col.approved'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.col.no-place'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.col.refused'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.col.in-time'"/></xsl:call-template></th>
    </tr></thead>
    <tbody>
      <xsl:for-each select="applications">
        <tr>
          <th scope="row"><xsl:value-of select="@name"/></th>
          <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@submitted"/></xsl:call-template></td>
          <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@review"/></xsl:call-template></td>
          <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@info"/></xsl:call-template></td>
          <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@age-30"/></xsl:call-template></td>
          <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@age-60"/></xsl:call-template></td>
          <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@age-over"/></xsl:call-template></td>
          <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@waiting"/></xsl:call-template></td>
          <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@approved"/></xsl:call-template></td>
          <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@no-place"/></xsl:call-template></td>
          <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@refused"/></xsl:call-template></td>
          <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@in-time"/></xsl:call-template></td>
        </tr>
      </xsl:for-each>
    </tbody>
    <tfoot>
      <tr>
        <th scope="row"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'report.total'"/></xsl:call-template></th>
        <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="sum(applications/@submitted)"/></xsl:call-template></td>
        <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="sum(applications/@review)"/></xsl:call-template></td>
        <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="sum(applications/@info)"/></xsl:call-template></td>
        <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="sum(applications/@age-30)"/></xsl:call-template></td>
        <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="sum(applications/@age-60)"/></xsl:call-template></td>
        <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="sum(applications/@age-over)"/></xsl:call-template></td>
        <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="sum(applications/@waiting)"/></xsl:call-template></td>
        <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="sum(applications/@approved)"/></xsl:call-template></td>
        <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="sum(applications/@no-place)"/></xsl:call-template></td>
        <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="sum(applications/@refused)"/></xsl:call-template></td>
        <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="sum(applications/@in-time)"/></xsl:call-template></td>
      </tr>
    </tfoot>
  </table>
  </div>
  <p class="note"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.apps.note'"/></xsl:call-template></p>
  <!-- The CSW's cases (report_case_outcome, 0030): exact, for the staff
       of the town who open this page, as the outcomes' town line. -->
  <xsl:for-each select="cases">
    <div class="table-wrap" role="region" tabindex="0" aria-labelledby="sc-cap">
    <table class="report state-cases">
      <caption id="sc-cap"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.cases'"/><xsl:with-param name="n" select="../@year"/></xsl:call-template></caption>
      <thead><tr>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.cases.open'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.cases.closing'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.cases.opened'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.cases.closed'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.cases.jobs'"/></xsl:call-template></th>
      </tr></thead>
      <tbody><tr>
        <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@open"/></xsl:call-template></td>
        <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@closing"/></xsl:call-template></td>
        <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@opened"/></xsl:call-template></td>
        <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@closed"/></xsl:call-template></td>
        <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@jobs"/></xsl:call-template></td>
      </tr></tbody>
    </table>
    </div>
    <p><a href="/reports/outcomes?year={../@year}"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.cases.outcomes'"/></xsl:call-template></a></p>
  </xsl:for-each>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="si-cap">
  <table class="report state-institutions">
    <caption id="si-cap"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.institutions'"/></xsl:call-template></caption>
    <thead><tr>
      <th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.organisation'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.return.quarter'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.return.places'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.return.users'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.occupancy'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.return.waiting'"/></xsl:call-template></th>
    </tr></thead>
    <tbody>
      <xsl:for-each select="institution">
        <tr>
          <th scope="row"><xsl:value-of select="@name"/></th>
          <xsl:choose>
            <xsl:when test="@period">
              <td><xsl:call-template name="rp-quarter"><xsl:with-param name="p" select="@period"/></xsl:call-template></td>
              <td class="num"><xsl:value-of select="@places"/></td>
              <td class="num"><xsl:value-of select="@users"/></td>
              <td class="num"><xsl:if test="@occupancy"><xsl:value-of select="@occupancy"/> %</xsl:if></td>
              <td class="num"><xsl:value-of select="@waiting"/></td>
            </xsl:when>
            <xsl:otherwise><td colspan="5"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.no-return'"/></xsl:call-template></td></xsl:otherwise>
          </xsl:choose>
        </tr>
      </xsl:for-each>
    </tbody>
  </table>
  </div>
  <p class="note"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.state.note'"/></xsl:call-template></p>
  <ul class="actions">
    <!-- The returns are the providers', the analyst's and the
         administrator's (main.c, PERM_RETURNS), not the CSW's. -->
    <xsl:if test="/page/session/user/role[@name = 'analyst' or @name = 'admin' or @name = 'provider']">
      <li><a href="/reports/returns"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.returns.title'"/></xsl:call-template></a></li>
    </xsl:if>
    <li><a href="/reports/figures"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.figures.town'"/></xsl:call-template></a></li>
  </ul>
</xsl:template>

</xsl:stylesheet>
