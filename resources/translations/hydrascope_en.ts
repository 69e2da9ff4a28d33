<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <location filename="../../widgets/casecontroller.cpp" line="18"/>
        <source>add annotation &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/casecontroller.cpp" line="44"/>
        <source>edit annotation &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/casecontroller.cpp" line="59"/>
        <source>delete annotation &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="91"/>
        <source>Timeline (mouse)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="92"/>
        <source>: zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="92"/>
        <source>Wheel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="93"/>
        <source>: pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="93"/>
        <source>Drag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="94"/>
        <source>: select a time range for every view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="94"/>
        <source>Shift+Drag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="95"/>
        <source>Tables: copy the selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="96"/>
        <source>Annotations: jump to the annotated thing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="96"/>
        <source>Double-click or Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="97"/>
        <source>Annotations: delete the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="99"/>
        <location filename="../../widgets/preferencesdialog.cpp" line="102"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="101"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="101"/>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="123"/>
        <source>About Hydrascope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="126"/>
        <source>&lt;h3&gt;Hydrascope %1&lt;/h3&gt;&lt;p&gt;An investigation dashboard for flagged distillation campaigns.&lt;/p&gt;&lt;p&gt;Copyright the Hydrascope authors. Licensed under the GNU General Public License, version 3 or later: you may redistribute and change it under its terms. There is NO WARRANTY, to the extent permitted by law.&lt;/p&gt;&lt;p&gt;Built with Qt %2, Qt Charts, QCustomPlot and SQLite.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hs</name>
    <message>
        <location filename="../../model/accounttables.cpp" line="25"/>
        <source>Organic baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="26"/>
        <source>(no campaign)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="32"/>
        <source>External ref</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="32"/>
        <location filename="../../model/accounttables.cpp" line="121"/>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="32"/>
        <location filename="../../model/accounttables.cpp" line="55"/>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="32"/>
        <location filename="../../model/accounttables.cpp" line="95"/>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="32"/>
        <location filename="../../model/accounttables.cpp" line="95"/>
        <source>Access path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="32"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="33"/>
        <location filename="../../model/accounttables.cpp" line="121"/>
        <location filename="../../model/accounttables.cpp" line="143"/>
        <source>Exchanges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="33"/>
        <source>First seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="33"/>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="55"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="55"/>
        <location filename="../../model/accounttables.cpp" line="74"/>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="55"/>
        <source>Campaign accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="55"/>
        <location filename="../../model/accounttables.cpp" line="74"/>
        <source>Baseline accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="56"/>
        <source>Campaigns mixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="74"/>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="74"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="74"/>
        <source>Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="74"/>
        <source>Example accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="121"/>
        <source>Template id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="121"/>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="121"/>
        <source>Share of campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="121"/>
        <source>Sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="143"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="143"/>
        <source>Families</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="143"/>
        <source>Top family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/accounttables.cpp" line="143"/>
        <source>Top 10 families</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hs::AccountsPage</name>
    <message>
        <location filename="../../widgets/accountspage.cpp" line="19"/>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/accountspage.cpp" line="21"/>
        <location filename="../../widgets/accountspage.cpp" line="26"/>
        <source>Clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/accountspage.cpp" line="22"/>
        <source>Accounts linked by shared indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/accountspage.cpp" line="23"/>
        <source>Access paths: share of each group&apos;s accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/accountspage.cpp" line="24"/>
        <source>Countries: share of each group&apos;s accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/accountspage.cpp" line="27"/>
        <source>Linked accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/accountspage.cpp" line="28"/>
        <source>Access paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/accountspage.cpp" line="29"/>
        <source>Countries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/accountspage.cpp" line="60"/>
        <source>Exchanges and first/last seen within %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/accountspage.cpp" line="62"/>
        <source> (whole UTC days; model and capability filters not applied: this file has no exact columns)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hs::AnnotationDialog</name>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="38"/>
        <source>Edit annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="38"/>
        <source>New annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="43"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="45"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="56"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="59"/>
        <source>Type a name or an id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="60"/>
        <source>Annotated item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="70"/>
        <source>Comma-separated, e.g. pivot, atlas-3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="71"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="76"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="77"/>
        <source>Internal (left out of external exports)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="81"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="87"/>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="88"/>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="89"/>
        <source>&amp;About:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="90"/>
        <source>Ta&amp;gs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="91"/>
        <source>&amp;Severity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="93"/>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="188"/>
        <source>The range must end after it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="192"/>
        <source>Choose the %1 from the list, or type its id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationdialog.cpp" line="195"/>
        <source>Give the annotation a title.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hs::AnnotationsPanel</name>
    <message>
        <location filename="../../widgets/annotationspanel.cpp" line="25"/>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationspanel.cpp" line="40"/>
        <source>Any kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationspanel.cpp" line="43"/>
        <source>Filter by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationspanel.cpp" line="45"/>
        <source>Any severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationspanel.cpp" line="48"/>
        <source>Filter by severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationspanel.cpp" line="57"/>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationspanel.cpp" line="58"/>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationspanel.cpp" line="59"/>
        <source>Search title, note, subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationspanel.cpp" line="63"/>
        <source>&amp;New...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationspanel.cpp" line="64"/>
        <source>&amp;Edit...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationspanel.cpp" line="65"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/annotationspanel.cpp" line="105"/>
        <source>No case open: File &gt; New case... keeps annotations beside the evidence.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hs::CampaignTableModel</name>
    <message>
        <location filename="../../model/campaigntablemodel.cpp" line="38"/>
        <source>Organic baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/campaigntablemodel.cpp" line="90"/>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/campaigntablemodel.cpp" line="90"/>
        <source>Exchanges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/campaigntablemodel.cpp" line="90"/>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/campaigntablemodel.cpp" line="90"/>
        <source>First seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/campaigntablemodel.cpp" line="91"/>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/campaigntablemodel.cpp" line="91"/>
        <source>Top capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/campaigntablemodel.cpp" line="91"/>
        <source>CoT elicitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/campaigntablemodel.cpp" line="91"/>
        <source>Pivots</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hs::CapabilitiesPage</name>
    <message>
        <location filename="../../widgets/capabilitiespage.cpp" line="30"/>
        <source>Capability mix per campaign and baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/capabilitiespage.cpp" line="34"/>
        <source>Capability mix over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/capabilitiespage.cpp" line="36"/>
        <source>Campaign shown over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/capabilitiespage.cpp" line="39"/>
        <source>Save image...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/capabilitiespage.cpp" line="46"/>
        <source>Over time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/capabilitiespage.cpp" line="66"/>
        <location filename="../../widgets/capabilitiespage.cpp" line="137"/>
        <source>Organic baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/capabilitiespage.cpp" line="75"/>
        <source>Filtered to capability: %1 (click it again to clear)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/capabilitiespage.cpp" line="76"/>
        <source>Click a capability to filter every view by it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/capabilitiespage.cpp" line="153"/>
        <source>Capability mix, %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/capabilitiespage.cpp" line="154"/>
        <source>Capability mix: campaigns against the organic baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/capabilitiespage.cpp" line="193"/>
        <source>Week starting (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/capabilitiespage.cpp" line="194"/>
        <source>Capability mix over time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/capabilitiespage.cpp" line="206"/>
        <source>Hydrascope capability mix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/capabilitiespage.cpp" line="211"/>
        <source>Save capability mix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/capabilitiespage.cpp" line="212"/>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hs::CaseActions</name>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="29"/>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="36"/>
        <source>The case file was not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="45"/>
        <source>&amp;New case...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="46"/>
        <source>Open &amp;case...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="51"/>
        <source>&amp;Annotate...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="52"/>
        <source>&amp;Save current view...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="54"/>
        <source>Saved &amp;views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="64"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="66"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="82"/>
        <source>Case %1 · reviewer %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="96"/>
        <source>Case %1: EVIDENCE DOES NOT MATCH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="96"/>
        <source>Case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="129"/>
        <source>The open evidence %1 has SHA-256 %2; the case was made for %3 with SHA-256 %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="132"/>
        <source>The evidence does not match this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="133"/>
        <source>This is not the evidence file the case was made for, or the file has changed since.

%1

Figures may differ from those the annotations were made on. The mismatch is recorded in the case&apos;s audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="142"/>
        <source>No evidence open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="142"/>
        <source>Open the evidence file first: a case is made for one evidence file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="147"/>
        <location filename="../../widgets/caseactions.cpp" line="151"/>
        <source>New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="147"/>
        <source>Hydrascope cases (*.hcase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="151"/>
        <source>Reviewer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="164"/>
        <source>Cannot create the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="169"/>
        <source>Open case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="169"/>
        <source>Hydrascope cases (*.hcase);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="178"/>
        <source>Cannot open the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="182"/>
        <source>Opened in the dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="185"/>
        <source>Where is the evidence?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="186"/>
        <source>The evidence file %1 is no longer at %2, nor beside the case. Choose where it is now; its SHA-256 is checked against the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="189"/>
        <source>Locate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="241"/>
        <source>Save current view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="241"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/caseactions.cpp" line="256"/>
        <source>(none yet: Case &gt; Save current view...)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hs::ExchangesModel</name>
    <message>
        <location filename="../../model/exchangesmodel.cpp" line="113"/>
        <location filename="../../model/exchangesmodel.cpp" line="124"/>
        <location filename="../../model/exchangesmodel.cpp" line="130"/>
        <location filename="../../model/exchangesmodel.cpp" line="136"/>
        <source>(unknown %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/exchangesmodel.cpp" line="120"/>
        <source>Organic baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/exchangesmodel.cpp" line="140"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/exchangesmodel.cpp" line="140"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/exchangesmodel.cpp" line="162"/>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/exchangesmodel.cpp" line="162"/>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/exchangesmodel.cpp" line="162"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/exchangesmodel.cpp" line="162"/>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/exchangesmodel.cpp" line="162"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/exchangesmodel.cpp" line="163"/>
        <source>Capability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/exchangesmodel.cpp" line="163"/>
        <source>Prompt family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/exchangesmodel.cpp" line="163"/>
        <source>Prompt tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/exchangesmodel.cpp" line="163"/>
        <source>Completion tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../model/exchangesmodel.cpp" line="164"/>
        <source>CoT asked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hs::ExchangesPage</name>
    <message>
        <location filename="../../widgets/exchangespage.cpp" line="25"/>
        <source>Exchanges of the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/exchangespage.cpp" line="50"/>
        <source>This file has no per-exchange columns (see the Findings panel): the exchange list is unavailable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/exchangespage.cpp" line="57"/>
        <source>%1 exchanges in the selection, in id order; more are read from the evidence as you scroll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/exchangespage.cpp" line="60"/>
        <source>Reading failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hs::FamiliesPage</name>
    <message>
        <location filename="../../widgets/familiespage.cpp" line="21"/>
        <source>Prompt families</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/familiespage.cpp" line="23"/>
        <source>Repetition per campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/familiespage.cpp" line="26"/>
        <source>Select a family to read its sample prompt (shown as plain text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/familiespage.cpp" line="27"/>
        <source>Sample prompt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hs::MainWindow</name>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="56"/>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="57"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="59"/>
        <source>Capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="62"/>
        <source>Accounts &amp;&amp; infrastructure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="64"/>
        <source>Prompt families</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="66"/>
        <source>Exchanges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="78"/>
        <source>Validation findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="79"/>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="100"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="103"/>
        <source>No investigation open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="123"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="124"/>
        <source>&amp;Open...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="125"/>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="130"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="131"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="134"/>
        <source>&amp;Preferences...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="136"/>
        <source>&amp;Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="137"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="138"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="139"/>
        <source>&amp;About Hydrascope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="165"/>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="187"/>
        <source>Open investigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="188"/>
        <source>Flagged-campaign databases (*.db *.sqlite *.sqlite3);;Hydrascope cases (*.hcase);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="200"/>
        <source>Opening %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="218"/>
        <source>Opening %1 was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="227"/>
        <source>Cannot open investigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="228"/>
        <source>%1 is not a valid flagged-campaign database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="255"/>
        <source>%1  ·  SHA-256 %2…  ·  %3 exchanges, %4 accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="332"/>
        <source>Saved view &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="340"/>
        <source>No findings: the file follows the format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="345"/>
        <source>%1 — Hydrascope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mainwindow.cpp" line="345"/>
        <source>Hydrascope</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hs::OverviewPage</name>
    <message>
        <location filename="../../widgets/overviewpage.cpp" line="55"/>
        <source>Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/overviewpage.cpp" line="84"/>
        <source>%1: %2 to %3 within 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/overviewpage.cpp" line="88"/>
        <source>exchanges; %1 by flagged campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/overviewpage.cpp" line="91"/>
        <source>accounts; %1 unflagged (baseline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/overviewpage.cpp" line="92"/>
        <source>campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/overviewpage.cpp" line="93"/>
        <source>pivots detected; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/overviewpage.cpp" line="93"/>
        <source>pivots detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/overviewpage.cpp" line="96"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/overviewpage.cpp" line="96"/>
        <source>shared infrastructure recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/overviewpage.cpp" line="99"/>
        <source>accounts in the largest cluster, %1, mixing %2 campaign(s) and %3 baseline accounts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hs::PreferencesDialog</name>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="21"/>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="35"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="36"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="39"/>
        <source>&amp;Reviewer name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="40"/>
        <source>&amp;Organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="41"/>
        <source>&amp;Classification banner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="42"/>
        <source>Pivot &amp;threshold (hourly share):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="43"/>
        <source>Default &amp;redaction profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/preferencesdialog.cpp" line="44"/>
        <source>T&amp;heme:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hs::SelectionBar</name>
    <message>
        <location filename="../../widgets/selectionbar.cpp" line="14"/>
        <source>Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/selectionbar.cpp" line="17"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/selectionbar.cpp" line="19"/>
        <source>The previous selection (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/selectionbar.cpp" line="20"/>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/selectionbar.cpp" line="27"/>
        <source>Campaigns in the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/selectionbar.cpp" line="30"/>
        <source>Model filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/selectionbar.cpp" line="34"/>
        <source>Capability filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/selectionbar.cpp" line="41"/>
        <source>Clear range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/selectionbar.cpp" line="58"/>
        <source>Organic baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/selectionbar.cpp" line="66"/>
        <source>All models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/selectionbar.cpp" line="70"/>
        <source>All capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/selectionbar.cpp" line="96"/>
        <location filename="../../widgets/selectionbar.cpp" line="117"/>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/selectionbar.cpp" line="96"/>
        <source>Whole period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/selectionbar.cpp" line="103"/>
        <source>Groups: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/selectionbar.cpp" line="116"/>
        <source>groups %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/selectionbar.cpp" line="117"/>
        <source>whole period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/selectionbar.cpp" line="119"/>
        <source>model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/selectionbar.cpp" line="121"/>
        <source>capability %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/selectionbar.cpp" line="122"/>
        <source>Filter: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hs::TablePanel</name>
    <message>
        <location filename="../../widgets/tablepanel.cpp" line="43"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tablepanel.cpp" line="59"/>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tablepanel.cpp" line="61"/>
        <source>Filter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tablepanel.cpp" line="64"/>
        <source>Save CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tablepanel.cpp" line="89"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tablepanel.cpp" line="120"/>
        <source>Save table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tablepanel.cpp" line="121"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tablepanel.cpp" line="123"/>
        <source>Save failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tablepanel.cpp" line="123"/>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hs::TimelinePage</name>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="32"/>
        <source>Traffic timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="40"/>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="41"/>
        <source>Exchanges per bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="52"/>
        <source>Split by model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="53"/>
        <source>Split by campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="54"/>
        <source>Split traffic by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="55"/>
        <source>Stacked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="57"/>
        <source>Log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="60"/>
        <source>Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="61"/>
        <source>Save image...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="62"/>
        <source>Annotate range...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="64"/>
        <source>Add an annotation for the selected time range (Shift+drag to select one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="79"/>
        <source>Wheel: zoom · drag: pan · Shift+drag: select a time range for every view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="133"/>
        <source>One bar = one %1 (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="177"/>
        <source>Organic baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="220"/>
        <source>%1: %2 to %3 within 24 h; threshold reached after %4 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="225"/>
        <source>; baseline %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="241"/>
        <source>%1 released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="342"/>
        <source>%1, one %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="345"/>
        <source>
Organic baseline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="358"/>
        <source>Hydrascope timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="370"/>
        <source>Save timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timelinepage.cpp" line="371"/>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
