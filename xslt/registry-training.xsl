<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     registry-training.xsl: the register of professionals, the courses,
     their tests and certificates (issue 16), and the page that says why
     a worker's access to case and person records is suspended.  Included
     by registry.xsl (layout.xsl's "t", "date", "when", "count" and the
     form templates, registry-care.xsl's "fill"); the test's questions
     are the question engine's (questions.xsl).  No JavaScript: the time
     limit is kept by the server, the page only says until when. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:include href="questions.xsl"/>

<!-- A date or nothing. -->
<xsl:template name="tr-date">
  <xsl:param name="d"/>
  <xsl:choose>
    <xsl:when test="string($d) != ''"><xsl:call-template name="date"><xsl:with-param name="d" select="$d"/></xsl:call-template></xsl:when>
    <xsl:otherwise>–</xsl:otherwise>
  </xsl:choose>
</xsl:template>



<!-- Where a deadline stands: current, due soon (60 days), lapsed. -->
<xsl:template name="tr-state">
  <xsl:param name="days"/>
  <xsl:choose>
    <xsl:when test="string($days) = ''"><xsl:call-template name="t"><xsl:with-param name="k" select="'training.state.none'"/></xsl:call-template></xsl:when>
    <xsl:when test="$days &lt; 0"><strong class="bad"><xsl:call-template name="t"><xsl:with-param name="k" select="'training.state.lapsed'"/></xsl:call-template></strong></xsl:when>
    <xsl:when test="$days &lt;= 60"><strong><xsl:call-template name="plural"><xsl:with-param name="k" select="'training.state.due'"/><xsl:with-param name="n" select="$days"/></xsl:call-template></strong></xsl:when>
    <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'training.state.current'"/></xsl:call-template></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- The reason for a refused case or person record (auth.c, qual_gate):
     this page replaces the generic error it comes with. -->
<xsl:template match="error[following-sibling::qualification]"/>
<xsl:template match="error[following-sibling::qualification]" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'qual.title'"/></xsl:call-template>
</xsl:template>
<xsl:template match="qualification">
  <section class="error">
    <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'qual.title'"/></xsl:call-template></h1>
    <xsl:variable name="d"><xsl:call-template name="date"><xsl:with-param name="d" select="@lapsed"/></xsl:call-template></xsl:variable>
    <p>
      <xsl:choose>
        <xsl:when test="@what = 'course'">
          <xsl:call-template name="fill"><xsl:with-param name="k" select="'qual.course'"/><xsl:with-param name="a" select="@title"/><xsl:with-param name="b" select="$d"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="fill"><xsl:with-param name="k" select="'qual.licence'"/><xsl:with-param name="b" select="$d"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </p>
    <p>
      <xsl:choose>
        <xsl:when test="@course">
          <a href="/registry/training/courses/{@course}"><xsl:call-template name="fill"><xsl:with-param name="k" select="'qual.take'"/><xsl:with-param name="a" select="@title"/></xsl:call-template></a>
        </xsl:when>
        <xsl:otherwise><a href="/registry/training"><xsl:call-template name="t"><xsl:with-param name="k" select="'qual.renew'"/></xsl:call-template></a></xsl:otherwise>
      </xsl:choose>
    </p>
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="'qual.restore'"/></xsl:call-template></p>
  </section>
</xsl:template>

<!-- /registry/training: the caller's own page. -->
<xsl:template match="training" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'training.title'"/></xsl:call-template></xsl:template>
<xsl:template match="training">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'training.title'"/></xsl:call-template></h1>
  <xsl:if test="@staff or @completion or @editor">
    <ul class="links">
      <xsl:if test="@staff"><li><a href="/registry/professionals"><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.list.title'"/></xsl:call-template></a></li></xsl:if>
      <xsl:if test="@completion"><li><a href="/registry/training/completion"><xsl:call-template name="t"><xsl:with-param name="k" select="'completion.title'"/></xsl:call-template></a></li></xsl:if>
      <xsl:if test="@editor"><li><a href="/registry/training/courses/new"><xsl:call-template name="t"><xsl:with-param name="k" select="'course.new'"/></xsl:call-template></a></li></xsl:if>
    </ul>
  </xsl:if>
  <xsl:choose>
    <xsl:when test="professional">
      <xsl:apply-templates select="professional" mode="record"/>
    </xsl:when>
    <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'training.not-registered'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
  <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'course.list.title'"/></xsl:call-template></h2>
  <xsl:choose>
    <xsl:when test="course">
      <ul class="courses">
        <xsl:for-each select="course">
          <li><a href="/registry/training/courses/{@id}"><xsl:value-of select="@title"/></a>
            <xsl:text> · </xsl:text>
            <xsl:call-template name="fill"><xsl:with-param name="k" select="'course.facts'"/><xsl:with-param name="a" select="@modules"/><xsl:with-param name="b" select="@questions"/><xsl:with-param name="c"><xsl:call-template name="plural"><xsl:with-param name="k" select="'course.months'"/><xsl:with-param name="n" select="@months"/></xsl:call-template></xsl:with-param></xsl:call-template>
            <xsl:if test="@status = 'draft'"><xsl:text> · </xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'course.draft'"/></xsl:call-template></xsl:if>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:when>
    <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'course.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- A professional's record: who, where, the licence, what is due, the
     certificates.  Shared by /registry/training and the record page. -->
<xsl:template match="professional" mode="record">
  <xsl:if test="@suspended = 1">
    <p class="notice bad" role="alert"><xsl:call-template name="t"><xsl:with-param name="k" select="'training.suspended'"/></xsl:call-template></p>
  </xsl:if>
  <dl class="record">
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.name'"/></xsl:call-template></dt>
    <dd><xsl:value-of select="concat(@given-name, ' ', @family-name)"/></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.organisation'"/></xsl:call-template></dt>
    <dd><xsl:value-of select="@organisation"/></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.position'"/></xsl:call-template></dt>
    <dd><xsl:value-of select="@position"/>
      <xsl:if test="@case-work = 1"><xsl:text> · </xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.case-work'"/></xsl:call-template></xsl:if>
    </dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.profession'"/></xsl:call-template></dt>
    <dd><xsl:value-of select="@profession"/></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.licence'"/></xsl:call-template></dt>
    <dd>
      <xsl:choose>
        <xsl:when test="@licence">
          <xsl:value-of select="@licence"/><xsl:text> · </xsl:text>
          <xsl:call-template name="tr-date"><xsl:with-param name="d" select="@licence-from"/></xsl:call-template>
          <xsl:text> – </xsl:text>
          <xsl:call-template name="tr-date"><xsl:with-param name="d" select="@licence-to"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.licence.none'"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </dd>
    <xsl:if test="@supervisor">
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.supervisor'"/></xsl:call-template></dt>
      <dd><xsl:value-of select="@supervisor"/></dd>
    </xsl:if>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.next'"/></xsl:call-template></dt>
    <dd>
      <xsl:call-template name="tr-date"><xsl:with-param name="d" select="@due"/></xsl:call-template>
      <xsl:if test="@due"><xsl:text> · </xsl:text><xsl:call-template name="tr-state"><xsl:with-param name="days" select="@days-left"/></xsl:call-template></xsl:if>
    </dd>
  </dl>
  <h2 id="req-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.required'"/></xsl:call-template></h2>
  <xsl:choose>
    <xsl:when test="../required">
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="req-cap">
        <table class="report">
          <thead><tr>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'course.title'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.valid-to'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'training.state'"/></xsl:call-template></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="../required">
              <tr>
                <th scope="row"><a href="/registry/training/courses/{@id}"><xsl:value-of select="@title"/></a></th>
                <td><xsl:call-template name="tr-date"><xsl:with-param name="d" select="@due"/></xsl:call-template>
                  <xsl:if test="not(@valid-to)"><xsl:text> </xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'training.first'"/></xsl:call-template></xsl:if>
                </td>
                <td><xsl:call-template name="tr-state"><xsl:with-param name="days" select="@days-left"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </xsl:when>
    <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.required.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
  <h2 id="cert-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.list.title'"/></xsl:call-template></h2>
  <xsl:choose>
    <xsl:when test="../certificate">
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="cert-cap">
        <table class="report">
          <thead><tr>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'course.title'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.issued'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.valid-to'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.code'"/></xsl:call-template></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="../certificate">
              <tr>
                <th scope="row"><xsl:value-of select="@title"/></th>
                <td><xsl:call-template name="date"><xsl:with-param name="d" select="@issued"/></xsl:call-template></td>
                <td><xsl:call-template name="date"><xsl:with-param name="d" select="@valid-to"/></xsl:call-template>
                  <xsl:if test="@valid = 0"><xsl:text> </xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.lapsed'"/></xsl:call-template></xsl:if>
                </td>
                <td><a href="/registry/certificates/{@code}"><code><xsl:value-of select="@code"/></code></a></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </xsl:when>
    <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- A course: its material, the test's rules, where the caller stands. -->
<xsl:template match="course-page" mode="title"><xsl:value-of select="course/@title"/></xsl:template>
<xsl:template match="course-page">
  <xsl:variable name="c" select="course"/>
  <p class="crumbs"><a href="/registry/training"><xsl:call-template name="t"><xsl:with-param name="k" select="'training.title'"/></xsl:call-template></a></p>
  <h1><xsl:value-of select="$c/@title"/></h1>
  <xsl:if test="$c/@status = 'draft'"><p><xsl:call-template name="t"><xsl:with-param name="k" select="'course.draft'"/></xsl:call-template></p></xsl:if>
  <p class="lead"><xsl:value-of select="$c/@summary"/></p>
  <xsl:if test="editor">
    <ul class="links">
      <li><a href="/registry/training/courses/{$c/@id}/edit"><xsl:call-template name="t"><xsl:with-param name="k" select="'course.edit'"/></xsl:call-template></a></li>
      <li><a href="/registry/training/courses/{$c/@id}/modules/new"><xsl:call-template name="t"><xsl:with-param name="k" select="'module.new'"/></xsl:call-template></a></li>
      <li><a href="/registry/training/courses/{$c/@id}/questions"><xsl:call-template name="t"><xsl:with-param name="k" select="'question.list'"/></xsl:call-template></a></li>
    </ul>
  </xsl:if>
  <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'course.modules'"/></xsl:call-template></h2>
  <ol class="modules">
    <xsl:for-each select="module">
      <li><a href="/registry/training/courses/{$c/@id}/modules/{@id}"><xsl:value-of select="@title"/></a>
        <xsl:if test="../editor"><xsl:text> · </xsl:text><a href="/registry/training/courses/{$c/@id}/modules/{@id}/edit"><xsl:call-template name="t"><xsl:with-param name="k" select="'module.edit'"/></xsl:call-template><span class="sr"><xsl:text>: </xsl:text><xsl:value-of select="@title"/></span></a></xsl:if>
      </li>
    </xsl:for-each>
  </ol>
  <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'test.title'"/></xsl:call-template></h2>
  <!-- An attempt draws @draw questions, or the whole bank when it has
       no more (questions removed since): then all of them, in an order
       of its own.  A bank still empty (a new course) has the setting. -->
  <p>
    <xsl:choose>
      <xsl:when test="$c/@questions &gt; $c/@draw or $c/@questions = 0">
        <xsl:call-template name="fill"><xsl:with-param name="k" select="'test.rules'"/><xsl:with-param name="a" select="$c/@draw"/><xsl:with-param name="b" select="$c/@minutes"/><xsl:with-param name="c" select="$c/@pass"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="fill"><xsl:with-param name="k" select="'test.rules.all'"/><xsl:with-param name="a" select="$c/@questions"/><xsl:with-param name="b" select="$c/@minutes"/><xsl:with-param name="c" select="$c/@pass"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </p>
  <p><xsl:call-template name="fill"><xsl:with-param name="k" select="'test.attempts'"/><xsl:with-param name="a" select="$c/@attempts"/><xsl:with-param name="b" select="$c/@attempts-days"/><xsl:with-param name="c"><xsl:call-template name="plural"><xsl:with-param name="k" select="'course.months'"/><xsl:with-param name="n" select="$c/@months"/></xsl:call-template></xsl:with-param></xsl:call-template></p>
  <xsl:variable name="me" select="mine"/>
  <xsl:choose>
    <xsl:when test="$me/@professional = 0">
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'test.not-professional'"/></xsl:call-template></p>
    </xsl:when>
    <xsl:otherwise>
      <xsl:if test="$me/@valid-to">
        <!-- The last day of the latest certificate: "valid until" while it
             lasts, "lapsed" (the day after it) once it has lapsed. -->
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="concat('course.mine.', substring('valid', 1, 5 * ($me/@valid = 1)), substring('lapsed', 1, 6 * ($me/@valid != 1)))"/></xsl:call-template><xsl:text> </xsl:text><xsl:call-template name="date"><xsl:with-param name="d" select="$me/@valid-to"/></xsl:call-template></p>
      </xsl:if>
      <p><xsl:call-template name="fill"><xsl:with-param name="k" select="'course.mine.used'"/><xsl:with-param name="a" select="$me/@used"/><xsl:with-param name="b" select="$c/@attempts"/></xsl:call-template></p>
      <xsl:choose>
        <xsl:when test="$me/@open">
          <p><a href="/registry/training/attempts/{$me/@open}"><xsl:call-template name="t"><xsl:with-param name="k" select="'test.continue'"/></xsl:call-template></a></p>
        </xsl:when>
        <xsl:when test="$me/@used &gt;= $c/@attempts">
          <p><xsl:call-template name="t"><xsl:with-param name="k" select="'test.attempts.used'"/></xsl:call-template><xsl:text> </xsl:text><xsl:call-template name="when"><xsl:with-param name="t" select="$me/@next-at"/></xsl:call-template></p>
        </xsl:when>
        <xsl:otherwise>
          <form method="post" action="/registry/training/courses/{$c/@id}/attempts">
            <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
            <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'test.start'"/></xsl:call-template></button></p>
          </form>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- One module's material, and the way to the next. -->
<!-- A module's page: its text, its attached PDFs (an editor also adds
     and removes them: material.c), the way on. -->
<xsl:template match="module-page" mode="title"><xsl:value-of select="module/@title"/></xsl:template>
<xsl:template match="module-page">
  <p class="crumbs"><a href="/registry/training/courses/{course/@id}"><xsl:value-of select="course/@title"/></a></p>
  <article class="material">
    <h1><xsl:value-of select="concat(module/@position, '. ', module/@title)"/></h1>
    <xsl:for-each select="module/p"><p><xsl:value-of select="."/></p></xsl:for-each>
  </article>
  <xsl:variable name="mbase" select="concat('/registry/training/courses/', course/@id, '/modules/', module/@id)"/>
  <xsl:if test="material or editor">
    <section aria-labelledby="files-h">
      <h2 id="files-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'material.title'"/></xsl:call-template></h2>
      <xsl:if test="@problem">
        <div class="errors" role="alert" id="file-error"><p><xsl:call-template name="t"><xsl:with-param name="k" select="@problem"/></xsl:call-template></p></div>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="material">
          <ul class="files">
            <xsl:for-each select="material">
              <li><a href="{$mbase}/files/{@id}"><xsl:value-of select="@filename"/></a>
                <xsl:text> (</xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'material.size'"/><xsl:with-param name="n" select="ceiling(@bytes div 1024)"/></xsl:call-template><xsl:text>)</xsl:text>
                <xsl:if test="../editor">
                  <form method="post" action="{$mbase}/files/{@id}/delete" class="inline">
                    <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
                    <button type="submit">
                      <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'material.remove.label'"/><xsl:with-param name="n" select="@filename"/></xsl:call-template></xsl:attribute>
                      <xsl:call-template name="t"><xsl:with-param name="k" select="'material.remove'"/></xsl:call-template></button>
                  </form>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'material.none'"/></xsl:call-template></p></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="editor">
        <form method="post" action="{$mbase}/files" enctype="multipart/form-data">
          <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
          <div class="field">
            <xsl:if test="@problem"><xsl:attribute name="class">field invalid</xsl:attribute></xsl:if>
            <label for="f-file"><xsl:call-template name="t"><xsl:with-param name="k" select="'material.file'"/></xsl:call-template></label>
            <input type="file" id="f-file" name="file" accept="application/pdf,.pdf" aria-describedby="h-file">
              <xsl:if test="@problem"><xsl:attribute name="aria-invalid">true</xsl:attribute><xsl:attribute name="aria-describedby">h-file file-error</xsl:attribute></xsl:if>
            </input>
            <p class="hint" id="h-file"><xsl:call-template name="t"><xsl:with-param name="k" select="'material.hint'"/></xsl:call-template></p>
          </div>
          <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'material.submit'"/></xsl:call-template></button></p>
        </form>
      </xsl:if>
    </section>
  </xsl:if>
  <nav class="pager">
    <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'course.modules'"/></xsl:call-template></xsl:attribute>
    <xsl:if test="nav/@prev"><a rel="prev" href="/registry/training/courses/{course/@id}/modules/{nav/@prev}"><xsl:call-template name="t"><xsl:with-param name="k" select="'module.prev'"/></xsl:call-template></a><xsl:text> </xsl:text></xsl:if>
    <xsl:choose>
      <xsl:when test="nav/@next"><a rel="next" href="/registry/training/courses/{course/@id}/modules/{nav/@next}"><xsl:call-template name="t"><xsl:with-param name="k" select="'module.next'"/></xsl:call-template></a></xsl:when>
      <xsl:otherwise><a href="/registry/training/courses/{course/@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'module.to-test'"/></xsl:call-template></a></xsl:otherwise>
    </xsl:choose>
  </nav>
</xsl:template>

<!-- An attempt: the questions while it is open, else the result. -->
<xsl:template match="attempt-page" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'test.title'"/></xsl:call-template><xsl:text>: </xsl:text><xsl:value-of select="attempt/@title"/></xsl:template>
<xsl:template match="attempt-page">
  <xsl:variable name="a" select="attempt"/>
  <p class="crumbs"><a href="/registry/training/courses/{$a/@course}"><xsl:value-of select="$a/@title"/></a></p>
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'test.title'"/></xsl:call-template><xsl:text>: </xsl:text><xsl:value-of select="$a/@title"/></h1>
  <xsl:if test="@refused">
    <div class="errors" role="alert"><p><xsl:call-template name="t"><xsl:with-param name="k" select="concat('test.refused.', @refused)"/></xsl:call-template></p></div>
  </xsl:if>
  <xsl:choose>
    <xsl:when test="$a/@status = 'open' and questions">
      <p class="deadline"><xsl:call-template name="t"><xsl:with-param name="k" select="'test.deadline'"/></xsl:call-template><xsl:text> </xsl:text><strong><xsl:call-template name="when"><xsl:with-param name="t" select="$a/@deadline"/></xsl:call-template></strong></p>
      <p class="hint"><xsl:call-template name="fill"><xsl:with-param name="k" select="'test.hint'"/><xsl:with-param name="a" select="$a/@total"/><xsl:with-param name="b" select="$a/@pass"/></xsl:call-template></p>
      <xsl:apply-templates select="questions"/>
    </xsl:when>
    <xsl:when test="$a/@status = 'late'">
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'test.late'"/></xsl:call-template><xsl:text> </xsl:text><xsl:call-template name="when"><xsl:with-param name="t" select="$a/@deadline"/></xsl:call-template></p>
      <p><a href="/registry/training/courses/{$a/@course}"><xsl:call-template name="t"><xsl:with-param name="k" select="'test.back'"/></xsl:call-template></a></p>
    </xsl:when>
    <xsl:when test="$a/@status = 'passed' or $a/@status = 'failed'">
      <p class="result"><xsl:call-template name="fill"><xsl:with-param name="k" select="concat('test.result.', $a/@status)"/><xsl:with-param name="a" select="$a/@score"/><xsl:with-param name="b" select="$a/@total"/><xsl:with-param name="c" select="$a/@pass"/></xsl:call-template></p>
      <xsl:for-each select="certificate">
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="'test.certificate'"/></xsl:call-template><xsl:text> </xsl:text><a href="/registry/certificates/{@code}"><code><xsl:value-of select="@code"/></code></a>
          <xsl:text> · </xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.valid-to'"/></xsl:call-template><xsl:text> </xsl:text><xsl:call-template name="date"><xsl:with-param name="d" select="@valid-to"/></xsl:call-template></p>
      </xsl:for-each>
      <p><a href="/registry/training/courses/{$a/@course}"><xsl:call-template name="t"><xsl:with-param name="k" select="'test.back'"/></xsl:call-template></a></p>
    </xsl:when>
  </xsl:choose>
</xsl:template>

<!-- A test that could not start: why, and the way back. -->
<xsl:template match="test-refused" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'test.title'"/></xsl:call-template></xsl:template>
<xsl:template match="test-refused">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'test.title'"/></xsl:call-template></h1>
  <div class="errors" role="alert"><p><xsl:call-template name="t"><xsl:with-param name="k" select="@key"/></xsl:call-template>
    <xsl:if test="@next-at"><xsl:text> </xsl:text><xsl:call-template name="when"><xsl:with-param name="t" select="@next-at"/></xsl:call-template></xsl:if>
  </p></div>
  <p><a href="/registry/training/courses/{@course}"><xsl:call-template name="t"><xsl:with-param name="k" select="'test.back'"/></xsl:call-template></a></p>
</xsl:template>

<!-- The register: the list the caller may see. -->
<xsl:template match="professionals" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.list.title'"/></xsl:call-template></xsl:template>
<xsl:template match="professionals">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.list.title'"/></xsl:call-template></h1>
  <xsl:if test="@admin"><p><a href="/registry/professionals/new"><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.new.title'"/></xsl:call-template></a></p></xsl:if>
  <xsl:apply-templates select="form"/>
  <xsl:choose>
    <xsl:when test="professional">
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="pro-cap">
        <table class="report">
          <caption id="pro-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.list.title'"/></xsl:call-template></caption>
          <thead><tr>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.name'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.organisation'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.position'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.next'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'training.state'"/></xsl:call-template></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="professional">
              <tr>
                <th scope="row"><a href="/registry/professionals/{@id}"><xsl:value-of select="concat(@family-name, ' ', @given-name)"/></a></th>
                <td><xsl:value-of select="@organisation"/></td>
                <td><xsl:value-of select="@position"/></td>
                <td><xsl:call-template name="tr-date"><xsl:with-param name="d" select="@due"/></xsl:call-template></td>
                <td><xsl:call-template name="tr-state"><xsl:with-param name="days" select="@days-left"/></xsl:call-template>
                  <xsl:if test="@suspended = 1"><xsl:text> · </xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.suspended'"/></xsl:call-template></xsl:if>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </xsl:when>
    <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.list.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- One professional's record (audited when opened). -->
<xsl:template match="professional-page" mode="title"><xsl:value-of select="concat(professional/@given-name, ' ', professional/@family-name)"/></xsl:template>
<xsl:template match="professional-page">
  <p class="crumbs"><a href="/registry/professionals"><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.list.title'"/></xsl:call-template></a></p>
  <h1><xsl:value-of select="concat(professional/@given-name, ' ', professional/@family-name)"/></h1>
  <xsl:if test="@admin"><p><a href="/registry/professionals/{professional/@id}/edit"><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.edit.title'"/></xsl:call-template></a></p></xsl:if>
  <xsl:apply-templates select="professional" mode="record"/>
</xsl:template>

<!-- Adding or changing a professional (administrators). -->
<xsl:template match="professional-form" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('pro.', @page, '.title')"/></xsl:call-template></xsl:template>
<xsl:template match="professional-form">
  <p class="crumbs"><a href="/registry/professionals"><xsl:call-template name="t"><xsl:with-param name="k" select="'pro.list.title'"/></xsl:call-template></a></p>
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="concat('pro.', @page, '.title')"/></xsl:call-template></h1>
  <xsl:apply-templates select="form"/>
</xsl:template>

<!-- Completion per organisation: counts only.  An analyst also has it
     town by town (completion-province). -->
<xsl:template match="completion" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'completion.title'"/></xsl:call-template></xsl:template>
<xsl:template match="completion">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'completion.title'"/></xsl:call-template></h1>
  <p><xsl:call-template name="t"><xsl:with-param name="k" select="'completion.lead'"/></xsl:call-template></p>
  <xsl:if test="/page/session/user/role[@name = 'analyst']">
    <p><a href="/registry/training/completion/province"><xsl:call-template name="t"><xsl:with-param name="k" select="'completion.province.title'"/></xsl:call-template></a></p>
  </xsl:if>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="comp-cap">
    <table class="report">
      <caption id="comp-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'completion.title'"/></xsl:call-template></caption>
      <xsl:call-template name="completion-head"><xsl:with-param name="k" select="'pro.organisation'"/></xsl:call-template>
      <tbody>
        <xsl:for-each select="organisation"><xsl:call-template name="completion-row"/></xsl:for-each>
      </tbody>
    </table>
  </div>
</xsl:template>

<!-- The header of a completion table: the first column's key k, then
     the counts. -->
<xsl:template name="completion-head">
  <xsl:param name="k"/>
  <thead><tr>
    <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="$k"/></xsl:call-template></th>
    <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'completion.staff'"/></xsl:call-template></th>
    <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'completion.current'"/></xsl:call-template></th>
    <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'completion.due'"/></xsl:call-template></th>
    <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'completion.lapsed'"/></xsl:call-template></th>
    <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'completion.suspended'"/></xsl:call-template></th>
  </tr></thead>
</xsl:template>

<!-- A row of counts: the context's name (or the key k), then its counts. -->
<xsl:template name="completion-row">
  <xsl:param name="k"/>
  <xsl:param name="href"/>
  <tr>
    <th scope="row">
      <xsl:choose>
        <xsl:when test="$k != ''"><xsl:call-template name="t"><xsl:with-param name="k" select="$k"/></xsl:call-template></xsl:when>
        <xsl:when test="$href != ''"><a href="{$href}"><xsl:value-of select="@name"/></a></xsl:when>
        <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
      </xsl:choose>
    </th>
    <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@staff"/></xsl:call-template></td>
    <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@current"/></xsl:call-template></td>
    <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@due"/></xsl:call-template></td>
    <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@lapsed"/></xsl:call-template></td>
    <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@suspended"/></xsl:call-template></td>
  </tr>
</xsl:template>

<!-- A provincial analyst's completion: each town's sum and the
     province's, then every town by organisation.  Counts only. -->
<xsl:template match="completion-province" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'completion.province.title'"/></xsl:call-template></xsl:template>
<xsl:template match="completion-province">
  <p class="crumbs"><a href="/registry/training/completion"><xsl:call-template name="t"><xsl:with-param name="k" select="'completion.title'"/></xsl:call-template></a></p>
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'completion.province.title'"/></xsl:call-template></h1>
  <p><xsl:call-template name="t"><xsl:with-param name="k" select="'completion.province.lead'"/></xsl:call-template></p>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="cp-cap">
    <table class="report">
      <caption id="cp-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'completion.province.towns'"/></xsl:call-template></caption>
      <xsl:call-template name="completion-head"><xsl:with-param name="k" select="'completion.town'"/></xsl:call-template>
      <tbody>
        <xsl:for-each select="town"><xsl:call-template name="completion-row"><xsl:with-param name="href" select="concat('#town-', @id)"/></xsl:call-template></xsl:for-each>
      </tbody>
      <tfoot>
        <xsl:for-each select="total"><xsl:call-template name="completion-row"><xsl:with-param name="k" select="'completion.province'"/></xsl:call-template></xsl:for-each>
      </tfoot>
    </table>
  </div>
  <xsl:for-each select="town">
    <section aria-labelledby="town-{@id}">
      <h2 id="town-{@id}"><xsl:value-of select="@name"/></h2>
      <xsl:choose>
        <xsl:when test="organisation">
          <div class="table-wrap" role="region" tabindex="0" aria-labelledby="town-cap-{@id}">
            <table class="report">
              <caption id="town-cap-{@id}"><xsl:value-of select="@name"/></caption>
              <xsl:call-template name="completion-head"><xsl:with-param name="k" select="'pro.organisation'"/></xsl:call-template>
              <tbody>
                <xsl:for-each select="organisation"><xsl:call-template name="completion-row"/></xsl:for-each>
              </tbody>
              <tfoot>
                <xsl:call-template name="completion-row"><xsl:with-param name="k" select="'completion.town.total'"/></xsl:call-template>
              </tfoot>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'completion.none'"/></xsl:call-template></p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:for-each>
</xsl:template>

<!-- A certificate, checked by its code: anyone may ask. -->
<xsl:template match="certificate-page" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.check.title'"/></xsl:call-template></xsl:template>
<xsl:template match="certificate-page">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.check.title'"/></xsl:call-template></h1>
  <xsl:choose>
    <xsl:when test="certificate">
      <xsl:for-each select="certificate">
        <p class="notice" role="status">
          <xsl:choose>
            <xsl:when test="@valid = 1"><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.is-valid'"/></xsl:call-template></xsl:when>
            <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.is-lapsed'"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </p>
        <dl class="record">
          <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.holder'"/></xsl:call-template></dt>
          <dd><xsl:value-of select="concat(@given-name, ' ', @family-name)"/></dd>
          <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'course.title'"/></xsl:call-template></dt>
          <dd><xsl:value-of select="@title"/></dd>
          <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.municipality'"/></xsl:call-template></dt>
          <dd><xsl:value-of select="@municipality"/></dd>
          <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.issued'"/></xsl:call-template></dt>
          <dd><xsl:call-template name="date"><xsl:with-param name="d" select="@issued"/></xsl:call-template></dd>
          <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.valid-to'"/></xsl:call-template></dt>
          <dd><xsl:call-template name="date"><xsl:with-param name="d" select="@valid-to"/></xsl:call-template></dd>
          <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.code'"/></xsl:call-template></dt>
          <dd><code><xsl:value-of select="@code"/></code></dd>
        </dl>
      </xsl:for-each>
    </xsl:when>
    <xsl:when test="@asked">
      <div class="errors" role="alert"><p><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.not-found'"/></xsl:call-template></p></div>
    </xsl:when>
    <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.check.lead'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
  <xsl:apply-templates select="form"/>
</xsl:template>

<!-- The editors' forms: a course, a module, a question.  A field longer
     than a line (@max over 200) is a textarea. -->
<xsl:template match="training-form" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('tform.', @page)"/></xsl:call-template></xsl:template>
<xsl:template match="training-form">
  <p class="crumbs">
    <xsl:choose>
      <xsl:when test="@course"><a href="/registry/training/courses/{@course}"><xsl:call-template name="t"><xsl:with-param name="k" select="'course.back'"/></xsl:call-template></a></xsl:when>
      <xsl:otherwise><a href="/registry/training"><xsl:call-template name="t"><xsl:with-param name="k" select="'training.title'"/></xsl:call-template></a></xsl:otherwise>
    </xsl:choose>
  </p>
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="concat('tform.', @page)"/></xsl:call-template></h1>
  <xsl:if test="starts-with(@page, 'question')">
    <p class="hint"><xsl:call-template name="t"><xsl:with-param name="k" select="'question.help'"/></xsl:call-template></p>
  </xsl:if>
  <xsl:apply-templates select="form"/>
</xsl:template>

<xsl:template match="training-form/form/field[@kind = 'text' and @max &gt; 200]">
  <div class="field">
    <xsl:if test="@error"><xsl:attribute name="class">field invalid</xsl:attribute></xsl:if>
    <label for="f-{@name}"><xsl:call-template name="t"><xsl:with-param name="k" select="@label"/></xsl:call-template>
      <xsl:if test="@required"><xsl:text> </xsl:text><span class="req"><xsl:call-template name="t"><xsl:with-param name="k" select="'form.required'"/></xsl:call-template></span></xsl:if>
    </label>
    <textarea id="f-{@name}" name="{@name}" rows="6" cols="60">
      <xsl:if test="starts-with(@name, 'body')"><xsl:attribute name="rows">14</xsl:attribute></xsl:if>
      <xsl:call-template name="field-attrs"/>
      <xsl:value-of select="value"/>
    </textarea>
    <xsl:if test="@error">
      <p class="error" id="e-{@name}"><xsl:call-template name="field-error"/></p>
    </xsl:if>
  </div>
</xsl:template>

<!-- The bank with its statistics: share right, the wrong choices. -->
<xsl:template match="course-stats" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'question.list'"/></xsl:call-template></xsl:template>
<xsl:template match="course-stats">
  <xsl:variable name="cid" select="course/@id"/>
  <p class="crumbs"><a href="/registry/training/courses/{$cid}"><xsl:value-of select="course/@title"/></a></p>
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'question.list'"/></xsl:call-template></h1>
  <p><a href="/registry/training/courses/{$cid}/questions/new"><xsl:call-template name="t"><xsl:with-param name="k" select="'question.new'"/></xsl:call-template></a></p>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="qs-cap">
    <table class="report">
      <caption id="qs-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'question.stats'"/></xsl:call-template></caption>
      <thead><tr>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'question.code'"/></xsl:call-template></th>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'question.text'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'question.shown'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'question.right'"/></xsl:call-template></th>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'question.wrong'"/></xsl:call-template></th>
      </tr></thead>
      <tbody>
        <xsl:for-each select="question">
          <tr>
            <th scope="row"><a href="/registry/training/courses/{$cid}/questions/{@id}/edit"><xsl:value-of select="@code"/></a>
              <xsl:if test="@active = 0"><xsl:text> </xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'question.inactive'"/></xsl:call-template></xsl:if>
            </th>
            <td><xsl:value-of select="@text"/><xsl:text> </xsl:text>(<xsl:call-template name="t"><xsl:with-param name="k" select="concat('question.type.', @type)"/></xsl:call-template>)</td>
            <td class="num"><xsl:call-template name="count"><xsl:with-param name="n" select="@shown"/></xsl:call-template></td>
            <td class="num">
              <xsl:choose>
                <xsl:when test="@shown &gt; 0"><xsl:value-of select="round(100 * @correct div @shown)"/> %</xsl:when>
                <xsl:otherwise>–</xsl:otherwise>
              </xsl:choose>
            </td>
            <td>
              <xsl:for-each select="wrong">
                <xsl:if test="position() &gt; 1">; </xsl:if>
                <xsl:if test="@item != ''"><xsl:value-of select="@item"/> → </xsl:if>
                <xsl:choose>
                  <xsl:when test="@label != ''"><xsl:value-of select="@label"/></xsl:when>
                  <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="concat('test.', @option)"/></xsl:call-template></xsl:otherwise>
                </xsl:choose>
                <xsl:text> (</xsl:text><xsl:value-of select="@n"/><xsl:text>)</xsl:text>
              </xsl:for-each>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </div>
</xsl:template>

</xsl:stylesheet>
