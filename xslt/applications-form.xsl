<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     applications-form.xsl: the application form (apply.c): the fields
     from layout.xsl's field template, the coded needs and criteria as
     checkboxes, one file input per kind of document (several files each,
     the limits said before choosing), earlier documents offered again,
     the notice of what is kept and for how long, consent, Save and
     Submit.  multipart/form-data; no JavaScript. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

<xsl:template match="application-form" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'app.form.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="application-form">
  <xsl:variable name="f" select="form"/>
  <h1 id="form-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.form.title'"/></xsl:call-template>: <xsl:value-of select="service/@name"/></h1>
  <xsl:if test="@staff"><p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.form.staff'"/></xsl:call-template></p></xsl:if>
  <form method="post" action="{@action}" enctype="multipart/form-data" novalidate="novalidate" aria-labelledby="form-h">
    <xsl:if test="$f/@errors &gt; 0 or file-error or missing">
      <div class="errors" role="alert">
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="'form.errors'"/></xsl:call-template></p>
        <xsl:if test="$f/@error"><p class="form-error"><xsl:call-template name="t"><xsl:with-param name="k" select="$f/@error"/></xsl:call-template></p></xsl:if>
        <ul>
          <xsl:for-each select="$f/field[@error]">
            <li><a href="#f-{@name}"><xsl:call-template name="t"><xsl:with-param name="k" select="@label"/></xsl:call-template>: <xsl:call-template name="field-error"/></a></li>
          </xsl:for-each>
          <xsl:for-each select="file-error">
            <li><a href="#docs-fs"><xsl:value-of select="@name"/>: <xsl:call-template name="t"><xsl:with-param name="k" select="@key"/><xsl:with-param name="n" select="@limit"/></xsl:call-template></a></li>
          </xsl:for-each>
          <xsl:for-each select="missing">
            <li><a href="#docs-fs"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.doc.missing'"/></xsl:call-template>: <xsl:call-template name="t"><xsl:with-param name="k" select="concat('dockind.', @kind)"/></xsl:call-template></a></li>
          </xsl:for-each>
        </ul>
        <xsl:if test="file-error"><p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.file.again'"/></xsl:call-template></p></xsl:if>
        <xsl:if test="missing"><p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.doc.saved'"/></xsl:call-template></p></xsl:if>
      </div>
    </xsl:if>
    <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
    <fieldset>
      <legend><xsl:call-template name="t"><xsl:with-param name="k" select="'app.form.who'"/></xsl:call-template></legend>
      <xsl:apply-templates select="$f/field[@name != 'consent' and @name != 'email' and @name != 'note']"/>
    </fieldset>
    <fieldset>
      <legend><xsl:call-template name="t"><xsl:with-param name="k" select="'app.form.needs'"/></xsl:call-template></legend>
      <xsl:for-each select="need">
        <div class="field"><input type="checkbox" id="need-{@id}" name="need" value="{@id}"><xsl:if test="@checked"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input>
          <xsl:text> </xsl:text><label for="need-{@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('need.', @code)"/></xsl:call-template></label></div>
      </xsl:for-each>
      <xsl:apply-templates select="$f/field[@name = 'note']"/>
    </fieldset>
    <xsl:if test="criterion">
      <fieldset>
        <legend><xsl:call-template name="t"><xsl:with-param name="k" select="'app.form.criteria'"/></xsl:call-template></legend>
        <p class="hint"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.form.criteria.hint'"/></xsl:call-template></p>
        <xsl:for-each select="criterion">
          <div class="field"><input type="checkbox" id="crit-{@id}" name="crit" value="{@id}"><xsl:if test="@checked"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input>
            <xsl:text> </xsl:text><label for="crit-{@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('criterion.', @code)"/></xsl:call-template></label></div>
        </xsl:for-each>
      </fieldset>
    </xsl:if>
    <fieldset id="docs-fs">
      <legend><xsl:call-template name="t"><xsl:with-param name="k" select="'app.form.docs'"/></xsl:call-template></legend>
      <p class="hint" id="h-docs"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.file.limits'"/><xsl:with-param name="n" select="@max-mb"/></xsl:call-template></p>
      <xsl:for-each select="kind">
        <xsl:choose>
          <xsl:when test="@by-csw = 1">
            <p><xsl:call-template name="t"><xsl:with-param name="k" select="concat('dockind.', @code)"/></xsl:call-template>: <xsl:call-template name="t"><xsl:with-param name="k" select="'app.doc.by-csw'"/></xsl:call-template></p>
          </xsl:when>
          <xsl:otherwise>
            <div class="field">
              <label for="doc-{@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('dockind.', @code)"/></xsl:call-template>
                <xsl:if test="@required = 1"><xsl:text> </xsl:text><span class="req"><xsl:call-template name="t"><xsl:with-param name="k" select="'form.required'"/></xsl:call-template></span></xsl:if></label>
              <xsl:for-each select="../given[@kind-id = current()/@id]">
                <p class="given"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.doc.given'"/></xsl:call-template>: <xsl:value-of select="@filename"/></p>
              </xsl:for-each>
              <input type="file" id="doc-{@id}" name="doc.{@id}" multiple="multiple" accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" aria-describedby="h-docs"/>
            </div>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:if test="earlier">
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.doc.earlier'"/></xsl:call-template></p>
        <xsl:for-each select="earlier">
          <div class="field"><input type="checkbox" id="reuse-{@id}" name="reuse" value="{@id}"><xsl:if test="@checked"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input>
            <xsl:text> </xsl:text><label for="reuse-{@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('dockind.', @kind)"/></xsl:call-template>: <xsl:value-of select="@filename"/></label></div>
        </xsl:for-each>
      </xsl:if>
    </fieldset>
    <fieldset>
      <legend><xsl:call-template name="t"><xsl:with-param name="k" select="'app.form.consent'"/></xsl:call-template></legend>
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'app.notice'"/></xsl:call-template></p>
      <xsl:apply-templates select="$f/field[@name = 'consent' or @name = 'email']"/>
    </fieldset>
    <p class="submit">
      <button type="submit" name="action" value="save"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.save'"/></xsl:call-template></button>
      <xsl:text> </xsl:text>
      <button type="submit" name="action" value="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.submit'"/></xsl:call-template></button>
    </p>
  </form>
  <xsl:if test="given">
    <xsl:variable name="id" select="substring-after(@action, '/applications/')"/>
    <xsl:for-each select="given">
      <form method="post" action="/applications/{$id}/documents/{@id}/delete">
        <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
        <p><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.doc.remove'"/></xsl:call-template><span class="sr">: <xsl:value-of select="@filename"/></span></button></p>
      </form>
    </xsl:for-each>
  </xsl:if>
</xsl:template>

</xsl:stylesheet>
