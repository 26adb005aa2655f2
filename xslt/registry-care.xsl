<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     registry-care.xsl: the register's organisations (licences, places per
     year), the service editor, enrolments (new, end, a provider's list)
     and the monthly delivery grid with its month index and closing.
     Included by registry.xsl (so layout.xsl's templates "t", "date",
     "when", "money" and "form" are at hand; "form" renders a price,
     VALID_MONEY, too).  Every table sits in a
     labelled, focusable region; every grid cell is labelled by its row's
     person and its column; no JavaScript. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

<!-- A message with {a}, {b}, {c} filled in (t itself fills only {n}). -->
<xsl:template name="fill">
  <xsl:param name="k"/>
  <xsl:param name="a"/>
  <xsl:param name="b"/>
  <xsl:param name="c"/>
  <xsl:variable name="s"><xsl:call-template name="t"><xsl:with-param name="k" select="$k"/></xsl:call-template></xsl:variable>
  <xsl:call-template name="fill-one">
    <xsl:with-param name="s">
      <xsl:call-template name="fill-one">
        <xsl:with-param name="s">
          <xsl:call-template name="fill-one"><xsl:with-param name="s" select="$s"/><xsl:with-param name="p" select="'{a}'"/><xsl:with-param name="v" select="$a"/></xsl:call-template>
        </xsl:with-param>
        <xsl:with-param name="p" select="'{b}'"/><xsl:with-param name="v" select="$b"/>
      </xsl:call-template>
    </xsl:with-param>
    <xsl:with-param name="p" select="'{c}'"/><xsl:with-param name="v" select="$c"/>
  </xsl:call-template>
</xsl:template>

<xsl:template name="fill-one">
  <xsl:param name="s"/>
  <xsl:param name="p"/>
  <xsl:param name="v"/>
  <xsl:choose>
    <xsl:when test="contains($s, $p)"><xsl:value-of select="concat(substring-before($s, $p), $v, substring-after($s, $p))"/></xsl:when>
    <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- "2026-10" as "oktobar 2026." / "October 2026". -->
<xsl:template name="month-name">
  <xsl:param name="m"/>
  <xsl:call-template name="fill">
    <xsl:with-param name="k" select="concat('month.', number(substring($m, 6, 2)))"/>
    <xsl:with-param name="a" select="substring($m, 1, 4)"/>
  </xsl:call-template>
</xsl:template>

<!-- An organisation's name in the page's script. -->
<xsl:template name="org-name">
  <xsl:choose>
    <xsl:when test="$lang = 'sr-Cyrl' and @name-cyrl"><xsl:value-of select="@name-cyrl"/></xsl:when>
    <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:variable name="is-admin" select="boolean(/page/session/user/role[@name = 'admin'])"/>

<!-- The provider a caseload page is about, and the CSW's choice. -->
<xsl:template name="care-org">
  <xsl:if test="org/@name"><p class="lead"><xsl:value-of select="org/@name"/></p></xsl:if>
  <xsl:if test="not(org/@own)">
    <xsl:apply-templates select="form[@method = 'get']"/>
  </xsl:if>
</xsl:template>

<!-- ===== Organisations ===== -->
<xsl:template match="organisations" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'orgs.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="organisations">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'orgs.title'"/></xsl:call-template></h1>
  <xsl:if test="$is-admin">
    <p><a href="/registry/organisations/new"><xsl:call-template name="t"><xsl:with-param name="k" select="'org.new.title'"/></xsl:call-template></a></p>
  </xsl:if>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="orgs-cap">
  <table class="report">
    <caption id="orgs-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'orgs.caption'"/></xsl:call-template></caption>
    <thead><tr>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'org.name'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'org.category'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'org.registration'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'org.address'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'org.contacts'"/></xsl:call-template></th>
    </tr></thead>
    <tbody>
      <xsl:for-each select="organisation">
        <tr>
          <th scope="row"><a href="/registry/organisations/{@id}"><xsl:value-of select="@name"/></a></th>
          <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('orgcat.', @category)"/></xsl:call-template>
            <xsl:text> (</xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="concat('orgkind.', @kind)"/></xsl:call-template><xsl:text>)</xsl:text></td>
          <td><xsl:value-of select="@registration"/></td>
          <td><xsl:value-of select="@address"/></td>
          <td><xsl:value-of select="@phone"/><xsl:if test="@phone != '' and @email != ''"><br/></xsl:if><xsl:value-of select="@email"/></td>
        </tr>
      </xsl:for-each>
    </tbody>
  </table>
  </div>
  <xsl:if test="service">
    <h2 id="svc-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'orgs.services'"/></xsl:call-template></h2>
    <ul>
      <xsl:for-each select="service">
        <li><a href="/registry/services/{@value}/edit"><xsl:value-of select="@label"/></a></li>
      </xsl:for-each>
    </ul>
  </xsl:if>
</xsl:template>

<xsl:template match="organisation-page" mode="title">
  <xsl:for-each select="organisation"><xsl:call-template name="org-name"/></xsl:for-each>
</xsl:template>

<xsl:template match="organisation-page">
  <xsl:variable name="o" select="organisation"/>
  <h1><xsl:for-each select="$o"><xsl:call-template name="org-name"/></xsl:for-each></h1>
  <dl class="me">
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'org.category'"/></xsl:call-template></dt>
    <dd><xsl:call-template name="t"><xsl:with-param name="k" select="concat('orgcat.', $o/@category)"/></xsl:call-template>
      <xsl:text> (</xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="concat('orgkind.', $o/@kind)"/></xsl:call-template><xsl:text>)</xsl:text></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'org.registration'"/></xsl:call-template></dt>
    <dd><xsl:value-of select="$o/@registration"/></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'org.address'"/></xsl:call-template></dt>
    <dd><xsl:value-of select="$o/@address"/></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'org.phone'"/></xsl:call-template></dt>
    <dd><xsl:value-of select="$o/@phone"/></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'field.email'"/></xsl:call-template></dt>
    <dd><xsl:value-of select="$o/@email"/></dd>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'org.website'"/></xsl:call-template></dt>
    <dd><xsl:value-of select="$o/@website"/></dd>
  </dl>
  <xsl:if test="$is-admin">
    <p><a href="/registry/organisations/{$o/@id}/edit"><xsl:call-template name="t"><xsl:with-param name="k" select="'org.edit.title'"/></xsl:call-template></a></p>
  </xsl:if>
  <h2 id="lic-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'org.licences'"/></xsl:call-template></h2>
  <xsl:choose>
    <xsl:when test="licence">
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="lic-h">
      <table class="report">
        <thead><tr>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'enrol.service'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'licence.number'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'licence.from'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'licence.to'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'licence.capacity'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'licence.state'"/></xsl:call-template></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="licence">
            <tr>
              <th scope="row"><xsl:value-of select="@name"/></th>
              <td>
                <xsl:choose>
                  <xsl:when test="$is-admin"><a href="/registry/organisations/{$o/@id}/licences/{@id}"><xsl:value-of select="@number"/></a></xsl:when>
                  <xsl:otherwise><xsl:value-of select="@number"/></xsl:otherwise>
                </xsl:choose>
              </td>
              <td><xsl:call-template name="date"><xsl:with-param name="d" select="@valid-from"/></xsl:call-template></td>
              <td><xsl:call-template name="date"><xsl:with-param name="d" select="@valid-to"/></xsl:call-template></td>
              <td><xsl:value-of select="@capacity"/></td>
              <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('licence.valid.', @valid)"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      </div>
    </xsl:when>
    <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'org.licences.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
  <xsl:if test="$is-admin">
    <p><a href="/registry/organisations/{$o/@id}/licences/new"><xsl:call-template name="t"><xsl:with-param name="k" select="'licence.new.title'"/></xsl:call-template></a></p>
  </xsl:if>
  <h2 id="cap-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'org.capacity'"/></xsl:call-template></h2>
  <xsl:choose>
    <xsl:when test="capacity">
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="cap-h">
      <table class="report">
        <thead><tr>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'enrol.service'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'capacity.year'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'capacity.places'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'capacity.taken'"/></xsl:call-template></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="capacity">
            <tr>
              <th scope="row"><xsl:value-of select="@name"/></th>
              <td><xsl:value-of select="@year"/></td>
              <td><xsl:value-of select="@places"/></td>
              <td><xsl:value-of select="@taken"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      </div>
    </xsl:when>
    <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'org.capacity.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
  <xsl:if test="$is-admin">
    <p><a href="/registry/organisations/{$o/@id}/capacity"><xsl:call-template name="t"><xsl:with-param name="k" select="'capacity.title'"/></xsl:call-template></a></p>
  </xsl:if>
  <p><a href="/registry/organisations"><xsl:call-template name="t"><xsl:with-param name="k" select="'orgs.back'"/></xsl:call-template></a></p>
</xsl:template>

<!-- The administrators' forms of an organisation: its details, a
     licence, places in a year. -->
<xsl:template name="org-form-title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="concat('orgform.', @page)"/></xsl:call-template>
</xsl:template>

<xsl:template match="org-form" mode="title"><xsl:call-template name="org-form-title"/></xsl:template>

<xsl:template match="org-form">
  <h1><xsl:call-template name="org-form-title"/></h1>
  <xsl:if test="organisation">
    <p class="lead"><a href="/registry/organisations/{organisation/@id}"><xsl:for-each select="organisation"><xsl:call-template name="org-name"/></xsl:for-each></a></p>
  </xsl:if>
  <xsl:apply-templates select="form"/>
</xsl:template>

<!-- ===== A service of the catalogue ===== -->
<xsl:template match="service-form" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'service.edit.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="service-form">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'service.edit.title'"/></xsl:call-template></h1>
  <p class="lead"><xsl:value-of select="service/@name"/></p>
  <xsl:if test="service/price">
    <div class="table-wrap" role="region" tabindex="0" aria-labelledby="prices-cap">
    <table class="report">
      <caption id="prices-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'service.prices'"/></xsl:call-template></caption>
      <thead><tr>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'service.year'"/></xsl:call-template></th>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'service.price'"/></xsl:call-template></th>
      </tr></thead>
      <tbody>
        <xsl:for-each select="service/price">
          <tr>
            <th scope="row"><xsl:value-of select="@year"/></th>
            <td class="price"><xsl:call-template name="money"><xsl:with-param name="para" select="@price-para"/><xsl:with-param name="currency" select="../@currency"/></xsl:call-template></td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
    </div>
  </xsl:if>
  <xsl:apply-templates select="form"/>
</xsl:template>

<!-- ===== Enrolments ===== -->
<!-- Why an enrolment may not start, in a sentence with its numbers. -->
<xsl:template match="refusal">
  <div class="errors" role="alert" id="refusal">
    <p>
      <xsl:choose>
        <xsl:when test="@key = 'enrol.capacity.full'">
          <xsl:call-template name="fill"><xsl:with-param name="k" select="@key"/><xsl:with-param name="a" select="@places"/><xsl:with-param name="b" select="@year"/><xsl:with-param name="c" select="@taken"/></xsl:call-template>
        </xsl:when>
        <xsl:when test="@key = 'enrol.capacity.none'">
          <xsl:call-template name="fill"><xsl:with-param name="k" select="@key"/><xsl:with-param name="a" select="@year"/></xsl:call-template>
        </xsl:when>
        <xsl:when test="@key = 'enrol.licence.expired' or @key = 'enrol.licence.notyet'">
          <xsl:variable name="d">
            <xsl:choose>
              <xsl:when test="@key = 'enrol.licence.expired'"><xsl:call-template name="date"><xsl:with-param name="d" select="@valid-to"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="date"><xsl:with-param name="d" select="@valid-from"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:call-template name="fill"><xsl:with-param name="k" select="@key"/><xsl:with-param name="a" select="@licence"/><xsl:with-param name="b" select="$d"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="@key"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </p>
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="'enrol.refused.what'"/></xsl:call-template></p>
  </div>
</xsl:template>

<xsl:template match="enrolment" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="concat('enrol.', @page, '.title')"/></xsl:call-template>
</xsl:template>

<xsl:template match="enrolment">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="concat('enrol.', @page, '.title')"/></xsl:call-template></h1>
  <xsl:choose>
    <xsl:when test="@page = 'new'">
      <p class="lead"><a href="/registry/persons/{person/@id}"><xsl:value-of select="concat(person/@given, ' ', person/@family)"/></a>
        <xsl:if test="person/@born"><xsl:text>, </xsl:text><xsl:call-template name="date"><xsl:with-param name="d" select="person/@born"/></xsl:call-template></xsl:if></p>
      <xsl:apply-templates select="refusal"/>
    </xsl:when>
    <xsl:otherwise>
      <dl class="me">
        <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'enrol.person'"/></xsl:call-template></dt>
        <dd><a href="/registry/persons/{@person}"><xsl:value-of select="concat(@given, ' ', @family)"/></a></dd>
        <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'enrol.service'"/></xsl:call-template></dt>
        <dd><xsl:value-of select="@service"/></dd>
        <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'enrol.start'"/></xsl:call-template></dt>
        <dd><xsl:call-template name="date"><xsl:with-param name="d" select="@start"/></xsl:call-template></dd>
        <xsl:if test="@referral">
          <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'enrol.referral'"/></xsl:call-template></dt>
          <dd><xsl:value-of select="@referral"/><xsl:text>, </xsl:text><xsl:call-template name="date"><xsl:with-param name="d" select="@referral-date"/></xsl:call-template></dd>
        </xsl:if>
      </dl>
      <xsl:if test="@end">
        <p class="notice" role="status"><xsl:call-template name="t"><xsl:with-param name="k" select="'enrol.ended'"/></xsl:call-template><xsl:text> </xsl:text><xsl:call-template name="date"><xsl:with-param name="d" select="@end"/></xsl:call-template></p>
      </xsl:if>
    </xsl:otherwise>
  </xsl:choose>
  <xsl:apply-templates select="form"/>
</xsl:template>

<xsl:template match="enrolments" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'enrolments.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="enrolments">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'enrolments.title'"/></xsl:call-template></h1>
  <xsl:call-template name="care-org"/>
  <p class="hint"><xsl:call-template name="t"><xsl:with-param name="k" select="'enrolments.new.hint'"/></xsl:call-template>
    <xsl:text> </xsl:text><a href="/registry/persons"><xsl:call-template name="t"><xsl:with-param name="k" select="'enrolments.new.find'"/></xsl:call-template></a></p>
  <xsl:if test="org/@id">
    <p><a href="/registry/deliveries{substring(concat('?org=', org/@id), 1, 100 * not(org/@own))}"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.title'"/></xsl:call-template></a></p>
    <xsl:choose>
      <xsl:when test="enrolment">
        <div class="table-wrap" role="region" tabindex="0" aria-labelledby="enr-cap">
        <table class="report">
          <caption id="enr-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'enrolments.caption'"/></xsl:call-template></caption>
          <thead><tr>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'enrol.person'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'enrol.service'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'enrol.start'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'enrol.referral'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.actions'"/></xsl:call-template></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="enrolment">
              <tr>
                <th scope="row"><a href="/registry/persons/{@person}"><xsl:value-of select="concat(@family, ' ', @given)"/></a></th>
                <td><xsl:value-of select="@service"/></td>
                <td><xsl:call-template name="date"><xsl:with-param name="d" select="@start"/></xsl:call-template></td>
                <td><xsl:if test="@referral"><xsl:value-of select="@referral"/><xsl:text>, </xsl:text><xsl:call-template name="date"><xsl:with-param name="d" select="@referral-date"/></xsl:call-template></xsl:if></td>
                <td><a href="/registry/enrolments/{@id}/end"><xsl:call-template name="t"><xsl:with-param name="k" select="'enrol.end.submit'"/></xsl:call-template><span class="sr"><xsl:text> </xsl:text><xsl:value-of select="concat(@family, ' ', @given, ', ', @service)"/></span></a></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'enrolments.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:if>
</xsl:template>

<!-- ===== Monthly delivery ===== -->
<xsl:template match="delivery-months" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="delivery-months">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.title'"/></xsl:call-template></h1>
  <xsl:call-template name="care-org"/>
  <xsl:if test="org/@id">
    <xsl:variable name="qs" select="substring(concat('?org=', org/@id), 1, 100 * not(org/@own))"/>
    <div class="table-wrap" role="region" tabindex="0" aria-labelledby="mon-cap">
    <table class="report">
      <caption id="mon-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.caption'"/></xsl:call-template></caption>
      <thead><tr>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.month'"/></xsl:call-template></th>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.state'"/></xsl:call-template></th>
        <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.filled'"/></xsl:call-template></th>
      </tr></thead>
      <tbody>
        <xsl:for-each select="month">
          <tr>
            <th scope="row"><a href="/registry/deliveries/{@month}{$qs}"><xsl:call-template name="month-name"><xsl:with-param name="m" select="@month"/></xsl:call-template></a></th>
            <td>
              <xsl:choose>
                <xsl:when test="@closed"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.closed'"/></xsl:call-template></xsl:when>
                <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.open'"/></xsl:call-template></xsl:otherwise>
              </xsl:choose>
            </td>
            <td><xsl:call-template name="fill"><xsl:with-param name="k" select="'deliveries.of'"/><xsl:with-param name="a" select="@filled"/><xsl:with-param name="b" select="@total"/></xsl:call-template></td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
    </div>
  </xsl:if>
</xsl:template>

<xsl:template match="delivery-grid" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.title'"/></xsl:call-template>
  <xsl:text>: </xsl:text>
  <xsl:call-template name="month-name"><xsl:with-param name="m" select="@month"/></xsl:call-template>
</xsl:template>

<xsl:template match="delivery-grid">
  <xsl:variable name="qs" select="substring(concat('?org=', org/@id), 1, 100 * not(org/@own))"/>
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.title'"/></xsl:call-template>
    <xsl:text>: </xsl:text><xsl:call-template name="month-name"><xsl:with-param name="m" select="@month"/></xsl:call-template></h1>
  <xsl:call-template name="care-org"/>
  <xsl:if test="org/@id">
    <nav class="months">
      <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.nav'"/></xsl:call-template></xsl:attribute>
      <a href="/registry/deliveries/{@prev}{$qs}"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.prev'"/></xsl:call-template><span class="sr"><xsl:text>: </xsl:text><xsl:call-template name="month-name"><xsl:with-param name="m" select="@prev"/></xsl:call-template></span></a>
      <xsl:text> · </xsl:text>
      <a href="/registry/deliveries{$qs}"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.all'"/></xsl:call-template></a>
      <xsl:if test="@next">
        <xsl:text> · </xsl:text>
        <a href="/registry/deliveries/{@next}{$qs}"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.next'"/></xsl:call-template><span class="sr"><xsl:text>: </xsl:text><xsl:call-template name="month-name"><xsl:with-param name="m" select="@next"/></xsl:call-template></span></a>
      </xsl:if>
    </nav>
    <xsl:if test="@closed">
      <p class="notice"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.closed.at'"/></xsl:call-template>
        <xsl:text> </xsl:text><xsl:call-template name="when"><xsl:with-param name="t" select="@closed"/></xsl:call-template>
        <xsl:if test="@closed-by"><xsl:text> (</xsl:text><xsl:value-of select="@closed-by"/><xsl:text>)</xsl:text></xsl:if></p>
    </xsl:if>
    <xsl:if test="@pages &gt; 1">
      <p><xsl:call-template name="fill"><xsl:with-param name="k" select="'deliveries.page'"/><xsl:with-param name="a" select="@page"/><xsl:with-param name="b" select="@pages"/><xsl:with-param name="c" select="@total"/></xsl:call-template>
        <xsl:if test="@page &gt; 1"><xsl:text> </xsl:text><a href="{/page/@path}?page={@page - 1}"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.page.prev'"/></xsl:call-template></a></xsl:if>
        <xsl:if test="@page &lt; @pages"><xsl:text> </xsl:text><a href="{/page/@path}?page={@page + 1}"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.page.next'"/></xsl:call-template></a></xsl:if>
      </p>
    </xsl:if>
    <xsl:if test="@errors &gt; 0">
      <div class="errors" role="alert" id="grid-errors">
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="'form.errors'"/></xsl:call-template></p>
        <xsl:if test="@problem">
          <p class="form-error"><xsl:call-template name="t"><xsl:with-param name="k" select="@problem"/></xsl:call-template></p>
        </xsl:if>
        <ul>
          <xsl:for-each select="service/row[@error]">
            <li><a href="#u{@id}"><xsl:value-of select="concat(@family, ' ', @given)"/><xsl:text>: </xsl:text><xsl:call-template name="cell-error"/></a></li>
          </xsl:for-each>
        </ul>
      </div>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="not(service)">
        <p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.none'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:when test="@editable">
        <form method="post" action="{@action}" novalidate="novalidate">
          <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
          <p class="hint" id="units-hint"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.hint'"/></xsl:call-template></p>
          <xsl:apply-templates select="service" mode="grid"><xsl:with-param name="edit" select="true()"/></xsl:apply-templates>
          <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.submit'"/></xsl:call-template></button></p>
        </form>
        <p><a href="{/page/@path}/close"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.close'"/></xsl:call-template></a></p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="service" mode="grid"><xsl:with-param name="edit" select="false()"/></xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:if>
</xsl:template>

<!-- A cell's error: a unit's most says it, and the month it is for. -->
<xsl:template name="cell-error">
  <xsl:call-template name="fill">
    <xsl:with-param name="k" select="@error"/>
    <xsl:with-param name="a" select="../@max"/>
    <xsl:with-param name="b"><xsl:call-template name="month-name"><xsl:with-param name="m" select="ancestor::delivery-grid/@month"/></xsl:call-template></xsl:with-param>
  </xsl:call-template>
</xsl:template>

<!-- One service's rows: the person, last month, this month.  The unit's
     word is looked up once per table, never per row. -->
<xsl:template match="service" mode="grid">
  <xsl:param name="edit"/>
  <xsl:variable name="s" select="@id"/>
  <xsl:variable name="unit"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('units.', @unit)"/></xsl:call-template></xsl:variable>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="s{$s}">
  <table class="report grid">
    <caption id="s{$s}"><xsl:value-of select="@name"/><xsl:text> (</xsl:text><xsl:value-of select="$unit"/><xsl:text>)</xsl:text></caption>
    <thead><tr>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'enrol.person'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.last'"/></xsl:call-template></th>
      <th scope="col" id="c{$s}"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.units'"/></xsl:call-template><xsl:text> (</xsl:text><xsl:value-of select="$unit"/><xsl:text>)</xsl:text></th>
    </tr></thead>
    <tbody>
      <xsl:for-each select="row">
        <tr>
          <th scope="row" id="p{@id}"><xsl:value-of select="@family"/><xsl:text> </xsl:text><xsl:value-of select="@given"/></th>
          <td><xsl:value-of select="@last"/></td>
          <td>
            <xsl:choose>
              <xsl:when test="$edit">
                <xsl:choose>
                  <xsl:when test="@error">
                    <input type="text" inputmode="decimal" size="6" name="u{@id}" id="u{@id}" value="{@value}" aria-labelledby="p{@id} c{$s}" aria-invalid="true" aria-describedby="e{@id}"/>
                    <span class="error" id="e{@id}"><xsl:call-template name="cell-error"/></span>
                  </xsl:when>
                  <xsl:otherwise><input type="text" inputmode="decimal" size="6" name="u{@id}" id="u{@id}" value="{@value}" aria-labelledby="p{@id} c{$s}"/></xsl:otherwise>
                </xsl:choose>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="@value"/></xsl:otherwise>
            </xsl:choose>
          </td>
        </tr>
      </xsl:for-each>
    </tbody>
  </table>
  </div>
</xsl:template>

<xsl:template match="delivery-close" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.close'"/></xsl:call-template>
</xsl:template>

<xsl:template match="delivery-close">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.close'"/></xsl:call-template>
    <xsl:text>: </xsl:text><xsl:call-template name="month-name"><xsl:with-param name="m" select="@month"/></xsl:call-template></h1>
  <xsl:call-template name="care-org"/>
  <xsl:choose>
    <xsl:when test="@closed">
      <p class="notice"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.closed.at'"/></xsl:call-template>
        <xsl:text> </xsl:text><xsl:call-template name="when"><xsl:with-param name="t" select="@closed"/></xsl:call-template></p>
    </xsl:when>
    <xsl:otherwise>
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.close.explain'"/></xsl:call-template></p>
      <xsl:if test="@total">
        <p><xsl:call-template name="fill"><xsl:with-param name="k" select="'deliveries.close.filled'"/><xsl:with-param name="a" select="@filled"/><xsl:with-param name="b" select="@total"/></xsl:call-template></p>
      </xsl:if>
      <form method="post" action="/registry/deliveries/{@month}/close">
        <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
        <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.close.submit'"/></xsl:call-template></button></p>
      </form>
    </xsl:otherwise>
  </xsl:choose>
  <p><a href="/registry/deliveries/{@month}"><xsl:call-template name="t"><xsl:with-param name="k" select="'deliveries.back'"/></xsl:call-template></a></p>
</xsl:template>

</xsl:stylesheet>
