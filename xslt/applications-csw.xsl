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
    <xsl:if test="$a/@jmbg"><p><xsl:call-template name="t"><xsl:with-param name="k" select="'person.jmbg'"/></xsl:call-template>: <xsl:value-of select="$a/@jmbg"/></p></xsl:if>
    <xsl:if test="$a/@registered"><p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.csw.registered'"/></xsl:call-template></p></xsl:if>
    <xsl:if test="$a/need"><p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.form.needs'"/></xsl:call-template>: <xsl:for-each select="$a/need"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:call-template name="t"><xsl:with-param name="k" select="concat('need.', @code)"/></xsl:call-template></xsl:for-each></p></xsl:if>
    <xsl:if test="$a/@note"><p><xsl:value-of select="$a/@note"/></p></xsl:if>
    <!-- Taking it: while nobody has, or from another worker. -->
    <xsl:if test="$a/@status = 'submitted' or ($a/@status = 'review' and not($a/@mine))">
      <form method="post" action="/applications/{$a/@id}/take">
        <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
        <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.csw.take'"/></xsl:call-template></button></p>
      </form>
    </xsl:if>
    <xsl:apply-templates select="csw-form[@for = 'request']/form"/>
    <xsl:apply-templates select="csw-form[@for = 'decide']/form"/>
    <xsl:if test="$a/all-criterion">
      <xsl:apply-templates select="csw-form[@for = 'criteria']/form"/>
    </xsl:if>
    <p><a href="/applications/waiting/{$a/@service}"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.waiting.title'"/></xsl:call-template></a></p>
  </section>
</xsl:template>

<!-- The CSW's forms (csw.c, form_write): the message and the reasons as
     textareas, the outcome as two radio buttons, the provider among those
     with a free place; each error beside its field (layout.xsl's form). -->
<xsl:template match="csw-form/form/field[@name = 'message' or @name = 'reasons']">
  <div class="field">
    <xsl:if test="@error"><xsl:attribute name="class">field invalid</xsl:attribute></xsl:if>
    <label for="f-{@name}"><xsl:call-template name="t"><xsl:with-param name="k" select="@label"/></xsl:call-template>
      <xsl:if test="@required"><xsl:text> </xsl:text><span class="req"><xsl:call-template name="t"><xsl:with-param name="k" select="'form.required'"/></xsl:call-template></span></xsl:if>
    </label>
    <textarea id="f-{@name}" name="{@name}" rows="5" maxlength="{@max}">
      <xsl:call-template name="field-attrs"/>
      <xsl:value-of select="value"/>
    </textarea>
    <xsl:if test="@error"><p class="error" id="e-{@name}"><xsl:call-template name="field-error"/></p></xsl:if>
  </div>
</xsl:template>

<xsl:template match="csw-form/form/field[@name = 'outcome']">
  <xsl:variable name="v" select="string(value)"/>
  <fieldset>
    <xsl:if test="@error"><xsl:attribute name="class">invalid</xsl:attribute></xsl:if>
    <legend><xsl:call-template name="t"><xsl:with-param name="k" select="@label"/></xsl:call-template>
      <xsl:if test="@required"><xsl:text> </xsl:text><span class="req"><xsl:call-template name="t"><xsl:with-param name="k" select="'form.required'"/></xsl:call-template></span></xsl:if></legend>
    <xsl:for-each select="choice">
      <div class="field">
        <input type="radio" name="outcome" value="{@value}">
          <xsl:attribute name="id"><xsl:choose><xsl:when test="position() = 1">f-outcome</xsl:when><xsl:otherwise>f-outcome-<xsl:value-of select="@value"/></xsl:otherwise></xsl:choose></xsl:attribute>
          <xsl:for-each select=".."><xsl:call-template name="field-attrs"/></xsl:for-each>
          <xsl:if test="@value = $v"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
        </input>
        <xsl:text> </xsl:text>
        <label>
          <xsl:attribute name="for"><xsl:choose><xsl:when test="position() = 1">f-outcome</xsl:when><xsl:otherwise>f-outcome-<xsl:value-of select="@value"/></xsl:otherwise></xsl:choose></xsl:attribute>
          <xsl:call-template name="t"><xsl:with-param name="k" select="concat('app.decision.', substring('approved', 1, 8 * (@value = 'approve')), substring('refused', 1, 7 * (@value = 'refuse')))"/></xsl:call-template>
        </label>
      </div>
    </xsl:for-each>
    <xsl:if test="@error"><p class="error" id="e-{@name}"><xsl:call-template name="field-error"/></p></xsl:if>
  </fieldset>
</xsl:template>

<!-- Correcting the criteria: the boxes (as posted when the form comes
     back, else as the application has them), then the reason. -->
<xsl:template match="csw-form[@for = 'criteria']/form/field[@name = 'reason']">
  <xsl:variable name="cf" select="../.."/>
  <xsl:variable name="a" select="/page//application-page/application"/>
  <fieldset><legend><xsl:call-template name="t"><xsl:with-param name="k" select="'app.form.criteria'"/></xsl:call-template></legend>
    <xsl:for-each select="$a/all-criterion">
      <div class="field"><input type="checkbox" id="cc-{@id}" name="crit" value="{@id}">
          <xsl:if test="($cf/@posted and $cf/crit[@id = current()/@id]) or (not($cf/@posted) and $a/criterion[@id = current()/@id])"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input>
        <xsl:text> </xsl:text><label for="cc-{@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('criterion.', @code)"/></xsl:call-template> (<xsl:value-of select="@points"/>)</label></div>
    </xsl:for-each>
  </fieldset>
  <xsl:apply-imports/>
</xsl:template>

<xsl:template match="csw-form/form/field[@name = 'org']">
  <xsl:variable name="v" select="string(value)"/>
  <div class="field">
    <xsl:if test="@error"><xsl:attribute name="class">field invalid</xsl:attribute></xsl:if>
    <label for="f-org"><xsl:call-template name="t"><xsl:with-param name="k" select="@label"/></xsl:call-template></label>
    <select id="f-org" name="org">
      <xsl:call-template name="field-attrs"/>
      <option value=""><xsl:call-template name="t"><xsl:with-param name="k" select="'app.csw.no-place'"/></xsl:call-template></option>
      <xsl:for-each select="/page//application-page/application/place[@free &gt; 0 or @id = $v]">
        <option value="{@id}">
          <xsl:if test="@id = $v"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
          <xsl:value-of select="@name"/> (<xsl:value-of select="@free"/>)</option>
      </xsl:for-each>
    </select>
    <xsl:if test="@error"><p class="error" id="e-{@name}"><xsl:call-template name="field-error"/></p></xsl:if>
  </div>
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
