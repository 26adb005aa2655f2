<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     registry-persons.xsl: the people of the register (person.c,
     caseload.c): the search, a person's record with its enrolments and
     (for the CSW) its access history, the forms for a new person and a
     change, and the CSV import.  Included by registry.xsl, so the
     layout's templates (form, date, when, t) are those it imports. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

<!-- The list and the search -->
<xsl:template match="persons" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'persons.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="persons">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'persons.title'"/></xsl:call-template></h1>
  <ul class="actions">
    <li><a href="/registry/persons/new"><xsl:call-template name="t"><xsl:with-param name="k" select="'persons.new'"/></xsl:call-template></a></li>
    <li><a href="/registry/persons/import"><xsl:call-template name="t"><xsl:with-param name="k" select="'persons.import'"/></xsl:call-template></a></li>
    <li><a href="/registry/persons.csv"><xsl:call-template name="t"><xsl:with-param name="k" select="'persons.export'"/></xsl:call-template></a></li>
  </ul>
  <p class="hint"><xsl:call-template name="t"><xsl:with-param name="k" select="'persons.find.hint'"/></xsl:call-template></p>
  <xsl:apply-templates select="form"/>
  <xsl:choose>
    <xsl:when test="person">
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="persons-cap">
      <table class="report">
        <caption id="persons-cap">
          <xsl:call-template name="t"><xsl:with-param name="k" select="concat('persons.caption.', @mode)"/><xsl:with-param name="n" select="@q"/></xsl:call-template>
          <xsl:if test="@page &gt; 1">
            <xsl:text> </xsl:text>
            <xsl:call-template name="t"><xsl:with-param name="k" select="'persons.page.n'"/><xsl:with-param name="n" select="@page"/></xsl:call-template>
          </xsl:if>
        </caption>
        <thead><tr>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'persons.name'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.birth'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.jmbg'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.settlement'"/></xsl:call-template></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="person">
            <tr>
              <th scope="row"><a href="/registry/persons/{@id}"><xsl:value-of select="concat(@family, ', ', @given)"/></a></th>
              <td><xsl:if test="@birth"><xsl:call-template name="date"><xsl:with-param name="d" select="@birth"/></xsl:call-template></xsl:if></td>
              <td><xsl:value-of select="@jmbg"/></td>
              <td><xsl:value-of select="@settlement"/>
                <xsl:if test="@area"> (<xsl:call-template name="t"><xsl:with-param name="k" select="concat('area.', @area)"/></xsl:call-template>)</xsl:if>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      </div>
    </xsl:when>
    <xsl:otherwise>
      <p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'persons.none'"/></xsl:call-template></p>
    </xsl:otherwise>
  </xsl:choose>
  <xsl:if test="@prev or @next">
    <nav class="pager">
      <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'persons.pages'"/></xsl:call-template></xsl:attribute>
      <!-- A link by name carries its cursor (person.c, persons_find). -->
      <xsl:if test="@prev"><a rel="prev" href="/registry/persons?{@qs}page={@prev}{substring(concat('&amp;before=', @before), 1, 100 * boolean(@before))}"><xsl:call-template name="t"><xsl:with-param name="k" select="'persons.prev'"/></xsl:call-template></a><xsl:text> </xsl:text></xsl:if>
      <xsl:if test="@next"><a rel="next" href="/registry/persons?{@qs}page={@next}{substring(concat('&amp;after=', @after), 1, 100 * boolean(@after))}"><xsl:call-template name="t"><xsl:with-param name="k" select="'persons.next'"/></xsl:call-template></a></xsl:if>
    </nav>
  </xsl:if>
</xsl:template>

<!-- A person's record -->
<xsl:template match="person-page" mode="title">
  <xsl:value-of select="concat(person/@given, ' ', person/@family)"/>
</xsl:template>

<xsl:template match="person-page">
  <xsl:variable name="p" select="person"/>
  <h1><xsl:value-of select="concat($p/@given, ' ', $p/@family)"/></h1>
  <p><a href="/registry/persons/{$p/@id}/edit"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.edit'"/></xsl:call-template></a>
    <xsl:text> · </xsl:text>
    <a href="/registry/enrolments/new?person={$p/@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.enrol.new'"/></xsl:call-template></a>
    <xsl:text> · </xsl:text>
    <a href="/registry/persons"><xsl:call-template name="t"><xsl:with-param name="k" select="'persons.back'"/></xsl:call-template></a></p>
  <dl class="record">
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'person.jmbg'"/></xsl:call-template></dt>
    <dd><xsl:call-template name="or-none"><xsl:with-param name="v" select="$p/@jmbg"/></xsl:call-template></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'person.birth'"/></xsl:call-template></dt>
    <dd><xsl:choose>
      <xsl:when test="$p/@birth"><xsl:call-template name="date"><xsl:with-param name="d" select="$p/@birth"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="or-none"/></xsl:otherwise>
    </xsl:choose></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'person.sex'"/></xsl:call-template></dt>
    <dd><xsl:choose>
      <xsl:when test="$p/@sex"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('sex.', $p/@sex)"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="or-none"/></xsl:otherwise>
    </xsl:choose></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'person.settlement'"/></xsl:call-template></dt>
    <dd><xsl:choose>
      <xsl:when test="$p/@settlement">
        <xsl:choose>
          <xsl:when test="$lang = 'sr-Cyrl' and $p/@settlement-cyrl"><xsl:value-of select="$p/@settlement-cyrl"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$p/@settlement"/></xsl:otherwise>
        </xsl:choose>
        (<xsl:call-template name="t"><xsl:with-param name="k" select="concat('area.', $p/@area)"/></xsl:call-template>)
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="or-none"/></xsl:otherwise>
    </xsl:choose></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'person.address'"/></xsl:call-template></dt>
    <dd><xsl:call-template name="or-none"><xsl:with-param name="v" select="$p/@address"/></xsl:call-template></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'person.phone'"/></xsl:call-template></dt>
    <dd><xsl:call-template name="or-none"><xsl:with-param name="v" select="$p/@phone"/></xsl:call-template></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'person.email'"/></xsl:call-template></dt>
    <dd><xsl:call-template name="or-none"><xsl:with-param name="v" select="$p/@email"/></xsl:call-template></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'person.rep'"/></xsl:call-template></dt>
    <dd><xsl:choose>
      <xsl:when test="$p/@rep-id">
        <a href="/registry/persons/{$p/@rep-id}"><xsl:value-of select="concat($p/@rep-given, ' ', $p/@rep-family)"/></a>
        (<xsl:call-template name="t"><xsl:with-param name="k" select="concat('repkind.', $p/@rep-kind)"/></xsl:call-template>)
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="or-none"/></xsl:otherwise>
    </xsl:choose></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'person.needs'"/></xsl:call-template></dt>
    <dd><xsl:choose>
      <xsl:when test="need">
        <xsl:for-each select="need">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:call-template name="t"><xsl:with-param name="k" select="concat('need.', @code)"/></xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="or-none"/></xsl:otherwise>
    </xsl:choose></dd>
  </dl>
  <section aria-labelledby="enr-h">
    <h2 id="enr-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.enrolments'"/></xsl:call-template></h2>
    <xsl:choose>
      <xsl:when test="enrolment">
        <div class="table-wrap" role="region" tabindex="0" aria-labelledby="enr-h">
        <table class="report">
          <thead><tr>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.enrol.service'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.provider'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.referral'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.enrol.start'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.end'"/></xsl:call-template></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="enrolment">
              <tr>
                <th scope="row"><xsl:value-of select="@service"/></th>
                <td><xsl:value-of select="@provider"/></td>
                <td><xsl:if test="@referral-number"><xsl:value-of select="@referral-number"/>, <xsl:call-template name="date"><xsl:with-param name="d" select="@referral-date"/></xsl:call-template></xsl:if></td>
                <td><xsl:call-template name="date"><xsl:with-param name="d" select="@start"/></xsl:call-template></td>
                <td><xsl:if test="@end"><xsl:call-template name="date"><xsl:with-param name="d" select="@end"/></xsl:call-template>
                  <xsl:if test="@end-reason"> (<xsl:call-template name="t"><xsl:with-param name="k" select="concat('endreason.', @end-reason)"/></xsl:call-template>)</xsl:if></xsl:if></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.enrolments.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </section>
  <xsl:if test="history">
    <section aria-labelledby="hist-h">
      <h2 id="hist-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.history'"/></xsl:call-template></h2>
      <p class="hint"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.history.intro'"/></xsl:call-template></p>
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="hist-h">
      <table class="report">
        <thead><tr>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.history.when'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.history.who'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.history.role'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.history.what'"/></xsl:call-template></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="history/entry">
            <tr>
              <td><xsl:call-template name="when"><xsl:with-param name="t" select="@at"/></xsl:call-template></td>
              <td><xsl:value-of select="@name"/><xsl:if test="@email"> (<xsl:value-of select="@email"/>)</xsl:if></td>
              <td><xsl:if test="@role != ''"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('role.', @role)"/></xsl:call-template></xsl:if></td>
              <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('audit.action.', @action)"/></xsl:call-template>
                <xsl:if test="@outcome != 'ok'"> (<xsl:call-template name="t"><xsl:with-param name="k" select="'person.history.refused'"/></xsl:call-template>)</xsl:if></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      </div>
    </section>
  </xsl:if>
</xsl:template>

<!-- A value, or the word for "not given". -->
<xsl:template name="or-none">
  <xsl:param name="v"/>
  <xsl:choose>
    <xsl:when test="string($v) != ''"><xsl:value-of select="$v"/></xsl:when>
    <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'person.none'"/></xsl:call-template></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- The forms: a new person, a change -->
<xsl:template match="person-form" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="concat('person.', @page, '.title')"/></xsl:call-template>
</xsl:template>

<xsl:template match="person-form">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="concat('person.', @page, '.title')"/></xsl:call-template></h1>
  <xsl:if test="@page = 'new'">
    <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('person.new.intro', substring('.provider', 1, 9 * boolean(@provider)))"/></xsl:call-template></p>
  </xsl:if>
  <section class="rep-find" aria-labelledby="rep-find-h">
    <h2 id="rep-find-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.rep.find.title'"/></xsl:call-template></h2>
    <p class="hint"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.rep.find.hint'"/></xsl:call-template></p>
    <xsl:apply-templates select="form[@method = 'get']"/>
    <xsl:if test="options[@for = 'rep']/@rq">
      <p role="status"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.rep.found'"/><xsl:with-param name="n" select="options[@for = 'rep']/@found"/></xsl:call-template></p>
    </xsl:if>
  </section>
  <xsl:apply-templates select="refusal"/>
  <xsl:apply-templates select="form[@method = 'post']"/>
</xsl:template>

<!-- Headings between the groups of the person's form. -->
<xsl:template match="person-form/form/field[@name = 'given']">
  <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'person.group.person'"/></xsl:call-template></h2>
  <xsl:apply-imports/>
</xsl:template>
<xsl:template match="person-form/form/field[@name = 'rep']">
  <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'person.group.rep'"/></xsl:call-template></h2>
  <p class="hint"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.rep.hint'"/></xsl:call-template></p>
  <xsl:apply-imports/>
</xsl:template>
<xsl:template match="person-form/form/field[@name = 'need-intellectual']">
  <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'person.needs'"/></xsl:call-template></h2>
  <xsl:apply-imports/>
</xsl:template>
<xsl:template match="person-form/form/field[@name = 'service']">
  <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'person.group.enrolment'"/></xsl:call-template></h2>
  <xsl:apply-imports/>
</xsl:template>

<!-- The confirmation of a possible duplicate: only once one was found. -->
<xsl:template match="person-form/form/field[@name = 'confirm']">
  <xsl:if test="../../@duplicate">
    <div class="warning">
      <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'person.duplicate.title'"/></xsl:call-template></h2>
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'person.duplicate.text'"/></xsl:call-template></p>
    </div>
    <xsl:apply-imports/>
  </xsl:if>
</xsl:template>

<!-- The settlement, grouped into urban and rural. -->
<xsl:template match="person-form/form/field[@name = 'settlement']">
  <xsl:variable name="v" select="string(value)"/>
  <xsl:variable name="opts" select="/page//options[@for = 'settlement']/option"/>
  <div class="field">
    <xsl:if test="@error"><xsl:attribute name="class">field invalid</xsl:attribute></xsl:if>
    <label for="f-{@name}"><xsl:call-template name="t"><xsl:with-param name="k" select="@label"/></xsl:call-template></label>
    <select id="f-{@name}" name="{@name}">
      <xsl:call-template name="field-attrs"/>
      <option value=""><xsl:call-template name="t"><xsl:with-param name="k" select="'form.none'"/></xsl:call-template></option>
      <xsl:for-each select="$opts[not(@area = preceding-sibling::option/@area)]">
        <xsl:variable name="area" select="@area"/>
        <optgroup>
          <xsl:attribute name="label"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('area.', $area)"/></xsl:call-template></xsl:attribute>
          <xsl:for-each select="$opts[@area = $area]">
            <option value="{@value}">
              <xsl:if test="@value = $v"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="."/>
            </option>
          </xsl:for-each>
        </optgroup>
      </xsl:for-each>
    </select>
    <xsl:if test="@error">
      <p class="error" id="e-{@name}"><xsl:call-template name="field-error"/></p>
    </xsl:if>
  </div>
</xsl:template>

<!-- The CSV import -->
<xsl:template match="person-import" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="concat('import.', @page, '.title')"/></xsl:call-template>
</xsl:template>

<xsl:template match="person-import[@page = 'upload']">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'import.upload.title'"/></xsl:call-template></h1>
  <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.upload.intro'"/></xsl:call-template></p>
  <xsl:if test="problem">
    <div class="errors" role="alert">
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="problem/@key"/><xsl:with-param name="n" select="problem/@column"/></xsl:call-template></p>
      <xsl:if test="problem/@row">
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="'import.where.row'"/><xsl:with-param name="n" select="problem/@row"/></xsl:call-template>
          <xsl:if test="problem/@col"><xsl:text> </xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'import.where.col'"/><xsl:with-param name="n" select="problem/@col"/></xsl:call-template></xsl:if></p>
      </xsl:if>
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'import.again'"/></xsl:call-template></p>
    </div>
  </xsl:if>
  <form method="post" action="/registry/persons/import" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
    <div class="field">
      <label for="f-file"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.file'"/></xsl:call-template></label>
      <input type="file" id="f-file" name="file" accept=".csv,text/csv" aria-describedby="h-file"/>
      <p class="hint" id="h-file"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.file.hint'"/></xsl:call-template></p>
    </div>
    <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.upload.submit'"/></xsl:call-template></button></p>
  </form>
  <section aria-labelledby="cols-h">
    <h2 id="cols-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.columns'"/></xsl:call-template></h2>
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="concat('import.columns.intro', substring('.provider', 1, 9 * boolean(@provider)))"/></xsl:call-template></p>
    <dl class="columns">
      <xsl:for-each select="column">
        <dt><code translate="no"><xsl:value-of select="@code"/></code></dt>
        <dd><xsl:call-template name="t"><xsl:with-param name="k" select="concat('import.col.', @code)"/></xsl:call-template></dd>
      </xsl:for-each>
    </dl>
  </section>
</xsl:template>

<xsl:template match="person-import[@page = 'preview']">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'import.preview.title'"/></xsl:call-template></h1>
  <p class="lead" role="status"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.preview.summary'"/><xsl:with-param name="n" select="concat(@valid, ' / ', @rows)"/></xsl:call-template></p>
  <p><xsl:call-template name="t"><xsl:with-param name="k" select="'import.preview.encoding'"/><xsl:with-param name="n" select="@encoding"/></xsl:call-template></p>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="imp-cap">
  <table class="report">
    <caption id="imp-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.preview.caption'"/></xsl:call-template></caption>
    <thead><tr>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.row'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.given'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.family'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.birth'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.jmbg'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.enrol.service'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'person.enrol.start'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.result'"/></xsl:call-template></th>
    </tr></thead>
    <tbody>
      <xsl:for-each select="row">
        <tr>
          <th scope="row"><xsl:value-of select="@line"/></th>
          <xsl:for-each select="cell"><td><xsl:value-of select="."/></td></xsl:for-each>
          <td>
            <xsl:choose>
              <xsl:when test="@ok = '1' and @linked"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.row.linked'"/></xsl:call-template></xsl:when>
              <xsl:when test="@ok = '1'"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.row.ok'"/></xsl:call-template></xsl:when>
              <xsl:otherwise>
                <ul class="problems">
                  <xsl:for-each select="error">
                    <li><code translate="no"><xsl:value-of select="@column"/></code>: <xsl:call-template name="t"><xsl:with-param name="k" select="@key"/></xsl:call-template></li>
                  </xsl:for-each>
                </ul>
              </xsl:otherwise>
            </xsl:choose>
          </td>
        </tr>
      </xsl:for-each>
    </tbody>
  </table>
  </div>
  <xsl:if test="@valid &gt; 0">
    <form method="post" action="/registry/persons/import/confirm" enctype="multipart/form-data">
      <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
      <input type="hidden" name="data" value="{data}"/>
      <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.confirm.submit'"/><xsl:with-param name="n" select="@valid"/></xsl:call-template></button></p>
    </form>
  </xsl:if>
  <xsl:if test="@rejected &gt; 0">
    <form method="post" action="/registry/persons/import/rejected" enctype="multipart/form-data">
      <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
      <input type="hidden" name="data" value="{data}"/>
      <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.rejected.submit'"/><xsl:with-param name="n" select="@rejected"/></xsl:call-template></button></p>
    </form>
  </xsl:if>
  <p><a href="/registry/persons/import"><xsl:call-template name="t"><xsl:with-param name="k" select="'import.cancel'"/></xsl:call-template></a></p>
</xsl:template>

</xsl:stylesheet>
