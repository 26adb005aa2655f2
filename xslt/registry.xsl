<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     registry.xsl: karika-registry's pages: the home page and the service
     catalogue.  Imports the shared layout. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="layout.xsl"/>
<xsl:include href="registry-care.xsl"/>
<xsl:include href="registry-ops.xsl"/>
<xsl:include href="registry-cases.xsl"/>
<xsl:include href="registry-persons.xsl"/>
<xsl:include href="registry-training.xsl"/>

<xsl:template match="home" mode="title"><xsl:value-of select="municipality"/></xsl:template>

<xsl:template match="home">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'home.heading'"/><xsl:with-param name="n" select="municipality"/></xsl:call-template></h1>
  <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="'home.intro'"/></xsl:call-template></p>
  <ul class="areas">
    <xsl:call-template name="area"><xsl:with-param name="href" select="'/registry/services'"/><xsl:with-param name="k" select="'home.services'"/></xsl:call-template>
    <xsl:call-template name="area"><xsl:with-param name="href" select="'/surveys/'"/><xsl:with-param name="k" select="'home.surveys'"/></xsl:call-template>
    <xsl:call-template name="area"><xsl:with-param name="href" select="'/applications/'"/><xsl:with-param name="k" select="'home.applications'"/></xsl:call-template>
    <xsl:call-template name="area"><xsl:with-param name="href" select="'/reports/'"/><xsl:with-param name="k" select="'home.reports'"/></xsl:call-template>
  </ul>
</xsl:template>

<xsl:template name="area">
  <xsl:param name="href"/>
  <xsl:param name="k"/>
  <li>
    <h2><a href="{$href}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat($k, '.title')"/></xsl:call-template></a></h2>
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="concat($k, '.text')"/></xsl:call-template></p>
  </li>
</xsl:template>

<xsl:template match="services" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'services.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="services">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'services.title'"/></xsl:call-template>: <xsl:value-of select="municipality"/></h1>
  <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="'services.intro'"/></xsl:call-template></p>
  <xsl:apply-templates select="group"/>
</xsl:template>

<xsl:template match="services/group">
  <section class="group" aria-labelledby="g-{@code}">
    <h2 id="g-{@code}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('svcgroup.', @code)"/></xsl:call-template></h2>
    <xsl:choose>
      <xsl:when test="service"><xsl:apply-templates select="service"/></xsl:when>
      <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'services.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </section>
</xsl:template>

<xsl:template match="group/service">
  <article class="service" id="s-{@code}">
    <h3><xsl:value-of select="@name"/></h3>
    <dl>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'services.unit'"/></xsl:call-template></dt>
      <dd><xsl:call-template name="t"><xsl:with-param name="k" select="concat('unit.', @unit)"/></xsl:call-template></dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'services.price'"/></xsl:call-template> (<xsl:value-of select="@price-year"/>)</dt>
      <dd class="price"><xsl:call-template name="money"><xsl:with-param name="para" select="@price-para"/><xsl:with-param name="currency" select="/page/services/municipality/@currency"/></xsl:call-template></dd>
    </dl>
    <xsl:if test="@online = '1'">
      <p class="online"><a href="/applications/"><xsl:call-template name="t"><xsl:with-param name="k" select="'services.online'"/></xsl:call-template></a></p>
    </xsl:if>
    <h4><xsl:call-template name="t"><xsl:with-param name="k" select="'services.providers'"/></xsl:call-template></h4>
    <xsl:choose>
      <xsl:when test="provider">
        <ul class="providers"><xsl:apply-templates select="provider"/></ul>
      </xsl:when>
      <xsl:otherwise><p class="none"><xsl:call-template name="t"><xsl:with-param name="k" select="'services.noproviders'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </article>
</xsl:template>

<xsl:template match="provider">
  <li>
    <span class="org"><xsl:value-of select="@name"/></span>
    <span class="meta">
      <xsl:call-template name="t"><xsl:with-param name="k" select="'services.licence'"/></xsl:call-template>
      <xsl:text> </xsl:text><xsl:value-of select="@licence"/><xsl:text>, </xsl:text>
      <xsl:choose>
        <xsl:when test="@valid = '1'">
          <xsl:call-template name="t"><xsl:with-param name="k" select="'services.validto'"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:call-template name="date"><xsl:with-param name="d" select="@valid-to"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><strong><xsl:call-template name="t"><xsl:with-param name="k" select="'services.expired'"/></xsl:call-template></strong></xsl:otherwise>
      </xsl:choose>
    </span>
    <span class="meta">
      <xsl:call-template name="t"><xsl:with-param name="k" select="'services.capacity'"/></xsl:call-template>
      <xsl:text>: </xsl:text><xsl:value-of select="@capacity"/>
    </span>
  </li>
</xsl:template>

<!-- Accounts: one element, <account page="…">, for every account page. -->
<xsl:template match="account" mode="title">
  <xsl:call-template name="account-title"/>
</xsl:template>

<!-- A notice page is titled by its notice, other pages by their kind. -->
<xsl:template name="account-title">
  <xsl:choose>
    <xsl:when test="@page = 'notice'"><xsl:call-template name="t"><xsl:with-param name="k" select="concat(notice/@key, '.title')"/></xsl:call-template></xsl:when>
    <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="concat('account.', @page, '.title')"/></xsl:call-template></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template match="account">
  <h1><xsl:call-template name="account-title"/></h1>
  <xsl:apply-templates select="notice"/>
  <xsl:if test="@page = 'register'">
    <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="'register.intro'"/></xsl:call-template></p>
    <details class="privacy">
      <summary><xsl:call-template name="t"><xsl:with-param name="k" select="'register.privacy.title'"/></xsl:call-template></summary>
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'register.privacy.text'"/></xsl:call-template></p>
    </details>
  </xsl:if>
  <xsl:if test="@page = 'profile'">
    <dl class="me">
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'field.name'"/></xsl:call-template></dt>
      <dd><xsl:value-of select="/page/session/user/@name"/></dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'field.email'"/></xsl:call-template></dt>
      <dd><xsl:value-of select="/page/session/user/@email"/></dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'profile.roles'"/></xsl:call-template></dt>
      <dd>
        <xsl:for-each select="/page/session/user/role">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:call-template name="t"><xsl:with-param name="k" select="concat('role.', @name)"/></xsl:call-template>
        </xsl:for-each>
      </dd>
    </dl>
    <section aria-labelledby="pw-h">
      <h2 id="pw-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'profile.password'"/></xsl:call-template></h2>
      <xsl:apply-templates select="form[@action = '/account/password']"/>
    </section>
    <section aria-labelledby="em-h">
      <h2 id="em-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'profile.email'"/></xsl:call-template></h2>
      <xsl:apply-templates select="form[@action = '/account/email']"/>
    </section>
    <section aria-labelledby="ss-h">
      <h2 id="ss-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'profile.sessions'"/></xsl:call-template></h2>
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="ss-h">
      <table class="report">
        <thead><tr>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'profile.sessions.agent'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'profile.sessions.created'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'profile.sessions.seen'"/></xsl:call-template></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="sessions/session">
            <tr>
              <td><xsl:call-template name="agent"/>
                <xsl:if test="@id = ../../@session"> (<xsl:call-template name="t"><xsl:with-param name="k" select="'profile.sessions.current'"/></xsl:call-template>)</xsl:if>
              </td>
              <td><xsl:call-template name="when"><xsl:with-param name="t" select="@created"/></xsl:call-template></td>
              <td><xsl:call-template name="when"><xsl:with-param name="t" select="@seen"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      </div>
      <form method="post" action="/account/sessions/end">
        <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
        <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'profile.sessions.end'"/></xsl:call-template></button></p>
      </form>
    </section>
  </xsl:if>
  <xsl:if test="@page != 'profile'"><xsl:apply-templates select="form"/></xsl:if>
  <xsl:if test="@page = 'login'">
    <p><a href="/account/password/forgot"><xsl:call-template name="t"><xsl:with-param name="k" select="'login.forgot'"/></xsl:call-template></a></p>
    <p><a href="/account/register"><xsl:call-template name="t"><xsl:with-param name="k" select="'login.register'"/></xsl:call-template></a></p>
  </xsl:if>
  <xsl:if test="@page = 'notice'">
    <!-- A link that no longer works: the way to a new one. -->
    <xsl:choose>
      <xsl:when test="@for = 'invite'">
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="'token.invalid.invite'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:when test="@for = 'email'">
        <p><a href="/account/"><xsl:call-template name="t"><xsl:with-param name="k" select="'token.invalid.email'"/></xsl:call-template></a></p>
      </xsl:when>
      <xsl:when test="@for">
        <p><a href="/account/password/forgot"><xsl:call-template name="t"><xsl:with-param name="k" select="'token.invalid.again'"/></xsl:call-template></a></p>
      </xsl:when>
    </xsl:choose>
    <p><a href="/account/login"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.login'"/></xsl:call-template></a></p>
  </xsl:if>
</xsl:template>

<!-- A session's browser and system in words: ua_summary() (req.c) stores
     codes, "firefox android"; a row stored before it shows as it was. -->
<xsl:template name="agent">
  <xsl:variable name="b" select="substring-before(@agent, ' ')"/>
  <xsl:variable name="o" select="substring-after(@agent, ' ')"/>
  <xsl:choose>
    <xsl:when test="$b != '' and $o != ''
        and contains(' firefox chrome edge safari opera samsung other ', concat(' ', $b, ' '))
        and contains(' android ios windows macos linux other ', concat(' ', $o, ' '))">
      <xsl:call-template name="t"><xsl:with-param name="k" select="concat('ua.browser.', $b)"/></xsl:call-template>
      <xsl:if test="$o != 'other'">
        <xsl:text> </xsl:text>
        <xsl:call-template name="t"><xsl:with-param name="k" select="concat('ua.os.', $o)"/></xsl:call-template>
      </xsl:if>
    </xsl:when>
    <xsl:otherwise><xsl:value-of select="@agent"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- Administration: staff accounts and the audit trail. -->
<xsl:template match="admin-accounts" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'admin.accounts.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="admin-accounts">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.accounts.title'"/></xsl:call-template></h1>
  <p><a href="/registry/admin/audit"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.audit.title'"/></xsl:call-template></a></p>
  <p><a href="/registry/admin/priority-groups"><xsl:call-template name="t"><xsl:with-param name="k" select="'caseadmin.groups'"/></xsl:call-template></a>
    <xsl:text> · </xsl:text><a href="/registry/admin/supervisors"><xsl:call-template name="t"><xsl:with-param name="k" select="'caseadmin.supervisors'"/></xsl:call-template></a></p>
  <p><a href="/registry/admin/retention"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.retention.title'"/></xsl:call-template></a></p>
  <xsl:apply-templates select="form[@method = 'get']"/>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="acc-cap">
  <table class="report">
    <caption id="acc-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.accounts.caption'"/></xsl:call-template></caption>
    <thead><tr>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'field.name'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'field.email'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'profile.roles'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.status'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.actions'"/></xsl:call-template></th>
    </tr></thead>
    <tbody>
      <xsl:for-each select="accounts/account">
        <tr>
          <th scope="row"><xsl:value-of select="@name"/></th>
          <td><xsl:value-of select="@email"/></td>
          <td>
            <xsl:for-each select="role">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:call-template name="t"><xsl:with-param name="k" select="concat('role.', @name)"/></xsl:call-template>
            </xsl:for-each>
            <xsl:if test="@organisation"> (<xsl:value-of select="@organisation"/>)</xsl:if>
          </td>
          <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('status.', @status)"/></xsl:call-template></td>
          <td>
            <!-- Disabling or enabling is confirmed on its own page; one's
                 own account is not offered (it would be refused). -->
            <xsl:if test="@id != /page/session/user/@id">
              <xsl:variable name="act"><xsl:choose><xsl:when test="@status = 'disabled'">enable</xsl:when><xsl:otherwise>disable</xsl:otherwise></xsl:choose></xsl:variable>
              <a href="/registry/admin/accounts/{@id}/{$act}{../@qs}">
                <xsl:call-template name="t"><xsl:with-param name="k" select="concat('admin.', $act)"/></xsl:call-template>
                <span class="sr"><xsl:text> </xsl:text><xsl:value-of select="@email"/></span>
              </a>
            </xsl:if>
          </td>
        </tr>
      </xsl:for-each>
    </tbody>
  </table>
  </div>
  <h2 id="new-h"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.create.title'"/></xsl:call-template></h2>
  <xsl:apply-templates select="form[@method = 'post']"/>
</xsl:template>

<!-- Disable or enable an account: said in words, done by the button. -->
<xsl:template match="admin-confirm" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="concat('admin.', @action, '.title')"/></xsl:call-template>
</xsl:template>

<xsl:template match="admin-confirm">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="concat('admin.', @action, '.title')"/></xsl:call-template></h1>
  <p><strong><xsl:value-of select="account/@name"/></strong> (<xsl:value-of select="account/@email"/>)</p>
  <xsl:choose>
    <xsl:when test="@self">
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.self'"/></xsl:call-template></p>
    </xsl:when>
    <xsl:otherwise>
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="concat('admin.', @action, '.explain')"/></xsl:call-template></p>
      <form method="post" action="/registry/admin/accounts/{account/@id}/{@action}">
        <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
        <input type="hidden" name="q" value="{@q}"/>
        <p class="submit"><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('admin.', @action)"/></xsl:call-template></button></p>
      </form>
    </xsl:otherwise>
  </xsl:choose>
  <p><a href="/registry/admin/accounts{@qs}"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.back'"/></xsl:call-template></a></p>
</xsl:template>

<xsl:template match="admin-audit" mode="title">
  <xsl:call-template name="t"><xsl:with-param name="k" select="'admin.audit.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="admin-audit">
  <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.audit.title'"/></xsl:call-template></h1>
  <xsl:apply-templates select="form"/>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="aud-cap">
  <table class="report">
    <caption id="aud-cap"><xsl:call-template name="t"><xsl:with-param name="k" select="'admin.audit.caption'"/></xsl:call-template></caption>
    <thead><tr>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'audit.at'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'field.email'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'audit.role'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'audit.action'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'audit.object'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'audit.outcome'"/></xsl:call-template></th>
      <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'audit.rid'"/></xsl:call-template></th>
    </tr></thead>
    <tbody>
      <xsl:for-each select="entry">
        <tr>
          <td><xsl:call-template name="when"><xsl:with-param name="t" select="@at"/></xsl:call-template></td>
          <td><xsl:value-of select="@email"/></td>
          <td><xsl:if test="@role != ''"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('role.', @role)"/></xsl:call-template></xsl:if></td>
          <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('audit.action.', @action)"/></xsl:call-template></td>
          <td>
            <xsl:if test="@object-type != ''"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('audit.object.', @object-type)"/></xsl:call-template></xsl:if>
            <xsl:if test="@object-id"> #<xsl:value-of select="@object-id"/></xsl:if>
          </td>
          <td>
            <!-- ok, refused, not-found; a role given; or, for a refused
                 page, the page's name in the route table. -->
            <xsl:choose>
              <xsl:when test="@outcome = 'ok' or @outcome = 'refused' or @outcome = 'not-found'"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('audit.outcome.', @outcome)"/></xsl:call-template></xsl:when>
              <xsl:when test="contains(' citizen provider csw analyst editor admin ', concat(' ', @outcome, ' '))"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('role.', @outcome)"/></xsl:call-template></xsl:when>
              <xsl:otherwise><code><xsl:value-of select="@outcome"/></code></xsl:otherwise>
            </xsl:choose>
          </td>
          <td><code><xsl:value-of select="@rid"/></code></td>
        </tr>
      </xsl:for-each>
    </tbody>
  </table>
  </div>
</xsl:template>

</xsl:stylesheet>
