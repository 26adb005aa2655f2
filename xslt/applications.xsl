<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     applications.xsl: karika-applications' pages: the services a citizen
     can apply for online with what each asks for, the eligibility check,
     the applicant's list and an application's page (its timeline,
     documents, place on the waiting list).  The form is in
     applications-form.xsl, the CSW's pages in applications-csw.xsl, the
     administrator's in applications-admin.xsl.
     Imports the shared layout. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="layout.xsl"/>
<xsl:include href="applications-form.xsl"/>
<xsl:include href="applications-csw.xsl"/>
<xsl:include href="applications-admin.xsl"/>

<xsl:template match="apply" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'apply.title'"/></xsl:call-template>
</xsl:template>

<!-- What a service asks for: the documents, those the CSW obtains. -->
<xsl:template name="docs-needed">
  <xsl:param name="docs"/>
  <xsl:if test="$docs">
    <ul class="docs">
      <xsl:for-each select="$docs">
        <li>
          <xsl:call-template name="t"><xsl:with-param name="k" select="concat('dockind.', @code)"/></xsl:call-template>
          <xsl:choose>
            <xsl:when test="@by-csw = 1"> (<xsl:call-template name="t"><xsl:with-param name="k" select="'app.doc.by-csw'"/></xsl:call-template>)</xsl:when>
            <xsl:when test="@required = 0"> (<xsl:call-template name="t"><xsl:with-param name="k" select="'app.doc.optional'"/></xsl:call-template>)</xsl:when>
          </xsl:choose>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:if>
</xsl:template>

<xsl:template name="ages">
  <xsl:if test="@age-min or @age-max">
    <p class="ages"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.ages'"/><xsl:with-param name="n" select="concat(@age-min, '–', @age-max)"/></xsl:call-template></p>
  </xsl:if>
</xsl:template>

<xsl:template match="apply">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'apply.title'"/></xsl:call-template>: <xsl:value-of select="municipality"/></h1>
  <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="'apply.intro'"/></xsl:call-template></p>
  <p><a href="/applications/mine"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.mine.title'"/></xsl:call-template></a></p>
  <xsl:choose>
    <xsl:when test="service">
      <ul class="services">
        <xsl:for-each select="service">
          <li id="s-{@code}">
            <h2 class="name"><xsl:value-of select="@name"/></h2>
            <p class="group"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('svcgroup.', @group)"/></xsl:call-template></p>
            <xsl:call-template name="ages"/>
            <xsl:if test="../doc[@service = current()/@id]">
              <p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.doc.needed'"/></xsl:call-template></p>
              <xsl:call-template name="docs-needed"><xsl:with-param name="docs" select="../doc[@service = current()/@id]"/></xsl:call-template>
            </xsl:if>
            <p class="actions">
              <a href="/applications/services/{@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.check.link'"/></xsl:call-template><span class="sr">: <xsl:value-of select="@name"/></span></a>
              <xsl:text> · </xsl:text>
              <a href="/applications/new/{@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.apply.link'"/></xsl:call-template><span class="sr">: <xsl:value-of select="@name"/></span></a>
            </p>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:when>
    <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'apply.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template match="service-page" mode="title"><xsl:value-of select="service/@name"/></xsl:template>

<xsl:template match="service-page">
  <h1><xsl:value-of select="service/@name"/></h1>
  <xsl:for-each select="service">
    <xsl:if test="@target != ''"><p><xsl:value-of select="@target"/></p></xsl:if>
    <xsl:if test="@eligibility != ''"><p><xsl:value-of select="@eligibility"/></p></xsl:if>
    <xsl:call-template name="ages"/>
  </xsl:for-each>
  <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'app.doc.needed'"/></xsl:call-template></h2>
  <xsl:call-template name="docs-needed"><xsl:with-param name="docs" select="doc"/></xsl:call-template>
  <h2 id="check-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.check.title'"/></xsl:call-template></h2>
  <xsl:if test="check">
    <div class="notice" role="status">
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="concat('app.check.', check/@outcome)"/><xsl:with-param name="n" select="check/@age"/></xsl:call-template></p>
    </div>
  </xsl:if>
  <xsl:apply-templates select="form"/>
  <p><a href="/applications/new/{service/@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.apply.link'"/></xsl:call-template></a></p>
</xsl:template>

<xsl:template match="mine" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.mine.title'"/></xsl:call-template></xsl:template>

<xsl:template match="mine">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'app.mine.title'"/></xsl:call-template></h1>
  <xsl:choose>
    <xsl:when test="application">
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="mine-cap">
        <table>
          <caption id="mine-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.mine.title'"/></xsl:call-template></caption>
          <thead><tr>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.service'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.for'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.status'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.submitted'"/></xsl:call-template></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="application">
              <tr>
                <td><a href="/applications/{@id}"><xsl:value-of select="@service"/></a></td>
                <td><xsl:value-of select="concat(@given, ' ', @family)"/></td>
                <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('app.status.', @status)"/></xsl:call-template></td>
                <td><xsl:if test="@submitted"><xsl:call-template name="when"><xsl:with-param name="t" select="@submitted"/></xsl:call-template></xsl:if></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </xsl:when>
    <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.mine.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
  <p><a href="/applications/"><xsl:call-template name="t"><xsl:with-param name="k" select="'apply.title'"/></xsl:call-template></a>
    <xsl:text> · </xsl:text><a href="/applications/claim"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.claim.title'"/></xsl:call-template></a></p>
</xsl:template>

<xsl:template match="claim" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.claim.title'"/></xsl:call-template></xsl:template>
<xsl:template match="claim">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'app.claim.title'"/></xsl:call-template></h1>
  <p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.claim.intro'"/></xsl:call-template></p>
  <xsl:apply-templates select="form"/>
</xsl:template>

<!-- An application's page. -->
<xsl:template match="application-page" mode="title"><xsl:value-of select="application/@service-name"/></xsl:template>

<xsl:template match="application-page">
  <xsl:variable name="a" select="application"/>
  <h1><xsl:value-of select="$a/@service-name"/></h1>
  <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.for'"/></xsl:call-template>: <xsl:value-of select="concat($a/@given, ' ', $a/@family)"/>
    <xsl:text> · </xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.status'"/></xsl:call-template>: <strong><xsl:call-template name="t"><xsl:with-param name="k" select="concat('app.status.', $a/@status)"/></xsl:call-template></strong></p>
  <xsl:if test="@problem">
    <div class="errors" role="alert"><p><xsl:call-template name="t"><xsl:with-param name="k" select="@problem"/></xsl:call-template></p></div>
  </xsl:if>
  <xsl:if test="$a/position">
    <p class="position" role="status"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.position'"/><xsl:with-param name="n" select="concat($a/position/@position, ' / ', $a/position/@total)"/></xsl:call-template></p>
  </xsl:if>
  <xsl:if test="$a/moved">
    <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'app.moved.title'"/></xsl:call-template></h2>
    <ul class="moved">
      <xsl:for-each select="$a/moved">
        <li><xsl:call-template name="when"><xsl:with-param name="t" select="@at"/></xsl:call-template>: <xsl:value-of select="concat(@position, ' / ', @total)"/> — <xsl:call-template name="t"><xsl:with-param name="k" select="concat('app.moved.', @reason)"/></xsl:call-template></li>
      </xsl:for-each>
    </ul>
  </xsl:if>
  <h2 id="tl-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.timeline'"/></xsl:call-template></h2>
  <ol class="timeline" aria-labelledby="tl-h">
    <xsl:for-each select="$a/event">
      <li><xsl:call-template name="when"><xsl:with-param name="t" select="@at"/></xsl:call-template>: <xsl:call-template name="t"><xsl:with-param name="k" select="concat('app.event.', @kind)"/></xsl:call-template>
        <xsl:if test="@note != ''"><blockquote><p><xsl:value-of select="@note"/></p></blockquote></xsl:if>
      </li>
    </xsl:for-each>
  </ol>
  <xsl:if test="$a/@status = 'refused' or $a/@status = 'waiting' or $a/@status = 'enrolled' or $a/@status = 'offered'">
    <xsl:if test="$a/@decided">
      <p><a href="/applications/{$a/@id}/decision"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.decision.link'"/></xsl:call-template></a></p>
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.appeal'"/></xsl:call-template></p>
    </xsl:if>
  </xsl:if>
  <xsl:if test="$a/@status = 'offered' and $a/@own">
    <form method="post" action="/applications/{$a/@id}/accept">
      <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.offer.until'"/></xsl:call-template><xsl:text> </xsl:text><xsl:call-template name="when"><xsl:with-param name="t" select="$a/@offer-expires"/></xsl:call-template></p>
      <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.accept'"/></xsl:call-template></button></p>
    </form>
  </xsl:if>
  <h2 id="docs-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.docs.title'"/></xsl:call-template></h2>
  <xsl:call-template name="documents-table"><xsl:with-param name="a" select="$a"/></xsl:call-template>
  <xsl:if test="$a/@own">
    <p><a href="/applications/{$a/@id}/seen"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.seen.link'"/></xsl:call-template></a></p>
  </xsl:if>
  <xsl:apply-templates select="application-form"/>
  <xsl:if test="$a/@own and ($a/@status = 'draft' or $a/@status = 'submitted' or $a/@status = 'review' or $a/@status = 'info' or $a/@status = 'waiting' or $a/@status = 'offered')">
    <form method="post" action="/applications/{$a/@id}/withdraw">
      <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
      <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.withdraw'"/></xsl:call-template></button></p>
    </form>
  </xsl:if>
  <xsl:if test="@csw"><xsl:call-template name="csw-actions"><xsl:with-param name="a" select="$a"/></xsl:call-template></xsl:if>
</xsl:template>

<xsl:template name="documents-table">
  <xsl:param name="a"/>
  <xsl:choose>
    <xsl:when test="$a/document">
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="docs-h">
        <table>
          <thead><tr>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.kind'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.file'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.size'"/></xsl:call-template></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="$a/document">
              <tr>
                <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('dockind.', @kind)"/></xsl:call-template></td>
                <td><a href="/applications/{$a/@id}/documents/{@id}" download=""><xsl:value-of select="@filename"/></a></td>
                <td><xsl:call-template name="t"><xsl:with-param name="k" select="'app.doc.size'"/><xsl:with-param name="n" select="ceiling(@bytes div 1024)"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </xsl:when>
    <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.docs.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template match="seen" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.seen.title'"/></xsl:call-template></xsl:template>
<xsl:template match="seen">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'app.seen.title'"/></xsl:call-template></h1>
  <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.seen.intro'"/></xsl:call-template></p>
  <xsl:choose>
    <xsl:when test="access">
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="seen-cap">
        <table>
          <caption id="seen-cap"><xsl:value-of select="application/@service-name"/></caption>
          <thead><tr>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.when'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.who'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.what'"/></xsl:call-template></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="access">
              <tr>
                <td><xsl:call-template name="when"><xsl:with-param name="t" select="@at"/></xsl:call-template></td>
                <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('role.', @role)"/></xsl:call-template><xsl:if test="@organisation">, <xsl:value-of select="@organisation"/></xsl:if></td>
                <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('app.seen.', substring-after(@action, '.'))"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </xsl:when>
    <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.seen.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
  <p><a href="/applications/{application/@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.back'"/></xsl:call-template></a></p>
</xsl:template>

<xsl:template match="decision" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.decision.title'"/></xsl:call-template></xsl:template>
<xsl:template match="decision">
  <xsl:variable name="a" select="application"/>
  <article class="decision">
    <header><p class="issuer"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.decision.issuer'"/></xsl:call-template><br/><xsl:value-of select="municipality"/></p>
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.decision.number'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="$a/@id"/><xsl:text>, </xsl:text><xsl:call-template name="when"><xsl:with-param name="t" select="$a/@decided"/></xsl:call-template></p></header>
    <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'app.decision.title'"/></xsl:call-template></h1>
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.decision.basis'"/></xsl:call-template></p>
    <p><strong><xsl:call-template name="t"><xsl:with-param name="k" select="concat('app.decision.', substring('approved', 1, 8 * ($a/@status != 'refused')), substring('refused', 1, 7 * ($a/@status = 'refused')))"/></xsl:call-template></strong>:
      <xsl:value-of select="$a/@service-name"/>, <xsl:value-of select="concat($a/@given, ' ', $a/@family)"/>, <xsl:call-template name="date"><xsl:with-param name="d" select="$a/@born"/></xsl:call-template></p>
    <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'app.decision.reasons'"/></xsl:call-template></h2>
    <p class="reasons"><xsl:value-of select="$a/@reasons"/></p>
    <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'app.decision.remedy'"/></xsl:call-template></h2>
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.appeal'"/></xsl:call-template></p>
  </article>
</xsl:template>

</xsl:stylesheet>
