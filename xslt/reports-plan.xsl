<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC
     reports-plan.xsl: planning pages of karika-reports: unmet demand
     (demand.c), next year's forecast with its method and the budget
     proposal (forecast.c; ?print=1 is the page for the council, with the
     print stylesheet), and the scenario forms (scenario.c).  Included by
     reports.xsl; uses the rp-* templates of reports-figures.xsl. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

<!-- Basis points written as "3,50" (the forecast's @bp is "3.50"). -->
<xsl:template name="rp-percent">
  <xsl:param name="p"/>
  <xsl:choose>
    <xsl:when test="$lang = 'en'"><xsl:value-of select="format-number($p, '0.##')"/></xsl:when>
    <xsl:otherwise><xsl:value-of select="format-number($p, '0,##', 'comma')"/></xsl:otherwise>
  </xsl:choose>
  <xsl:text> %</xsl:text>
</xsl:template>

<!-- Unmet demand -->
<xsl:template match="demand" mode="title">
  <xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.demand.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="demand">
  <h1><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.demand.title'"/></xsl:call-template>: <xsl:value-of select="municipality"/>, <xsl:value-of select="@year"/></h1>
  <xsl:call-template name="rp-year-form"/>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="dm-cap">
  <table class="report demand">
    <caption id="dm-cap"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.demand.caption'"/><xsl:with-param name="n" select="@year"/></xsl:call-template></caption>
    <thead>
      <tr>
        <th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.town'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.waiting'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.refused'"/></xsl:call-template></th>
        <xsl:if test="survey">
          <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.asked'"/></xsl:call-template></th>
        </xsl:if>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.places'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.active'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.price'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.spent'"/></xsl:call-template></th>
      </tr>
    </thead>
    <tbody>
      <xsl:for-each select="row">
        <tr>
          <th scope="row"><xsl:value-of select="@name"/> (<xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('unit.', @unit)"/></xsl:call-template>)</th>
          <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="@waiting"/></xsl:call-template></td>
          <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="@refused"/></xsl:call-template></td>
          <xsl:if test="../survey">
            <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="@asked"/><xsl:with-param name="hidden" select="@asked-suppressed = '1'"/></xsl:call-template></td>
          </xsl:if>
          <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="@places"/></xsl:call-template></td>
          <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="@active"/></xsl:call-template></td>
          <td class="num"><xsl:if test="@price"><xsl:call-template name="rp-money"><xsl:with-param name="para" select="@price"/></xsl:call-template></xsl:if></td>
          <td class="num"><xsl:call-template name="rp-money"><xsl:with-param name="para" select="concat(@spent, substring('0', 1, number(not(@spent))))"/></xsl:call-template></td>
        </tr>
      </xsl:for-each>
    </tbody>
    <tfoot>
      <tr>
        <th scope="row"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'report.total'"/></xsl:call-template></th>
        <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="total/@waiting"/></xsl:call-template></td>
        <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="total/@refused"/></xsl:call-template></td>
        <xsl:if test="survey"><td></td></xsl:if>
        <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="total/@places"/></xsl:call-template></td>
        <td class="num"><xsl:call-template name="rp-count"><xsl:with-param name="n" select="total/@active"/></xsl:call-template></td>
        <td></td>
        <td class="num"><xsl:call-template name="rp-money"><xsl:with-param name="para" select="total/@spent"/></xsl:call-template></td>
      </tr>
    </tfoot>
  </table>
  </div>
  <p class="note"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.demand.waiting.note'"/></xsl:call-template></p>
  <xsl:choose>
    <xsl:when test="survey">
      <p class="note"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.demand.survey.note'"/><xsl:with-param name="n" select="survey/@respondents"/></xsl:call-template>
        <!-- The results open to all once published, before that to the
             survey's editors and the administrator only (surveys/results.c). -->
        <xsl:if test="survey/@published = '1' or /page/session/user/role[@name = 'editor' or @name = 'admin']">
          <xsl:text> </xsl:text><a href="/surveys/{survey/@code}/results"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.survey.results'"/></xsl:call-template></a>
        </xsl:if></p>
    </xsl:when>
    <xsl:otherwise><p class="note"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.demand.survey.none'"/></xsl:call-template></p></xsl:otherwise>
  </xsl:choose>
  <!-- The forecast is the analyst's and the administrator's (main.c, PERM_PLAN). -->
  <xsl:if test="/page/session/user/role[@name = 'analyst' or @name = 'admin']">
    <p><a href="/reports/forecast?year={@year}"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.forecast.link'"/></xsl:call-template></a></p>
  </xsl:if>
</xsl:template>

<!-- The forecast -->
<xsl:template match="forecast" mode="title">
  <xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.forecast.title'"/><xsl:with-param name="n" select="@next"/></xsl:call-template>
</xsl:template>

<xsl:template match="forecast">
  <h1><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.forecast.title'"/><xsl:with-param name="n" select="@next"/></xsl:call-template>: <xsl:value-of select="municipality"/></h1>
  <xsl:if test="not(@print)">
    <form method="get" action="/reports/forecast" class="inline noprint">
      <label for="f-year"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.forecast.base'"/></xsl:call-template></label>
      <xsl:text> </xsl:text>
      <input id="f-year" name="year" type="text" inputmode="numeric" maxlength="4" size="5" value="{@year}"/>
      <xsl:text> </xsl:text>
      <label for="f-scenario"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.scenario'"/></xsl:call-template></label>
      <xsl:text> </xsl:text>
      <select id="f-scenario" name="scenario">
        <xsl:for-each select="scenario">
          <option value="{@id}"><xsl:if test="@id = ../@scenario"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="@name"/></option>
        </xsl:for-each>
      </select>
      <xsl:text> </xsl:text>
      <button type="submit"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.show'"/></xsl:call-template></button>
    </form>
    <ul class="actions noprint">
      <li><a href="/reports/scenarios/new"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.scenario.new'"/></xsl:call-template></a></li>
      <xsl:if test="@scenario">
        <li><a href="/reports/scenarios/{@scenario}/edit"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.scenario.edit'"/></xsl:call-template></a></li>
        <li><a href="/reports/scenarios/{@scenario}/places"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.scenario.places.link'"/></xsl:call-template></a></li>
      </xsl:if>
      <li><a href="/reports/forecast.csv?year={@year}{substring(concat('&amp;scenario=', @scenario), 1, 100 * boolean(@scenario))}"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.forecast.csv'"/></xsl:call-template></a></li>
      <li><a href="/reports/forecast?year={@year}{substring(concat('&amp;scenario=', @scenario), 1, 100 * boolean(@scenario))}&amp;print=1"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.forecast.print'"/></xsl:call-template></a></li>
    </ul>
  </xsl:if>
  <section class="method">
    <h2><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.method.title'"/></xsl:call-template></h2>
    <p>
      <xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.scenario'"/></xsl:call-template>:
      <strong><xsl:choose><xsl:when test="@scenario-name"><xsl:value-of select="@scenario-name"/></xsl:when><xsl:otherwise><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.scenario.none'"/></xsl:call-template></xsl:otherwise></xsl:choose></strong>
    </p>
    <ol>
      <li><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.method.trend'"/><xsl:with-param name="n" select="@next"/></xsl:call-template></li>
      <li><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.method.waiting'"/><xsl:with-param name="n" select="@takeup"/></xsl:call-template></li>
      <li><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.method.extra'"/></xsl:call-template></li>
      <li><xsl:call-template name="plural"><xsl:with-param name="k" select="'reports.method.units'"/><xsl:with-param name="n" select="@months"/></xsl:call-template></li>
      <li><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.method.price'"/><xsl:with-param name="n"><xsl:call-template name="rp-percent"><xsl:with-param name="p" select="@bp"/></xsl:call-template></xsl:with-param></xsl:call-template></li>
      <li><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.method.cost'"/></xsl:call-template></li>
    </ol>
  </section>
  <div class="table-wrap" role="region" tabindex="0" aria-labelledby="fc-cap">
  <table class="report forecast">
    <caption id="fc-cap"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.forecast.caption'"/><xsl:with-param name="n" select="@next"/></xsl:call-template></caption>
    <thead>
      <tr>
        <th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.town'"/></xsl:call-template></th>
        <th scope="col"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.history'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.trend'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.from-waiting'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.extra'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.users-next'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.units-next'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.price-next'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.cost-next'"/></xsl:call-template></th>
        <th scope="col" class="num"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.col.spent'"/></xsl:call-template></th>
      </tr>
    </thead>
    <tbody>
      <xsl:for-each select="row">
        <tr>
          <th scope="row"><xsl:value-of select="@name"/> (<xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('unit.', @unit)"/></xsl:call-template>)</th>
          <td><xsl:for-each select="point"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="@year"/>: <xsl:value-of select="@users"/></xsl:for-each></td>
          <td class="num"><xsl:value-of select="@trend"/> (<xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.slope'"/><xsl:with-param name="n"><xsl:call-template name="rp-units"><xsl:with-param name="u" select="@slope"/></xsl:call-template></xsl:with-param></xsl:call-template>)</td>
          <td class="num"><xsl:value-of select="@from-waiting"/> / <xsl:value-of select="@waiting"/></td>
          <td class="num"><xsl:value-of select="@extra"/></td>
          <td class="num"><strong><xsl:value-of select="@users-next"/></strong></td>
          <td class="num"><xsl:call-template name="rp-units"><xsl:with-param name="u" select="@units-next"/></xsl:call-template></td>
          <td class="num"><xsl:call-template name="rp-money"><xsl:with-param name="para" select="@price-next"/></xsl:call-template><xsl:if test="@price-set"> *</xsl:if></td>
          <td class="num"><strong><xsl:call-template name="rp-money"><xsl:with-param name="para" select="@cost-next"/></xsl:call-template></strong></td>
          <td class="num"><xsl:call-template name="rp-money"><xsl:with-param name="para" select="@cost-base"/></xsl:call-template></td>
        </tr>
      </xsl:for-each>
    </tbody>
    <tfoot>
      <tr>
        <th scope="row" colspan="5"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'report.total'"/></xsl:call-template></th>
        <td class="num"><strong><xsl:value-of select="total/@users-next"/></strong></td>
        <td colspan="2"></td>
        <td class="num"><strong><xsl:call-template name="rp-money"><xsl:with-param name="para" select="total/@cost-next"/></xsl:call-template></strong></td>
        <td class="num"><xsl:call-template name="rp-money"><xsl:with-param name="para" select="total/@cost-base"/></xsl:call-template></td>
      </tr>
    </tfoot>
  </table>
  </div>
  <p class="note"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.forecast.note'"/><xsl:with-param name="n" select="@year"/></xsl:call-template></p>
</xsl:template>

<!-- Scenario forms: the form renders from layout.xsl. -->
<xsl:template match="scenario[@page]" mode="title">
  <xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('reports.scenario.', @page)"/></xsl:call-template>
</xsl:template>

<xsl:template match="scenario[@page]">
  <h1><xsl:call-template name="rp-t"><xsl:with-param name="k" select="concat('reports.scenario.', @page)"/></xsl:call-template><xsl:if test="@name">: <xsl:value-of select="@name"/></xsl:if></h1>
  <xsl:if test="@page = 'places'">
    <p><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.scenario.places.hint'"/></xsl:call-template></p>
  </xsl:if>
  <xsl:if test="@page != 'places'">
    <p><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.scenario.hint'"/></xsl:call-template></p>
  </xsl:if>
  <xsl:apply-templates select="form"/>
  <p><a href="/reports/forecast{substring(concat('?scenario=', @scenario), 1, 100 * boolean(@scenario))}"><xsl:call-template name="rp-t"><xsl:with-param name="k" select="'reports.forecast.back'"/></xsl:call-template></a></p>
</xsl:template>

</xsl:stylesheet>
