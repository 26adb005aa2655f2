<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     surveys-edit.xsl: the survey editor's pages (fcgi/surveys/edit.c,
     export.c), included by surveys.xsl: the list of the municipality's
     surveys, a survey's page (its outline with move buttons, publish,
     close, copy, results, exports, preview), one form per object, and
     the preview around the respondents' own page.  Forms render through layout.xsl; a text
     field longer than a line (@max over 200) is a textarea here.  No
     JavaScript: every button is a small form with the CSRF token. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

<xsl:template match="sedit" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="concat('sedit.h.', @page)"/></xsl:call-template>
</xsl:template>

<!-- A button: a form of its own that posts one value.  label (the code
     of what it moves) follows the visible word in its accessible name,
     "Up p1", so that the many Up buttons differ and a voice user can
     still say what is written on one (WCAG 2.5.3). -->
<xsl:template name="sedit-button">
  <xsl:param name="action"/>
  <xsl:param name="name"/>
  <xsl:param name="value"/>
  <xsl:param name="k"/>
  <xsl:param name="label"/>
  <form method="post" action="{$action}" class="inline">
    <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
    <input type="hidden" name="{$name}" value="{$value}"/>
    <button type="submit">
      <xsl:if test="$label != ''">
        <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="$k"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="$label"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="t"><xsl:with-param name="k" select="$k"/></xsl:call-template>
    </button>
  </form>
</xsl:template>

<!-- A form that does something only once a box is ticked. -->
<xsl:template name="sedit-confirm">
  <xsl:param name="action"/>
  <xsl:param name="id"/>
  <xsl:param name="k"/>
  <xsl:param name="submit"/>
  <form method="post" action="{$action}">
    <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
    <div class="field">
      <input type="checkbox" id="{$id}" name="confirm" value="1"/>
      <xsl:text> </xsl:text>
      <label for="{$id}"><xsl:call-template name="t"><xsl:with-param name="k" select="$k"/></xsl:call-template></label>
    </div>
    <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="$submit"/></xsl:call-template></button></p>
  </form>
</xsl:template>

<xsl:template name="sedit-back">
  <p class="back">
    <xsl:choose>
      <xsl:when test="@id">
        <a href="/surveys/edit/{@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.back'"/></xsl:call-template></a>
      </xsl:when>
      <xsl:otherwise>
        <a href="/surveys/edit/"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.back.list'"/></xsl:call-template></a>
      </xsl:otherwise>
    </xsl:choose>
  </p>
</xsl:template>

<!-- Why a change was refused: the reason as the definition check gave it
     (line and words), or the page or question concerned. -->
<xsl:template match="sedit/problem">
  <div class="errors" role="alert">
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="@key"/></xsl:call-template></p>
    <xsl:if test="@reason">
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.reason'"/></xsl:call-template><xsl:text> </xsl:text><code><xsl:value-of select="@reason"/></code></p>
    </xsl:if>
    <xsl:if test="@which">
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.which'"/></xsl:call-template><xsl:text> </xsl:text><code><xsl:value-of select="@which"/></code></p>
    </xsl:if>
  </div>
</xsl:template>

<!-- A long text field of an editor's form: a textarea. -->
<xsl:template match="sedit/form/field[@kind = 'text' and @max &gt; 200]">
  <div class="field">
    <xsl:if test="@error"><xsl:attribute name="class">field invalid</xsl:attribute></xsl:if>
    <label for="f-{@name}"><xsl:call-template name="t"><xsl:with-param name="k" select="@label"/></xsl:call-template>
      <xsl:if test="@required"><xsl:text> </xsl:text><span class="req"><xsl:call-template name="t"><xsl:with-param name="k" select="'form.required'"/></xsl:call-template></span></xsl:if>
    </label>
    <textarea id="f-{@name}" name="{@name}" rows="4" cols="60">
      <xsl:if test="@name = 'xml'"><xsl:attribute name="rows">20</xsl:attribute></xsl:if>
      <xsl:call-template name="field-attrs"/>
      <xsl:if test="@error or contains(@label, 'options') or contains(@label, 'items') or contains(@label, 'groups') or @name = 'conditions' or @name = 'quotas'">
        <xsl:attribute name="aria-describedby">
          <xsl:value-of select="concat('h-', @name)"/>
          <xsl:if test="@error"><xsl:value-of select="concat(' e-', @name)"/></xsl:if>
        </xsl:attribute>
      </xsl:if>
      <xsl:value-of select="value"/>
    </textarea>
    <xsl:if test="contains(@label, 'options') or contains(@label, 'items') or contains(@label, 'groups.')">
      <p class="hint" id="h-{@name}"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.hint.lines'"/></xsl:call-template></p>
    </xsl:if>
    <xsl:if test="@name = 'conditions'">
      <p class="hint" id="h-{@name}"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.hint.conditions'"/></xsl:call-template></p>
    </xsl:if>
    <xsl:if test="@name = 'quotas'">
      <p class="hint" id="h-{@name}"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.hint.quotas'"/></xsl:call-template></p>
    </xsl:if>
    <xsl:if test="@error">
      <p class="error" id="e-{@name}"><xsl:call-template name="field-error"/></p>
    </xsl:if>
  </div>
</xsl:template>

<!-- The list of the municipality's surveys. -->
<xsl:template match="sedit[@page = 'list']">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.h.list'"/></xsl:call-template></h1>
  <p><a href="/surveys/edit/new"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.new'"/></xsl:call-template></a></p>
  <xsl:choose>
    <xsl:when test="survey">
      <div class="table-wrap" role="region" tabindex="0">
        <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.h.list'"/></xsl:call-template></xsl:attribute>
        <table>
          <thead><tr>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.col.title'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.col.status'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.col.round'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.col.dates'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.col.completed'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.results'"/></xsl:call-template></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="survey">
              <tr id="survey-{@code}">
                <td><a href="/surveys/edit/{@id}"><xsl:value-of select="@title"/></a></td>
                <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('sedit.status.', @status)"/></xsl:call-template></td>
                <td><xsl:value-of select="@round"/></td>
                <td>
                  <xsl:if test="@opens and @status != 'draft'">
                    <xsl:call-template name="when"><xsl:with-param name="t" select="@opens"/></xsl:call-template>
                    <xsl:text> – </xsl:text>
                    <xsl:call-template name="when"><xsl:with-param name="t" select="@closes"/></xsl:call-template>
                  </xsl:if>
                </td>
                <td class="num"><xsl:value-of select="@completed"/></td>
                <td><xsl:if test="@status != 'draft'"><a href="/surveys/{@code}/results"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.results.view'"/></xsl:call-template></a></xsl:if></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </xsl:when>
    <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- A form page of the editor: heading, the survey's name, the form. -->
<xsl:template match="sedit">
  <xsl:call-template name="sedit-back"/>
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="concat('sedit.h.', @page)"/></xsl:call-template></h1>
  <xsl:if test="@title"><p class="lead"><xsl:value-of select="@title"/></p></xsl:if>
  <xsl:if test="@locked and (@page = 'question' or @page = 'page' or @page = 'definition' or @page = 'meta')">
    <p class="notice"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.locked'"/></xsl:call-template></p>
  </xsl:if>
  <xsl:if test="problem/@reason">
    <p class="error" role="alert"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.reason'"/></xsl:call-template><xsl:text> </xsl:text><code><xsl:value-of select="problem/@reason"/></code></p>
  </xsl:if>
  <xsl:if test="@page = 'question' or @page = 'question-new'">
    <p class="hint"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.hint.bounds'"/></xsl:call-template></p>
  </xsl:if>
  <xsl:if test="@page = 'publish'">
    <p class="hint"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.hint.when'"/></xsl:call-template></p>
  </xsl:if>
  <xsl:apply-templates select="form"/>
  <xsl:if test="@page = 'definition'">
    <h2 id="file-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.file'"/></xsl:call-template></h2>
    <form method="post" action="{form/@action}" enctype="multipart/form-data" aria-labelledby="file-h">
      <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
      <div class="field">
        <label for="f-file"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.file.label'"/></xsl:call-template></label>
        <input type="file" id="f-file" name="file" accept=".xml,application/xml,text/xml"/>
      </div>
      <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.upload'"/></xsl:call-template></button></p>
    </form>
    <p><a href="/surveys/edit/{@id}/definition.xml"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.download'"/></xsl:call-template></a></p>
  </xsl:if>
  <xsl:if test="@page = 'page' or @page = 'question'">
    <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.delete'"/></xsl:call-template></h2>
    <xsl:call-template name="sedit-confirm">
      <xsl:with-param name="action" select="concat(form/@action, '/delete')"/>
      <xsl:with-param name="id">f-confirm</xsl:with-param>
      <xsl:with-param name="k" select="concat('sedit.delete.', @page)"/>
      <xsl:with-param name="submit" select="'sedit.delete'"/>
    </xsl:call-template>
  </xsl:if>
</xsl:template>

<!-- A survey: what it is, its outline, and what can be done with it. -->
<xsl:template match="sedit[@page = 'show']">
  <xsl:variable name="base" select="concat('/surveys/edit/', @id)"/>
  <p class="back"><a href="/surveys/edit/"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.back.list'"/></xsl:call-template></a></p>
  <h1><xsl:value-of select="@title"/></h1>
  <xsl:apply-templates select="problem"/>
  <dl class="facts">
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.col.status'"/></xsl:call-template></dt>
    <dd><xsl:call-template name="t"><xsl:with-param name="k" select="concat('sedit.status.', @status)"/></xsl:call-template></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.slug'"/></xsl:call-template></dt>
    <dd><code><xsl:value-of select="@code"/></code></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.col.round'"/></xsl:call-template></dt>
    <dd><xsl:value-of select="@round"/></dd>
    <xsl:if test="@status != 'draft' and @opens">
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.col.dates'"/></xsl:call-template></dt>
      <dd>
        <xsl:call-template name="when"><xsl:with-param name="t" select="@opens"/></xsl:call-template>
        <xsl:text> – </xsl:text>
        <xsl:call-template name="when"><xsl:with-param name="t" select="@closes"/></xsl:call-template>
      </dd>
    </xsl:if>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.col.completed'"/></xsl:call-template></dt>
    <dd><xsl:value-of select="@completed"/></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.results'"/></xsl:call-template></dt>
    <dd><xsl:call-template name="t"><xsl:with-param name="k" select="concat('sedit.results.', @results)"/></xsl:call-template>
      <xsl:if test="@status != 'draft'"><xsl:text> · </xsl:text><a href="/surveys/{@code}/results"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.results.view'"/></xsl:call-template></a></xsl:if></dd>
  </dl>
  <xsl:if test="@locked">
    <p class="notice"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.locked'"/></xsl:call-template></p>
  </xsl:if>

  <h2 id="outline-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.outline'"/></xsl:call-template></h2>
  <p>
    <a href="{$base}/meta"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.edit.meta'"/></xsl:call-template></a>
    <xsl:text> · </xsl:text>
    <a href="{$base}/definition"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.h.definition'"/></xsl:call-template></a>
    <xsl:text> · </xsl:text>
    <a href="{$base}/definition.xml"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.download'"/></xsl:call-template></a>
  </p>
  <ol class="pages">
    <xsl:for-each select="page">
      <xsl:variable name="pn" select="@n"/>
      <li id="page-{@code}">
        <h3>
          <xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.page'"/></xsl:call-template>
          <xsl:text> </xsl:text><xsl:value-of select="@n"/><xsl:text>: </xsl:text>
          <xsl:choose>
            <xsl:when test="@title"><xsl:value-of select="@title"/></xsl:when>
            <xsl:otherwise><code><xsl:value-of select="@code"/></code></xsl:otherwise>
          </xsl:choose>
        </h3>
        <xsl:if test="@groups"><p class="hint"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.page.groups'"/></xsl:call-template>: <xsl:value-of select="@groups"/></p></xsl:if>
        <xsl:apply-templates select="cond"/>
        <p>
          <a href="{$base}/pages/{@n}"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.edit.page'"/></xsl:call-template></a>
          <xsl:text> · </xsl:text>
          <a href="{$base}/preview?page={@n}"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.preview'"/></xsl:call-template></a>
          <xsl:text> </xsl:text>
          <xsl:if test="not(../@locked)">
            <xsl:call-template name="sedit-button"><xsl:with-param name="action" select="concat($base, '/pages/', @n, '/move')"/><xsl:with-param name="name">dir</xsl:with-param><xsl:with-param name="value">up</xsl:with-param><xsl:with-param name="k" select="'sedit.up'"/><xsl:with-param name="label" select="@code"/></xsl:call-template>
            <xsl:call-template name="sedit-button"><xsl:with-param name="action" select="concat($base, '/pages/', @n, '/move')"/><xsl:with-param name="name">dir</xsl:with-param><xsl:with-param name="value">down</xsl:with-param><xsl:with-param name="k" select="'sedit.down'"/><xsl:with-param name="label" select="@code"/></xsl:call-template>
          </xsl:if>
        </p>
        <ol class="questions">
          <xsl:for-each select="question">
            <li id="question-{@code}">
              <a href="{$base}/questions/{@n}"><xsl:value-of select="@text"/></a>
              <xsl:text> </xsl:text>
              <span class="hint">(<code><xsl:value-of select="@code"/></code>, <xsl:call-template name="t"><xsl:with-param name="k" select="concat('sedit.qtype.', @type)"/></xsl:call-template><xsl:if test="@required">, <xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.required'"/></xsl:call-template></xsl:if>)</span>
              <xsl:text> </xsl:text>
              <xsl:call-template name="sedit-button"><xsl:with-param name="action" select="concat($base, '/questions/', @n, '/move')"/><xsl:with-param name="name">dir</xsl:with-param><xsl:with-param name="value">up</xsl:with-param><xsl:with-param name="k" select="'sedit.up'"/><xsl:with-param name="label" select="@code"/></xsl:call-template>
              <xsl:call-template name="sedit-button"><xsl:with-param name="action" select="concat($base, '/questions/', @n, '/move')"/><xsl:with-param name="name">dir</xsl:with-param><xsl:with-param name="value">down</xsl:with-param><xsl:with-param name="k" select="'sedit.down'"/><xsl:with-param name="label" select="@code"/></xsl:call-template>
              <xsl:apply-templates select="cond"/>
            </li>
          </xsl:for-each>
        </ol>
        <p><a href="{$base}/pages/{@n}/questions/new"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.add.question'"/></xsl:call-template></a></p>
      </li>
    </xsl:for-each>
  </ol>
  <p><a href="{$base}/pages/new"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.add.page'"/></xsl:call-template></a></p>

  <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.preview'"/></xsl:call-template></h2>
  <ul class="inline">
    <xsl:call-template name="sedit-preview-links"><xsl:with-param name="base" select="$base"/><xsl:with-param name="list" select="$locales"/></xsl:call-template>
  </ul>

  <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.h.state'"/></xsl:call-template></h2>
  <p>
    <a href="{$base}/publish"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.h.publish'"/></xsl:call-template></a>
    <xsl:text> · </xsl:text>
    <a href="{$base}/copy"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.h.copy'"/></xsl:call-template></a>
  </p>
  <xsl:if test="@status = 'published'">
    <xsl:call-template name="sedit-confirm">
      <xsl:with-param name="action" select="concat($base, '/close')"/>
      <xsl:with-param name="id">f-close</xsl:with-param>
      <xsl:with-param name="k" select="'sedit.close.confirm'"/>
      <xsl:with-param name="submit" select="'sedit.close'"/>
    </xsl:call-template>
  </xsl:if>
  <xsl:call-template name="sedit-button">
    <xsl:with-param name="action" select="concat($base, '/results')"/>
    <xsl:with-param name="name">published</xsl:with-param>
    <xsl:with-param name="value" select="1 - @results"/>
    <xsl:with-param name="k" select="concat('sedit.results.set.', 1 - @results)"/>
  </xsl:call-template>

  <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.h.exports'"/></xsl:call-template></h2>
  <ul>
    <li><a href="{$base}/responses.csv"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.export.responses'"/></xsl:call-template></a></li>
    <li><a href="{$base}/aggregates.csv"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.export.aggregates'"/></xsl:call-template></a></li>
    <li><a href="{$base}/responses.sps?labels={$lang}"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.export.spss'"/></xsl:call-template></a></li>
  </ul>
</xsl:template>

<xsl:template name="sedit-preview-links">
  <xsl:param name="base"/>
  <xsl:param name="list"/>
  <xsl:param name="page" select="1"/>
  <xsl:param name="here" select="false()"/>
  <xsl:if test="$list != ''">
    <xsl:variable name="l" select="substring-before($list, ' ')"/>
    <li><a href="{$base}/preview?page={$page}&amp;lang={$l}" hreflang="{$l}" lang="{$l}">
      <xsl:if test="$here and $l = $lang"><xsl:attribute name="aria-current">true</xsl:attribute></xsl:if>
      <xsl:call-template name="t"><xsl:with-param name="k" select="concat('lang.', $l)"/></xsl:call-template></a></li>
    <xsl:call-template name="sedit-preview-links"><xsl:with-param name="base" select="$base"/><xsl:with-param name="list" select="substring-after($list, ' ')"/><xsl:with-param name="page" select="$page"/><xsl:with-param name="here" select="$here"/></xsl:call-template>
  </xsl:if>
</xsl:template>

<xsl:template match="cond">
  <p class="hint">
    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('sedit.cond.', @op)"/></xsl:call-template>
    <xsl:text> </xsl:text><code><xsl:value-of select="@question"/></code>
    <xsl:text>: </xsl:text>
    <xsl:for-each select="value"><code><xsl:value-of select="."/></code><xsl:if test="position() != last()">, </xsl:if></xsl:for-each>
  </p>
</xsl:template>

<!-- The preview: one page of the survey exactly as respondents get it
     (<answer preview="1">, surveys.xsl and questions.xsl), with links to
     every page and every language; its form is a GET back to the
     preview, which stores nothing. -->
<xsl:template match="sedit[@page = 'preview']">
  <xsl:variable name="base" select="concat('/surveys/edit/', @id, '/preview')"/>
  <xsl:variable name="n" select="answer/@n"/>
  <xsl:call-template name="sedit-back"/>
  <p class="notice"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.preview.note'"/></xsl:call-template></p>
  <nav class="pager">
    <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.page'"/></xsl:call-template></xsl:attribute>
    <ul class="inline">
      <xsl:for-each select="page">
        <li><a href="{$base}?page={@n}">
          <xsl:if test="@n = $n"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
          <xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.page'"/></xsl:call-template>
          <xsl:text> </xsl:text><xsl:value-of select="@n"/>
          <xsl:if test="@title"><xsl:text>: </xsl:text><xsl:value-of select="@title"/></xsl:if>
        </a></li>
      </xsl:for-each>
    </ul>
  </nav>
  <nav>
    <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.preview'"/></xsl:call-template></xsl:attribute>
    <ul class="inline">
      <xsl:call-template name="sedit-preview-links"><xsl:with-param name="base" select="concat('/surveys/edit/', @id)"/><xsl:with-param name="list" select="$locales"/><xsl:with-param name="page" select="$n"/><xsl:with-param name="here" select="true()"/></xsl:call-template>
    </ul>
  </nav>
  <xsl:if test="conditional">
    <div class="notice">
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'sedit.preview.conditional'"/></xsl:call-template></p>
      <ul><xsl:for-each select="conditional"><li><xsl:value-of select="@text"/></li></xsl:for-each></ul>
    </div>
  </xsl:if>
  <xsl:apply-templates select="answer"/>
</xsl:template>

</xsl:stylesheet>
