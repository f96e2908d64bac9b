<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CommandLine</name>
    <message numerus="yes">
        <source>Tagged %n article(s) with %1</source>
        <translation>
            <numerusform>Tagged %n article with %1</numerusform>
            <numerusform>Tagged %n articles with %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took %1 off %n article(s)</source>
        <translation>
            <numerusform>Took %1 off %n article</numerusform>
            <numerusform>Took %1 off %n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::MainWindow</name>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import finished: %n new article(s)</source>
        <translation>
            <numerusform>Import finished: %n new article</numerusform>
            <numerusform>Import finished: %n new articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Subscribed to %1: %n new article(s)</source>
        <translation>
            <numerusform>Subscribed to %1: %n new article</numerusform>
            <numerusform>Subscribed to %1: %n new articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refreshed %n feed(s): </source>
        <translation>
            <numerusform>Refreshed %n feed: </numerusform>
            <numerusform>Refreshed %n feeds: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new article(s)</source>
        <translation>
            <numerusform>%n new article</numerusform>
            <numerusform>%n new articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed (see the sidebar)</source>
        <translation>
            <numerusform>%n failed (see the sidebar)</numerusform>
            <numerusform>%n failed (see the sidebar)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelled</numerusform>
            <numerusform>%n cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) removed</source>
        <translation>
            <numerusform>%n article removed</numerusform>
            <numerusform>%n articles removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept</source>
        <translation>
            <numerusform>%n kept</numerusform>
            <numerusform>%n kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new feed(s)</source>
        <translation>
            <numerusform>%n new feed</numerusform>
            <numerusform>%n new feeds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n subscribed already</source>
        <translation>
            <numerusform>%n subscribed already</numerusform>
            <numerusform>%n subscribed already</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::OfflineController</name>
    <message numerus="yes">
        <source>Making %n article(s) available offline…</source>
        <translation>
            <numerusform>Making %n article available offline…</numerusform>
            <numerusform>Making %n articles available offline…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::SearchController</name>
    <message numerus="yes">
        <source>Tagged %n article(s) with %1</source>
        <translation>
            <numerusform>Tagged %n article with %1</numerusform>
            <numerusform>Tagged %n articles with %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took %1 off %n article(s)</source>
        <translation>
            <numerusform>Took %1 off %n article</numerusform>
            <numerusform>Took %1 off %n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::TagTreeModel</name>
    <message numerus="yes">
        <source>%1: %n article(s)</source>
        <translation>
            <numerusform>%1: %n article</numerusform>
            <numerusform>%1: %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
</context>
</TS>
