<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     compile.xsl: turns the message catalogues into site/xslt/i18n.xsl, the
     stylesheet layout.xsl includes, so that nginx parses the catalogues once
     when it starts instead of once per page.  make runs it with xsltproc
     on the built copy of sr-Latn.xml; the other locales' catalogues are
     read from beside it (sr-Cyrl.xml as karika-translit generated it, so
     translit="no" is already honoured).

     Every key becomes one template in mode "msg" whose pattern is
     processing-instruction('_<key>'): libxslt keeps templates with a named
     pattern in a hash, so the template "t" in layout.xsl (which makes a
     processing instruction named "_" and the key, and applies templates
     to it) finds a message in constant time however large the catalogues
     grow.  A processing instruction, not an element, because libxslt
     takes any string as its name, so no key can make the page fail; the
     "_" keeps a key that starts with a space visible to name().
     Inside, one xsl:when per locale gives that locale's message; "{n}"
     becomes the parameter n (its first occurrence, as "t" always did).  A
     locale without the key, an empty message, or an unknown locale falls
     to xsl:otherwise and prints the key, and a key with no template at
     all meets the last template, which prints the key: what "t" did with
     an unknown key.  The first occurrence of a repeated key wins. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:out="urn:karika:xsl-out" xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="out exsl">

<xsl:namespace-alias stylesheet-prefix="out" result-prefix="xsl"/>
<xsl:output method="xml" encoding="UTF-8" indent="no"/>

<!-- The locales, the most requested first (each when costs a test). -->
<xsl:param name="locales" select="'sr-Cyrl sr-Latn bs en'"/>

<xsl:key name="k" match="m" use="@k"/>

<xsl:variable name="ref" select="/catalogue"/>

<xsl:template match="/">
  <xsl:if test="not(catalogue/m)">
    <xsl:message terminate="yes">compile.xsl: the input is not a catalogue</xsl:message>
  </xsl:if>
  <xsl:comment> Generated from the catalogues by xslt/i18n/compile.xsl: never edit. </xsl:comment>
  <xsl:text>&#10;</xsl:text>
  <out:stylesheet version="1.0">
    <xsl:text>&#10;</xsl:text>
    <!-- Every key of the input catalogue, then any key only another has. -->
    <xsl:for-each select="catalogue/m[generate-id() = generate-id(key('k', @k)[1])]">
      <xsl:call-template name="key"/>
    </xsl:for-each>
    <xsl:call-template name="extra">
      <xsl:with-param name="list" select="concat(normalize-space($locales), ' ')"/>
    </xsl:call-template>
    <out:template match="processing-instruction()" mode="msg">
      <out:value-of select="substring(name(), 2)"/>
    </out:template>
    <xsl:text>&#10;</xsl:text>
  </out:stylesheet>
</xsl:template>

<!-- The keys of each listed catalogue that the input does not have. -->
<xsl:template name="extra">
  <xsl:param name="list"/>
  <xsl:if test="$list != ''">
    <xsl:for-each select="document(concat(substring-before($list, ' '), '.xml'), /)/catalogue/m">
      <xsl:if test="not(@k = $ref/m/@k) and generate-id() = generate-id(key('k', @k)[1])">
        <xsl:call-template name="key"/>
      </xsl:if>
    </xsl:for-each>
    <xsl:call-template name="extra">
      <xsl:with-param name="list" select="substring-after($list, ' ')"/>
    </xsl:call-template>
  </xsl:if>
</xsl:template>

<!-- One key's template: the context node is its first <m>. -->
<xsl:template name="key">
  <xsl:variable name="k" select="string(@k)"/>
  <xsl:if test="contains($k, &quot;'&quot;)">
    <xsl:message terminate="yes">compile.xsl: a key with an apostrophe: <xsl:value-of select="$k"/></xsl:message>
  </xsl:if>
  <xsl:variable name="msgs">
    <xsl:call-template name="msgs">
      <xsl:with-param name="k" select="$k"/>
      <xsl:with-param name="list" select="concat(normalize-space($locales), ' ')"/>
    </xsl:call-template>
  </xsl:variable>
  <!-- No message in any locale: no template, the last one prints the key. -->
  <xsl:if test="exsl:node-set($msgs)/*">
    <out:template match="processing-instruction('_{$k}')" mode="msg">
      <xsl:if test="exsl:node-set($msgs)//*[local-name() = 'value-of']"><out:param name="n"/></xsl:if>
      <out:choose>
        <xsl:copy-of select="$msgs"/>
        <out:otherwise>
          <xsl:call-template name="text"><xsl:with-param name="s" select="$k"/></xsl:call-template>
        </out:otherwise>
      </out:choose>
    </out:template>
    <xsl:text>&#10;</xsl:text>
  </xsl:if>
</xsl:template>

<!-- An xsl:when per locale that has a non-empty message for key k. -->
<xsl:template name="msgs">
  <xsl:param name="k"/>
  <xsl:param name="list"/>
  <xsl:if test="$list != ''">
    <xsl:variable name="l" select="substring-before($list, ' ')"/>
    <xsl:variable name="cat" select="document(concat($l, '.xml'), $ref)/catalogue"/>
    <xsl:if test="not($cat)">
      <xsl:message terminate="yes">compile.xsl: no catalogue <xsl:value-of select="$l"/>.xml</xsl:message>
    </xsl:if>
    <xsl:for-each select="$cat">
      <xsl:variable name="s" select="string(key('k', $k)[1])"/>
      <xsl:if test="$s != ''">
        <out:when test="$lang = '{$l}'">
          <xsl:choose>
            <xsl:when test="contains($s, '{n}')">
              <xsl:call-template name="text">
                <xsl:with-param name="s" select="substring-before($s, '{n}')"/>
              </xsl:call-template>
              <out:value-of select="$n"/>
              <xsl:call-template name="text">
                <xsl:with-param name="s" select="substring-after($s, '{n}')"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="text"><xsl:with-param name="s" select="$s"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </out:when>
      </xsl:if>
    </xsl:for-each>
    <xsl:call-template name="msgs">
      <xsl:with-param name="k" select="$k"/>
      <xsl:with-param name="list" select="substring-after($list, ' ')"/>
    </xsl:call-template>
  </xsl:if>
</xsl:template>

<!-- Text s as a template writes it: a bare text node (nginx keeps the
     stylesheet's tree in memory, and xsl:text is one node more), but an
     xsl:text where XSLT would strip a text of white space only. -->
<xsl:template name="text">
  <xsl:param name="s"/>
  <xsl:choose>
    <xsl:when test="$s = ''"/>
    <xsl:when test="normalize-space($s) = ''"><out:text><xsl:value-of select="$s"/></out:text></xsl:when>
    <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

</xsl:stylesheet>
