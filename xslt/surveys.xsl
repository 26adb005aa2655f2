<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     surveys.xsl: karika-surveys' pages: the list of open and recently
     closed surveys; answering (the welcome page, a page of questions
     through questions.xsl, saving and resuming, thanks, a closed survey)
     and the results, whose bar charts are inline SVG drawn from the
     aggregates beside a table with the same figures for screen readers.
     Imports the shared layout. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="layout.xsl"/>
<xsl:include href="surveys-edit.xsl"/>
<xsl:include href="questions.xsl"/>

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
            <span class="title">
              <xsl:choose>
                <xsl:when test="ancestor::open"><a href="/surveys/{@code}/"><xsl:value-of select="@title"/></a></xsl:when>
                <xsl:when test="@results"><a href="/surveys/{@code}/results"><xsl:value-of select="@title"/></a></xsl:when>
                <xsl:otherwise><xsl:value-of select="@title"/></xsl:otherwise>
              </xsl:choose>
            </span>
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

<!-- ===== Answering ===== -->

<xsl:template match="survey-welcome|answer|survey-closed|survey-saved|survey-resume|survey-thanks|survey-full|results" mode="title">
  <xsl:value-of select="survey/@title"/>
</xsl:template>

<!-- The dates a survey is open, in local time. -->
<xsl:template name="survey-dates">
  <p class="dates">
    <xsl:call-template name="t"><xsl:with-param name="k" select="'surveys.from'"/></xsl:call-template><xsl:text> </xsl:text>
    <xsl:call-template name="when"><xsl:with-param name="t" select="survey/@opens"/></xsl:call-template><xsl:text> </xsl:text>
    <xsl:call-template name="t"><xsl:with-param name="k" select="'surveys.to'"/></xsl:call-template><xsl:text> </xsl:text>
    <xsl:call-template name="when"><xsl:with-param name="t" select="survey/@closes"/></xsl:call-template>
  </p>
</xsl:template>

<xsl:template name="survey-state">
  <xsl:if test="survey/@state != 'open'">
    <p class="notice" role="status"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('survey.state.', survey/@state)"/></xsl:call-template></p>
  </xsl:if>
</xsl:template>

<xsl:template match="survey-welcome">
  <h1><xsl:value-of select="survey/@title"/></h1>
  <xsl:call-template name="survey-state"/>
  <p class="lead"><xsl:value-of select="survey/purpose"/></p>
  <ul class="facts">
    <li><xsl:call-template name="plural"><xsl:with-param name="k" select="'survey.minutes'"/><xsl:with-param name="n" select="survey/@minutes"/></xsl:call-template></li>
    <xsl:if test="survey/@anonymous"><li><xsl:call-template name="t"><xsl:with-param name="k" select="'survey.anonymous'"/></xsl:call-template></li></xsl:if>
    <li><xsl:call-template name="survey-dates"/></li>
  </ul>
  <xsl:apply-templates select="start"/>
  <xsl:apply-templates select="form"/>
  <xsl:if test="survey/@state = 'open'">
    <p><a href="/surveys/{survey/@slug}/resume"><xsl:call-template name="t"><xsl:with-param name="k" select="'survey.resume.link'"/></xsl:call-template></a></p>
  </xsl:if>
  <xsl:call-template name="results-link"/>
</xsl:template>

<!-- Start (or Continue): a link to the first page, styled as a button;
     the response begins when that page is sent. -->
<xsl:template match="survey-welcome/start">
  <p class="start"><a class="button" href="{@href}"><xsl:call-template name="t"><xsl:with-param name="k" select="@key"/></xsl:call-template></a></p>
</xsl:template>

<xsl:template name="results-link">
  <xsl:if test="survey/@published">
    <p><a href="/surveys/{survey/@slug}/results"><xsl:call-template name="t"><xsl:with-param name="k" select="'survey.results.link'"/></xsl:call-template></a></p>
  </xsl:if>
</xsl:template>

<xsl:template match="answer">
  <p class="survey-name"><xsl:value-of select="survey/@title"/></p>
  <h1><xsl:choose><xsl:when test="title"><xsl:value-of select="title"/></xsl:when><xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'survey.page'"/><xsl:with-param name="n" select="@n"/></xsl:call-template></xsl:otherwise></xsl:choose></h1>
  <p class="progress">
    <xsl:call-template name="t"><xsl:with-param name="k" select="'survey.progress'"/><xsl:with-param name="n" select="concat(@n, '/', @total)"/></xsl:call-template>
    <xsl:text> · </xsl:text>
    <xsl:call-template name="t"><xsl:with-param name="k" select="'survey.left'"/><xsl:with-param name="n" select="@minutes"/></xsl:call-template>
    <span class="bar" aria-hidden="true"><span class="p{10 * floor(@percent div 10)}"/></span>
  </p>
  <xsl:apply-templates select="questions"/>
</xsl:template>

<xsl:template match="survey-closed">
  <h1><xsl:value-of select="survey/@title"/></h1>
  <xsl:call-template name="survey-state"/>
  <xsl:call-template name="survey-dates"/>
  <xsl:call-template name="results-link"/>
</xsl:template>

<xsl:template match="survey-full">
  <h1><xsl:value-of select="survey/@title"/></h1>
  <p class="notice" role="status"><xsl:call-template name="t"><xsl:with-param name="k" select="@key"/></xsl:call-template></p>
</xsl:template>

<!-- The resume code, shown once after each Save; a reload says it was
     shown and offers a new one in its place (answer.c). -->
<xsl:template match="survey-saved">
  <h1><xsl:value-of select="survey/@title"/></h1>
  <xsl:choose>
    <xsl:when test="@code">
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'survey.saved.text'"/></xsl:call-template></p>
      <p class="code"><code><xsl:value-of select="@code"/></code></p>
    </xsl:when>
    <xsl:otherwise>
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'survey.saved.shown'"/></xsl:call-template></p>
      <form method="post" action="/surveys/{survey/@slug}/saved">
        <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
        <button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'survey.saved.new'"/></xsl:call-template></button>
      </form>
    </xsl:otherwise>
  </xsl:choose>
  <p><xsl:call-template name="t"><xsl:with-param name="k" select="'survey.saved.where'"/></xsl:call-template>
    <xsl:text> </xsl:text><a href="/surveys/{survey/@slug}/resume">/surveys/<xsl:value-of select="survey/@slug"/>/resume</a></p>
  <p><a href="/surveys/{survey/@slug}/page"><xsl:call-template name="t"><xsl:with-param name="k" select="'survey.saved.go_on'"/></xsl:call-template></a></p>
</xsl:template>

<xsl:template match="survey-resume">
  <h1><xsl:value-of select="survey/@title"/></h1>
  <p><xsl:call-template name="t"><xsl:with-param name="k" select="'survey.resume.text'"/></xsl:call-template></p>
  <xsl:apply-templates select="form"/>
</xsl:template>

<xsl:template match="survey-thanks">
  <h1><xsl:value-of select="survey/@title"/></h1>
  <p class="notice" role="status"><xsl:choose>
    <xsl:when test="survey/thanks"><xsl:value-of select="survey/thanks"/></xsl:when>
    <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'survey.thanks'"/></xsl:call-template></xsl:otherwise>
  </xsl:choose></p>
  <xsl:call-template name="results-link"/>
</xsl:template>

<!-- ===== Results ===== -->

<!-- A count, or "<k" when it is suppressed (prefix: "" or "prev-"), or,
     when it is hidden only because it would reveal a small one
     (hidden="2"), a note saying so: it is not small. -->
<xsl:template name="cell">
  <xsl:param name="p" select="''"/>
  <xsl:choose>
    <xsl:when test="@*[name() = concat($p, 'hidden')] = '2'"><xsl:call-template name="t"><xsl:with-param name="k" select="'results.hidden.other'"/></xsl:call-template></xsl:when>
    <xsl:when test="@*[name() = concat($p, 'hidden')]"><xsl:call-template name="t"><xsl:with-param name="k" select="'results.hidden'"/><xsl:with-param name="n" select="/page/results/@k"/></xsl:call-template></xsl:when>
    <xsl:otherwise><xsl:value-of select="@*[name() = concat($p, 'n')]"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template name="pct">
  <xsl:param name="p" select="''"/>
  <xsl:if test="@*[name() = concat($p, 'pct')]"><xsl:value-of select="translate(@*[name() = concat($p, 'pct')], '.', substring('.,', 1 + ($lang != 'en'), 1))"/> %</xsl:if>
</xsl:template>

<xsl:template name="opt-label">
  <xsl:choose>
    <xsl:when test="@key"><xsl:call-template name="t"><xsl:with-param name="k" select="@key"/></xsl:call-template></xsl:when>
    <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template match="results">
  <xsl:variable name="prev" select="boolean(round)"/>
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'results.title'"/></xsl:call-template>: <xsl:value-of select="survey/@title"/></h1>
  <p class="lead">
    <xsl:call-template name="t"><xsl:with-param name="k" select="'results.completed'"/></xsl:call-template><xsl:text>: </xsl:text>
    <strong><xsl:call-template name="cell"/></strong>
    <xsl:if test="$prev"><xsl:text> · </xsl:text><xsl:value-of select="round/@title"/><xsl:text>: </xsl:text><xsl:call-template name="cell"><xsl:with-param name="p" select="concat('prev', '-')"/></xsl:call-template></xsl:if>
  </p>
  <xsl:choose>
    <xsl:when test="@editor"><p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'results.editor'"/></xsl:call-template></p></xsl:when>
    <xsl:otherwise><p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'results.suppressed'"/><xsl:with-param name="n" select="@k"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
  <nav class="filter">
    <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'results.filter'"/></xsl:call-template></xsl:attribute>
    <ul>
      <li><a href="/surveys/{survey/@slug}/results"><xsl:if test="groups/@current = ''"><xsl:attribute name="aria-current">true</xsl:attribute></xsl:if><xsl:call-template name="t"><xsl:with-param name="k" select="'results.all'"/></xsl:call-template></a></li>
      <xsl:for-each select="groups/group">
        <li><a href="/surveys/{/page/results/survey/@slug}/results?group={@code}"><xsl:if test="../@current = @code"><xsl:attribute name="aria-current">true</xsl:attribute></xsl:if><xsl:value-of select="@label"/></a>
          (<xsl:call-template name="cell"/>)</li>
      </xsl:for-each>
    </ul>
  </nav>
  <xsl:apply-templates select="question" mode="result"/>
  <xsl:if test="@editor and count(crossable) &gt; 1"><xsl:call-template name="cross-form"/></xsl:if>
  <xsl:apply-templates select="cross"/>
</xsl:template>

<!-- Bars: one per row, width the percentage (or the mean of a scale). -->
<xsl:template name="bars">
  <xsl:param name="rows"/>
  <xsl:param name="max" select="100"/>
  <xsl:param name="attr" select="string('pct')"/>
  <svg class="chart" aria-hidden="true" focusable="false" width="100%" height="{22 * count($rows)}" viewBox="0 0 320 {22 * count($rows)}" preserveAspectRatio="none">
    <xsl:for-each select="$rows">
      <xsl:variable name="v" select="number(@*[name() = $attr])"/>
      <xsl:if test="$v = $v">
        <rect x="0" y="{22 * (position() - 1) + 3}" height="16" width="{round(320 * $v div $max)}"/>
      </xsl:if>
    </xsl:for-each>
  </svg>
</xsl:template>

<xsl:template match="question" mode="result">
  <xsl:variable name="prev" select="boolean(/page/results/round)"/>
  <section class="result" aria-labelledby="r-{@code}">
    <h2 id="r-{@code}"><xsl:value-of select="text"/></h2>
    <xsl:choose>
      <xsl:when test="option">
        <div class="chart-table">
          <xsl:call-template name="bars"><xsl:with-param name="rows" select="option"/></xsl:call-template>
          <div class="table-wrap"><table class="report">
            <caption class="sr"><xsl:value-of select="text"/></caption>
            <thead><tr><th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'results.answer'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'results.n'"/></xsl:call-template></th>
              <th scope="col" class="num">%</th>
              <xsl:if test="$prev"><th scope="col" class="num"><xsl:value-of select="/page/results/round/@title"/></th></xsl:if></tr></thead>
            <tbody>
              <xsl:for-each select="option">
                <tr><th scope="row"><xsl:call-template name="opt-label"/></th>
                  <td class="num"><xsl:call-template name="cell"/></td>
                  <td class="num"><xsl:call-template name="pct"/></td>
                  <xsl:if test="$prev"><td class="num"><xsl:call-template name="pct"><xsl:with-param name="p" select="concat('prev', '-')"/></xsl:call-template><xsl:if test="@prev-hidden"><xsl:call-template name="cell"><xsl:with-param name="p" select="concat('prev', '-')"/></xsl:call-template></xsl:if></td></xsl:if></tr>
              </xsl:for-each>
            </tbody>
          </table></div>
        </div>
      </xsl:when>
      <xsl:when test="item">
        <div class="chart-table">
          <xsl:call-template name="bars"><xsl:with-param name="rows" select="item"/><xsl:with-param name="max" select="count(item[1]/option)"/><xsl:with-param name="attr" select="string('mean')"/></xsl:call-template>
          <div class="table-wrap"><table class="report">
            <caption class="sr"><xsl:value-of select="text"/></caption>
            <thead><tr><th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'results.item'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'results.mean'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'results.median'"/></xsl:call-template></th>
              <xsl:if test="$prev"><th scope="col" class="num"><xsl:value-of select="/page/results/round/@title"/></th></xsl:if>
              <xsl:for-each select="item[1]/option"><th scope="col" class="num"><xsl:call-template name="opt-label"/></th></xsl:for-each></tr></thead>
            <tbody>
              <xsl:for-each select="item">
                <tr><th scope="row"><xsl:value-of select="@label"/></th>
                  <td class="num"><xsl:call-template name="stat"><xsl:with-param name="v" select="@mean"/></xsl:call-template></td>
                  <td class="num"><xsl:call-template name="stat"><xsl:with-param name="v" select="@median"/></xsl:call-template></td>
                  <xsl:if test="$prev"><td class="num"><xsl:call-template name="stat"><xsl:with-param name="v" select="@prev-mean"/><xsl:with-param name="p" select="concat('prev', '-')"/></xsl:call-template></td></xsl:if>
                  <xsl:for-each select="option"><td class="num"><xsl:call-template name="cell"/></td></xsl:for-each></tr>
              </xsl:for-each>
            </tbody>
          </table></div>
        </div>
      </xsl:when>
      <xsl:when test="@type = 'number'">
        <dl>
          <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'results.mean'"/></xsl:call-template></dt><dd><xsl:call-template name="stat"><xsl:with-param name="v" select="@mean"/></xsl:call-template></dd>
          <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'results.median'"/></xsl:call-template></dt><dd><xsl:call-template name="stat"><xsl:with-param name="v" select="@median"/></xsl:call-template></dd>
          <xsl:if test="$prev"><dt><xsl:value-of select="/page/results/round/@title"/></dt><dd><xsl:call-template name="stat"><xsl:with-param name="v" select="@prev-mean"/><xsl:with-param name="p" select="concat('prev', '-')"/></xsl:call-template></dd></xsl:if>
        </dl>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="answer-text">
      <h3><xsl:call-template name="t"><xsl:with-param name="k" select="'results.texts'"/></xsl:call-template></h3>
      <ul class="texts"><xsl:for-each select="answer-text"><li><xsl:value-of select="."/></li></xsl:for-each></ul>
    </xsl:if>
  </section>
</xsl:template>

<!-- A mean or median the local way, or "<k" when too few answered, or a
     note when it would reveal a hidden count beside it. -->
<xsl:template name="stat">
  <xsl:param name="v"/>
  <xsl:param name="p" select="''"/>
  <xsl:choose>
    <xsl:when test="@*[name() = concat($p, 'stats-hidden')] = '2'"><xsl:call-template name="t"><xsl:with-param name="k" select="'results.hidden.other'"/></xsl:call-template></xsl:when>
    <xsl:when test="@*[name() = concat($p, 'stats-hidden')]"><xsl:call-template name="t"><xsl:with-param name="k" select="'results.hidden'"/><xsl:with-param name="n" select="/page/results/@k"/></xsl:call-template></xsl:when>
    <xsl:when test="$v"><xsl:value-of select="translate($v, '.', substring('.,', 1 + ($lang != 'en'), 1))"/></xsl:when>
    <xsl:otherwise>–</xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- Editors: two questions to cross-tabulate, as a GET form (?row&col),
     keeping the group filter. -->
<xsl:template name="cross-form">
  <form method="get" action="/surveys/{survey/@slug}/results" class="cross-form">
    <xsl:if test="groups/@current != ''"><input type="hidden" name="group" value="{groups/@current}"/></xsl:if>
    <fieldset>
      <legend><xsl:call-template name="t"><xsl:with-param name="k" select="'results.cross'"/></xsl:call-template></legend>
      <div class="field">
        <label for="f-row"><xsl:call-template name="t"><xsl:with-param name="k" select="'results.cross.row'"/></xsl:call-template></label>
        <select id="f-row" name="row">
          <xsl:for-each select="crossable">
            <option value="{@code}"><xsl:if test="@code = /page/results/cross/@a or (not(/page/results/cross) and position() = 1)"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="."/></option>
          </xsl:for-each>
        </select>
      </div>
      <div class="field">
        <label for="f-col"><xsl:call-template name="t"><xsl:with-param name="k" select="'results.cross.col'"/></xsl:call-template></label>
        <select id="f-col" name="col">
          <xsl:for-each select="crossable">
            <option value="{@code}"><xsl:if test="@code = /page/results/cross/@b or (not(/page/results/cross) and position() = 2)"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="."/></option>
          </xsl:for-each>
        </select>
      </div>
      <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'results.cross.show'"/></xsl:call-template></button></p>
    </fieldset>
  </form>
</xsl:template>

<xsl:template match="cross">
  <section class="result" aria-labelledby="cross-h">
    <h2 id="cross-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'results.cross'"/></xsl:call-template></h2>
    <div class="table-wrap"><table class="report">
      <caption><xsl:value-of select="a-text"/> × <xsl:value-of select="b-text"/></caption>
      <thead><tr><td/><xsl:for-each select="col"><th scope="col" class="num"><xsl:call-template name="cross-label"/></th></xsl:for-each></tr></thead>
      <tbody><xsl:for-each select="row"><tr><th scope="row"><xsl:call-template name="cross-label"/></th><xsl:for-each select="cell"><td class="num"><xsl:value-of select="@n"/></td></xsl:for-each></tr></xsl:for-each></tbody>
    </table></div>
  </section>
</xsl:template>

<xsl:template name="cross-label">
  <xsl:choose>
    <xsl:when test="@key"><xsl:call-template name="t"><xsl:with-param name="k" select="@key"/></xsl:call-template></xsl:when>
    <xsl:otherwise><xsl:value-of select="@label"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

</xsl:stylesheet>
