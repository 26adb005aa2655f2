<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     applications-csw.xsl: the CSW's pages (csw.c, waiting.c): the inbox
     by service, status and age, the actions on an application (take,
     ask for more, decide, correct the criteria with a reason) and a
     service's waiting list with its free places. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

<xsl:template match="inbox" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.inbox.title'"/></xsl:call-template></xsl:template>

<xsl:template match="inbox">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'app.inbox.title'"/></xsl:call-template></h1>
  <xsl:apply-templates select="form"/>
  <p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.waiting.links'"/></xsl:call-template>:
    <xsl:for-each select="service"><xsl:if test="position() &gt; 1"> · </xsl:if><a href="/applications/waiting/{@value}"><xsl:value-of select="@label"/></a></xsl:for-each></p>
  <xsl:choose>
    <xsl:when test="application">
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="inbox-cap">
        <table>
          <caption id="inbox-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.inbox.title'"/></xsl:call-template></caption>
          <thead><tr>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.for'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.service'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.status'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.submitted'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.days'"/></xsl:call-template></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="application">
              <tr>
                <td><a href="/applications/{@id}"><xsl:value-of select="concat(@given, ' ', @family)"/></a><xsl:if test="@mine = 1"> (<xsl:call-template name="t"><xsl:with-param name="k" select="'app.inbox.mine'"/></xsl:call-template>)</xsl:if></td>
                <td><xsl:value-of select="@service"/></td>
                <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('app.status.', @status)"/></xsl:call-template></td>
                <td><xsl:if test="@submitted"><xsl:call-template name="when"><xsl:with-param name="t" select="@submitted"/></xsl:call-template></xsl:if></td>
                <td><xsl:value-of select="@days"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </xsl:when>
    <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.inbox.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- The CSW's actions on an application's page. -->
<xsl:template name="csw-actions">
  <xsl:param name="a"/>
  <section aria-labelledby="csw-h">
    <h2 id="csw-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.csw.title'"/></xsl:call-template></h2>
    <xsl:if test="$a/@jmbg"><p>JMBG: <xsl:value-of select="$a/@jmbg"/></p></xsl:if>
    <xsl:if test="$a/@registered"><p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.csw.registered'"/></xsl:call-template></p></xsl:if>
    <xsl:if test="$a/need"><p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.form.needs'"/></xsl:call-template>: <xsl:for-each select="$a/need"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:call-template name="t"><xsl:with-param name="k" select="concat('need.', @code)"/></xsl:call-template></xsl:for-each></p></xsl:if>
    <xsl:if test="$a/@note"><p><xsl:value-of select="$a/@note"/></p></xsl:if>
    <xsl:if test="$a/@status = 'submitted' or $a/@status = 'review'">
      <form method="post" action="/applications/{$a/@id}/take">
        <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
        <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.csw.take'"/></xsl:call-template></button></p>
      </form>
      <form method="post" action="/applications/{$a/@id}/request">
        <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
        <div class="field"><label for="f-message"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.csw.message'"/></xsl:call-template></label>
          <textarea id="f-message" name="message" rows="4" maxlength="4000"></textarea></div>
        <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.csw.request'"/></xsl:call-template></button></p>
      </form>
    </xsl:if>
    <xsl:if test="$a/@status = 'review'">
      <form method="post" action="/applications/{$a/@id}/decide">
        <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
        <fieldset><legend><xsl:call-template name="t"><xsl:with-param name="k" select="'app.csw.decide'"/></xsl:call-template></legend>
          <div class="field"><input type="radio" id="o-approve" name="outcome" value="approve"/><xsl:text> </xsl:text><label for="o-approve"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.decision.approved'"/></xsl:call-template></label></div>
          <div class="field"><input type="radio" id="o-refuse" name="outcome" value="refuse"/><xsl:text> </xsl:text><label for="o-refuse"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.decision.refused'"/></xsl:call-template></label></div>
        </fieldset>
        <div class="field"><label for="f-reasons"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.decision.reasons'"/></xsl:call-template></label>
          <textarea id="f-reasons" name="reasons" rows="5" maxlength="4000"></textarea></div>
        <div class="field"><label for="f-org"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.csw.provider'"/></xsl:call-template></label>
          <select id="f-org" name="org">
            <option value=""><xsl:call-template name="t"><xsl:with-param name="k" select="'app.csw.no-place'"/></xsl:call-template></option>
            <xsl:for-each select="$a/place[@free &gt; 0]"><option value="{@id}"><xsl:value-of select="@name"/> (<xsl:value-of select="@free"/>)</option></xsl:for-each>
          </select></div>
        <div class="field"><label for="f-start"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.csw.start'"/></xsl:call-template></label>
          <input type="text" id="f-start" name="start" aria-describedby="h-start"/>
          <p class="hint" id="h-start"><xsl:call-template name="t"><xsl:with-param name="k" select="'form.date.hint'"/></xsl:call-template></p></div>
        <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.csw.decide'"/></xsl:call-template></button></p>
      </form>
    </xsl:if>
    <xsl:if test="$a/all-criterion">
      <form method="post" action="/applications/{$a/@id}/criteria">
        <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
        <fieldset><legend><xsl:call-template name="t"><xsl:with-param name="k" select="'app.form.criteria'"/></xsl:call-template></legend>
          <xsl:for-each select="$a/all-criterion">
            <div class="field"><input type="checkbox" id="cc-{@id}" name="crit" value="{@id}"><xsl:if test="$a/criterion[@id = current()/@id]"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input>
              <xsl:text> </xsl:text><label for="cc-{@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('criterion.', @code)"/></xsl:call-template> (<xsl:value-of select="@points"/>)</label></div>
          </xsl:for-each>
        </fieldset>
        <div class="field"><label for="f-reason"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.csw.reason'"/></xsl:call-template></label>
          <input type="text" id="f-reason" name="reason" maxlength="4000"/></div>
        <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.csw.criteria'"/></xsl:call-template></button></p>
      </form>
    </xsl:if>
    <p><a href="/applications/waiting/{$a/@service}"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.waiting.title'"/></xsl:call-template></a></p>
  </section>
</xsl:template>

<xsl:template match="waiting" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.waiting.title'"/></xsl:call-template></xsl:template>

<xsl:template match="waiting">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'app.waiting.title'"/></xsl:call-template>: <xsl:value-of select="service/@name"/></h1>
  <h2 id="places-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.waiting.places'"/></xsl:call-template></h2>
  <ul aria-labelledby="places-h">
    <xsl:for-each select="place"><li><xsl:value-of select="@name"/>: <xsl:value-of select="@free"/> / <xsl:value-of select="@places"/></li></xsl:for-each>
  </ul>
  <xsl:choose>
    <xsl:when test="application">
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="wl-cap">
        <table>
          <caption id="wl-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.waiting.order'"/></xsl:call-template></caption>
          <thead><tr>
            <th scope="col">#</th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.for'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.points'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.since'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.status'"/></xsl:call-template></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="application">
              <tr>
                <td><xsl:if test="@status = 'waiting'"><xsl:value-of select="count(preceding-sibling::application[@status = 'waiting']) + 1"/></xsl:if></td>
                <td><a href="/applications/{@id}"><xsl:value-of select="concat(@given, ' ', @family)"/></a></td>
                <td><xsl:value-of select="@points"/></td>
                <td><xsl:if test="@since"><xsl:call-template name="when"><xsl:with-param name="t" select="@since"/></xsl:call-template></xsl:if></td>
                <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('app.status.', @status)"/></xsl:call-template>
                  <xsl:if test="@status = 'waiting' and not(preceding-sibling::application[@status = 'waiting']) and ../place[@free &gt; 0]">
                    <form method="post" action="/applications/{@id}/offer">
                      <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
                      <label for="offer-org"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.csw.provider'"/></xsl:call-template></label>
                      <select id="offer-org" name="org"><xsl:for-each select="../place[@free &gt; 0]"><option value="{@id}"><xsl:value-of select="@name"/></option></xsl:for-each></select>
                      <button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.csw.offer'"/></xsl:call-template></button>
                    </form>
                  </xsl:if></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </xsl:when>
    <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.waiting.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
</xsl:template>

</xsl:stylesheet>
