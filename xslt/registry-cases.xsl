<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     registry-cases.xsl: case management (a worker's cases, a case with
     its assessment, plan, reviews and referrals, the forms that change
     it), the partner's referrals, the cooperation protocol, and the
     domestic-violence pages (issue 15).  Included by registry.xsl (so
     layout.xsl's "t", "date", "when" and "form" are at hand).  Every
     table sits in a labelled, focusable region; buttons are forms with
     the CSRF token; no JavaScript. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

<!-- A button that POSTs to href: one change, the CSRF token with it. -->
<xsl:template name="case-button">
  <xsl:param name="href"/>
  <xsl:param name="k"/>
  <form method="post" action="{$href}" class="inline">
    <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
    <button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="$k"/></xsl:call-template></button>
  </form>
</xsl:template>

<xsl:template name="case-flags">
  <xsl:if test="@urgent = '1'"><strong class="flag"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.flag.urgent'"/></xsl:call-template></strong><xsl:text> </xsl:text></xsl:if>
  <xsl:if test="@safety = '1'"><strong class="flag"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.flag.safety'"/></xsl:call-template></strong></xsl:if>
</xsl:template>

<xsl:template name="case-name"><xsl:value-of select="concat(@given, ' ', @family)"/></xsl:template>

<!-- A table of cases (rows: mine, approve, found). -->
<xsl:template name="case-table">
  <xsl:param name="rows"/>
  <xsl:param name="id"/>
  <xsl:param name="cap"/>
  <xsl:param name="lead"/>
  <!-- Each label once a table, not once a row (the "t" lookup costs
       per call, and a page of the list has 100 rows: bench-cases). -->
  <xsl:variable name="s-open"><xsl:call-template name="t"><xsl:with-param name="k" select="'casestatus.open'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="s-closing"><xsl:call-template name="t"><xsl:with-param name="k" select="'casestatus.closing'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="s-closed"><xsl:call-template name="t"><xsl:with-param name="k" select="'casestatus.closed'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="p-draft"><xsl:call-template name="t"><xsl:with-param name="k" select="'plan.draft'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="p-submitted"><xsl:call-template name="t"><xsl:with-param name="k" select="'plan.submitted'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="p-approved"><xsl:call-template name="t"><xsl:with-param name="k" select="'plan.approved'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="f-urgent"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.flag.urgent'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="f-safety"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.flag.safety'"/></xsl:call-template></xsl:variable>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="{$id}">
  <table class="report">
    <caption id="{$id}"><xsl:call-template name="t"><xsl:with-param name="k" select="$cap"/></xsl:call-template></caption>
    <thead><tr>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.person'"/></xsl:call-template></th>
      <xsl:if test="$lead"><th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.lead'"/></xsl:call-template></th></xsl:if>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.status'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.flags'"/></xsl:call-template></th>
      <xsl:if test="not($lead)">
        <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.overdue'"/></xsl:call-template></th>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.next.due'"/></xsl:call-template></th>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.next.review'"/></xsl:call-template></th>
      </xsl:if>
    </tr></thead>
    <tbody>
      <xsl:for-each select="$rows">
        <tr>
          <th scope="row"><a href="/registry/cases/{@id}"><xsl:call-template name="case-name"/></a></th>
          <xsl:if test="$lead"><td><xsl:value-of select="@lead-name"/></td></xsl:if>
          <td>
            <xsl:choose>
              <xsl:when test="@status = 'open'"><xsl:copy-of select="$s-open"/></xsl:when>
              <xsl:when test="@status = 'closing'"><xsl:copy-of select="$s-closing"/></xsl:when>
              <xsl:when test="@status = 'closed'"><xsl:copy-of select="$s-closed"/></xsl:when>
            </xsl:choose>
            <xsl:choose>
              <xsl:when test="@plan = 'draft'"><xsl:text> · </xsl:text><xsl:copy-of select="$p-draft"/></xsl:when>
              <xsl:when test="@plan = 'submitted'"><xsl:text> · </xsl:text><xsl:copy-of select="$p-submitted"/></xsl:when>
              <xsl:when test="@plan = 'approved'"><xsl:text> · </xsl:text><xsl:copy-of select="$p-approved"/></xsl:when>
            </xsl:choose>
          </td>
          <td><xsl:if test="@urgent = '1'"><strong class="flag"><xsl:copy-of select="$f-urgent"/></strong><xsl:text> </xsl:text></xsl:if><xsl:if test="@safety = '1'"><strong class="flag"><xsl:copy-of select="$f-safety"/></strong></xsl:if></td>
          <xsl:if test="not($lead)">
            <td class="num">
              <xsl:if test="@overdue &gt; 0 or @reviews-overdue &gt; 0"><xsl:attribute name="class">num overdue</xsl:attribute></xsl:if>
              <xsl:value-of select="@overdue"/><xsl:text> / </xsl:text><xsl:value-of select="@reviews-overdue"/>
            </td>
            <td><xsl:if test="@next-due"><xsl:call-template name="date"><xsl:with-param name="d" select="@next-due"/></xsl:call-template></xsl:if></td>
            <td><xsl:if test="@next-review"><xsl:call-template name="date"><xsl:with-param name="d" select="@next-review"/></xsl:call-template></xsl:if></td>
          </xsl:if>
        </tr>
      </xsl:for-each>
    </tbody>
  </table>
  </div>
</xsl:template>

<xsl:template match="cases" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'cases.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="cases">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'cases.title'"/></xsl:call-template></h1>
  <p><a href="/registry/dv"><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.title'"/></xsl:call-template></a>
    <xsl:text> · </xsl:text><a href="/registry/protocol"><xsl:call-template name="t"><xsl:with-param name="k" select="'protocol.title'"/></xsl:call-template></a>
    <xsl:text> · </xsl:text><a href="/registry/groups"><xsl:call-template name="t"><xsl:with-param name="k" select="'groups.title'"/></xsl:call-template></a>
    <xsl:text> · </xsl:text><a href="/reports/outcomes"><xsl:call-template name="t"><xsl:with-param name="k" select="'cases.reports'"/></xsl:call-template></a></p>
  <xsl:if test="transfer">
    <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'cases.transfers'"/></xsl:call-template></h2>
    <ul>
      <xsl:for-each select="transfer">
        <li><a href="/registry/cases/{@id}"><xsl:call-template name="case-name"/></a>
          <xsl:text> (</xsl:text><xsl:value-of select="@lead-name"/><xsl:text>) </xsl:text>
          <xsl:call-template name="case-button"><xsl:with-param name="href" select="concat('/registry/cases/', @id, '/transfer/accept')"/><xsl:with-param name="k" select="'case.transfer.accept'"/></xsl:call-template>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:if>
  <xsl:if test="approve">
    <xsl:call-template name="case-table"><xsl:with-param name="rows" select="approve"/><xsl:with-param name="id">ap-cap</xsl:with-param><xsl:with-param name="cap" select="'cases.approve'"/><xsl:with-param name="lead" select="true()"/></xsl:call-template>
  </xsl:if>
  <xsl:choose>
    <xsl:when test="mine">
      <xsl:call-template name="case-table"><xsl:with-param name="rows" select="mine"/><xsl:with-param name="id">mine-cap</xsl:with-param><xsl:with-param name="cap" select="'cases.mine'"/></xsl:call-template>
      <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'cases.overdue.note'"/></xsl:call-template></p>
    </xsl:when>
    <xsl:when test="@page &gt; 1"/>
    <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'cases.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
  <!-- Pages of the worker's cases and the approvals (case.c, cases_list). -->
  <xsl:if test="@page &gt; 1 or @next">
    <nav class="pager">
      <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'cases.pages'"/></xsl:call-template></xsl:attribute>
      <xsl:if test="@page &gt; 1"><a rel="prev" href="/registry/cases{substring(concat('?page=', @page - 1), 1, 100 * (@page &gt; 2))}"><xsl:call-template name="t"><xsl:with-param name="k" select="'cases.prev'"/></xsl:call-template></a><xsl:text> </xsl:text></xsl:if>
      <xsl:if test="@next"><a rel="next" href="/registry/cases?page={@next}"><xsl:call-template name="t"><xsl:with-param name="k" select="'cases.next'"/></xsl:call-template></a></xsl:if>
    </nav>
  </xsl:if>
  <h2 id="search-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'cases.search.title'"/></xsl:call-template></h2>
  <xsl:apply-templates select="form"/>
  <xsl:if test="@q">
    <xsl:choose>
      <xsl:when test="found">
        <xsl:call-template name="case-table"><xsl:with-param name="rows" select="found"/><xsl:with-param name="id">found-cap</xsl:with-param><xsl:with-param name="cap" select="'cases.found'"/><xsl:with-param name="lead" select="true()"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'cases.found.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="person">
      <h3><xsl:call-template name="t"><xsl:with-param name="k" select="'cases.people'"/></xsl:call-template></h3>
      <ul>
        <xsl:for-each select="person">
          <li><xsl:call-template name="case-name"/>
            <xsl:if test="@birth"><xsl:text>, </xsl:text><xsl:call-template name="date"><xsl:with-param name="d" select="@birth"/></xsl:call-template></xsl:if>
            <xsl:if test="@settlement"><xsl:text>, </xsl:text><xsl:value-of select="@settlement"/></xsl:if>
            <xsl:text> · </xsl:text><a href="/registry/cases/new?person={@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.new.title'"/></xsl:call-template></a></li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:if>
</xsl:template>

<!-- The case's head: whose, which state. -->
<xsl:template match="case">
  <p class="lead">
    <xsl:call-template name="case-name"/>
    <xsl:if test="@birth"><xsl:text> (</xsl:text><xsl:call-template name="date"><xsl:with-param name="d" select="@birth"/></xsl:call-template><xsl:text>)</xsl:text></xsl:if>
    <xsl:text> · </xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="concat('casestatus.', @status)"/></xsl:call-template>
    <xsl:text> · </xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'case.lead'"/></xsl:call-template><xsl:text>: </xsl:text><xsl:value-of select="@lead-name"/>
    <xsl:text> </xsl:text><xsl:call-template name="case-flags"/>
  </p>
</xsl:template>

<xsl:template match="case-page" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'case.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="case-page">
  <xsl:variable name="c" select="case"/>
  <xsl:variable name="base" select="concat('/registry/cases/', $c/@id)"/>
  <xsl:variable name="mine" select="$c/@mine = '1' and $c/@status = 'open'"/>
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'case.title'"/></xsl:call-template></h1>
  <xsl:apply-templates select="case"/>
  <p><a href="/registry/cases"><xsl:call-template name="t"><xsl:with-param name="k" select="'cases.title'"/></xsl:call-template></a></p>

  <xsl:if test="$c/@transfer-to">
    <p class="notice"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.transfer.waiting'"/><xsl:with-param name="n" select="$c/@transfer-name"/></xsl:call-template>
      <xsl:if test="$c/@to-me = '1'"><xsl:text> </xsl:text><xsl:call-template name="case-button"><xsl:with-param name="href" select="concat($base, '/transfer/accept')"/><xsl:with-param name="k" select="'case.transfer.accept'"/></xsl:call-template></xsl:if>
    </p>
  </xsl:if>

  <section aria-labelledby="intake-h">
    <h2 id="intake-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.assessment'"/></xsl:call-template></h2>
    <dl>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'case.opened'"/></xsl:call-template></dt>
      <dd><xsl:call-template name="date"><xsl:with-param name="d" select="$c/@opened"/></xsl:call-template></dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'case.intake'"/></xsl:call-template></dt>
      <dd><xsl:call-template name="t"><xsl:with-param name="k" select="concat('intake.', $c/@intake)"/></xsl:call-template>
        <xsl:if test="$c/@intake-note != ''"><xsl:text>: </xsl:text><xsl:value-of select="$c/@intake-note"/></xsl:if></dd>
      <xsl:if test="$c/@household = '1'"><dt><xsl:call-template name="t"><xsl:with-param name="k" select="'case.household'"/></xsl:call-template></dt><dd><xsl:call-template name="t"><xsl:with-param name="k" select="'yesno.1'"/></xsl:call-template></dd></xsl:if>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'case.ota'"/></xsl:call-template></dt>
      <dd><xsl:call-template name="t"><xsl:with-param name="k" select="concat('yesno.', $c/@ota)"/></xsl:call-template></dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'case.needs'"/></xsl:call-template></dt>
      <dd><xsl:value-of select="$c/@needs"/></dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'case.strengths'"/></xsl:call-template></dt>
      <dd><xsl:value-of select="$c/@strengths"/></dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'case.barriers'"/></xsl:call-template></dt>
      <dd>
        <xsl:choose>
          <xsl:when test="barrier">
            <ul><xsl:for-each select="barrier"><li><xsl:call-template name="t"><xsl:with-param name="k" select="concat('barrier.', @code)"/></xsl:call-template><xsl:if test="@note != ''"><xsl:text>: </xsl:text><xsl:value-of select="@note"/></xsl:if></li></xsl:for-each></ul>
          </xsl:when>
          <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'case.barriers.none'"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'case.priority'"/></xsl:call-template></dt>
      <dd>
        <xsl:choose>
          <xsl:when test="priority[@marked = '1']">
            <ul><xsl:for-each select="priority[@marked = '1']"><li><xsl:value-of select="@name"/></li></xsl:for-each></ul>
          </xsl:when>
          <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'case.priority.none'"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </dd>
    </dl>
    <xsl:if test="$mine">
      <p><a href="{$base}/assessment"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.assessment.edit'"/></xsl:call-template></a>
        <xsl:text> · </xsl:text><a href="{$base}/priority"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.priority.edit'"/></xsl:call-template></a>
        <xsl:text> · </xsl:text><a href="{$base}/transfer"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.transfer.title'"/></xsl:call-template></a></p>
    </xsl:if>
  </section>

  <section aria-labelledby="plan-h">
    <h2 id="plan-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.plan'"/></xsl:call-template></h2>
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="concat('plan.', $c/@plan)"/></xsl:call-template>
      <xsl:if test="$c/@plan-approved"><xsl:text> (</xsl:text><xsl:value-of select="$c/@plan-approver"/><xsl:text>, </xsl:text><xsl:call-template name="when"><xsl:with-param name="t" select="$c/@plan-approved"/></xsl:call-template><xsl:text>)</xsl:text></xsl:if>
      <xsl:if test="$mine and $c/@plan = 'draft' and goal"><xsl:text> </xsl:text><xsl:call-template name="case-button"><xsl:with-param name="href" select="concat($base, '/plan/submit')"/><xsl:with-param name="k" select="'plan.submit'"/></xsl:call-template></xsl:if>
      <xsl:if test="$c/@supervisor = '1' and $c/@mine != '1' and $c/@plan = 'submitted'"><xsl:text> </xsl:text><xsl:call-template name="case-button"><xsl:with-param name="href" select="concat($base, '/plan/approve')"/><xsl:with-param name="k" select="'plan.approve'"/></xsl:call-template></xsl:if>
    </p>
    <h3><xsl:call-template name="t"><xsl:with-param name="k" select="'case.goals'"/></xsl:call-template></h3>
    <xsl:choose>
      <xsl:when test="goal"><ol><xsl:for-each select="goal"><li><xsl:value-of select="@label"/></li></xsl:for-each></ol></xsl:when>
      <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.goals.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$mine"><p><a href="{$base}/goals/new"><xsl:call-template name="t"><xsl:with-param name="k" select="'goal.new'"/></xsl:call-template></a></p></xsl:if>
    <xsl:if test="activity">
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="act-cap">
      <table class="report">
        <caption id="act-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.activities'"/></xsl:call-template></caption>
        <thead><tr>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'activity.text'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'activity.responsible'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'activity.due'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'activity.done'"/></xsl:call-template></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="activity">
            <tr>
              <th scope="row"><xsl:value-of select="@text"/></th>
              <td><xsl:choose><xsl:when test="@org-name"><xsl:value-of select="@org-name"/></xsl:when><xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'activity.csw'"/></xsl:call-template></xsl:otherwise></xsl:choose></td>
              <td><xsl:call-template name="date"><xsl:with-param name="d" select="@due"/></xsl:call-template>
                <xsl:if test="@overdue = '1'"><xsl:text> </xsl:text><strong class="overdue"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.overdue.one'"/></xsl:call-template></strong></xsl:if></td>
              <td><xsl:choose>
                <xsl:when test="@done"><xsl:call-template name="date"><xsl:with-param name="d" select="@done"/></xsl:call-template></xsl:when>
                <xsl:when test="$mine"><xsl:call-template name="case-button"><xsl:with-param name="href" select="concat($base, '/activities/', @id, '/done')"/><xsl:with-param name="k" select="'activity.mark.done'"/></xsl:call-template></xsl:when>
              </xsl:choose></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      </div>
    </xsl:if>
    <xsl:if test="$mine"><p><a href="{$base}/activities/new"><xsl:call-template name="t"><xsl:with-param name="k" select="'activity.new'"/></xsl:call-template></a></p></xsl:if>
    <h3><xsl:call-template name="t"><xsl:with-param name="k" select="'case.reviews'"/></xsl:call-template></h3>
    <xsl:choose>
      <xsl:when test="review">
        <ul>
          <xsl:for-each select="review">
            <li><xsl:call-template name="date"><xsl:with-param name="d" select="@due"/></xsl:call-template>
              <xsl:choose>
                <xsl:when test="@held"><xsl:text> · </xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'review.held'"/></xsl:call-template><xsl:text> </xsl:text><xsl:call-template name="date"><xsl:with-param name="d" select="@held"/></xsl:call-template></xsl:when>
                <xsl:otherwise>
                  <xsl:if test="@overdue = '1'"><xsl:text> </xsl:text><strong class="overdue"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.overdue.one'"/></xsl:call-template></strong></xsl:if>
                  <xsl:if test="$mine"><xsl:text> </xsl:text><xsl:call-template name="case-button"><xsl:with-param name="href" select="concat($base, '/reviews/', @id, '/held')"/><xsl:with-param name="k" select="'review.mark.held'"/></xsl:call-template></xsl:if>
                </xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.reviews.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$mine"><p><a href="{$base}/reviews/new"><xsl:call-template name="t"><xsl:with-param name="k" select="'review.new'"/></xsl:call-template></a></p></xsl:if>
  </section>

  <section aria-labelledby="ref-h">
    <h2 id="ref-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.referrals'"/></xsl:call-template></h2>
    <xsl:choose>
      <xsl:when test="referral">
        <div class="table-wrap" role="region" tabindex="0" aria-labelledby="ref-cap">
        <table class="report">
          <caption id="ref-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.referrals'"/></xsl:call-template></caption>
          <thead><tr>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.partner'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.request'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.status'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.action'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.access'"/></xsl:call-template></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="referral">
              <tr>
                <th scope="row"><xsl:value-of select="@org-name"/></th>
                <td><xsl:value-of select="@request"/></td>
                <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('refstatus.', @status)"/></xsl:call-template>
                  <xsl:if test="@result"><xsl:text>: </xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="concat('refresult.', @result)"/></xsl:call-template></xsl:if></td>
                <td><xsl:value-of select="@action-note"/></td>
                <td><xsl:choose>
                  <xsl:when test="@open = '1'"><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.access.until'"/></xsl:call-template><xsl:text> </xsl:text><xsl:call-template name="when"><xsl:with-param name="t" select="@expires"/></xsl:call-template>
                    <xsl:if test="$c/@mine = '1'"><xsl:text> </xsl:text><xsl:call-template name="case-button"><xsl:with-param name="href" select="concat('/registry/referrals/', @id, '/close')"/><xsl:with-param name="k" select="'referral.close'"/></xsl:call-template></xsl:if></xsl:when>
                  <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.access.ended'"/></xsl:call-template></xsl:otherwise>
                </xsl:choose></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.referrals.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$mine"><p><a href="{$base}/referrals/new"><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.new'"/></xsl:call-template></a></p></xsl:if>
  </section>

  <xsl:if test="group">
    <section aria-labelledby="grp-h">
      <h2 id="grp-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.groups'"/></xsl:call-template></h2>
      <ul><xsl:for-each select="group"><li><a href="/registry/groups/{@id}"><xsl:value-of select="@title"/></a><xsl:text>: </xsl:text>
        <xsl:call-template name="fill"><xsl:with-param name="k" select="'case.groups.attended'"/><xsl:with-param name="a" select="@attended"/><xsl:with-param name="b" select="@sessions"/></xsl:call-template></li></xsl:for-each></ul>
    </section>
  </xsl:if>

  <section aria-labelledby="out-h">
    <h2 id="out-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.outcome'"/></xsl:call-template></h2>
    <xsl:choose>
      <xsl:when test="$c/@outcome">
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="concat('outcome.', $c/@outcome)"/></xsl:call-template>
          <xsl:if test="$c/@exit-reason"><xsl:text>: </xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="concat('exitreason.', $c/@exit-reason)"/></xsl:call-template></xsl:if>
          <xsl:if test="$c/@outcome-org-name"><xsl:text> · </xsl:text>
            <xsl:choose>
              <xsl:when test="$lang = 'sr-Cyrl' and $c/@outcome-org-name-cyrl"><xsl:value-of select="$c/@outcome-org-name-cyrl"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$c/@outcome-org-name"/></xsl:otherwise>
            </xsl:choose>
          </xsl:if>
          <xsl:text> · </xsl:text><xsl:call-template name="date"><xsl:with-param name="d" select="$c/@outcome-on"/></xsl:call-template></p>
        <xsl:if test="$c/@status = 'closing' and $c/@supervisor = '1' and $c/@mine != '1'">
          <xsl:call-template name="case-button"><xsl:with-param name="href" select="concat($base, '/close/approve')"/><xsl:with-param name="k" select="'case.close.approve'"/></xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:when test="$mine"><p><a href="{$base}/close"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.close.title'"/></xsl:call-template></a></p></xsl:when>
      <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.outcome.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </section>
</xsl:template>

<!-- The form pages of a case: the case's head, then the form. -->
<xsl:template match="case-form" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="concat('caseform.', @page)"/></xsl:call-template>
</xsl:template>

<xsl:template match="case-form">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="concat('caseform.', @page)"/></xsl:call-template></h1>
  <xsl:apply-templates select="case"/>
  <xsl:if test="person">
    <p class="lead"><xsl:value-of select="concat(person/@given, ' ', person/@family)"/></p>
  </xsl:if>
  <xsl:if test="case"><p><a href="/registry/cases/{case/@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.back'"/></xsl:call-template></a></p></xsl:if>
  <xsl:if test="@page = 'referral'"><p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.minimal'"/></xsl:call-template></p></xsl:if>
  <xsl:apply-templates select="form"/>
</xsl:template>

<!-- Priority marks: the manual groups ticked, the derived ones shown. -->
<xsl:template match="case-form[@page = 'priority']">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'caseform.priority'"/></xsl:call-template></h1>
  <xsl:apply-templates select="case"/>
  <p><a href="/registry/cases/{case/@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.back'"/></xsl:call-template></a></p>
  <form method="post" action="{form/@action}" novalidate="novalidate">
    <xsl:if test="form/@error"><div class="errors" role="alert"><p><xsl:call-template name="t"><xsl:with-param name="k" select="form/@error"/></xsl:call-template></p></div></xsl:if>
    <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
    <fieldset>
      <legend><xsl:call-template name="t"><xsl:with-param name="k" select="'case.priority'"/></xsl:call-template></legend>
      <xsl:for-each select="priority">
        <div class="field">
          <xsl:choose>
            <xsl:when test="@derive = 'manual'">
              <input type="checkbox" id="pg-{@id}" name="pg-{@id}" value="1"><xsl:if test="@marked = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input>
              <xsl:text> </xsl:text><label for="pg-{@id}"><xsl:value-of select="@name"/></label>
            </xsl:when>
            <xsl:otherwise>
              <p><xsl:value-of select="@name"/><xsl:text>: </xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="concat('yesno.', @marked)"/></xsl:call-template>
                <xsl:text> </xsl:text><span class="hint"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('priority.derived.', @derive)"/></xsl:call-template></span></p>
            </xsl:otherwise>
          </xsl:choose>
        </div>
      </xsl:for-each>
    </fieldset>
    <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.save'"/></xsl:call-template></button></p>
  </form>
</xsl:template>

<!-- The partner's referrals. -->
<xsl:template match="referrals" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'referrals.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="referrals">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'referrals.title'"/></xsl:call-template></h1>
  <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="'referrals.intro'"/></xsl:call-template></p>
  <xsl:choose>
    <xsl:when test="referral">
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="rl-cap">
      <table class="report">
        <caption id="rl-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'referrals.caption'"/></xsl:call-template></caption>
        <thead><tr>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.request'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.status'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.sent'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.access'"/></xsl:call-template></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="referral">
            <tr>
              <th scope="row"><a href="/registry/referrals/{@id}"><xsl:choose><xsl:when test="@name"><xsl:value-of select="@name"/></xsl:when><xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.number'"/><xsl:with-param name="n" select="@id"/></xsl:call-template></xsl:otherwise></xsl:choose></a>
                <xsl:text>: </xsl:text><xsl:value-of select="@request"/></th>
              <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('refstatus.', @status)"/></xsl:call-template></td>
              <td><xsl:call-template name="when"><xsl:with-param name="t" select="@sent"/></xsl:call-template></td>
              <td><xsl:call-template name="when"><xsl:with-param name="t" select="@expires"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      </div>
    </xsl:when>
    <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'referrals.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- A referral's packet: only the ticked fields, each labelled. -->
<xsl:template name="packet">
  <h2 id="pk-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.packet'"/></xsl:call-template></h2>
  <dl class="packet">
    <xsl:for-each select="field">
      <xsl:variable name="f" select="@field"/>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="concat('packet.', $f)"/></xsl:call-template></dt>
      <dd>
        <xsl:variable name="v" select="../packet/@*[name() = $f]"/>
        <xsl:choose>
          <xsl:when test="$f = 'birth' and $v"><xsl:call-template name="date"><xsl:with-param name="d" select="$v"/></xsl:call-template></xsl:when>
          <xsl:when test="$f = 'sex' and $v"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('dvsex.', $v)"/></xsl:call-template></xsl:when>
          <xsl:when test="$v"><xsl:value-of select="$v"/></xsl:when>
          <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'packet.empty'"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </dd>
    </xsl:for-each>
  </dl>
</xsl:template>

<xsl:template match="referral-page | referral-form" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'referral.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="referral-page | referral-form">
  <xsl:variable name="r" select="referral"/>
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.title'"/></xsl:call-template></h1>
  <p><a href="/registry/referrals"><xsl:call-template name="t"><xsl:with-param name="k" select="'referrals.title'"/></xsl:call-template></a></p>
  <dl>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.request'"/></xsl:call-template></dt>
    <dd><xsl:value-of select="$r/@request"/></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.sent'"/></xsl:call-template></dt>
    <dd><xsl:call-template name="when"><xsl:with-param name="t" select="$r/@sent"/></xsl:call-template><xsl:text>, </xsl:text><xsl:value-of select="$r/@sent-by"/></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.status'"/></xsl:call-template></dt>
    <dd><xsl:call-template name="t"><xsl:with-param name="k" select="concat('refstatus.', $r/@status)"/></xsl:call-template></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.access'"/></xsl:call-template></dt>
    <dd><xsl:call-template name="when"><xsl:with-param name="t" select="$r/@expires"/></xsl:call-template></dd>
  </dl>
  <xsl:call-template name="packet"/>
  <xsl:if test="self::referral-page and $r/@status = 'sent'">
    <p>
      <xsl:call-template name="case-button"><xsl:with-param name="href" select="concat('/registry/referrals/', $r/@id, '/accept')"/><xsl:with-param name="k" select="'referral.accept'"/></xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:call-template name="case-button"><xsl:with-param name="href" select="concat('/registry/referrals/', $r/@id, '/decline')"/><xsl:with-param name="k" select="'referral.decline'"/></xsl:call-template>
    </p>
  </xsl:if>
  <xsl:if test="form">
    <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'referral.report.title'"/></xsl:call-template></h2>
    <xsl:apply-templates select="form"/>
  </xsl:if>
</xsl:template>

<!-- The cooperation protocol. -->
<xsl:template match="protocols" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'protocol.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="protocols">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'protocol.title'"/></xsl:call-template></h1>
  <xsl:if test="not(protocol)"><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'protocol.none'"/></xsl:call-template></p></xsl:if>
  <xsl:for-each select="protocol">
    <xsl:variable name="pid" select="@id"/>
    <h2><xsl:value-of select="@title"/></h2>
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="'protocol.signed'"/></xsl:call-template><xsl:text> </xsl:text><xsl:call-template name="date"><xsl:with-param name="d" select="@signed"/></xsl:call-template></p>
    <div class="table-wrap" role="region" tabindex="0" aria-labelledby="pr-cap-{$pid}">
    <table class="report">
      <caption id="pr-cap-{$pid}"><xsl:call-template name="t"><xsl:with-param name="k" select="'protocol.partners'"/><xsl:with-param name="n" select="count(../partner[@protocol = $pid])"/></xsl:call-template></caption>
      <thead><tr>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'org.name'"/></xsl:call-template></th>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'protocol.commitments'"/></xsl:call-template></th>
      </tr></thead>
      <tbody>
        <xsl:for-each select="../partner[@protocol = $pid]">
          <tr><th scope="row"><xsl:value-of select="@name"/></th><td><xsl:value-of select="@commitments"/></td></tr>
        </xsl:for-each>
      </tbody>
    </table>
    </div>
  </xsl:for-each>
</xsl:template>

<!-- Domestic violence. -->
<xsl:template match="dv-list" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'dv.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="dv-list">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.title'"/></xsl:call-template></h1>
  <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.intro'"/></xsl:call-template></p>
  <p><a href="/registry/dv/new"><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.new.title'"/></xsl:call-template></a>
    <xsl:text> · </xsl:text><a href="/registry/dv/glass"><xsl:call-template name="t"><xsl:with-param name="k" select="'glass.title'"/></xsl:call-template></a></p>
  <xsl:apply-templates select="form"/>
  <xsl:choose>
    <xsl:when test="dv">
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="dv-cap">
      <table class="report">
        <caption id="dv-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.caption'"/></xsl:call-template></caption>
        <thead><tr>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.victim'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.incident'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.relationship'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.measure.ends'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.access'"/></xsl:call-template></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="dv">
            <tr>
              <th scope="row"><a href="/registry/dv/{@id}"><xsl:value-of select="@victim"/></a></th>
              <td><xsl:call-template name="date"><xsl:with-param name="d" select="@incident"/></xsl:call-template></td>
              <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('dvrel.', @relationship)"/></xsl:call-template></td>
              <td><xsl:if test="@measure-ends"><xsl:call-template name="when"><xsl:with-param name="t" select="@measure-ends"/></xsl:call-template></xsl:if>
                <xsl:if test="@ends-soon &gt; 0"><xsl:text> </xsl:text><strong class="overdue"><xsl:call-template name="t"><xsl:with-param name="k" select="'measure.ends.soon'"/></xsl:call-template></strong></xsl:if></td>
              <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('dvaccess.', @access)"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      </div>
    </xsl:when>
    <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template match="dv-page" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'dv.case.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="dv">
  <p class="lead"><xsl:value-of select="@victim"/><xsl:text> · </xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.case.number'"/><xsl:with-param name="n" select="@id"/></xsl:call-template></p>
</xsl:template>

<xsl:template match="dv-page">
  <xsl:variable name="d" select="dv"/>
  <xsl:variable name="base" select="concat('/registry/dv/', $d/@id)"/>
  <xsl:variable name="assigned" select="$d/@assigned = '1'"/>
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.case.title'"/></xsl:call-template></h1>
  <xsl:apply-templates select="dv"/>
  <p><a href="/registry/dv"><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.title'"/></xsl:call-template></a></p>
  <xsl:if test="not($assigned)">
    <p class="notice" role="status"><xsl:call-template name="t"><xsl:with-param name="k" select="'glass.open.until'"/></xsl:call-template><xsl:text> </xsl:text><xsl:call-template name="when"><xsl:with-param name="t" select="$d/@glass-until"/></xsl:call-template></p>
  </xsl:if>
  <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.incident.title'"/></xsl:call-template></h2>
  <dl>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.incident'"/></xsl:call-template></dt>
    <dd><xsl:call-template name="date"><xsl:with-param name="d" select="$d/@incident"/></xsl:call-template></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.kinds'"/></xsl:call-template></dt>
    <dd><xsl:call-template name="dv-kinds"><xsl:with-param name="s" select="concat($d/@kinds, ',')"/></xsl:call-template></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.victim'"/></xsl:call-template></dt>
    <dd><xsl:value-of select="$d/@victim"/><xsl:text> (</xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="concat('dvsex.', $d/@victim-sex)"/></xsl:call-template><xsl:if test="$d/@victim-born"><xsl:text>, </xsl:text><xsl:value-of select="$d/@victim-born"/></xsl:if><xsl:text>)</xsl:text></dd>
    <xsl:if test="$assigned">
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.victim.address'"/></xsl:call-template></dt>
      <dd><xsl:value-of select="$d/@victim-address"/></dd>
    </xsl:if>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.perpetrator'"/></xsl:call-template></dt>
    <dd><xsl:value-of select="$d/@perpetrator"/><xsl:text> (</xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="concat('dvsex.', $d/@perpetrator-sex)"/></xsl:call-template><xsl:text>)</xsl:text></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.relationship'"/></xsl:call-template></dt>
    <dd><xsl:call-template name="t"><xsl:with-param name="k" select="concat('dvrel.', $d/@relationship)"/></xsl:call-template></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.children'"/></xsl:call-template></dt>
    <dd><xsl:value-of select="$d/@children"/></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.contact'"/></xsl:call-template></dt>
    <dd><xsl:call-template name="t"><xsl:with-param name="k" select="concat('dvcontact.', $d/@contact)"/></xsl:call-template><xsl:if test="$d/@safe-contact != ''"><xsl:text>: </xsl:text><xsl:value-of select="$d/@safe-contact"/></xsl:if></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.status'"/></xsl:call-template></dt>
    <dd><xsl:call-template name="t"><xsl:with-param name="k" select="concat('dvstatus.', $d/@status)"/></xsl:call-template></dd>
  </dl>
  <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.measures'"/></xsl:call-template></h2>
  <xsl:choose>
    <xsl:when test="measure">
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="ms-cap">
      <table class="report">
        <caption id="ms-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.measures'"/></xsl:call-template></caption>
        <thead><tr>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'measure.kind'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'measure.starts'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'measure.ends'"/></xsl:call-template></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="measure">
            <tr>
              <th scope="row"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('measure.', @kind)"/></xsl:call-template>
                <xsl:if test="@extended = '1'"><xsl:text> (</xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'measure.extended'"/></xsl:call-template><xsl:text>)</xsl:text></xsl:if></th>
              <td><xsl:call-template name="when"><xsl:with-param name="t" select="@starts"/></xsl:call-template></td>
              <td><xsl:call-template name="when"><xsl:with-param name="t" select="@ends"/></xsl:call-template>
                <xsl:if test="@ends-soon = '1'"><xsl:text> </xsl:text><strong class="overdue"><xsl:call-template name="t"><xsl:with-param name="k" select="'measure.ends.soon'"/></xsl:call-template></strong></xsl:if>
                <xsl:if test="@ended = '1'"><xsl:text> </xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'measure.ended'"/></xsl:call-template></xsl:if>
                <xsl:if test="$assigned and @ended = '0' and @extended = '0'"><xsl:text> · </xsl:text><a href="{$base}/measures/{@id}/extend"><xsl:call-template name="t"><xsl:with-param name="k" select="'measure.extend'"/></xsl:call-template></a></xsl:if></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      </div>
    </xsl:when>
    <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.measures.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
  <xsl:if test="$assigned"><p><a href="{$base}/measures/new"><xsl:call-template name="t"><xsl:with-param name="k" select="'measure.new'"/></xsl:call-template></a></p></xsl:if>
  <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.plan'"/></xsl:call-template></h2>
  <p><xsl:choose><xsl:when test="$d/@plan != ''"><xsl:value-of select="$d/@plan"/></xsl:when><xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.plan.none'"/></xsl:call-template></xsl:otherwise></xsl:choose>
    <xsl:if test="$d/@plan-adopted"><xsl:text> (</xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.plan.adopted'"/></xsl:call-template><xsl:text> </xsl:text><xsl:call-template name="date"><xsl:with-param name="d" select="$d/@plan-adopted"/></xsl:call-template><xsl:text>)</xsl:text></xsl:if></p>
  <xsl:if test="$assigned"><p><a href="{$base}/plan"><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.plan.edit'"/></xsl:call-template></a></p></xsl:if>
  <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.referrals'"/></xsl:call-template></h2>
  <xsl:choose>
    <xsl:when test="referral"><ul><xsl:for-each select="referral"><li><xsl:call-template name="t"><xsl:with-param name="k" select="concat('dvref.', @kind)"/></xsl:call-template><xsl:text>, </xsl:text><xsl:call-template name="date"><xsl:with-param name="d" select="@made"/></xsl:call-template><xsl:if test="@note != ''"><xsl:text>: </xsl:text><xsl:value-of select="@note"/></xsl:if></li></xsl:for-each></ul></xsl:when>
    <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.referrals.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
  <xsl:if test="$assigned"><p><a href="{$base}/referrals/new"><xsl:call-template name="t"><xsl:with-param name="k" select="'dvref.new'"/></xsl:call-template></a></p></xsl:if>
  <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.workers'"/></xsl:call-template></h2>
  <ul>
    <xsl:for-each select="worker">
      <li><xsl:value-of select="@name"/><xsl:text>: </xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="concat('dvaccess.', @kind)"/></xsl:call-template>
        <xsl:if test="@until"><xsl:text> (</xsl:text><xsl:call-template name="when"><xsl:with-param name="t" select="@until"/></xsl:call-template><xsl:text>)</xsl:text></xsl:if>
        <xsl:if test="@reason != ''"><xsl:text>: </xsl:text><xsl:value-of select="@reason"/></xsl:if></li>
    </xsl:for-each>
  </ul>
  <xsl:if test="$assigned"><p><a href="{$base}/assign"><xsl:call-template name="t"><xsl:with-param name="k" select="'dv.assign.title'"/></xsl:call-template></a></p></xsl:if>
</xsl:template>

<!-- "physical,sexual," as the catalogue's words, comma-separated. -->
<xsl:template name="dv-kinds">
  <xsl:param name="s"/>
  <xsl:if test="contains($s, ',')">
    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('dvkind.', substring-before($s, ','))"/></xsl:call-template>
    <xsl:if test="substring-after($s, ',') != ''"><xsl:text>, </xsl:text></xsl:if>
    <xsl:call-template name="dv-kinds"><xsl:with-param name="s" select="substring-after($s, ',')"/></xsl:call-template>
  </xsl:if>
</xsl:template>

<xsl:template match="dv-form" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="concat('dvform.', @page)"/></xsl:call-template>
</xsl:template>

<xsl:template match="dv-form">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="concat('dvform.', @page)"/></xsl:call-template></h1>
  <xsl:apply-templates select="dv"/>
  <xsl:if test="dv"><p><a href="/registry/dv/{dv/@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'case.back'"/></xsl:call-template></a></p></xsl:if>
  <xsl:if test="@page = 'glass'"><p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'glass.intro'"/></xsl:call-template></p></xsl:if>
  <xsl:apply-templates select="form"/>
  <xsl:if test="glass">
    <div class="table-wrap" role="region" tabindex="0" aria-labelledby="gl-cap">
    <table class="report">
      <caption id="gl-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'glass.log'"/></xsl:call-template></caption>
      <thead><tr>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'glass.who'"/></xsl:call-template></th>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'glass.case'"/></xsl:call-template></th>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'glass.at'"/></xsl:call-template></th>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'glass.reason'"/></xsl:call-template></th>
      </tr></thead>
      <tbody>
        <xsl:for-each select="glass">
          <tr><th scope="row"><xsl:value-of select="@name"/></th><td><xsl:value-of select="@case"/></td>
            <td><xsl:call-template name="when"><xsl:with-param name="t" select="@at"/></xsl:call-template></td><td><xsl:value-of select="@reason"/></td></tr>
        </xsl:for-each>
      </tbody>
    </table>
    </div>
  </xsl:if>
</xsl:template>

<!-- Group activities (group.c): the town's list, an activity with its
     sessions and participants, a new session, a session's attendance. -->
<xsl:template match="groups" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'groups.title'"/></xsl:call-template>
</xsl:template>

<xsl:template name="group-org">
  <xsl:choose>
    <xsl:when test="$lang = 'sr-Cyrl' and @org-name-cyrl"><xsl:value-of select="@org-name-cyrl"/></xsl:when>
    <xsl:otherwise><xsl:value-of select="@org-name"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template match="groups">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'groups.title'"/></xsl:call-template></h1>
  <p><a href="/registry/cases"><xsl:call-template name="t"><xsl:with-param name="k" select="'cases.title'"/></xsl:call-template></a> · <a href="/registry/groups/new"><xsl:call-template name="t"><xsl:with-param name="k" select="'groups.new'"/></xsl:call-template></a></p>
  <xsl:choose>
    <xsl:when test="group">
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="grp-cap">
      <table class="report">
        <caption id="grp-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'groups.title'"/></xsl:call-template></caption>
        <thead><tr>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.title'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.kind'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.partner'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.starts'"/></xsl:call-template></th>
          <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.members'"/></xsl:call-template></th>
          <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.sessions'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.last'"/></xsl:call-template></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="group">
            <tr>
              <th scope="row"><a href="/registry/groups/{@id}"><xsl:value-of select="@title"/></a></th>
              <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('group.kind.', @kind)"/></xsl:call-template></td>
              <td><xsl:value-of select="@org-name"/></td>
              <td><xsl:call-template name="date"><xsl:with-param name="d" select="@starts"/></xsl:call-template></td>
              <td class="num"><xsl:value-of select="@members"/></td>
              <td class="num"><xsl:value-of select="@sessions"/></td>
              <td><xsl:if test="@last-session"><xsl:call-template name="date"><xsl:with-param name="d" select="@last-session"/></xsl:call-template></xsl:if></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      </div>
    </xsl:when>
    <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'groups.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template match="group-page" mode="title">
  <xsl:value-of select="group/@title"/>
</xsl:template>

<!-- The activity's head: kind, who runs it, first and last day. -->
<xsl:template match="group-page/group | group-form/group | group-edit/group">
  <p class="lead">
    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('group.kind.', @kind)"/></xsl:call-template>
    <xsl:text> · </xsl:text>
    <xsl:call-template name="group-org"/>
    <xsl:if test="not(@org-name)"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.runby.csw'"/></xsl:call-template></xsl:if>
    <xsl:text> · </xsl:text>
    <xsl:call-template name="t"><xsl:with-param name="k" select="'group.starts'"/></xsl:call-template><xsl:text>: </xsl:text>
    <xsl:call-template name="date"><xsl:with-param name="d" select="@starts"/></xsl:call-template>
    <xsl:if test="@ends">
      <xsl:text> · </xsl:text>
      <xsl:call-template name="t"><xsl:with-param name="k" select="'group.ends'"/></xsl:call-template><xsl:text>: </xsl:text>
      <xsl:call-template name="date"><xsl:with-param name="d" select="@ends"/></xsl:call-template>
    </xsl:if>
  </p>
</xsl:template>

<xsl:template match="group-page">
  <xsl:variable name="base" select="concat('/registry/groups/', group/@id)"/>
  <h1><xsl:value-of select="group/@title"/></h1>
  <xsl:apply-templates select="group"/>
  <p><a href="/registry/groups"><xsl:call-template name="t"><xsl:with-param name="k" select="'groups.back'"/></xsl:call-template></a> · <a href="{$base}/edit"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.edit'"/></xsl:call-template></a> · <a href="{$base}/members"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.members.manage'"/></xsl:call-template></a></p>
  <section aria-labelledby="ses-h">
    <h2 id="ses-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.sessions'"/></xsl:call-template></h2>
    <xsl:choose>
      <xsl:when test="session">
        <div class="table-wrap" role="region" tabindex="0" aria-labelledby="ses-cap">
        <table class="report">
          <caption id="ses-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.sessions.caption'"/></xsl:call-template></caption>
          <thead><tr>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.session.held'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.session.topic'"/></xsl:call-template></th>
            <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.present'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.attendance'"/></xsl:call-template></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="session">
              <tr>
                <th scope="row"><xsl:call-template name="date"><xsl:with-param name="d" select="@held"/></xsl:call-template></th>
                <td><xsl:value-of select="@topic"/></td>
                <td class="num"><xsl:value-of select="@present"/></td>
                <td><a href="{$base}/sessions/{@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.attendance.record'"/></xsl:call-template></a></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.sessions.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
    <p><a href="{$base}/sessions/new"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.session.new'"/></xsl:call-template></a></p>
  </section>
  <section aria-labelledby="mem-h">
    <h2 id="mem-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.members'"/></xsl:call-template></h2>
    <xsl:choose>
      <xsl:when test="member">
        <ul>
          <xsl:for-each select="member">
            <li><a href="/registry/cases/{@case}"><xsl:call-template name="case-name"/></a><xsl:text>: </xsl:text>
              <xsl:call-template name="fill"><xsl:with-param name="k" select="'case.groups.attended'"/><xsl:with-param name="a" select="@attended"/><xsl:with-param name="b" select="count(../session)"/></xsl:call-template></li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.members.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </section>
</xsl:template>

<xsl:template match="group-form" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="concat('groupform.', @page)"/></xsl:call-template>
</xsl:template>

<xsl:template match="group-form">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="concat('groupform.', @page)"/></xsl:call-template></h1>
  <p class="lead"><xsl:value-of select="group/@title"/></p>
  <xsl:apply-templates select="group"/>
  <p><a href="/registry/groups/{group/@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.back'"/></xsl:call-template></a> · <a href="/registry/groups/{group/@id}/members"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.members.manage'"/></xsl:call-template></a></p>
  <xsl:apply-templates select="form"/>
</xsl:template>

<!-- A session's attendance: its date and topic (layout's fields), then a
     box per participant, in one form. -->
<xsl:template match="group-form[@page = 'attendance']">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'groupform.attendance'"/></xsl:call-template></h1>
  <p class="lead"><xsl:value-of select="group/@title"/></p>
  <xsl:apply-templates select="group"/>
  <p><a href="/registry/groups/{group/@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.back'"/></xsl:call-template></a> · <a href="/registry/groups/{group/@id}/members"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.members.manage'"/></xsl:call-template></a></p>
  <form method="post" action="{form/@action}" novalidate="novalidate">
    <xsl:if test="form/@errors &gt; 0">
      <div class="errors" role="alert">
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="'form.errors'"/></xsl:call-template></p>
        <xsl:if test="form/@error"><p class="form-error"><xsl:call-template name="t"><xsl:with-param name="k" select="form/@error"/></xsl:call-template></p></xsl:if>
        <ul>
          <xsl:for-each select="form/field[@error]">
            <li><a href="#f-{@name}"><xsl:call-template name="t"><xsl:with-param name="k" select="@label"/></xsl:call-template><xsl:text>: </xsl:text><xsl:call-template name="field-error"/></a></li>
          </xsl:for-each>
        </ul>
      </div>
    </xsl:if>
    <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
    <xsl:apply-templates select="form/field"/>
    <fieldset>
      <legend><xsl:call-template name="t"><xsl:with-param name="k" select="'group.attendance.who'"/></xsl:call-template></legend>
      <xsl:choose>
        <xsl:when test="member">
          <xsl:for-each select="member">
            <div class="field">
              <input type="checkbox" id="c-{@case}" name="c-{@case}" value="1"><xsl:if test="@present = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input>
              <xsl:text> </xsl:text><label for="c-{@case}"><xsl:call-template name="case-name"/></label>
            </div>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.members.none'"/></xsl:call-template></p></xsl:otherwise>
      </xsl:choose>
    </fieldset>
    <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="form/@submit"/></xsl:call-template></button></p>
  </form>
</xsl:template>

<!-- A new group activity, or its changes (group.c): layout's form. -->
<xsl:template match="group-edit" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="concat('groupedit.', @page)"/></xsl:call-template>
</xsl:template>

<xsl:template match="group-edit">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="concat('groupedit.', @page)"/></xsl:call-template></h1>
  <xsl:choose>
    <xsl:when test="group">
      <p class="lead"><xsl:value-of select="group/@title"/></p>
      <p><a href="/registry/groups/{group/@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.back'"/></xsl:call-template></a></p>
    </xsl:when>
    <xsl:otherwise><p><a href="/registry/groups"><xsl:call-template name="t"><xsl:with-param name="k" select="'groups.back'"/></xsl:call-template></a></p></xsl:otherwise>
  </xsl:choose>
  <xsl:apply-templates select="form"/>
</xsl:template>

<!-- The participants: each with a button that removes one who came to
     no session, then the form that adds an open case of the town. -->
<xsl:template match="group-form[@page = 'members']">
  <xsl:variable name="base" select="concat('/registry/groups/', group/@id)"/>
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'groupform.members'"/></xsl:call-template></h1>
  <p class="lead"><xsl:value-of select="group/@title"/></p>
  <xsl:apply-templates select="group"/>
  <p><a href="{$base}"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.back'"/></xsl:call-template></a></p>
  <section aria-labelledby="mem-h">
    <h2 id="mem-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.members'"/></xsl:call-template></h2>
    <xsl:choose>
      <xsl:when test="member">
        <ul class="members">
          <xsl:for-each select="member">
            <xsl:variable name="name"><xsl:call-template name="case-name"/></xsl:variable>
            <li><a href="/registry/cases/{@case}"><xsl:value-of select="$name"/></a><xsl:text>: </xsl:text>
              <xsl:call-template name="t"><xsl:with-param name="k" select="'group.member.came'"/><xsl:with-param name="n" select="@attended"/></xsl:call-template>
              <xsl:text> </xsl:text>
              <xsl:choose>
                <xsl:when test="@attended = '0'">
                  <form method="post" action="{$base}/members/{@case}/remove" class="inline">
                    <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
                    <button type="submit">
                      <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.member.remove.label'"/><xsl:with-param name="n" select="$name"/></xsl:call-template></xsl:attribute>
                      <xsl:call-template name="t"><xsl:with-param name="k" select="'group.member.remove'"/></xsl:call-template></button>
                  </form>
                </xsl:when>
                <xsl:otherwise><xsl:text>(</xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'group.member.stays'"/></xsl:call-template><xsl:text>)</xsl:text></xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.members.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </section>
  <section aria-labelledby="add-h">
    <h2 id="add-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.member.submit'"/></xsl:call-template></h2>
    <xsl:apply-templates select="form"/>
  </section>
</xsl:template>

<!-- The administrator's pages for cases (case_admin.c): priority groups
     and supervisors. -->
<xsl:template match="case-admin" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="concat('caseadmin.', @page)"/></xsl:call-template>
</xsl:template>

<xsl:template name="case-admin-nav">
  <p><a href="/registry/admin/accounts"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.accounts.title'"/></xsl:call-template></a>
    <xsl:text> · </xsl:text><a href="/registry/admin/priority-groups"><xsl:call-template name="t"><xsl:with-param name="k" select="'caseadmin.groups'"/></xsl:call-template></a>
    <xsl:text> · </xsl:text><a href="/registry/admin/supervisors"><xsl:call-template name="t"><xsl:with-param name="k" select="'caseadmin.supervisors'"/></xsl:call-template></a></p>
</xsl:template>

<xsl:template match="case-admin[@page = 'groups']">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'caseadmin.groups'"/></xsl:call-template></h1>
  <xsl:call-template name="case-admin-nav"/>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="pg-cap">
  <table class="report">
    <caption id="pg-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'caseadmin.groups'"/></xsl:call-template></caption>
    <thead><tr>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'pga.name'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'pga.code'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'pga.derive'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'pga.state'"/></xsl:call-template></th>
      <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'pga.marks'"/></xsl:call-template></th>
    </tr></thead>
    <tbody>
      <xsl:for-each select="group">
        <tr>
          <th scope="row"><a href="/registry/admin/priority-groups/{@id}"><xsl:value-of select="@name"/></a></th>
          <td><xsl:value-of select="@code"/></td>
          <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('pga.derive.', @derive)"/></xsl:call-template></td>
          <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('pga.active.', @active)"/></xsl:call-template></td>
          <td class="num"><xsl:if test="@derive = 'manual'"><xsl:value-of select="@marks"/></xsl:if></td>
        </tr>
      </xsl:for-each>
    </tbody>
  </table>
  </div>
  <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'pga.add.title'"/></xsl:call-template></h2>
  <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'pga.add.note'"/></xsl:call-template></p>
  <xsl:apply-templates select="form"/>
</xsl:template>

<xsl:template match="case-admin[@page = 'group']">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'caseadmin.group'"/></xsl:call-template></h1>
  <xsl:call-template name="case-admin-nav"/>
  <p class="lead"><xsl:value-of select="group/@code"/><xsl:text> · </xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="concat('pga.derive.', group/@derive)"/></xsl:call-template></p>
  <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'pga.edit.note'"/></xsl:call-template></p>
  <xsl:apply-templates select="form"/>
</xsl:template>

<xsl:template match="case-admin[@page = 'supervisors']">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'caseadmin.supervisors'"/></xsl:call-template></h1>
  <xsl:call-template name="case-admin-nav"/>
  <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'sup.note'"/></xsl:call-template></p>
  <xsl:choose>
    <xsl:when test="supervisor">
      <ul>
        <xsl:for-each select="supervisor">
          <li><xsl:value-of select="@name"/><xsl:text> (</xsl:text><xsl:value-of select="@email"/><xsl:text>) </xsl:text>
            <xsl:call-template name="case-button"><xsl:with-param name="href" select="concat('/registry/admin/supervisors/', @id, '/remove')"/><xsl:with-param name="k" select="'sup.remove'"/></xsl:call-template></li>
        </xsl:for-each>
      </ul>
    </xsl:when>
    <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'sup.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
  <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'sup.add.title'"/></xsl:call-template></h2>
  <xsl:apply-templates select="form"/>
</xsl:template>

</xsl:stylesheet>
