<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     applications-admin.xsl: the administrator's pages (admin.c): the
     town's services with their priority criteria and the documents each
     asks for, and the two forms that set them. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

<xsl:template match="admin-services" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.apps.title'"/></xsl:call-template></xsl:template>

<xsl:template match="admin-services">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.apps.title'"/></xsl:call-template></h1>
  <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.apps.intro'"/></xsl:call-template></p>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="as-cap">
    <table>
      <caption id="as-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.apps.title'"/></xsl:call-template></caption>
      <thead><tr>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'app.col.service'"/></xsl:call-template></th>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.apps.criteria'"/></xsl:call-template></th>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.apps.documents'"/></xsl:call-template></th>
      </tr></thead>
      <tbody>
        <xsl:for-each select="service">
          <tr>
            <th scope="row"><xsl:value-of select="@name"/><xsl:if test="@online = 0"> (<xsl:call-template name="t"><xsl:with-param name="k" select="'admin.apps.offline'"/></xsl:call-template>)</xsl:if></th>
            <td><a href="/applications/admin/{@id}/criteria"><xsl:value-of select="@criteria"/><span class="sr">: <xsl:call-template name="t"><xsl:with-param name="k" select="'admin.apps.criteria'"/></xsl:call-template>, <xsl:value-of select="@name"/></span></a></td>
            <td><a href="/applications/admin/{@id}/documents"><xsl:value-of select="@documents"/><span class="sr">: <xsl:call-template name="t"><xsl:with-param name="k" select="'admin.apps.documents'"/></xsl:call-template>, <xsl:value-of select="@name"/></span></a></td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </div>
</xsl:template>

<xsl:template match="admin-criteria" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.crit.title'"/></xsl:call-template></xsl:template>

<xsl:template match="admin-criteria">
  <h1 id="ac-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.crit.title'"/></xsl:call-template>: <xsl:value-of select="service/@name"/></h1>
  <p class="lead" id="ac-intro"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.crit.intro'"/></xsl:call-template></p>
  <form method="post" action="/applications/admin/{service/@id}/criteria" novalidate="novalidate" aria-labelledby="ac-h">
    <xsl:if test="criterion[@error]">
      <div class="errors" role="alert">
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="'form.errors'"/></xsl:call-template></p>
        <ul>
          <xsl:for-each select="criterion[@error]">
            <li><a href="#c-{@code}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('criterion.', @code)"/></xsl:call-template>: <xsl:call-template name="t"><xsl:with-param name="k" select="@error"/></xsl:call-template></a></li>
          </xsl:for-each>
        </ul>
      </div>
    </xsl:if>
    <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
    <xsl:for-each select="criterion">
      <div class="field">
        <label for="c-{@code}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('criterion.', @code)"/></xsl:call-template></label>
        <input type="text" inputmode="numeric" id="c-{@code}" name="points.{@code}" value="{@points}" maxlength="4" aria-describedby="ac-intro">
          <xsl:if test="@error"><xsl:attribute name="aria-invalid">true</xsl:attribute><xsl:attribute name="aria-describedby">ac-intro e-<xsl:value-of select="@code"/></xsl:attribute></xsl:if>
        </input>
        <xsl:if test="@used &gt; 0"><p class="hint"><xsl:call-template name="plural"><xsl:with-param name="k" select="'admin.crit.used'"/><xsl:with-param name="n" select="@used"/></xsl:call-template></p></xsl:if>
        <xsl:if test="@error"><p class="error" id="e-{@code}"><xsl:call-template name="t"><xsl:with-param name="k" select="@error"/></xsl:call-template></p></xsl:if>
      </div>
    </xsl:for-each>
    <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.save'"/></xsl:call-template></button></p>
  </form>
  <p><a href="/applications/admin"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.apps.title'"/></xsl:call-template></a></p>
</xsl:template>

<xsl:template match="admin-documents" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.docs.title'"/></xsl:call-template></xsl:template>

<xsl:template match="admin-documents">
  <h1 id="ad-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.docs.title'"/></xsl:call-template>: <xsl:value-of select="service/@name"/></h1>
  <xsl:if test="@problem">
    <div class="errors" role="alert"><p><xsl:call-template name="t"><xsl:with-param name="k" select="@problem"/></xsl:call-template></p></div>
  </xsl:if>
  <form method="post" action="/applications/admin/{service/@id}/documents" aria-labelledby="ad-h">
    <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
    <xsl:for-each select="kind">
      <div class="field">
        <label for="k-{@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('dockind.', @code)"/></xsl:call-template></label>
        <select id="k-{@id}" name="kind.{@id}">
          <option value="no"><xsl:if test="@mode = 'no'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.docs.no'"/></xsl:call-template></option>
          <option value="required"><xsl:if test="@mode = 'required'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.docs.required'"/></xsl:call-template></option>
          <option value="optional"><xsl:if test="@mode = 'optional'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.docs.optional'"/></xsl:call-template></option>
          <option value="csw"><xsl:if test="@mode = 'csw'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.docs.csw'"/></xsl:call-template></option>
        </select>
      </div>
    </xsl:for-each>
    <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.save'"/></xsl:call-template></button></p>
  </form>
  <p><a href="/applications/admin"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.apps.title'"/></xsl:call-template></a></p>
</xsl:template>

</xsl:stylesheet>
