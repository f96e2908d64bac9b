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
    <name>folio::AnnotationPanel</name>
    <message numerus="yes">
        <source>Edited (%n earlier version(s))</source>
        <translation>
            <numerusform>Edited (%n earlier version)</numerusform>
            <numerusform>Edited (%n earlier versions)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::ArticleListModel</name>
    <message numerus="yes">
        <source>%Ln highlight(s) or note(s)</source>
        <translation>
            <numerusform>%Ln highlight or note</numerusform>
            <numerusform>%Ln highlights or notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::FeedController</name>
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
    <name>folio::MainWindow</name>
    <message numerus="yes">
        <source>Import finished: %n new article(s)</source>
        <translation>
            <numerusform>Import finished: %n new article</numerusform>
            <numerusform>Import finished: %n new articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n undated article(s) are hidden.</source>
        <translation>
            <numerusform>%n undated article is hidden.</numerusform>
            <numerusform>%n undated articles are hidden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %Ln article(s) as read</source>
        <translation>
            <numerusform>Mark %Ln article as read</numerusform>
            <numerusform>Mark %Ln articles as read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %Ln article(s) as read — Ctrl+Z undoes it</source>
        <translation>
            <numerusform>Marked %Ln article as read — Ctrl+Z undoes it</numerusform>
            <numerusform>Marked %Ln articles as read — Ctrl+Z undoes it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s)</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln unread</source>
        <translation>
            <numerusform>%1 · %Ln unread</numerusform>
            <numerusform>%1 · %Ln unread</numerusform>
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
        <source>%1: %Ln article(s)</source>
        <translation>
            <numerusform>%1: %Ln article</numerusform>
            <numerusform>%1: %Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unread</source>
        <translation>
            <numerusform>%Ln unread</numerusform>
            <numerusform>%Ln unread</numerusform>
        </translation>
    </message>
</context>
</TS>
