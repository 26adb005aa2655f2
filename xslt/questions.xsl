<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     questions.xsl: the question engine's page (fcgi/common/qanswer.c), in
     layout.xsl's manner: a labelled control per question, fieldset and
     legend for choices and matrices, the errors listed first and each
     beside its question (aria-describedby), what was typed kept, the CSRF
     token; no JavaScript, usable by keyboard alone.  Included by the
     stylesheets of the surveys and of the training courses.  The contract:

       <questions action method errors error>
         <hidden name value/>…
         <question code type field required min max decimals maxlength most>
           <text/> <help/>?
           <option code checked key?>label</option>…   (choices, scale)
           <item code field value>label</item>…         (matrix rows)
           <other field checked value/>?                 ("other, specify")
           <value/>?                                     (what was typed)
           <error key n field/>?
         </question>…
         <button name value key/>…                       (the first: Enter)
       </questions>

     An option without a label has a catalogue key (question.yes).
     method="get" (the editor's preview) makes a form that posts nothing
     and so carries no CSRF token (a GET would put it in the URL). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

<xsl:template match="questions">
  <form method="post" action="{@action}" novalidate="novalidate" class="questions">
    <xsl:if test="@method = 'get'"><xsl:attribute name="method">get</xsl:attribute></xsl:if>
    <xsl:if test="@errors &gt; 0">
      <div class="errors" role="alert">
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="'form.errors'"/></xsl:call-template></p>
        <xsl:if test="@error"><p class="form-error"><xsl:call-template name="t"><xsl:with-param name="k" select="@error"/></xsl:call-template></p></xsl:if>
        <ul>
          <xsl:for-each select="question[error]">
            <li><a href="#f-{error/@field}"><xsl:value-of select="text"/></a></li>
          </xsl:for-each>
        </ul>
      </div>
    </xsl:if>
    <xsl:if test="not(@method = 'get')"><input type="hidden" name="csrf" value="{/page/session/@csrf}"/></xsl:if>
    <xsl:for-each select="hidden"><input type="hidden" name="{@name}" value="{@value}"/></xsl:for-each>
    <xsl:apply-templates select="question" mode="q"/>
    <p class="submit">
      <xsl:for-each select="button">
        <button type="submit" name="{@name}" value="{@value}">
          <xsl:if test="position() &gt; 1"><xsl:attribute name="class">second</xsl:attribute></xsl:if>
          <xsl:call-template name="t"><xsl:with-param name="k" select="@key"/></xsl:call-template>
        </button>
        <xsl:text> </xsl:text>
      </xsl:for-each>
    </p>
  </form>
</xsl:template>

<!-- The ids a control names in aria-describedby: its help, its error. -->
<xsl:template name="q-described">
  <xsl:if test="help or error">
    <xsl:attribute name="aria-describedby">
      <xsl:if test="help">h-<xsl:value-of select="@field"/></xsl:if>
      <xsl:if test="help and error"><xsl:text> </xsl:text></xsl:if>
      <xsl:if test="error">e-<xsl:value-of select="@field"/></xsl:if>
    </xsl:attribute>
  </xsl:if>
  <xsl:if test="error"><xsl:attribute name="aria-invalid">true</xsl:attribute></xsl:if>
</xsl:template>

<xsl:template name="q-required">
  <xsl:if test="@required"><xsl:text> </xsl:text><span class="req"><xsl:call-template name="t"><xsl:with-param name="k" select="'form.required'"/></xsl:call-template></span></xsl:if>
</xsl:template>

<!-- Help and error under a question. -->
<xsl:template name="q-notes">
  <xsl:if test="help"><p class="hint" id="h-{@field}"><xsl:value-of select="help"/></p></xsl:if>
  <xsl:if test="@type = 'date'"><p class="hint" id="d-{@field}"><xsl:call-template name="t"><xsl:with-param name="k" select="'form.date.hint'"/></xsl:call-template></p></xsl:if>
  <xsl:for-each select="error">
    <!-- A bound the local way: a date as the page writes dates, a number
         with the local decimal sign. -->
    <xsl:variable name="n">
      <xsl:choose>
        <xsl:when test="@key = 'survey.date.min' or @key = 'survey.date.max'"><xsl:call-template name="date"><xsl:with-param name="d" select="@n"/></xsl:call-template></xsl:when>
        <xsl:when test="@key = 'survey.number.min' or @key = 'survey.number.max'"><xsl:value-of select="translate(@n, '.', substring('.,', 1 + ($lang != 'en'), 1))"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="@n"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <p class="error" id="e-{../@field}">
      <xsl:choose>
        <!-- A count of characters: its noun in the form the number takes. -->
        <xsl:when test="@key = 'survey.text.max' or @key = 'survey.other.max'"><xsl:call-template name="plural"><xsl:with-param name="k" select="@key"/><xsl:with-param name="n" select="number(@n)"/></xsl:call-template></xsl:when>
        <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="@key"/><xsl:with-param name="n" select="string($n)"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:for-each>
</xsl:template>

<xsl:template name="q-label">
  <xsl:choose>
    <xsl:when test="@key"><xsl:call-template name="t"><xsl:with-param name="k" select="@key"/></xsl:call-template></xsl:when>
    <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- Choices: radio buttons or checkboxes in a fieldset. -->
<xsl:template match="question[@type = 'single' or @type = 'yesno' or @type = 'group' or @type = 'multiple']" mode="q">
  <xsl:variable name="kind"><xsl:choose><xsl:when test="@type = 'multiple'">checkbox</xsl:when><xsl:otherwise>radio</xsl:otherwise></xsl:choose></xsl:variable>
  <fieldset id="f-{@field}" class="q">
    <xsl:if test="error"><xsl:attribute name="class">q invalid</xsl:attribute></xsl:if>
    <xsl:call-template name="q-described"/>
    <legend><xsl:value-of select="text"/><xsl:call-template name="q-required"/></legend>
    <xsl:call-template name="q-notes"/>
    <xsl:for-each select="option">
      <div class="opt"><input type="{$kind}" id="f-{../@field}-{@code}" name="{../@field}" value="{@code}"><xsl:if test="@checked"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input><label for="f-{../@field}-{@code}"><xsl:call-template name="q-label"/></label></div>
    </xsl:for-each>
    <xsl:for-each select="other">
      <div class="opt"><input type="{$kind}" id="f-{../@field}-other" name="{../@field}" value="other"><xsl:if test="@checked"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input><label for="f-{../@field}-other"><xsl:call-template name="t"><xsl:with-param name="k" select="'question.other'"/></xsl:call-template></label></div>
      <div class="other"><label for="f-{@field}"><xsl:call-template name="t"><xsl:with-param name="k" select="'question.other.specify'"/></xsl:call-template></label><input type="text" id="f-{@field}" name="{@field}" value="{@value}" maxlength="200"/></div>
    </xsl:for-each>
  </fieldset>
</xsl:template>

<!-- A list to choose one from. -->
<xsl:template match="question[@type = 'dropdown']" mode="q">
  <div class="field q">
    <xsl:if test="error"><xsl:attribute name="class">field q invalid</xsl:attribute></xsl:if>
    <label for="f-{@field}"><xsl:value-of select="text"/><xsl:call-template name="q-required"/></label>
    <xsl:call-template name="q-notes"/>
    <select id="f-{@field}" name="{@field}">
      <xsl:call-template name="q-described"/>
      <option value=""><xsl:call-template name="t"><xsl:with-param name="k" select="'question.choose'"/></xsl:call-template></option>
      <xsl:for-each select="option">
        <option value="{@code}"><xsl:if test="@checked"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:call-template name="q-label"/></option>
      </xsl:for-each>
      <xsl:for-each select="other">
        <option value="other"><xsl:if test="@checked"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:call-template name="t"><xsl:with-param name="k" select="'question.other'"/></xsl:call-template></option>
      </xsl:for-each>
    </select>
    <xsl:for-each select="other">
      <div class="other"><label for="f-{@field}"><xsl:call-template name="t"><xsl:with-param name="k" select="'question.other.specify'"/></xsl:call-template></label><input type="text" id="f-{@field}" name="{@field}" value="{@value}" maxlength="200"/></div>
    </xsl:for-each>
  </div>
</xsl:template>

<!-- Likert items: a fieldset per row, the scale's points as radios. -->
<xsl:template match="question[@type = 'matrix']" mode="q">
  <xsl:variable name="scale" select="option"/>
  <fieldset id="f-{@field}" class="q matrix">
    <xsl:if test="error"><xsl:attribute name="class">q matrix invalid</xsl:attribute></xsl:if>
    <xsl:call-template name="q-described"/>
    <legend><xsl:value-of select="text"/><xsl:call-template name="q-required"/></legend>
    <xsl:call-template name="q-notes"/>
    <xsl:for-each select="item">
      <xsl:variable name="item" select="."/>
      <fieldset id="f-{@field}" class="item">
        <legend><xsl:value-of select="."/></legend>
        <xsl:for-each select="$scale">
          <span class="opt"><input type="radio" id="f-{$item/@field}-{@code}" name="{$item/@field}" value="{@code}"><xsl:if test="@code = $item/@value"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input><label for="f-{$item/@field}-{@code}"><xsl:value-of select="."/></label></span>
        </xsl:for-each>
      </fieldset>
    </xsl:for-each>
  </fieldset>
</xsl:template>

<!-- Typed answers: a number, a line, a date, or several lines. -->
<xsl:template match="question" mode="q">
  <div class="field q">
    <xsl:if test="error"><xsl:attribute name="class">field q invalid</xsl:attribute></xsl:if>
    <label for="f-{@field}"><xsl:value-of select="text"/><xsl:call-template name="q-required"/></label>
    <xsl:call-template name="q-notes"/>
    <xsl:choose>
      <xsl:when test="@type = 'longtext'">
        <textarea id="f-{@field}" name="{@field}" rows="5" maxlength="{@maxlength}"><xsl:call-template name="q-described"/><xsl:value-of select="value"/></textarea>
      </xsl:when>
      <xsl:otherwise>
        <input type="text" id="f-{@field}" name="{@field}" value="{value}">
          <xsl:choose>
            <xsl:when test="@type = 'number' and @decimals &gt; 0"><xsl:attribute name="inputmode">decimal</xsl:attribute></xsl:when>
            <xsl:when test="@type = 'number'"><xsl:attribute name="inputmode">numeric</xsl:attribute></xsl:when>
            <xsl:when test="@type = 'text'"><xsl:attribute name="maxlength"><xsl:value-of select="@maxlength"/></xsl:attribute></xsl:when>
          </xsl:choose>
          <xsl:call-template name="q-described"/>
          <xsl:if test="@type = 'date'">
            <xsl:attribute name="aria-describedby">d-<xsl:value-of select="@field"/><xsl:if test="help"> h-<xsl:value-of select="@field"/></xsl:if><xsl:if test="error"> e-<xsl:value-of select="@field"/></xsl:if></xsl:attribute>
          </xsl:if>
        </input>
      </xsl:otherwise>
    </xsl:choose>
  </div>
</xsl:template>

</xsl:stylesheet>
